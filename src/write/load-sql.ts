import { COLUMNS, DATASETS, type Dataset, RUN_DATASETS, summaryColumns } from '../schema.js';
import { fieldType } from './datapackage.js';
import type { Format } from './formats.js';
import { join } from 'node:path';
import type { Ledger } from './ledger.js';

const SQL_TYPES = { integer: 'BIGINT', number: 'DOUBLE', string: 'VARCHAR', boolean: 'BOOLEAN' } as const;

const columnsOf = (name: Dataset) => (name === 'summary' ? summaryColumns() : COLUMNS[name]);
const quoted = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** The DuckDB column list of a dataset, typed as the data package says (codes stay text: `0101` keeps its zero). */
function columnTypes(name: Dataset): string {
  return `{${columnsOf(name)
    .map((c) => `${quoted(c)}: '${SQL_TYPES[fieldType(c, name)]}'`)
    .join(', ')}}`;
}

function reader(name: Dataset, format: Format): string {
  const file = quoted(`${name}.${format}`);
  switch (format) {
    case 'csv':
      return `read_csv(${file}, header = true, delim = ',', quote = '"', escape = '"', auto_detect = false, columns = ${columnTypes(name)})`;
    case 'json':
      return `read_json(${file}, format = 'array', columns = ${columnTypes(name)})`;
    case 'jsonl':
      return `read_json(${file}, format = 'newline_delimited', columns = ${columnTypes(name)})`;
    case 'parquet':
      return `read_parquet(${file})`;
  }
}

/**
 * A DuckDB script that loads every dataset of the folder with the data package's types (without
 * it DuckDB takes `code` for a number and drops its leading zeros' meaning): run it in the output
 * folder, `duckdb fiscal.duckdb < load.sql`.
 */
export function loadSql(format: Format): string {
  const lines = [
    '-- Loads the datasets of this folder into DuckDB with the types of datapackage.json.',
    '-- Run it from this folder: duckdb fiscal.duckdb < load.sql',
    ...[...DATASETS, ...RUN_DATASETS].map((name) => `CREATE OR REPLACE TABLE ${name} AS SELECT * FROM ${reader(name, format)};`),
  ];
  return `${lines.join('\n')}\n`;
}

/** Writes load.sql into a run's generation folder. */
export async function writeLoadSql(dir: string, format: Format, ledger: Ledger): Promise<void> {
  await ledger.writeFile(join(dir, 'load.sql'), loadSql(format));
}
