import type { MetricEntry, Patterns, Subject } from '../patterns.js';
import { objectList } from '../shapes.js';

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

/**
 * A string with the ignored characters removed, and where they were: `gaps` holds the offsets (in
 * the input) of the removed characters, in order, so that an offset of `text` maps back with
 * `offsetOf` (a line has few of them: no array of every kept character).
 */
export interface Compact {
  readonly text: string;
  readonly gaps: number[];
}

/**
 * Characters phrases ignore, as a table below U+3010 (the last of them is 」 U+300F): white space
 * and control characters, straight and curly quotes, 「」『』. Looked up per character in the hot loops.
 */
const IGNORED = (() => {
  const t = new Uint8Array(0x3010);
  for (let c = 0; c <= 0x20; c++) t[c] = 1;
  for (const c of [0xa0, 0x3000, 0x2028, 0x2029, 0x22, 0x27, 0x201c, 0x201d, 0x2018, 0x2019, 0x300c, 0x300d, 0x300e, 0x300f]) t[c] = 1;
  for (let c = 0x2000; c <= 0x200a; c++) t[c] = 1;
  return t;
})();
const IGNORED_END = IGNORED.length;

/** The text of `compact(s)` alone, without the offsets (most callers need only the text). */
export function compactText(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= IGNORED_END || IGNORED[c] === 0) continue;
    if (i > from) out += s.slice(from, i);
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

export function compact(s: string): Compact {
  const gaps: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < IGNORED_END && IGNORED[c] === 1) gaps.push(i);
  }
  return { text: gaps.length ? compactText(s) : s, gaps };
}

/** The offset in the input of the character at `i` in the compact text. */
export function offsetOf(c: Compact, i: number): number {
  let at = i;
  for (let gAt = 0; gAt < c.gaps.length; gAt++) {
    const g = c.gaps[gAt] as (typeof c.gaps)[number];
    if (g > at) break;
    at++;
  }
  return at;
}

export interface PhraseMatcher {
  /** Every phrase in `s`, left to right; at one position the longest phrase wins. */
  find(s: string): PhraseMatch[];
  readonly table: ReadonlyMap<string, PhraseInfo>;
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
      // lists of objects from the start: an info with no metrics (or no subjects) keeps the
      // hidden class of one that has some (shapes.ts)
      s = { metrics: objectList<MetricEntry>(), subjects: objectList<Subject>(), family: null, renamedTo: null };
      table.set(phrase, s);
    }
    return s;
  };
  for (const entry of patterns.metrics) for (const p of entry.phrases) slot(p).metrics.push(entry);
  for (const [p, family] of Object.entries(patterns.families)) slot(p).family = family;
  for (let subjectAt = 0; subjectAt < patterns.subjects.length; subjectAt++) {
    const subject = patterns.subjects[subjectAt] as (typeof patterns.subjects)[number];
    if (subject.name.length < 2) continue;
    for (const v of subjectVariants(subject.name)) slot(v).subjects.push(subject);
  }
  for (let rAt = 0; rAt < patterns.renames.length; rAt++) {
    const r = patterns.renames[rAt] as (typeof patterns.renames)[number];
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
  // each info made again now that all are complete: setting a family (a string where null was)
  // moved the class of these objects on, and the infos made before would keep the old class
  // until each is next touched, inside optimised code, which would be thrown away for it
  for (const [literal, info] of table) table.set(literal, { metrics: info.metrics, subjects: info.subjects, family: info.family, renamedTo: info.renamedTo });
  const root = buildTrie(table);
  // the same clause and heading texts are asked about again and again: remember the answers
  const cache = new Map<string, PhraseMatch[]>();
  return {
    table,
    find(s: string) {
      const known = cache.get(s);
      if (known) return known;
      const out = findLongest(root, s);
      if (cache.size > 5000) cache.clear();
      if (s.length < 400) cache.set(s, out);
      return out;
    },
  };
}

/** A node of the phrase trie, keyed by UTF-16 code unit; `info` where a phrase ends. */
interface TrieNode {
  readonly next: Map<number, TrieNode>;
  literal: string | null;
  info: PhraseInfo | null;
}

function buildTrie(table: ReadonlyMap<string, PhraseInfo>): TrieNode {
  const root: TrieNode = { next: new Map(), literal: null, info: null };
  for (const [literal, info] of table) {
    let node = root;
    for (let i = 0; i < literal.length; i++) {
      const c = literal.charCodeAt(i);
      let child = node.next.get(c);
      if (!child) {
        child = { next: new Map(), literal: null, info: null };
        node.next.set(c, child);
      }
      node = child;
    }
    node.literal = literal;
    node.info = info;
  }
  return root;
}

/**
 * Leftmost-longest phrase matches, not overlapping: at each position the longest phrase that
 * starts there, then on after it (what one alternation of all phrases, longest first, finds;
 * a trie walk costs the length of the phrase instead of one try per phrase).
 */
function findLongest(root: TrieNode, s: string): PhraseMatch[] {
  const out: PhraseMatch[] = [];
  let i = 0;
  while (i < s.length) {
    let node: TrieNode | undefined = root;
    let best: TrieNode | null = null;
    let bestEnd = i;
    for (let j = i; j < s.length; j++) {
      node = node.next.get(s.charCodeAt(j));
      if (!node) break;
      if (node.info) {
        best = node;
        bestEnd = j + 1;
      }
    }
    if (best?.info && best.literal !== null) {
      out.push({ text: best.literal, start: i, end: bestEnd, info: best.info });
      i = bestEnd;
    } else i++;
  }
  return out;
}
