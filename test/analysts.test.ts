import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'extract.js');
const FORMATS = ['csv', 'json', 'jsonl', 'parquet'] as const;

/** The bundled corpus, plus a copy of one of its files under another folder with the same name. */
function corpusWithCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'analysts-'));
  mkdirSync(join(dir, 'a'));
  mkdirSync(join(dir, 'b'));
  const files = readdirSync(join(root, 'corpus')).filter((f) => /\.(txt|html)$/.test(f));
  for (const f of files) copyFileSync(join(root, 'corpus', f), join(dir, 'a', f));
  copyFileSync(join(root, 'corpus', files[0] as string), join(dir, 'b', files[0] as string));
  return dir;
}

/** Loads an output folder into DuckDB through the load.sql it ships, and answers a query. */
async function query(out: string, sql: string): Promise<unknown[][]> {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const cwd = process.cwd();
  process.chdir(out);
  try {
    for (const stmt of readFileSync('load.sql', 'utf8')
      .split(';\n')
      .filter((s) => s.includes('CREATE')))
      await c.run(stmt);
  } finally {
    process.chdir(cwd);
  }
  const rows = (await c.runAndReadAll(sql)).getRows();
  return rows.map((r) => r.map((v) => (typeof v === 'bigint' ? Number(v) : v)));
}

describe('the datasets in an analyst’s tools (DuckDB through load.sql)', () => {
  const outs = {} as Record<(typeof FORMATS)[number], string>;
  beforeAll(() => {
    const input = corpusWithCopy();
    for (const format of FORMATS) {
      outs[format] = mkdtempSync(join(tmpdir(), `analysts-${format}-`));
      const r = spawnSync(process.execPath, [bin, input, '--out', outs[format], '--format', format, '--quiet'], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
    }
  }, 120_000);

  it('reads code as text and year as a whole number, in every format', async () => {
    for (const format of FORMATS) {
      const types = Object.fromEntries(
        (await query(outs[format], "select table_name || '.' || column_name, data_type from information_schema.columns where column_name in ('code', 'year')")) as Array<
          [string, string]
        >,
      );
      expect(types['facts.code'], format).toBe('VARCHAR');
      expect(types['table_cells.code'], format).toBe('VARCHAR');
      expect(types['documents.year'], format).toMatch(/^(BIGINT|INTEGER)$/);
    }
  });

  it('counts the same missing codes and items whichever format is loaded', async () => {
    const counts = [];
    for (const format of FORMATS) counts.push(await query(outs[format], 'select count(*) filter (where code is null), count(*) filter (where item is null), count(*) from facts'));
    const [first] = counts;
    expect((first?.[0]?.[0] as number) > 0).toBe(true);
    for (const c of counts) expect(c).toEqual(first);
  });

  it('keeps the row count of a join on doc_id, gives every fact its own id, and marks a copy', async () => {
    const [[facts, joined, ids] = []] = (await query(
      outs.csv,
      'select (select count(*) from facts), (select count(*) from facts join documents using (doc_id)), (select count(distinct fact_id) from facts)',
    )) as number[][];
    expect(joined).toBe(facts);
    expect(ids).toBe(facts);
    const copies = await query(outs.csv, 'select doc_id, duplicate_of from documents where duplicate_of is not null');
    expect(copies).toHaveLength(1);
    const [[copy, original] = []] = copies as string[][];
    expect(copy?.startsWith('b/')).toBe(true);
    expect(original).toBe(copy?.replace(/^b\//, 'a/'));
  });

  it('says in the summary which fact each headline value came from', async () => {
    const rows = (await query(outs.csv, 'select summary.sources from summary where sources is not null limit 5')) as string[][];
    expect(rows.length).toBeGreaterThan(0);
    const ids = new Set(((await query(outs.csv, 'select fact_id from facts')) as string[][]).map(([id]) => id));
    for (const [sources] of rows) for (const id of Object.values(JSON.parse(sources as string) as Record<string, string>)) expect(ids.has(id)).toBe(true);
  });
});
