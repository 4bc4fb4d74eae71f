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

/** A cell csv-stringify writes as it is: a number, or text without a comma, a quote or a line feed. */
function plain(cell: unknown): boolean {
  if (typeof cell === 'number') return true;
  if (typeof cell !== 'string') return false;
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (c === 0x2c || c === 0x22 || c === 0x0a) return false;
  }
  return true;
}

/**
 * CSV records, each ending with a line feed. csv-stringify writes every chunk that has a cell to
 * quote; a chunk of plain cells only (most chunks of facts) is joined directly, which gives the
 * very bytes csv-stringify would (numbers as `String(n)`, no quotes; tested against it) at a
 * tenth of the cost of its per-cell casting.
 */
export function csvRows(records: unknown[][]): string {
  let out = '';
  for (const record of records) {
    for (const cell of record) if (!plain(cell)) return stringify(records);
    out += `${record.join(',')}\n`;
  }
  return out;
}

export function encoder(format: Format, columns: string[]): Encoder {
  switch (format) {
    case 'csv':
      return {
        header: () => stringify([columns]),
        rows: (rows) => (rows.length ? csvRows(rows.map((r) => columns.map((c) => csvCell(r[c])))) : ''),
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
