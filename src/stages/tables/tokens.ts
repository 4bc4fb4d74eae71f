import type { Piece } from './lines.js';
import { AMOUNT, BLANK, WHOLE_CODE } from './printed.js';

/** A classification code cut into 类 (3 digits), 款 and 项 (2 each), or whole (3, 5, 7 digits). */
const CODE_PART = /^\d{2,7}$/;
/**
 * A 款 or 项 printed as a number, its leading zero lost (`301  2  津贴补贴` for 30102): one digit in
 * the code columns, between the 类 and the name.
 */
const UNPADDED = /^\d$/;
/** A code printed against its name: `2010601行政运行`. */
const CODE_NAME = /^(\d{3}(?:\d{2}){0,2})(?=[^\d.,])(.+)$/;

export type Token = { readonly kind: 'amount' | 'blank' | 'text'; readonly piece: Piece } | { readonly kind: 'code'; readonly piece: Piece; readonly code: string };

/** What a piece is: an amount, a blank cell, a classification code, or text. */
export function tokensOf(pieces: readonly Piece[]): Token[] {
  const out: Token[] = [];
  for (const p of pieces) {
    const glued = CODE_NAME.exec(p.str);
    if (glued && !out.some((t) => t.kind !== 'code')) {
      const code: Token = { kind: 'code', piece: p, code: glued[1] as string };
      const name: Token = { kind: 'text', piece: { ...p, str: glued[2] as string } };
      out.push(code, name);
    } else if (AMOUNT.test(p.str)) out.push({ kind: 'amount', piece: p });
    else if (BLANK.test(p.str)) out.push({ kind: 'blank', piece: p });
    else out.push({ kind: 'text', piece: p });
  }
  return codesOfSides(codesFirst(out));
}

/**
 * A code that opens the second side of a table printed as two column groups (the economic
 * table's `302 商品和服务支出`, or `302 01 办公费`, after the figures of the left side): digits after
 * figures and before a name.
 */
function codesOfSides(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const before = out[out.length - 1];
    const afterFigures = before?.kind === 'amount' || before?.kind === 'blank';
    // the code's parts: whole (3, 5 or 7 digits), or 类 then 款 (项) of 2 digits each
    let k = i;
    const parts: string[] = [];
    while (k < tokens.length && tokens[k]?.kind === 'amount' && CODE_PART.test(tokens[k]?.piece.str ?? '') && parts.length < 3) parts.push((tokens[k++] as Token).piece.str);
    const shaped = parts.length === 1 ? WHOLE_CODE.test(parts[0] ?? '') : parts[0]?.length === 3 && parts.slice(1).every((p) => p.length === 2);
    // after a name with no figures (its cells empty): only a code cut into 类 款, never a lone number
    const afterName = before?.kind === 'text' && parts.length >= 2;
    if (t.kind === 'amount' && (afterFigures || afterName) && parts.length && shaped && tokens[k]?.kind === 'text') {
      out.push({ kind: 'code', piece: { ...t.piece, str: parts.join('') }, code: parts.join('') });
      i = k - 1;
    } else out.push(t);
  }
  return out;
}
/**
 * Leading digit-only pieces are the row's code when they are 类 款 (项) in their columns (3
 * digits, then parts of 2), when a name follows them, or when figures with a decimal point or
 * separators follow one of them (a whole code of 3, 5 or 7 digits).
 * Joined, they make a 3-, 5- or 7-digit code; otherwise they stay amounts.
 */
function codesFirst(tokens: Token[]): Token[] {
  let k = 0;
  while (k < tokens.length && tokens[k]?.kind === 'amount' && CODE_PART.test(tokens[k]?.piece.str ?? '')) k++;
  const padded = unpadded(tokens, k);
  if (padded) return padded;
  const parts = tokens.slice(0, k).map((t) => t.piece.str);
  // 类 款 (项) printed in their columns: 3 digits, then 2-digit parts (05: never an amount)
  const split = parts.length >= 2 && parts[0]?.length === 3 && parts.slice(1, 3).every((p) => p.length === 2);
  // a whole code alone on its line (its name wrapped above and below) before printed figures
  const printed = (t: Token | undefined) => t?.kind === 'blank' || (t?.kind === 'amount' && /[.,]/.test(t.piece.str));
  // a code alone on its line, its name and figures on the next
  if (tokens.length === 1 && k === 1 && WHOLE_CODE.test(parts[0] ?? '')) return [{ kind: 'code', piece: (tokens[0] as Token).piece, code: parts[0] as string }];
  if (split) k = Math.min(k, 3);
  else if (k >= 1 && !/[.,]/.test(parts[0] ?? '') && printed(tokens[1])) k = 1;
  else if (k === 0 || tokens[k]?.kind !== 'text') return tokens;
  const code = parts.slice(0, k).join('');
  if (![3, 5, 7].includes(code.length)) return tokens;
  const first = tokens[0] as Token;
  return [{ kind: 'code', piece: { ...first.piece, str: code }, code }, ...tokens.slice(k)];
}

/**
 * 类 then 款 (项) parts of which one lost its leading zero, right before the name: the code with
 * the zeros put back. Null when the line does not open that way.
 */
function unpadded(tokens: Token[], k: number): Token[] | null {
  const first = tokens[0];
  if (k !== 1 || first?.piece.str.length !== 3) return null;
  let n = 1;
  while (n < 3 && tokens[n]?.kind === 'amount' && /^\d{1,2}$/.test(tokens[n]?.piece.str ?? '')) n++;
  const parts = tokens.slice(1, n).map((t) => t.piece.str);
  if (!parts.some((p) => UNPADDED.test(p)) || tokens[n]?.kind !== 'text') return null;
  const code = first.piece.str + parts.map((p) => p.padStart(2, '0')).join('');
  return [{ kind: 'code', piece: { ...first.piece, str: code }, code }, ...tokens.slice(n)];
}

/** The digits of an amount as a plain decimal (no separators, an ASCII minus). */
export function plainAmount(s: string): string {
  return s.replace(/,/g, '').replace('−', '-');
}
