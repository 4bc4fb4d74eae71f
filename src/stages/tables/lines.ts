import type { PdfItem } from '../../formats/pdf.js';
import type { Rule } from '../../formats/pdf-rules.js';
import { type Band, holdsNumbers, lineBand, oneRow, ruleRows, sameBand } from './bands.js';

/** A piece of text on a line of a page, with where it is (points, top-left origin). */
export interface Piece {
  readonly str: string;
  readonly x: number;
  readonly y: number;
  readonly right: number;
  readonly h: number;
}

/** The pieces at one height of a page, left to right. */
export interface Line {
  readonly y: number;
  readonly pieces: Piece[];
  /** The line's text without spaces. */
  readonly text: string;
}

/**
 * The lines of a page: pieces whose baselines follow each other by less than 0.6 of a font size
 * (a cell's code, name and figures are often set a few points apart). Where the page draws a
 * grid, lines in one cell row are one line, wherever in the cell they are set (figures centred
 * beside a name on two lines sit lower than its code). Pieces are read left to right, those one
 * above the other top to bottom; pieces that touch (a run the PDF split) are joined.
 */
export function linesOf(items: readonly PdfItem[], across: readonly Rule[] = []): Line[] {
  const grid = ruleRows(across);
  const groups = byHeight(items);
  return (grid.length ? byBand(groups, grid) : groups).map(lineOf);
}

/**
 * Lines that share a cell row put together when the row holds figures or codes (a title and the
 * line under it may share a header cell: they stay apart), unless that would stack two figures in
 * one column.
 */
function byBand(groups: readonly PdfItem[][], grid: ReturnType<typeof ruleRows>): PdfItem[][] {
  const out: PdfItem[][] = [];
  let band: Band | null = null;
  for (const g of groups) {
    const own = lineBand(grid, g);
    const last = out[out.length - 1];
    const merged = last && band && own && sameBand(band, own) ? [...last, ...g] : null;
    if (last && merged && holdsNumbers(merged) && oneRow(merged)) last.push(...g);
    else {
      out.push([...g]);
      band = own;
    }
  }
  return out;
}

/** Pieces grouped by height: each within 0.6 of a font size of the one above it. */
function byHeight(items: readonly PdfItem[]): PdfItem[][] {
  const sorted = [...items].sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: PdfItem[][] = [];
  let group: PdfItem[] = [];
  let last = Number.NEGATIVE_INFINITY;
  for (const item of sorted) {
    if (group.length && item.y - last > 0.6 * Math.max(item.h, 4)) {
      groups.push(group);
      group = [];
    }
    last = item.y;
    group.push(item);
  }
  if (group.length) groups.push(group);
  return groups;
}

function lineOf(group: readonly PdfItem[]): Line {
  const pieces = joined(readingOrder(group));
  return { y: Math.min(...group.map((i) => i.y)), pieces, text: pieces.map((p) => p.str).join('') };
}

/** Left to right; pieces whose extents overlap (a name wrapped in its cell) top to bottom. */
function readingOrder(items: readonly PdfItem[]): PdfItem[] {
  const stacks: PdfItem[][] = [];
  let right = Number.NEGATIVE_INFINITY;
  for (const item of [...items].sort((a, b) => a.x - b.x)) {
    const stack = stacks[stacks.length - 1];
    if (stack && item.x < right - 0.5) {
      stack.push(item);
      right = Math.max(right, item.x + item.w);
    } else {
      stacks.push([item]);
      right = item.x + item.w;
    }
  }
  return stacks.flatMap((s) => s.sort((a, b) => a.y - b.y || a.x - b.x));
}

/** Pieces of one line with touching runs joined (a gap under a fifth of the font size). */
function joined(items: readonly PdfItem[]): Piece[] {
  const out: Piece[] = [];
  for (const it of items) {
    const str = it.str.trim();
    if (!str) continue;
    const last = out[out.length - 1];
    if (last && it.x - last.right < 0.2 * it.h && it.x >= last.x) {
      out[out.length - 1] = { ...last, str: last.str + str, right: Math.max(last.right, it.x + it.w) };
    } else out.push({ str, x: it.x, y: it.y, right: it.x + it.w, h: it.h });
  }
  return out;
}

/**
 * A line of codes alone (类 款 …) joined to the line just below it, when that line holds the
 * names: some exporters set a row's codes a few points above its name and figures.
 */
export function withCodesJoined(lines: readonly Line[]): Line[] {
  const out: Line[] = [];
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k] as Line;
    const next = lines[k + 1];
    const h = line.pieces[0]?.h ?? 0;
    const codesOnly = line.pieces.length > 0 && line.pieces.every((p) => /^\d{2,7}$/.test(p.str));
    if (codesOnly && next && next.y - line.y <= 0.8 * h && next.pieces.some((p) => /[\u3400-\u9fff]/.test(p.str))) {
      const pieces = [...line.pieces, ...next.pieces].sort((a, b) => a.x - b.x);
      out.push({ y: line.y, pieces, text: pieces.map((p) => p.str).join('') });
      k++;
    } else out.push(line);
  }
  return out;
}
