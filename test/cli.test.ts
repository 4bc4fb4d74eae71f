import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'extract.js');

function extract(args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root });
}

describe('extract (command line)', () => {
  it('runs on the bundled corpus and writes every dataset as CSV with a data package', () => {
    const out = mkdtempSync(join(tmpdir(), 'cli-'));
    const r = extract(['corpus', '--out', out, '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    for (const name of ['documents', 'facts', 'summary', 'org_units', 'glossary', 'diagnostics']) {
      expect(readFileSync(join(out, `${name}.csv`), 'utf8').split('\n')[0]).toMatch(/^doc_id/);
    }
    const pkg = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8'));
    expect(pkg.resources.map((x: { name: string }) => x.name)).toContain('facts');
  });

  it('writes JSON whose facts slice back to the decoded input', () => {
    const out = mkdtempSync(join(tmpdir(), 'cli-'));
    expect(extract(['corpus', '--out', out, '--format', 'json', '--quiet']).status).toBe(0);
    const facts = JSON.parse(readFileSync(join(out, 'facts.json'), 'utf8')) as Array<{ doc_id: string; raw: string; start: number; end: number }>;
    const docs = JSON.parse(readFileSync(join(out, 'documents.json'), 'utf8')) as Array<{ doc_id: string; status: string }>;
    expect(docs.every((d) => d.status === 'ok')).toBe(true);
    expect(facts.length).toBeGreaterThan(300);
    const texts = new Map<string, string>();
    for (const f of facts) {
      if (!texts.has(f.doc_id)) texts.set(f.doc_id, readFileSync(join(root, 'corpus', f.doc_id), 'utf8'));
      expect(texts.get(f.doc_id)?.slice(f.start, f.end)).toBe(f.raw);
    }
  });

  it('keeps going past a bad file, records it as failed and exits 1', () => {
    const input = mkdtempSync(join(tmpdir(), 'in-'));
    cpSync(join(root, 'corpus', '003_1fe49d5087fc0fa0.txt'), join(input, 'good.txt'));
    writeFileSync(join(input, 'empty.txt'), '');
    mkdirSync(join(input, 'sub'));
    writeFileSync(join(input, 'sub', 'binary.txt'), Buffer.from([0, 1, 2, 3, 255, 254, 0, 0]));
    const out = mkdtempSync(join(tmpdir(), 'cli-'));
    const r = extract([input, '--out', out, '--format', 'jsonl']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/failed: empty\.txt: empty file/);
    const docs = readFileSync(join(out, 'documents.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(docs.map((d) => [d.doc_id, d.status])).toEqual([
      ['empty.txt', 'failed'],
      ['good.txt', 'ok'],
      ['sub/binary.txt', 'failed'],
    ]);
  });

  it('answers a usage error with exit code 2', () => {
    expect(extract([]).status).toBe(2);
    expect(extract(['corpus', '--format', 'xml']).status).toBe(2);
    expect(extract(['no/such/folder']).status).toBe(2);
  });
});
