import { stringify } from 'csv-stringify/sync';

export type Format = 'csv' | 'json' | 'jsonl' | 'parquet';

/**
 * Turns rows into the text of one dataset file: a header, row chunks, a footer. JSON rows are
 * encoded as `,\n{…}`; the writer drops the comma of the file's first row.
 */
export interface Encoder {
  header(): string;
  rows(rows: Array<Record<string, unknown>>): string;
  footer(): string;
}

/** Text a spreadsheet would run as a formula: = + - @ (and their full-width forms), tab, carriage return. */
const FORMULA = /^[=+\-@\uff1d\uff0b\uff0d\uff20\t\r]/;

/** A CSV cell: numbers stay numbers; text that Excel would take for a formula is quoted with '. */
export function csvCell(v: unknown): unknown {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  if (typeof v === 'string' && FORMULA.test(v)) return `'${v}`;
  return v;
}

/**
 * A cell as csv-stringify writes it with its defaults, for the two kinds of cell our rows hold:
 * a number as `String(n)`; text as it is, or quoted (quotes doubled) when it has a comma, a
 * quote or a line feed. Anything else: null.
 */
function csvField(cell: unknown): string | null {
  if (typeof cell === 'number') return String(cell);
  if (typeof cell !== 'string') return null;
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (c === 0x2c || c === 0x22 || c === 0x0a) return `"${cell.replace(/"/g, '""')}"`;
  }
  return cell;
}

/**
 * The CSV records of rows, their cells in the order of `columns` (no array built per row): the very
 * bytes csv-stringify writes (property-tested against it), at a tenth of the cost of its per-cell
 * casting and options. A record with a cell of another kind than text or number is left to
 * csv-stringify.
 */
function csvRecords(rows: Array<Record<string, unknown>>, columns: string[]): string {
  let out = '';
  for (const row of rows) {
    let line = '';
    let i = 0;
    for (; i < columns.length; i++) {
      const field = csvField(csvCell(row[columns[i] as string]));
      if (field === null) break;
      line += i ? `,${field}` : field;
    }
    out += i === columns.length ? `${line}\n` : stringify([columns.map((c) => csvCell(row[c]))]);
  }
  return out;
}

export function encoder(format: Format, columns: string[]): Encoder {
  switch (format) {
    case 'csv':
      return {
        header: () => stringify([columns]),
        rows: (rows) => csvRecords(rows, columns),
        footer: () => '',
      };
    case 'json':
      return {
        header: () => '[',
        rows: (rows) => rows.map((r) => `,\n${JSON.stringify(pick(r, columns))}`).join(''),
        footer: () => '\n]\n',
      };
    case 'jsonl':
    case 'parquet': // gathered as JSON lines, converted to Parquet when the run completes
      return {
        header: () => '',
        rows: (rows) => rows.map((r) => `${JSON.stringify(pick(r, columns))}\n`).join(''),
        footer: () => '',
      };
  }
}

function pick(r: Record<string, unknown>, columns: string[]): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const c of columns) o[c] = r[c] ?? null;
  return o;
}
