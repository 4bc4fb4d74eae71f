import type { MetricEntry, Patterns, Subject } from '../patterns.js';

/** What a literal phrase can name: metrics, classification subjects, an expenditure family. */
export interface PhraseInfo {
  readonly metrics: MetricEntry[];
  readonly subjects: Subject[];
  readonly family: string | null;
  /** The canonical name when the phrase is an old (renamed) subject name. */
  readonly renamedTo: string | null;
}

export interface PhraseMatch {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly info: PhraseInfo;
}

/** Quotes and white space do not matter for phrases (“三公”经费 = 三公经费). */

/** A string with the ignored characters removed, and where each kept character came from. */
export interface Compact {
  readonly text: string;
  readonly at: number[];
}

const IGNORED_CODES = new Set([0x22, 0x27, 0x201c, 0x201d, 0x2018, 0x2019, 0x300c, 0x300d, 0x300e, 0x300f]);

function ignored(c: number): boolean {
  return c <= 0x20 || c === 0xa0 || c === 0x3000 || c === 0x2028 || c === 0x2029 || IGNORED_CODES.has(c) || (c >= 0x2000 && c <= 0x200a);
}

/** The text of `compact(s)` alone, without the offsets (most callers need only the text). */
export function compactText(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    if (!ignored(s.charCodeAt(i))) continue;
    if (i > from) out += s.slice(from, i);
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

export function compact(s: string, offset = 0): Compact {
  const parts: string[] = [];
  const at: number[] = [];
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    if (!ignored(s.charCodeAt(i))) {
      at.push(offset + i);
      continue;
    }
    if (i > from) parts.push(s.slice(from, i));
    from = i + 1;
  }
  if (from < s.length) parts.push(s.slice(from));
  return { text: parts.join(''), at };
}

export interface PhraseMatcher {
  /** Every phrase in `s`, left to right; at one position the longest phrase wins. */
  find(s: string): PhraseMatch[];
  readonly table: ReadonlyMap<string, PhraseInfo>;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Subject names as they appear in text: with and without a trailing 支出, full-width brackets folded. */
function subjectVariants(name: string): string[] {
  const n = name.replace(/（/g, '(').replace(/）/g, ')');
  const out = new Set([n]);
  if (n.endsWith('支出') && n.length > 4) out.add(n.slice(0, -2));
  else out.add(`${n}支出`);
  for (const v of [...out]) if (v.includes('的')) out.add(v.replace(/的/g, ''));
  return [...out];
}

export function buildPhraseMatcher(patterns: Patterns): PhraseMatcher {
  const table = new Map<string, { metrics: MetricEntry[]; subjects: Subject[]; family: string | null; renamedTo: string | null }>();
  const slot = (phrase: string) => {
    let s = table.get(phrase);
    if (!s) {
      s = { metrics: [], subjects: [], family: null, renamedTo: null };
      table.set(phrase, s);
    }
    return s;
  };
  for (const entry of patterns.metrics) for (const p of entry.phrases) slot(p).metrics.push(entry);
  for (const [p, family] of Object.entries(patterns.families)) slot(p).family = family;
  for (const subject of patterns.subjects) {
    if (subject.name.length < 2) continue;
    for (const v of subjectVariants(subject.name)) slot(v).subjects.push(subject);
  }
  for (const r of patterns.renames) {
    const target = patterns.subjects.find((s) => s.code === r.code);
    if (!target) continue;
    for (const v of subjectVariants(r.oldName)) {
      const s = slot(v);
      s.subjects.push({ ...target, name: r.oldName });
      s.renamedTo = target.name;
    }
  }
  // 公务用车运行维护费支出 (a subject name + 支出) still names the metric of 公务用车运行维护费
  for (const [literal, info] of table) {
    if (info.metrics.length) continue;
    const base = literal.endsWith('支出') ? table.get(literal.slice(0, -2)) : undefined;
    if (base?.metrics.length) info.metrics.push(...base.metrics);
  }
  const literals = [...table.keys()].sort((a, b) => b.length - a.length);
  const regex = new RegExp(literals.map(escape).join('|'), 'gu');
  // the same clause and heading texts are asked about again and again: remember the answers
  const cache = new Map<string, PhraseMatch[]>();
  return {
    table,
    find(s: string) {
      const known = cache.get(s);
      if (known) return known;
      const out: PhraseMatch[] = [];
      regex.lastIndex = 0;
      for (const m of s.matchAll(regex)) {
        const info = table.get(m[0]);
        if (info) out.push({ text: m[0], start: m.index, end: m.index + m[0].length, info });
      }
      if (cache.size > 5000) cache.clear();
      if (s.length < 400) cache.set(s, out);
      return out;
    },
  };
}
