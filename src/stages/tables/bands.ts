import type { PdfItem } from '../../formats/pdf.js';
import type { Rule } from '../../formats/pdf-rules.js';

/** The rules at one height of a page, their horizontal extents merged. */
interface RuleRow {
  readonly y: number;
  readonly spans: Array<[number, number]>;
}

/** Rules closer than this (points) are one line drawn twice (a cell's bottom and the next one's top). */
const SAME = 1;

/** The page's rules across, gathered by height (each height's pieces merged where they touch). */
export function ruleRows(across: readonly Rule[]): RuleRow[] {
  const rows: RuleRow[] = [];
  for (const r of [...across].sort((a, b) => a.at - b.at || a.from - b.from)) {
    let row = rows[rows.length - 1];
    if (!row || r.at - row.y > SAME) {
      row = { y: r.at, spans: [] };
      rows.push(row);
    }
    const last = row.spans[row.spans.length - 1];
    if (last && r.from <= last[1] + 2) last[1] = Math.max(last[1], r.to);
    else row.spans.push([r.from, r.to]);
  }
  for (const row of rows) row.spans.sort((a, b) => a[0] - b[0]);
  return rows;
}

const covers = (row: RuleRow, x: number) => row.spans.some(([from, to]) => x >= from - 2 && x <= to + 2);

/** A cell row of a grid: between the rules at `top` and `bottom`. */
export interface Band {
  readonly top: number;
  readonly bottom: number;
}

/**
 * The cell row of a grid an item sits in: the nearest rules above and below it that run under
 * its middle. Null when the item is not in a grid, or when the band is too tall to be one row
 * (a frame round a whole table).
 */
function bandOf(rows: readonly RuleRow[], item: PdfItem): Band | null {
  const x = item.x + item.w / 2;
  const middle = item.y - 0.35 * item.h;
  let above: RuleRow | null = null;
  let below: RuleRow | null = null;
  for (const row of rows) {
    if (row.y < middle && covers(row, x)) above = row;
    if (row.y > middle && covers(row, x)) {
      below = row;
      break;
    }
  }
  if (!above || !below) return null;
  const height = below.y - above.y;
  return height > 0.8 * item.h && height <= 5 * item.h ? { top: above.y, bottom: below.y } : null;
}

/** The cell row a line of items sits in: the band all of them share (null when one is outside a grid). */
export function lineBand(rows: readonly RuleRow[], items: readonly PdfItem[]): Band | null {
  let top = Number.NEGATIVE_INFINITY;
  let bottom = Number.POSITIVE_INFINITY;
  for (const item of items) {
    const band = bandOf(rows, item);
    if (!band) return null;
    top = Math.max(top, band.top);
    bottom = Math.min(bottom, band.bottom);
  }
  return bottom > top ? { top, bottom } : null;
}

export const sameBand = (a: Band, b: Band) => Math.abs(a.top - b.top) <= SAME && Math.abs(a.bottom - b.bottom) <= SAME;

const NUMERIC = /^[-\d,.%]+$/;

/** Whether any of the items is a figure or a code. */
export const holdsNumbers = (items: readonly PdfItem[]) => items.some((i) => NUMERIC.test(i.str.trim()));

/**
 * Whether the items of a band are one row: no two figures or codes one above the other (a band
 * holding two rows of figures is a grid drawn without its inner rules).
 */
export function oneRow(items: readonly PdfItem[]): boolean {
  const numbers = items.filter((i) => NUMERIC.test(i.str.trim())).sort((a, b) => a.x - b.x);
  for (const [k, a] of numbers.entries()) {
    for (const b of numbers.slice(k + 1)) {
      if (b.x >= a.x + a.w - 0.5) break;
      if (Math.abs(b.y - a.y) > 0.3 * b.h) return false;
    }
  }
  return true;
}
