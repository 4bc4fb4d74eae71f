import { scaleDecimal } from '../../decimal.js';
import type { PdfPage } from '../../formats/pdf.js';
import { loadTableVocabulary } from '../../patterns.js';
import { readTable } from './closure.js';
import { type Line, linesOf, type Piece, withCodesJoined } from './lines.js';
import type { CellRead, TableRead } from './model.js';
import { holdsFigures, LINE_NUMBERS, PROSE, tableTitle, unitOf, unitPower, unreadTable } from './printed.js';
import { plainAmount, type Token, tokensOf } from './tokens.js';

/** A row label that starts a row of its own, never the end of the one above. */
const LIST_MARK = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．])/;

/** One row of a table as printed (a side of it, for tables printed as two column groups). */
interface Row {
  label: string;
  labelX: number;
  code: string;
  readonly amounts: Piece[];
  readonly page: number;
  side: number;
  readonly y: number;
  /** Where the row begins on its line (its code, or its name). */
  readonly x: number;
  /** The font size its first piece is printed in: the measure of distances in the table. */
  readonly h: number;
}

interface Building {
  readonly table: string;
  readonly title: string;
  unit: string | null;
  readonly pages: Set<number>;
  readonly header: Piece[];
  readonly rows: Row[];
}

/** A data line cut into rows: each side's code, label and amounts. */
function rowsOf(line: Line, page: number): Row[] {
  const rows: Row[] = [];
  let row: Row | null = null;
  let last: Token | null = null;
  for (const t of tokensOf(line.pieces)) {
    const afterFigures = last !== null && (last.kind === 'amount' || last.kind === 'blank');
    const farFromLabel = last?.kind === 'text' && t.kind === 'text' && t.piece.x - last.piece.right > 2 * t.piece.h;
    if (t.kind === 'code' || (t.kind === 'text' && (row === null || afterFigures || farFromLabel))) {
      row = { label: '', labelX: t.piece.x, code: t.kind === 'code' ? t.code : '', amounts: [], page, side: rows.length, y: line.y, x: t.piece.x, h: t.piece.h };
      rows.push(row);
    }
    if (t.kind === 'text' && row) {
      if (!row.label) row.labelX = t.piece.x;
      row.label += unspaced(t.piece.str);
    } else if (t.kind === 'amount') {
      if (!row) {
        row = { label: '', labelX: t.piece.x, code: '', amounts: [], page, side: rows.length, y: line.y, x: t.piece.x, h: t.piece.h };
        rows.push(row);
      }
      row.amounts.push(t.piece);
    }
    last = t;
  }
  return rows;
}

/** A name set with spaces between its characters (justified): 行 政 事 业 单 位 → 行政事业单位. */
const unspaced = (s: string) => s.replace(/(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])/g, '');

const hasFigures = (line: Line) => tokensOf(line.pieces).some((t) => t.kind === 'amount' || t.kind === 'blank');

/**
 * The tables of a PDF read from its pieces of text and their positions: a title from the
 * vocabulary opens a table, its unit line says 万元 or 元, the lines before the first row of
 * figures are its header, rows follow (across pages while no title or prose comes), and columns
 * are the right edges the figures line up on, named by the header above them.
 */
export function readPdfTables(pages: readonly PdfPage[]): TableRead[] {
  const out: TableRead[] = [];
  let open: Building | null = null;
  const finish = () => {
    // a title in a table of contents: no unit, and no figure but page numbers after it
    const mention = open !== null && open.unit === null && open.rows.every((r) => r.amounts.every((p) => /^\d{1,3}$/.test(p.str)));
    if (open && !mention && (open.rows.length || open.unit)) out.push(finished(open));
    open = null;
  };
  for (const page of pages) {
    for (const line of withCodesJoined(linesOf(page.items, page.rules.across))) {
      const title = tableTitle(line.text);
      if (title) {
        finish();
        open = { table: title.id, title: title.title, unit: null, pages: new Set([page.number]), header: [], rows: [] };
        continue;
      }
      if (!open) continue;
      const b: Building = open;
      const unit = unitOf(line.text);
      if (unit) {
        b.unit ??= unit;
        if (!hasFigures(line)) continue;
      }
      const codeAlone = line.pieces.length === 1 && /^\d{3}(?:\d{2}){0,2}$/.test(line.text);
      if (hasFigures(line) || (codeAlone && b.rows.length)) {
        const rows = rowsOf(line, page.number).filter((r) => !LINE_NUMBERS.test(r.label));
        // the first row's name may have been taken for the header: its first half just above it
        if (rows.length && !b.rows.length) b.rows.push(...nameAbove(b, rows[0] as Row, page.number));
        if (rows.length) {
          b.rows.push(...rows);
          b.pages.add(page.number);
        } else if (!b.rows.length) b.header.push(...line.pieces);
        continue;
      }
      if (PROSE.test(line.text) || (line.text.length > 40 && line.pieces.length <= 2)) {
        finish();
        continue;
      }
      if (!b.rows.length) {
        b.header.push(...line.pieces);
        continue;
      }
      // the rest of a name, or a row with empty cells: put together when the table is finished
      b.rows.push(...rowsOf(line, page.number));
    }
  }
  finish();
  return out;
}

/**
 * Labels broken over lines put back together. A name that wraps is printed on two lines with its
 * code and figures centred between them, or on the line with the figures and the line below:
 * a line of text alone goes to the row below it when that row has no name (its first half), else
 * to the row above when it is close under it and starts no list item (the rest of its name).
 * Otherwise it is a row whose cells are empty.
 */
function mergeLabels(rows: readonly Row[]): Row[] {
  const out: Row[] = [];
  const textOnly = (r: Row) => !r.code && !r.amounts.length && r.label !== '';
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k] as Row;
    const next = rows[k + 1];
    // a code alone on its line: the row just below (its name and figures) has it
    if (r.code && !r.label && !r.amounts.length && next && !next.code && next.page === r.page && next.y - r.y <= 1.6 * r.h) {
      next.code = r.code;
      continue;
    }
    if (textOnly(r) && next && next.page === r.page && !next.label && next.y - r.y <= 1.6 * r.h) {
      next.label = r.label;
      next.labelX = r.labelX;
      continue;
    }
    const prev = out[out.length - 1];
    if (textOnly(r) && prev && prev.page === r.page && prev.label && !LIST_MARK.test(r.label) && r.y - prev.y <= 1.6 * r.h && Math.abs(r.labelX - prev.labelX) < 3 * r.h) {
      prev.label += r.label;
      continue;
    }
    out.push(r);
  }
  return out;
}

/**
 * The header's last line when it is the first half of the first row's name (a name wrapped
 * above its code and figures): text alone, close above the row, left of its figures.
 */
function nameAbove(b: Building, first: Row, page: number): Row[] {
  if (first.label) return [];
  const firstFigure = first.amounts[0]?.x ?? Number.POSITIVE_INFINITY;
  const above = b.header.filter((p) => first.y - p.y > 0 && first.y - p.y <= 1.6 * first.h && p.right < firstFigure);
  if (above.length !== 1) return [];
  const p = above[0] as Piece;
  b.header.splice(b.header.indexOf(p), 1);
  return [{ label: unspaced(p.str), labelX: p.x, code: '', amounts: [], page, side: 0, y: p.y, x: p.x, h: p.h }];
}

/**
 * Which side of the table each row is on, by where it begins: a table printed as two column
 * groups side by side has rows beginning at two places (a row may stand alone on its line).
 */
function placeSides(rows: Row[]): void {
  const second = rows.filter((r) => r.side > 0);
  if (!second.length) return;
  const boundary = Math.min(...second.map((r) => r.x - 2 * r.h));
  for (const r of rows) r.side = r.x >= boundary ? 1 : 0;
}

/**
 * The columns of a table: the horizontal extents its figures share, left to right. Figures of
 * one column overlap one another whether the column aligns them right or centres them; figures
 * of neighbouring columns never do.
 */
function columnsOf(rows: readonly Row[]): Array<{ left: number; right: number }> {
  const pieces = rows.flatMap((r) => r.amounts).sort((a, b) => a.x - b.x);
  const columns: Array<{ left: number; right: number }> = [];
  for (const p of pieces) {
    const c = columns[columns.length - 1];
    // sorted by left edge: a figure overlaps the last column or opens the next
    if (c && p.x < c.right - 0.5) c.right = Math.max(c.right, p.right);
    else columns.push({ left: p.x, right: p.right });
  }
  return columns;
}

/**
 * A column's header as printed (the header pieces above it, top to bottom) and its canonical id.
 * A piece is above a column when it overlaps the column's figures; when none does, when its centre
 * lies in the column's zone, halfway to the neighbouring columns (a header centred over narrow
 * figures aligned right).
 */
function columnName(header: readonly Piece[], col: { left: number; right: number; zoneLeft: number; zoneRight: number }): { id: string; label: string } {
  const overlapping = header.filter((p) => p.x < col.right + 2 && p.right > col.left - 2);
  const inZone = header.filter((p) => (p.x + p.right) / 2 >= col.zoneLeft && (p.x + p.right) / 2 < col.zoneRight);
  const over = (overlapping.length ? overlapping : inZone).sort((a, b) => a.y - b.y || a.x - b.x);
  const label = over.map((p) => p.str).join('');
  const vocabulary = loadTableVocabulary().columns;
  for (const p of [...over].reverse()) {
    const found = vocabulary.find((c) => c.pattern.test(p.str));
    if (found) return { id: found.id, label };
  }
  return { id: vocabulary.find((c) => c.pattern.test(label))?.id ?? '', label };
}

/** Each column's zone: halfway to its neighbours (the first reaches as far left as it is wide, at most). */
function zones(columns: ReadonlyArray<{ left: number; right: number }>, h: number): Array<{ left: number; right: number; zoneLeft: number; zoneRight: number }> {
  return columns.map((c, i) => {
    const prev = columns[i - 1];
    const next = columns[i + 1];
    const width = Math.max(c.right - c.left, 3 * h);
    return { ...c, zoneLeft: prev ? (prev.right + c.left) / 2 : c.left - width / 2, zoneRight: next ? (c.right + next.left) / 2 : c.right + width / 2 };
  });
}

function finished(b: Building): TableRead {
  const pages = [...b.pages].sort((x, y) => x - y);
  const rows = mergeLabels(b.rows);
  placeSides(rows);
  const base = { table: b.table, title: b.title, pages, rows: rows.length };
  const figures = rows.reduce((n, r) => n + r.amounts.length, 0);
  if (figures === 0) return unreadTable(base, 'noFigures');
  if (b.unit === null) return unreadTable(base, 'noUnit');
  const unit = b.unit ?? '';
  const columns = zones(columnsOf(rows), rows[0]?.h ?? 0).map((c) => ({ ...c, ...columnName(b.header, c) }));
  const cells: CellRead[] = [];
  for (const [n, row] of rows.entries()) {
    for (const p of row.amounts) {
      const col = columns.find((c) => p.x >= c.left && p.right <= c.right) ?? columns[0];
      if (!col || !holdsFigures(col.id)) continue;
      const raw = plainAmount(p.str);
      cells.push({
        table: b.table,
        title: b.title,
        row_label: row.label,
        code: row.code,
        column: col.id,
        column_label: col.label,
        raw: p.str,
        yuan: scaleDecimal(raw, unitPower(unit)),
        unit,
        page: row.page,
        x: Math.round(p.x * 10) / 10,
        y: Math.round(p.y * 10) / 10,
        row: n + 1,
        side: row.side,
      });
    }
  }
  return readTable(base, cells);
}
