import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DATASETS, RUN_DATASETS, extractFiles, extractText, FactRow, jsonSchemas } from '../src/index.js';
import { stringify } from 'csv-stringify/sync';
import { CSV_OPTIONS, csvCell, encoder } from '../src/write/formats.js';
import { parseCsvStrict } from './csv-strict.js';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'extract.js');
const extract = (args: string[], input?: string, env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root, input, env: { ...process.env, ...env } });

describe('CSV rows', () => {
  it.each([
    ['text as it is', { a: '收入', b: 'x' }, '收入,x\n'],
    ['a number as written, -0 as 0', { a: 1.5, b: -0 }, '1.5,0\n'],
    ['missing as an empty cell', { a: null, b: undefined }, ',\n'],
    ['booleans as true and false (an empty cell would read back as missing)', { a: true, b: false }, 'true,false\n'],
    ['an object as its JSON', { a: { k: 1 }, b: '' }, '"{""k"":1}",\n'],
    ['a comma, a quote or a line end quoted', { a: 'a,b', b: 'say "x"\n' }, '"a,b","say ""x""\n"\n'],
    ['a formula guarded with a quote mark', { a: '=1+2', b: '－5' }, "'=1+2,'－5\n"],
  ] as Array<[string, Record<string, unknown>, string]>)('write %s', (_kind, row, line) => {
    expect(encoder('csv', ['a', 'b']).rows([row])).toBe(line);
  });

  it('are the bytes csv-stringify writes, whatever the cells hold', () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 12, unit: fc.constantFrom('a', '1', ',', '"', '\n', '\r', '\t', ' ', '万', '，', "'", '=', '+', '-', '@', '＝') }),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constantFrom('', null, undefined),
      fc.dictionary(fc.constantFrom('k', '键'), fc.oneof(fc.integer(), fc.string({ maxLength: 4 }))),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (cells) => {
        const columns = ['a', 'b', 'c', 'd'];
        const rows = cells.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i]])));
        expect(encoder('csv', columns).rows(rows)).toBe(
          stringify(
            rows.map((r) => columns.map((c) => csvCell(r[c]))),
            CSV_OPTIONS,
          ),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('read back as written by a strict reader, lone carriage returns and line feeds included', () => {
    const text = fc.string({ maxLength: 10, unit: fc.constantFrom('a', ',', '"', '\n', '\r', '\r\n', ' ', '万', '=') });
    fc.assert(
      fc.property(fc.array(fc.array(text, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 5 }), (cells) => {
        const columns = ['a', 'b', 'c'];
        const rows = cells.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i]])));
        const csv = encoder('csv', columns).header() + encoder('csv', columns).rows(rows);
        expect(parseCsvStrict(csv)).toEqual([columns, ...rows.map((r) => columns.map((c) => String(csvCell(r[c]))))]);
      }),
      { numRuns: 2000 },
    );
    expect(encoder('csv', ['a', 'b']).rows([{ a: 'a\rb.txt', b: 'x' }])).toBe('"a\rb.txt",x\n');
  });

  it('guard every text a spreadsheet would run as a formula, whatever code unit it begins with', () => {
    const formula = new Set([...'=+-@＝＋－＠\t\r']);
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      const [[cell] = []] = parseCsvStrict(encoder('csv', ['a']).rows([{ a: `${ch}x` }]));
      const expected = formula.has(ch) ? `'${ch}x` : `${ch}x`;
      if (cell !== expected) expect({ c, cell }).toEqual({ c, cell: expected });
    }
  });
});

describe('CSV for Excel', () => {
  const input = mkdtempSync(join(tmpdir(), 'csv-in-'));
  writeFileSync(
    join(input, 'doc.txt'),
    '某某局2019年度部门决算\n第一部分 部门概况\n收入总计100万元。\n第二部分 名词解释\n1.=HYPERLINK("x","点我")：恶意的名词。\n2.＋号：全角加号开头。\n',
  );
  it('quotes text cells that a spreadsheet would run as formulas, numbers stay numbers', () => {
    const out = mkdtempSync(join(tmpdir(), 'csv-out-'));
    expect(extract([input, '--out', out, '--quiet']).status).toBe(0);
    const glossary = readFileSync(join(out, 'glossary.csv'), 'utf8');
    expect(glossary).toContain(`"'=HYPERLINK(""x"",""点我"")"`);
    expect(glossary).toContain("'+号"); // a full-width ＋ is read as + and escaped the same way
    expect(glossary).not.toMatch(/(^|,)"?[=+@]/m);
    const facts = readFileSync(join(out, 'facts.csv'), 'utf8');
    expect(facts).toMatch(/,value,clause,1000000,CNY,100万元,/);
  });
  it('--bom begins every CSV with a byte-order mark, and only then', () => {
    const a = mkdtempSync(join(tmpdir(), 'csv-out-'));
    const b = mkdtempSync(join(tmpdir(), 'csv-out-'));
    expect(extract([input, '--out', a, '--quiet', '--bom']).status).toBe(0);
    expect(extract([input, '--out', b, '--quiet']).status).toBe(0);
    for (const name of ['documents', 'facts', 'summary', 'glossary', 'diagnostics', 'org_units']) {
      expect(readFileSync(join(a, `${name}.csv`))[0]).toBe(0xef);
      expect(readFileSync(join(b, `${name}.csv`))[0]).toBe('d'.charCodeAt(0));
    }
  });
});

describe('datapackage.json', () => {
  it('describes every CSV written, field for field, and validates against the Data Package profile', async () => {
    const out = mkdtempSync(join(tmpdir(), 'dp-out-'));
    // with a PDF: its tables fill table_cells and tables
    expect(extract(['corpus', 'test/fixtures/pdf/full-003.pdf', '--out', out, '--quiet']).status).toBe(0);
    const pkg = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8'));
    for (const r of pkg.resources) {
      const header = readFileSync(join(out, r.path), 'utf8').split('\n')[0];
      expect(header).toBe(r.schema.fields.map((f: { name: string }) => f.name).join(','));
    }
    expect(pkg.model.measures.value.currency).toBe('CNY');
    expect(pkg.model.dimensions.functional_classification.classificationType).toBe('functional');
    const { validate, Package } = (await import('datapackage')) as unknown as {
      validate: (d: unknown) => Promise<{ valid: boolean; errors: Array<{ message: string }> }>;
      Package: { load: (p: string) => Promise<{ resources: Array<{ name: string; read: (o: object) => Promise<unknown[]> }> }> };
    };
    const result = await validate(pkg);
    expect(result.errors.map((e) => e.message)).toEqual([]);
    expect(result.valid).toBe(true);
    const loaded = await Package.load(join(out, 'datapackage.json'));
    // every dataset has rows here but links (the corpus holds no two documents of one organisation)
    for (const r of loaded.resources) expect((await r.read({ keyed: true })).length, r.name).toBeGreaterThan(r.name === 'links' ? -1 : 0);
  });
});

describe('the library', () => {
  it('takes the id as the column names it (doc_id) or as docId, and counts bytes in UTF-8', () => {
    const text = '某某局2019年度部门决算\n收入总计100万元。\n';
    expect(extractText(text, { doc_id: 'a' }).document.doc_id).toBe('a');
    expect(extractText(text, { docId: 'b' }).facts[0]?.doc_id).toBe('b');
    expect(extractText(text).document.bytes).toBe(Buffer.byteLength(text));
    expect(extractText(text).document.bytes).toBeGreaterThan(text.length);
  });

  it('extractText(seed) returns the seed’s facts, typed and valid', () => {
    const text = readFileSync(join(root, 'test', 'fixtures', 'seed-000', 'input.txt'), 'utf8');
    const x = extractText(text);
    expect(x.document.org).toBe('盘锦市智慧城市运行管理中心');
    expect(x.facts.find((f) => f.metric === 'income.total' && f.role === 'value')?.value).toBe(34461200);
    for (const f of x.facts) expect(FactRow.safeParse(f).success).toBe(true);
    expect(x.diagnostics.some((d) => d.rule === 'check.sum.operating-cost-lines')).toBe(true);
  });
  it('reads an org unit introduced by a label (分支机构：…) with its staff quota and posts, and units listed after 内设机构包括', () => {
    const labelled =
      '某某市大数据管理局2023年度部门决算\n第一部分 部门概况\n一、部门职能\n负责全市数据管理。\n二、机构设置\n分支机构：大数据设施管理科\n人员编制5名，领导职数1名。\n第二部分 2023年度部门决算表\n';
    const [unit] = extractText(labelled).org_units;
    expect(unit).toMatchObject({ name: '大数据设施管理科', kind: '分支机构', staff_quota: 5, leader_posts: 1 });
    expect(labelled.slice(unit?.start, unit?.end).trim()).toBe(unit?.raw); // the span holds the block, raw is it trimmed
    const listed = '某某市大数据管理局2023年度部门决算\n第一部分 部门概况\n一、机构设置\n本部门内设机构包括：办公室、财务科。\n';
    const units = extractText(listed).org_units;
    expect(units.map((u) => [u.name, u.kind, listed.slice(u.start, u.end)])).toEqual([
      ['办公室', '内设机构', '办公室'],
      ['财务科', '内设机构', '财务科'],
    ]);
  });
  it('rejects a fact whose value is not a finite number', () => {
    const text = readFileSync(join(root, 'test', 'fixtures', 'seed-000', 'input.txt'), 'utf8');
    const f = extractText(text).facts[0];
    expect(f).toBeDefined();
    for (const value of [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN]) expect(FactRow.safeParse({ ...f, value }).success, String(value)).toBe(false);
  });
  it('extractFiles yields one result per document', async () => {
    const ids: string[] = [];
    for await (const x of extractFiles([join(root, 'corpus')])) ids.push(x.document.doc_id);
    expect(ids).toHaveLength(7);
  });
  it('exports JSON Schemas of every dataset that the written JSON records meet', () => {
    const schemas = jsonSchemas() as Record<string, Prop>;
    expect(Object.keys(schemas)).toEqual([...DATASETS, ...RUN_DATASETS]);
    const out = mkdtempSync(join(tmpdir(), 'schema-out-'));
    expect(spawnSync(process.execPath, [bin, join(root, 'corpus'), '--out', out, '--format', 'jsonl', '--quiet']).status).toBe(0);
    for (const name of [...DATASETS, ...RUN_DATASETS]) {
      const schema = schemas[name] as Prop;
      const records = readFileSync(join(out, `${name}.jsonl`), 'utf8')
        .trim()
        .split('\n')
        .filter(Boolean);
      expect(records.length, name).toBeGreaterThan(['table_cells', 'tables', 'links'].includes(name) ? -1 : 0);
      for (const line of records) {
        const record = JSON.parse(line) as Record<string, unknown>;
        expect(Object.keys(record).sort(), name).toEqual(Object.keys(schema.properties ?? {}).sort());
        for (const [k, v] of Object.entries(record)) expect(meets(v, schema.properties?.[k] as Prop), `${name}.${k} = ${JSON.stringify(v)}`).toBe(true);
      }
    }
    // an empty text is written as null, as CSV cannot tell them apart
    const facts = readFileSync(join(out, 'facts.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(facts.some((f) => f.code === null)).toBe(true);
    expect(facts.some((f) => f.code === '')).toBe(false);
  });
});

interface Prop {
  type?: string | string[];
  anyOf?: Prop[];
  properties?: Record<string, Prop>;
}

/** Whether a value is of the JSON Schema type a property allows (types only: enough to see a null where text was promised). */
function meets(v: unknown, p: Prop | undefined): boolean {
  if (!p) return false;
  if (p.anyOf) return p.anyOf.some((q) => meets(v, q));
  if (p.type === undefined) return true;
  const kinds = [p.type].flat();
  const kind = v === null ? 'null' : Number.isInteger(v) ? 'integer' : typeof v;
  return kinds.includes(kind) || (kind === 'integer' && kinds.includes('number'));
}

describe('command-line conventions', () => {
  it('--version and --help print to stdout and exit 0', () => {
    const v = extract(['--version']);
    expect(v.status).toBe(0);
    expect(v.stdout).toMatch(/^extract \d+\.\d+\.\d+/);
    const h = extract(['--help']);
    expect(h.stdout).toMatch(/examples:/);
  });
  it('reads standard input given as -', () => {
    const out = mkdtempSync(join(tmpdir(), 'stdin-out-'));
    const r = extract(['-', '--out', out, '--format', 'jsonl', '--quiet'], '某某局2019年度部门决算\n收入总计100万元。\n');
    expect(r.status).toBe(0);
    const facts = readFileSync(join(out, 'facts.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(facts[0]).toMatchObject({ doc_id: 'stdin', metric: 'income.total', value: 1000000 });
  });
  it('writes errors to stderr with exit code 2 for usage errors, and no colour with NO_COLOR', () => {
    const r = extract(['corpus', '--jobs', 'zero'], undefined, { NO_COLOR: '1' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--jobs/);
    expect(r.stderr).not.toContain('\u001b['); // no colour codes
  });
});

describe('Parquet', () => {
  it('--format parquet writes every dataset with the rows and types of the JSON lines output', async () => {
    const a = mkdtempSync(join(tmpdir(), 'pq-out-'));
    const b = mkdtempSync(join(tmpdir(), 'pq-out-'));
    expect(extract(['corpus', '--out', a, '--format', 'parquet', '--quiet']).status).toBe(0);
    expect(extract(['corpus', '--out', b, '--format', 'jsonl', '--quiet']).status).toBe(0);
    const { parquetReadObjects, asyncBufferFromFile } = await import('hyparquet');
    for (const name of ['documents', 'facts', 'summary', 'org_units', 'glossary', 'diagnostics']) {
      const rows = await parquetReadObjects({ file: await asyncBufferFromFile(join(a, `${name}.parquet`)) });
      const lines = readFileSync(join(b, `${name}.jsonl`), 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(rows.length, name).toBe(lines.length);
      if (name === 'facts') {
        expect(rows.map((r) => [r.metric, r.role, r.value, r.start, r.raw])).toEqual(lines.map((l) => [l.metric, l.role, l.value, l.start, l.raw]));
        expect(typeof rows[0]?.value).toBe('number');
      }
    }
  });
});
