import { scaleDecimal } from '../../decimal.js';
import type { GridTable } from '../../formats/html-tables.js';
import { loadTableVocabulary } from '../../patterns.js';
import { readTable } from './closure.js';
import type { CellRead, TableRead } from './model.js';
import { AMOUNT, BLANK, holdsFigures, LINE_NUMBERS, tableTitle, unitOf, unitPower, unreadTable, WHOLE_CODE } from './printed.js';
import { plainAmount } from './tokens.js';

const CODE_PARTS = [/^\d{3}$/, /^\d{2}$/, /^\d{2}$/];

/** The standard table a grid is, by the title printed before it (or in its first row). */
function titleOf(grid: GridTable): { id: string; title: string } | null {
  const candidates = [...grid.before].reverse().concat(grid.rows.slice(0, 2).map((r) => r[0] ?? ''));
  for (const line of candidates) {
    const title = tableTitle(line);
    if (title) return title;
  }
  return null;
}

/** A row's code: 类 款 项 in their own cells, or whole in the first; and where its name starts. */
function codeOf(row: readonly string[]): { code: string; next: number } {
  let code = '';
  let k = 0;
  while (k < 3 && CODE_PARTS[k]?.test(row[k] ?? '')) code += row[k++];
  if (k >= 2 || (k === 1 && !AMOUNT.test(row[1] ?? '') && row[1] !== undefined)) return { code, next: k };
  if (k === 0 && WHOLE_CODE.test(row[0] ?? '') && (row[0]?.length ?? 0) >= 5) return { code: row[0] as string, next: 1 };
  return { code: k === 1 ? code : '', next: k };
}

const isText = (c: string | undefined) => c !== undefined && c !== '' && !AMOUNT.test(c) && !BLANK.test(c);

/**
 * A row cut where a name, or a code and its name, follows figures: the two sides of a table
 * printed as two column groups (301 工资福利支出 95.36 | 302 商品和服务支出 10.23).
 */
function sidesOf(row: readonly string[]): Array<{ from: number; to: number; side: number }> {
  const sides: Array<{ from: number; to: number; side: number }> = [];
  let from = 0;
  // figures count only after the side's name: the code parts before it are not figures
  let named = false;
  let figures = false;
  row.forEach((c, j) => {
    const nextText = row.slice(j + 1).find((x) => x !== '');
    const opens = isText(c) || (WHOLE_CODE.test(c) && isText(nextText));
    if (opens && figures) {
      sides.push({ from, to: j, side: sides.length });
      from = j;
      figures = false;
    }
    if (isText(c)) named = true;
    else if (named && (AMOUNT.test(c) || BLANK.test(c))) figures = true;
  });
  sides.push({ from, to: row.length, side: sides.length });
  return sides;
}

/**
 * The standard tables of an HTML page or a Word document, from their cells: a title from the
 * vocabulary before the table, the unit before it or in its first rows, the rows above the first
 * row of figures as its header, columns by position (a cell spanning columns names each).
 */
export function readGridTables(grids: readonly GridTable[]): TableRead[] {
  const out: TableRead[] = [];
  for (const grid of grids) {
    const title = titleOf(grid);
    if (!title) continue;
    const first = grid.rows.findIndex((r) => r.some((c, j) => j > 0 && AMOUNT.test(c)) && !LINE_NUMBERS.test(r[0] ?? ''));
    const header = first < 0 ? grid.rows : grid.rows.slice(0, first);
    const body = first < 0 ? [] : grid.rows.slice(first).filter((r) => !LINE_NUMBERS.test(r[0] ?? ''));
    const unit = [...grid.before, ...header.flat()].map(unitOf).find(Boolean) ?? null;
    const base = { table: title.id, title: title.title, pages: [] as number[], rows: body.length };
    if (!body.length || !unit) {
      out.push(unreadTable(base, body.length ? 'noUnit' : 'noFigures'));
      continue;
    }
    const columns = new Map<number, { id: string; label: string }>();
    const vocabulary = loadTableVocabulary().columns;
    const columnAt = (j: number) => {
      let c = columns.get(j);
      if (!c) {
        const labels = header.map((r) => r[j] ?? '').filter((t, i, all) => t && all.indexOf(t) === i && !unitOf(t));
        const id =
          [...labels]
            .reverse()
            .map((l) => vocabulary.find((v) => v.pattern.test(l))?.id)
            .find(Boolean) ?? '';
        c = { id, label: labels.join('') };
        columns.set(j, c);
      }
      return c;
    };
    const cells: CellRead[] = [];
    for (const [n, row] of body.entries()) {
      for (const side of sidesOf(row)) {
        const cellsOfRow = row.slice(side.from, side.to);
        const { code, next } = codeOf(cellsOfRow);
        const label = cellsOfRow.slice(next).find((c) => c && !AMOUNT.test(c) && !BLANK.test(c)) ?? '';
        for (let j = side.from + next; j < side.to; j++) {
          const value = row[j] ?? '';
          // a figure in a cell spanning columns is read once
          if (!AMOUNT.test(value) || (j > side.from && row[j - 1] === value && columnAt(j - 1).label === columnAt(j).label)) continue;
          const col = columnAt(j);
          if (!holdsFigures(col.id)) continue;
          cells.push({
            table: title.id,
            title: title.title,
            row_label: label,
            code,
            column: col.id,
            column_label: col.label,
            raw: value,
            yuan: scaleDecimal(plainAmount(value), unitPower(unit)),
            unit,
            page: null,
            x: null,
            y: null,
            row: n + 1,
            side: side.side,
          });
        }
      }
    }
    out.push(readTable(base, cells));
  }
  return out;
}
