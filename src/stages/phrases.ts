import type { MetricEntry, Patterns, Subject } from '../patterns.js';

/** What a literal phrase can name: metrics, classification subjects, an expenditure family. */
export interface PhraseInfo {
  readonly metrics: MetricEntry[];
  readonly subjects: Subject[];
  readonly family: string | null;
  /** The canonical name when the phrase is an old (renamed) subject name. */
  readonly renamedTo: string | null;
  /** The expenditure family the phrase names: its own (一般公共预算财政拨款) or that of the total it names (支出总计). */
  readonly namesFamily: string | null;
}

/** The expenditure family a phrase names: its own, or that of a total of a family among its metrics. */
function familyNamedBy(family: string | null, metrics: readonly MetricEntry[]): string | null {
  if (family) return family;
  for (const e of metrics) {
    if (e.weak) continue;
    for (const x of Array.isArray(e.metric) ? e.metric : [e.metric]) {
      const f = /^((?:\w+_)?expenditure)\.(?:total|current_year)$/.exec(x)?.[1];
      if (f) return f;
    }
  }
  return null;
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
  for (const g of c.gaps) {
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
      s = { metrics: [], subjects: [], family: null, renamedTo: null };
      table.set(phrase, s);
    }
    return s;
  };
  for (const entry of patterns.metrics) for (const p of entry.phrases) slot(p).metrics.push(entry);
  // the words that name a line of a metric (专业技术人员 of staff.actual) name that metric
  for (const [metric, words] of Object.entries(patterns.itemized)) {
    const entry = patterns.metrics.find((e) => e.metric === metric && !e.weak && !e.inGroup);
    if (!entry) continue;
    for (const w of words) if (!slot(w).metrics.length) slot(w).metrics.push(entry);
  }
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
  // the family each phrase names, now that all are complete
  const infos = new Map<string, PhraseInfo>();
  for (const [literal, info] of table) infos.set(literal, { ...info, namesFamily: familyNamedBy(info.family, info.metrics) });
  const trie = buildTrie(infos);
  // the same clause and heading texts are asked about again and again: remember the answers
  // (on the 112 distinct corpus documents two calls in three are repeats, a third of the characters)
  const cache = new Map<string, PhraseMatch[]>();
  return {
    table: infos,
    find(s: string) {
      const known = cache.get(s);
      if (known) return known;
      const out = findLongest(trie, s);
      if (cache.size > 5000) cache.clear();
      if (s.length < 400) cache.set(s, out);
      return out;
    },
  };
}

/**
 * The phrases as a trie in typed arrays. Each character phrases use has a small code (`codes`;
 * 0 for a character no phrase has); a node's children are a run of (code, node) pairs sorted by
 * code, found by a scan (a deep node has one or a few) or a binary search; the root's children
 * are a table by code. A step of the walk is a few typed-array reads, where a Map per node cost a
 * hash look-up per character.
 */
interface Trie {
  readonly codes: Uint16Array;
  /** The root's child for each code (−1: none). */
  readonly rootChild: Int32Array;
  readonly childStart: Int32Array;
  readonly childCount: Int32Array;
  readonly childCode: Uint16Array;
  readonly childNode: Int32Array;
  /** Where a phrase ends: its literal and what it names (null elsewhere). */
  readonly literal: Array<string | null>;
  readonly info: Array<PhraseInfo | null>;
}

function buildTrie(table: ReadonlyMap<string, PhraseInfo>): Trie {
  const codes = new Uint16Array(0x10000);
  let nCodes = 0;
  // nodes as maps while building (node 0 is the root), packed into typed arrays below
  const root = new Map<number, number>();
  const next = [root];
  const literal: Array<string | null> = [null];
  const info: Array<PhraseInfo | null> = [null];
  for (const [phrase, phraseInfo] of table) {
    let node = 0;
    for (let i = 0; i < phrase.length; i++) {
      const ch = phrase.charCodeAt(i);
      if (codes[ch] === 0) codes[ch] = ++nCodes;
      const code = codes[ch] as number;
      const children = next[node] as Map<number, number>;
      let child = children.get(code);
      if (child === undefined) {
        child = next.length;
        children.set(code, child);
        next.push(new Map());
        literal.push(null);
        info.push(null);
      }
      node = child;
    }
    literal[node] = phrase;
    info[node] = phraseInfo;
  }
  const rootChild = new Int32Array(nCodes + 1).fill(-1);
  for (const [code, child] of root) rootChild[code] = child;
  const childStart = new Int32Array(next.length);
  const childCount = new Int32Array(next.length);
  const edges = next.reduce((n, children) => n + children.size, 0);
  const childCode = new Uint16Array(edges);
  const childNode = new Int32Array(edges);
  let at = 0;
  for (const [n, children] of next.entries()) {
    const pairs = [...children].sort((a, b) => a[0] - b[0]);
    childStart[n] = at;
    childCount[n] = pairs.length;
    for (const [code, child] of pairs) {
      childCode[at] = code;
      childNode[at] = child;
      at++;
    }
  }
  return { codes, rootChild, childStart, childCount, childCode, childNode, literal, info };
}

/** The child of `node` by `code`, or −1. */
function childOf(t: Trie, node: number, code: number): number {
  let lo = t.childStart[node] as number;
  let hi = lo + (t.childCount[node] as number);
  // a few children: a scan; many: a binary search
  if (hi - lo <= 8) {
    for (; lo < hi; lo++) if (t.childCode[lo] === code) return t.childNode[lo] as number;
    return -1;
  }
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const c = t.childCode[mid] as number;
    if (c === code) return t.childNode[mid] as number;
    if (c < code) lo = mid + 1;
    else hi = mid;
  }
  return -1;
}

/**
 * Leftmost-longest phrase matches, not overlapping: at each position the longest phrase that
 * starts there, then on after it (what one alternation of all phrases, longest first, finds;
 * a trie walk costs the length of the phrase instead of one try per phrase).
 */
function findLongest(t: Trie, s: string): PhraseMatch[] {
  const out: PhraseMatch[] = [];
  const { codes, rootChild, info } = t;
  let i = 0;
  while (i < s.length) {
    const first = codes[s.charCodeAt(i)] as number;
    let node = first === 0 ? -1 : (rootChild[first] as number);
    if (node < 0) {
      i++;
      continue;
    }
    let best = info[node] ? node : -1;
    let bestEnd = i + 1;
    for (let j = i + 1; j < s.length; j++) {
      const code = codes[s.charCodeAt(j)] as number;
      if (code === 0) break;
      node = childOf(t, node, code);
      if (node < 0) break;
      if (info[node]) {
        best = node;
        bestEnd = j + 1;
      }
    }
    const found = best < 0 ? null : info[best];
    const text = best < 0 ? null : t.literal[best];
    if (found && typeof text === 'string') {
      out.push({ text, start: i, end: bestEnd, info: found });
      i = bestEnd;
    } else i++;
  }
  return out;
}
