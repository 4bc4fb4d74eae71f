import type { CompiledCue, CueId, Patterns } from '../../patterns.js';

/** The number that opens a listed line or heading: （1） 1、 1. ① 第三部分. */
export const LIST_MARK = '(?:[(（]\\s*[一二三四五六七八九十\\d]{1,3}\\s*[)）]|[一二三四五六七八九十\\d]{1,3}\\s*[.、．]|[①-⑳]|第[一二三四五六七八九十]+)';

const CLAUSE_MARKS = new Set([...',，:：、'].map((c) => c.charCodeAt(0)));

const IDEOGRAPHIC_COMMA = '、'.charCodeAt(0);

/** A 、 that joins the two sides of the accounts into one name (收入、支出总计; 收、支均增加): no clause mark. */
const joinsSides = (s: string, i: number): boolean => s.charCodeAt(i) === IDEOGRAPHIC_COMMA && /收入?$/u.test(s.slice(Math.max(0, i - 2), i)) && s[i + 1] === '支';

/** The last clause of `s` that is not blank (clauses split at , ， : ： 、). */
export function lastClause(s: string): string {
  let end = s.length;
  for (let i = s.length - 1; i >= -1; i--) {
    if (i >= 0 && (!CLAUSE_MARKS.has(s.charCodeAt(i)) || joinsSides(s, i))) continue;
    const part = s.slice(i + 1, end);
    if (part.trim() !== '') return part;
    end = i;
  }
  return '';
}

const blank = (m: string) => '#'.repeat(m.length);

/** Whether `s` may hold a match of the cue (it has one of the characters every match holds). */
export function mayMatch(cue: CompiledCue, s: string): boolean {
  return cue.anyOf === null || cue.anyOf.test(s);
}

/** `s` with every match of the cues replaced by `#` of the same length (offsets kept). */
export function maskCues(s: string, patterns: Patterns, ids: readonly CueId[]): string {
  let out = s;
  for (const id of ids) if (mayMatch(patterns.cues[id], out)) out = out.replace(patterns.cues[id].global, blank);
  return out;
}

/** Blanks comparison objects, share parents and reasons so their words do not name the quantity. */
export function maskForSubject(s: string, patterns: Patterns): string {
  return maskCues(s, patterns, ['comparison-with', 'comparison-object', 'share-parent', 'reason']);
}

/** A subject name without its trailing 支出 (教育支出 = 教育). */
export const foldExpenditure = (s: string): string => (s.endsWith('支出') ? s.slice(0, -2) : s);
