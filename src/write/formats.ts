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

export function encoder(format: Format, columns: string[]): Encoder {
  switch (format) {
    case 'csv':
      return {
        header: () => stringify([columns]),
        rows: (rows) => (rows.length ? stringify(rows.map((r) => columns.map((c) => csvCell(r[c])))) : ''),
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
