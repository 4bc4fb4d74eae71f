import { stringify } from 'csv-stringify/sync';
import { FORMATS } from '../output/names.js';

/**
 * csv-stringify quotes a cell holding a line feed but not one holding a lone carriage return,
 * which Python's csv module, R and Excel take for the end of a record: such cells are quoted too.
 */
export const CSV_OPTIONS = { quoted_match: /\r/ } as const;

export { FORMATS } from '../output/names.js';
export type Format = (typeof FORMATS)[number];

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
  // csv-stringify writes false as an empty cell, which reads back as missing
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'object') return JSON.stringify(v);
  if (typeof v === 'string' && FORMULA.test(v)) return `'${v}`;
  return v;
}

const NEEDS_QUOTES = /[",\n\r]/;

/**
 * One row as a CSV record: its cells (csvCell) in the order of the columns, quoted (quotes
 * doubled) when they hold a comma, a quote or a line end — the bytes csv-stringify writes with
 * CSV_OPTIONS (a test holds them equal), without its per-cell options and casting, which cost ≈ 8 %
 * of a run (docs/performance.md).
 */
function csvRecord(row: Record<string, unknown>, columns: readonly string[]): string {
  const fields = columns.map((c) => {
    const cell = String(csvCell(row[c]));
    return NEEDS_QUOTES.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
  });
  return `${fields.join(',')}\n`;
}

export function encoder(format: Format, columns: string[]): Encoder {
  switch (format) {
    case 'csv':
      return {
        header: () => stringify([columns], CSV_OPTIONS),
        rows: (rows) => rows.map((r) => csvRecord(r, columns)).join(''),
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

/**
 * The row's columns in order, missing ones as null. An empty text is missing too (no item, no
 * code, no sections): CSV cannot tell the two apart, so every format says null, and `IS NULL`
 * counts the same rows whichever format a user loads.
 */
const pick = (r: Record<string, unknown>, columns: string[]): Record<string, unknown> => Object.fromEntries(columns.map((c) => [c, r[c] === '' ? null : (r[c] ?? null)]));
