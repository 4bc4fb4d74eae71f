import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript module shared with the command line
import { writeBadInputs } from './bad-inputs.mjs';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'extract.js');
const extract = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root, timeout: 240_000 });

const good = mkdtempSync(join(tmpdir(), 'good-'));
const mixed = mkdtempSync(join(tmpdir(), 'mixed-'));
const outGood = mkdtempSync(join(tmpdir(), 'out-good-'));
const outMixed = mkdtempSync(join(tmpdir(), 'out-mixed-'));
let run: ReturnType<typeof extract>;

beforeAll(() => {
  for (const f of readdirSync(join(root, 'corpus'))) {
    cpSync(join(root, 'corpus', f), join(good, f));
    cpSync(join(root, 'corpus', f), join(mixed, f));
  }
  writeBadInputs(mixed);
  expect(extract([good, '--out', outGood, '--format', 'jsonl', '--quiet']).status).toBe(0);
  run = extract([mixed, '--out', outMixed, '--format', 'jsonl', '--jobs', '2']);
}, 300_000);

const rows = (dir: string, name: string) =>
  readFileSync(join(dir, `${name}.jsonl`), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('a corpus with bad inputs', () => {
  it('finishes, exits 1 for the failed files and warns about the link loop', () => {
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/skipped .*loop.*a link back to a folder already read/);
  });

  it('gives every bad file a failed or partial row with a clear reason', () => {
    const docs = new Map(rows(outMixed, 'documents').map((d) => [d.doc_id as string, d]));
    const reason = (id: string) => `${docs.get(id)?.status} ${docs.get(id)?.error ?? ''}`;
    expect(reason('empty.txt')).toMatch(/failed empty file/);
    expect(reason('whitespace.txt')).toMatch(/failed empty document: only white space/);
    expect(reason('random.txt')).toMatch(/failed not a text document/);
    expect(reason('image.txt')).toMatch(/failed .*png/);
    expect(reason('archive.txt')).toMatch(/failed .*zip/);
    expect(reason('pdf-named.txt')).toMatch(/failed .*(PDF|pdf)/);
    expect(reason('nul-bytes.txt')).toMatch(/failed .*NUL/);
    expect(docs.get('truncated.txt')?.status).toBe('ok');
    expect(docs.get('mixed-encodings.txt')?.status).toBe('ok');
    expect(docs.get('mixed-encodings.txt')?.encoding).toBe('utf-8+gb18030');
    expect(docs.get('long-number.txt')?.status).toBe('partial');
    expect(docs.get('one-line.txt')?.status).toBe('ok');
    expect(docs.get('nested-headings.txt')?.status).toBe('ok');
    expect(docs.get('x.txt/inside.txt')?.status).toBe('ok');
    const diags = rows(outMixed, 'diagnostics');
    expect(diags.some((d) => d.doc_id === 'truncated.txt' && d.rule === 'read.truncated')).toBe(true);
    expect(diags.some((d) => d.doc_id === 'mixed-encodings.txt' && d.rule === 'read.mixed-encodings')).toBe(true);
    expect(
      rows(outMixed, 'facts')
        .filter((f) => f.doc_id === 'mixed-encodings.txt')
        .map((f) => f.metric),
    ).toEqual(['income.total', 'expenditure.total', 'balance.year_end']);
    expect(diags.some((d) => d.doc_id === 'long-number.txt' && d.rule === 'validate.record-invalid')).toBe(true);
  });

  it('leaves the other documents’ rows byte-identical to a run without the bad files', () => {
    const ids = new Set(readdirSync(join(root, 'corpus')));
    for (const name of ['facts', 'summary', 'org_units', 'glossary', 'diagnostics']) {
      const pick = (dir: string) =>
        readFileSync(join(dir, `${name}.jsonl`), 'utf8')
          .split('\n')
          .filter((l) => l && ids.has(JSON.parse(l).doc_id))
          .join('\n');
      expect(pick(outMixed), name).toBe(pick(outGood));
    }
  });

  it('never writes NaN or Infinity, and every fact slices back to its raw text', () => {
    const texts = new Map<string, string>();
    let bad = 0;
    for (const f of rows(outMixed, 'facts')) {
      if (!Number.isFinite(f.value)) bad++;
      if (f.doc_id === 'one-line.txt' || f.doc_id === 'nested-headings.txt') {
        const id = f.doc_id as string;
        if (!texts.has(id)) texts.set(id, readFileSync(join(mixed, id), 'utf8'));
        if (texts.get(id)?.slice(f.start as number, f.end as number) !== f.raw) bad++;
      }
    }
    expect(bad).toBe(0);
  });

  it('keeps every output file inside --out whatever the document names', () => {
    const names = readdirSync(outMixed, { recursive: true }) as string[];
    expect(names.every((n) => !n.includes('..'))).toBe(true);
    expect(names.filter((n) => n.startsWith('report/')).every((n) => /^report\/(?:docs-\d+\.js|document\.html)$/.test(n))).toBe(true);
  });
});
