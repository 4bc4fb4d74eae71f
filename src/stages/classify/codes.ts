import { derivedFrom, type Patterns, type Subject as TableRow } from '../../patterns.js';
import { foldExpenditure } from './text.js';

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

/** The row of a code, if the table has it. */
export function rowOfCode(patterns: Patterns, code: string): TableRow | undefined {
  return patterns.subjects.find((x) => x.code === code);
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
  const economic = /^3/.test(nextTo);
  const hits = patterns.subjects.filter((s) => (s.kind === 'economic') === economic && foldExpenditure(s.name) === foldExpenditure(name));
  const codes = new Set(hits.map((s) => s.code));
  return codes.size === 1 ? (hits[0]?.code ?? '') : '';
}
