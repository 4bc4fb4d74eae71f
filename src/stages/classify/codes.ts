import { derivedFrom, type Patterns, type Subject as TableRow } from '../../patterns.js';
import { foldExpenditure, LIST_MARK } from './text.js';

/**
 * Function subjects by `parent code|name without 支出` (the first listed wins): 类 have the parent
 * '', 款 and 项 the code of their 类 or 款.
 */
const functionByParent = derivedFrom((patterns) => {
  const index = new Map<string, TableRow>();
  for (const s of patterns.subjects) {
    if (s.kind !== 'function') continue;
    const key = `${s.code.length > 3 ? s.code.slice(0, -2) : ''}|${foldExpenditure(s.name)}`;
    if (!index.has(key)) index.set(key, s);
  }
  return index;
});

/** The rows of each code (a renamed code has several). */
const rowsByCode = derivedFrom((patterns) => {
  const index = new Map<string, TableRow[]>();
  for (const s of patterns.subjects) index.set(s.code, [...(index.get(s.code) ?? []), s]);
  return index;
});

/** The rows of each name without its 支出, by kind (function or economic). */
const rowsByName = derivedFrom((patterns) => {
  const index = new Map<string, TableRow[]>();
  for (const s of patterns.subjects) {
    const key = `${s.kind}|${foldExpenditure(s.name)}`;
    index.set(key, [...(index.get(key) ?? []), s]);
  }
  return index;
});

/** The row of a code, if the table has it. */
export function rowOfCode(patterns: Patterns, code: string): TableRow | undefined {
  return rowsByCode(patterns).get(code)?.[0];
}

/** Resolves a 类/款/项 path (names from the outermost in) to the code of its last level, or ''. */
export function resolvePath(patterns: Patterns, names: readonly string[]): { code: string; item: string } {
  const item = names[names.length - 1] ?? '';
  let parent = '';
  let code = '';
  const byParent = functionByParent(patterns);
  for (const name of names) {
    const renamed = patterns.renames.find((r) => foldExpenditure(r.oldName) === foldExpenditure(name));
    const hit = byParent.get(`${parent}|${foldExpenditure(name)}`) ?? (renamed?.code.startsWith(parent) ? { code: renamed.code } : null);
    if (!hit) return { code: '', item };
    code = hit.code;
    parent = hit.code;
  }
  return { code, item };
}

/**
 * The code the table gives this very name, of the kind of the line before (function or economic,
 * told by its code: 3xx economic), or '' (a name the table does not hold, or holds twice).
 */
export function codeOfName(patterns: Patterns, name: string, nextTo: string): string {
  const kind = /^3/.test(nextTo) ? 'economic' : 'function';
  const hits = rowsByName(patterns).get(`${kind}|${foldExpenditure(name)}`) ?? [];
  const codes = new Set(hits.map((s) => s.code));
  return codes.size === 1 ? (hits[0]?.code ?? '') : '';
}

/** A name written with its code in front: 205-教育支出, 20502－普通教育, 2080505 机关事业单位基本养老保险缴费支出, [2010801]行政运行. */
const CODED = new RegExp(
  `^\\s*(?:${LIST_MARK}\\s*)?[[【(（]?((?:2[0-3]\\d|3[019]\\d|5\\d\\d)(?:\\d{2}){0,2})[\\]】)）]?\\s*[-－—–‐.．、:：]?\\s*(?![年月日号元万亿])([\\u4e00-\\u9fff][\\u4e00-\\u9fff()（）、“”"]*)$`,
  'u',
);
/** Words after an item's name that say which figure follows, not part of the name (教育支出决算数为). */
const FIGURE_WORDS = /(?:(?:年初|调整)?预算数?|决算数?|执行数|合计|小计|金额|为|是|共计|共|计|达)+$/u;

export interface CodedName {
  readonly code: string;
  readonly name: string;
  /** The code and name as matched in the clause. */
  readonly text: string;
  /** The name the table gives that code, where it differs from the text's (a mismatch to report). */
  readonly tableName: string | null;
}

/**
 * The code and name of a clause that writes its item with the code in front, or null. The code
 * is the text's; the table is asked only whether it names that code otherwise.
 */
export function codedName(patterns: Patterns, clause: string): CodedName | null {
  const m = CODED.exec(clause);
  if (!m) return null;
  const code = m[1] as string;
  const name = (m[2] as string).replace(/[“”"]/g, '').replace(FIGURE_WORDS, '');
  // a name has two characters at least (22017年预算数 is a year with a footnote digit, no code)
  if (name.length < 2) return null;
  const rows = rowsByCode(patterns).get(code) ?? [];
  const same = rows.some((r) => foldExpenditure(r.name) === foldExpenditure(name));
  const renamed = patterns.renames.some((r) => r.code === code && foldExpenditure(r.oldName) === foldExpenditure(name));
  const tableName = rows.length && !same && !renamed ? (rows[0]?.name ?? null) : null;
  return { code, name, text: m[0].trim(), tableName };
}
