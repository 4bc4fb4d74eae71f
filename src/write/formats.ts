import { createRequire } from 'node:module';
import type { stringify as Stringify } from 'csv-stringify/sync';
import { FORMATS } from '../output/names.js';

const require = createRequire(import.meta.url);
let csvStringify: typeof Stringify | null = null;

/**
 * csv-stringify, loaded on first use: headers, and the rare record with a cell of another kind
 * than text or number (a worker writes every other record itself and never needs it: ≈ 5 ms of
 * each worker's start-up).
 */
function stringify(records: unknown[][]): string {
  csvStringify ??= (require('csv-stringify/sync') as { stringify: typeof Stringify }).stringify;
  return csvStringify(records, CSV_OPTIONS);
}

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
 * A cell (as csvCell gives it) as csv-stringify writes it with its defaults, for the two kinds of
 * cell our rows hold: text as it is, or quoted (quotes doubled) when it has a comma, a quote, a
 * line feed or a carriage return; a number as `String(n)`. Anything else: null (left to csv-stringify).
 */
function csvField(cell: unknown): string | null {
  if (typeof cell === 'string') return NEEDS_QUOTES.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
  if (typeof cell === 'number') return String(cell);
  return null;
}

/**
 * The CSV record of one row, its cells (csvCell, then csvField) in the order of `columns`, or null
 * when a cell is of a kind csvField leaves to csv-stringify. Generated once per column list: each
 * column is read by name (a monomorphic property load), where a loop over the names does a generic
 * keyed look-up per cell, the dearest part of encoding (≈ 50 → 19 µs per document for the facts).
 */
function recordEncoder(columns: string[]): (row: Record<string, unknown>) => string | null {
  const cells = columns.map((c, i) => `const c${i} = field(cell(row[${JSON.stringify(c)}]));\n  if (c${i} === null) return null;`).join('\n  ');
  const line = columns.map((_, i) => `c${i}`).join(" + ',' + ");
  return new Function('field', 'cell', `return function record(row) {\n  ${cells}\n  return ${line || "''"} + '\\n';\n};`)(csvField, csvCell) as (
    row: Record<string, unknown>,
  ) => string | null;
}

/** Columns beyond which a record is encoded by a loop (the summary: ≈ 73 headline columns, one row per document). */
const GENERATED_MAX_COLUMNS = 24;

/**
 * The CSV record of one row by a loop over the columns: for wide column lists. Their generated
 * function took ≈ 25 ms of each worker's TurboFan time to compile (others take 1–3 ms), for a
 * single row per document whose cells are looked up by name either way.
 */
function loopEncoder(columns: string[]): (row: Record<string, unknown>) => string | null {
  return (row) => {
    let line = '';
    for (let i = 0; i < columns.length; i++) {
      const field = csvField(csvCell(row[columns[i] as string]));
      if (field === null) return null;
      line += i === 0 ? field : `,${field}`;
    }
    return `${line}\n`;
  };
}

/**
 * The CSV records of rows: the very bytes csv-stringify writes (property-tested against it), at a
 * fraction of the cost of its per-cell casting and options. A record with a cell of another kind
 * than text or number (after csvCell) is left to csv-stringify.
 */
function csvRecords(rows: Array<Record<string, unknown>>, columns: string[], record: (row: Record<string, unknown>) => string | null): string {
  let out = '';
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k] as Record<string, unknown>;
    out += record(row) ?? stringify([columns.map((c) => csvCell(row[c]))]);
  }
  return out;
}

export function encoder(format: Format, columns: string[]): Encoder {
  switch (format) {
    case 'csv': {
      const record = columns.length <= GENERATED_MAX_COLUMNS ? recordEncoder(columns) : loopEncoder(columns);
      return {
        header: () => stringify([columns]),
        rows: (rows) => csvRecords(rows, columns, record),
        footer: () => '',
      };
    }
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
  for (let k = 0; k < columns.length; k++) {
    const c = columns[k] as string;
    o[c] = r[c] ?? null;
  }
  return o;
}
