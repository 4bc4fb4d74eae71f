import { createHash } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, realpathSync, statSync, symlinkSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BYTES_PER_WORKER, workersFor } from '../src/inputs.js';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'extract.js');
// a run that hangs is killed before the test's own time limit (which cannot stop a spawnSync) and fails it
const extract = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root, timeout: 50_000 });

/** A corpus of many small documents made from the bundled ones. */
function corpus(copies: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'batch-in-'));
  for (let i = 0; i < copies; i++) for (const f of readdirSync(join(root, 'corpus'))) cpSync(join(root, 'corpus', f), join(dir, `${i}-${f}`));
  return dir;
}

/**
 * Adds a document of one line of about `chars` characters (a bundled disclosure repeated): seconds
 * of work where each bundled document takes milliseconds (6 million: ≈ 4 s here).
 */
function addLongDocument(dir: string, name: string, chars: number): void {
  const para = readFileSync(join(root, 'corpus', '000_4390827485b68ec2.txt'), 'utf8').replace(/\n/g, '');
  writeFileSync(join(dir, name), para.repeat(Math.ceil(chars / para.length)));
}

/**
 * Resolves once a run writing to `out` has finished some documents (its state's manifest has
 * lines), so a signal sent then lands in the middle of the run whatever the machine's speed.
 */
/** Where runs into `out` keep their resume state (src/output/state-home.ts; the tests set EXTRACT_STATE_HOME). */
const stateHomeOf = (out: string) => join(process.env.EXTRACT_STATE_HOME as string, createHash('sha256').update(realpathSync(out)).digest('hex').slice(0, 16));

async function midRun(out: string): Promise<void> {
  // the run being written is the generation folder that is not (yet) current
  const manifests = () => {
    const dir = join(out, '.extract');
    if (!existsSync(dir)) return [];
    const current = existsSync(join(dir, 'current')) ? readlinkSync(join(dir, 'current')) : '';
    return readdirSync(dir)
      .filter((n) => n.startsWith('gen-') && n !== current)
      .map((n) => join(stateHomeOf(out), n, 'manifest.jsonl'));
  };
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 10))) {
    if (manifests().some((m) => existsSync(m) && statSync(m).size > 0)) return;
  }
  throw new Error('the run wrote no manifest line within 30 s');
}

describe('batch runs', () => {
  it('gives the same datasets with one worker and with two', () => {
    const input = corpus(2);
    const a = mkdtempSync(join(tmpdir(), 'batch-out-'));
    const b = mkdtempSync(join(tmpdir(), 'batch-out-'));
    expect(extract([input, '--out', a, '--jobs', '1', '--quiet']).status).toBe(0);
    expect(extract([input, '--out', b, '--jobs', '2', '--quiet']).status).toBe(0);
    for (const name of ['documents', 'facts', 'diagnostics', 'summary']) {
      expect(readFileSync(join(b, `${name}.csv`), 'utf8')).toBe(readFileSync(join(a, `${name}.csv`), 'utf8'));
    }
  });

  it('--resume of an unchanged corpus writes again when --bom changed, and only then', () => {
    const input = corpus(1);
    const out = mkdtempSync(join(tmpdir(), 'batch-out-'));
    const firstByte = () => readFileSync(join(out, 'documents.csv'))[0];
    expect(extract([input, '--out', out, '--quiet']).status).toBe(0);
    expect(firstByte()).not.toBe(0xef);
    expect(extract([input, '--out', out, '--quiet', '--resume', '--bom']).status).toBe(0);
    expect(firstByte()).toBe(0xef);
    expect(extract([input, '--out', out, '--quiet', '--resume', '--bom']).status).toBe(0);
    expect(firstByte()).toBe(0xef);
    expect(extract([input, '--out', out, '--quiet', '--resume']).status).toBe(0);
    expect(firstByte()).not.toBe(0xef);
  });

  it('--resume reuses unchanged documents, extracts changed ones, and writes the same datasets', () => {
    const input = corpus(1);
    const out = mkdtempSync(join(tmpdir(), 'batch-out-'));
    expect(extract([input, '--out', out, '--format', 'jsonl', '--quiet']).status).toBe(0);
    const first = readFileSync(join(out, 'facts.jsonl'), 'utf8');
    const pages = () => readdirSync(join(out, 'report')).map((f) => readFileSync(join(out, 'report', f), 'utf8'));
    const firstPages = pages();
    const again = extract([input, '--out', out, '--format', 'jsonl', '--resume']);
    expect(again.stderr).toMatch(/7 reused/);
    expect(readFileSync(join(out, 'facts.jsonl'), 'utf8')).toBe(first);
    expect(extract([input, '--out', out, '--format', 'jsonl', '--resume']).stderr).toMatch(/7 reused/);
    expect(pages()).toEqual(firstPages); // the report of unchanged documents is the same, resume after resume
    const changed = join(input, '0-pages-012.txt');
    writeFileSync(changed, readFileSync(changed, 'utf8').replace('44.52万元', '45.52万元'));
    utimesSync(changed, new Date(), new Date(Date.now() + 5000));
    const third = extract([input, '--out', out, '--format', 'jsonl', '--resume']);
    expect(third.stderr).toMatch(/6 reused/);
    expect(readFileSync(join(out, 'facts.jsonl'), 'utf8')).toContain('"raw":"45.52万元"');
  });

  it('does not reuse results of another format', () => {
    const input = corpus(1);
    const out = mkdtempSync(join(tmpdir(), 'batch-out-'));
    expect(extract([input, '--out', out, '--quiet']).status).toBe(0);
    const r = extract([input, '--out', out, '--format', 'json', '--resume']);
    expect(r.stderr).not.toMatch(/reused/);
    expect(JSON.parse(readFileSync(join(out, 'facts.json'), 'utf8')).length).toBeGreaterThan(100);
  });

  it('cuts off a document that runs past the time limit and goes on', () => {
    const input = corpus(1);
    const out = mkdtempSync(join(tmpdir(), 'batch-out-'));
    const r = extract([input, '--out', out, '--timeout', '0.0001', '--jobs', '1']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/timed out after/);
    const docs = readFileSync(join(out, 'documents.csv'), 'utf8').trim().split('\n');
    expect(docs.length).toBe(8); // a header and a row for every document
  });

  it("does not count a worker's start-up (patterns, jieba) against a document's time limit", () => {
    // each bundled document takes milliseconds; the worker's start-up is made 3 s long: with its
    // start-up on the clock every document would time out (each fresh worker starting again)
    const input = corpus(1);
    const out = mkdtempSync(join(tmpdir(), 'batch-out-'));
    const r = spawnSync(process.execPath, [bin, input, '--out', out, '--timeout', '2', '--jobs', '1'], {
      encoding: 'utf8',
      cwd: root,
      timeout: 50_000,
      env: { ...process.env, EXTRACT_TEST_SLOW_START_MS: '3000' },
    });
    expect(r.stderr).toMatch(/7 documents \(7 ok, 0 partial, 0 failed\)/);
    expect(r.status).toBe(0);
  });

  it('cuts off only the slow document: the documents queued behind it in the same worker are extracted', () => {
    const input = corpus(1);
    addLongDocument(input, '!slow.txt', 6e6);
    const out = mkdtempSync(join(tmpdir(), 'batch-out-'));
    const r = extract([input, '--out', out, '--timeout', '1', '--jobs', '1', '--format', 'jsonl']);
    expect(r.stderr).toMatch(/8 documents \(7 ok, 0 partial, 1 failed\)/);
    const docs = readFileSync(join(out, 'documents.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(docs[0]).toMatchObject({ doc_id: '!slow.txt', status: 'failed' });
    expect(docs[0].error).toMatch(/timed out after 1 s/);
    expect(docs.slice(1).every((d) => d.status === 'ok' && d.facts > 0)).toBe(true);
  }, 60_000);

  it('redoes, once each, the documents a timed-out worker had finished but not yet handed back', () => {
    // the worker hands results back in batches: the two documents sorted before the slow one are
    // done when it stalls and may still be in the worker when it is ended
    const input = corpus(2);
    const clean = mkdtempSync(join(tmpdir(), 'batch-out-'));
    expect(extract([input, '--out', clean, '--jobs', '1', '--format', 'jsonl', '--quiet']).status).toBe(0);
    addLongDocument(input, '0-e-slow.txt', 6e6);
    const out = mkdtempSync(join(tmpdir(), 'batch-out-'));
    const r = extract([input, '--out', out, '--timeout', '1', '--jobs', '1', '--format', 'jsonl']);
    expect(r.stderr).toMatch(/15 documents \(14 ok, 0 partial, 1 failed\)/);
    const docs = readFileSync(join(out, 'documents.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(docs.map((d) => d.doc_id)).toEqual([...readdirSync(input)].sort());
    expect(docs.find((d) => d.doc_id === '0-e-slow.txt')).toMatchObject({ status: 'failed', error: expect.stringMatching(/timed out after 1 s/) });
    const others = (dir: string, name: string) =>
      readFileSync(join(dir, name), 'utf8')
        .trim()
        .split('\n')
        .filter((l) => !l.includes('0-e-slow.txt'));
    expect(others(out, 'facts.jsonl')).toEqual(others(clean, 'facts.jsonl'));
  }, 60_000);

  it('never ends a worker while it is inside jieba (that aborts the whole process)', () => {
    // test/fixtures/gate/driver.mjs ends workers that cut without pause, the way the pool ends a
    // worker past its time limit or at the end of a run; with GATE=off (no gate) it aborts:
    // "terminate called after throwing an instance of 'Napi::Error'", exit 134
    const r = spawnSync(process.execPath, [join(root, 'test', 'fixtures', 'gate', 'driver.mjs')], { encoding: 'utf8' });
    expect(r.stderr).not.toMatch(/terminate called/);
    expect(r.stdout.trim()).toBe('survived');
    expect(r.status).toBe(0);
  }, 60_000);

  it('fails a document that needs more than the worker heap alone, with the reason, and goes on', () => {
    const input = corpus(1);
    addLongDocument(input, '!large.txt', 5e6);
    const out = mkdtempSync(join(tmpdir(), 'batch-out-'));
    const r = spawnSync(process.execPath, [bin, input, '--out', out, '--jobs', '1', '--format', 'jsonl'], {
      encoding: 'utf8',
      cwd: root,
      env: { ...process.env, EXTRACT_WORKER_HEAP_MB: '64' },
    });
    expect(r.stderr).toMatch(/8 documents \(7 ok, 0 partial, 1 failed\)/);
    const docs = readFileSync(join(out, 'documents.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(docs[0]).toMatchObject({ doc_id: '!large.txt', status: 'failed' });
    expect(docs[0].error).toMatch(/out of memory: .* 64 MB heap/);
  }, 60_000);

  it('ends the run with the reason when no worker can start, leaving the previous datasets whole', () => {
    // a copy of the tool whose patterns the workers cannot load (quantities.json is not JSON);
    // the main thread never reads that file, so only the workers fail
    const tool = mkdtempSync(join(tmpdir(), 'batch-tool-'));
    for (const d of ['bin', 'dist', 'patterns']) cpSync(join(root, d), join(tool, d), { recursive: true });
    cpSync(join(root, 'package.json'), join(tool, 'package.json'));
    symlinkSync(join(root, 'node_modules'), join(tool, 'node_modules'));
    writeFileSync(join(tool, 'patterns', 'quantities.json'), '{ not json');
    const input = corpus(3);
    const out = mkdtempSync(join(tmpdir(), 'batch-out-'));
    expect(extract([input, '--out', out, '--quiet']).status).toBe(0);
    const before = readFileSync(join(out, 'documents.csv'), 'utf8');
    const r = spawnSync(process.execPath, [join(tool, 'bin', 'extract.js'), input, '--out', out, '--jobs', '2'], { encoding: 'utf8', timeout: 50_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^extract: a worker could not start: .*JSON/m);
    // not a failed row per document: the run stopped before writing any
    expect(r.stderr).not.toMatch(/extract: failed:/);
    expect(readFileSync(join(out, 'documents.csv'), 'utf8')).toBe(before);
  });

  it('starts one worker per 6 MB of input without --jobs, up to the number of cores', () => {
    const dir = mkdtempSync(join(tmpdir(), 'batch-sizes-'));
    const file = (name: string, size: number) => {
      writeFileSync(join(dir, name), '');
      truncateSync(join(dir, name), size); // sparse: the size without the bytes
      return { path: join(dir, name), docId: name };
    };
    const small = [file('a.txt', 1000), file('b.txt', 2000)];
    expect(workersFor(small, 8)).toBe(1);
    expect(workersFor([], 8)).toBe(1);
    const big = [...small, file('c.txt', BYTES_PER_WORKER)]; // just over one worker's worth
    expect(workersFor(big, 8)).toBe(2);
    expect(workersFor(big, 1)).toBe(1);
    expect(workersFor([...big, file('d.txt', 3 * BYTES_PER_WORKER)], 8)).toBe(5);
    expect(workersFor([...big, file('d.txt', 3 * BYTES_PER_WORKER)], 3)).toBe(3);
    // a file that is gone counts for nothing here (its read fails the document, with the reason)
    expect(workersFor([...small, { path: join(dir, 'missing.txt'), docId: 'missing.txt' }], 8)).toBe(1);
  });

  it('says how many workers a run used: one for a short run, more for a large one, as many as --jobs asks', () => {
    const input = corpus(1);
    const out = mkdtempSync(join(tmpdir(), 'batch-out-'));
    const workers = (r: ReturnType<typeof extract>) => Number(/docs\/s, (\d+) workers?\)/.exec(r.stderr)?.[1]);
    expect(workers(extract([input, '--out', out]))).toBe(1);
    expect(workers(extract([input, '--out', out, '--jobs', '2']))).toBe(2);
    // 7 MB more input (a sparse file of NUL bytes: read in a moment, then failed as binary)
    writeFileSync(join(input, 'zeros.txt'), '');
    truncateSync(join(input, 'zeros.txt'), 7 * 1024 * 1024);
    const r = extract([input, '--out', out]);
    expect(r.stderr).toMatch(/failed: zeros\.txt: not a text document/);
    expect(workers(r)).toBe(Math.min(2, availableParallelism()));
  });

  it('prints plain progress lines and a summary when stderr is not a terminal', () => {
    const input = corpus(1);
    const out = mkdtempSync(join(tmpdir(), 'batch-out-'));
    const r = extract([input, '--out', out]);
    expect(r.stderr).toMatch(/^extract: 7\/7 documents .* docs\/s/m);
    expect(r.stderr).toMatch(/7 documents \(7 ok, 0 partial, 0 failed\), \d+ facts, diagnostics/);
    expect(extract([input, '--out', out, '--quiet']).stderr).toBe('');
  });

  it('leaves the previous datasets whole when killed, and --resume finishes the job', async () => {
    const input = corpus(100);
    const out = mkdtempSync(join(tmpdir(), 'batch-out-'));
    expect(extract([corpus(1), '--out', out, '--quiet']).status).toBe(0);
    const previous = readFileSync(join(out, 'facts.csv'), 'utf8');
    const child = spawn(process.execPath, [bin, input, '--out', out, '--quiet', '--jobs', '1'], { cwd: root });
    const exited = new Promise((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    await midRun(out);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(readFileSync(join(out, 'facts.csv'), 'utf8')).toBe(previous);
    const r = extract([input, '--out', out, '--resume', '--jobs', '1']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/700 documents .* reused/);
    expect(readFileSync(join(out, 'facts.csv'), 'utf8').split('\n')[0]).toMatch(/^doc_id,section,metric/);
    expect(readFileSync(join(out, 'documents.csv'), 'utf8').trim().split('\n')).toHaveLength(701);
    expect(readdirSync(join(out, '.extract')).filter((n) => n.startsWith('gen-'))).toHaveLength(1);
  });

  it('stops on SIGINT with exit code 130 and leaves no half-written dataset', async () => {
    const input = corpus(100);
    const out = mkdtempSync(join(tmpdir(), 'batch-out-'));
    const child = spawn(process.execPath, [bin, input, '--out', out, '--jobs', '1'], { cwd: root });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise((resolve) => child.on('exit', resolve));
    await midRun(out);
    child.kill('SIGINT');
    const code = await exited;
    expect(code).toBe(130);
    expect(stderr).toMatch(/interrupted/);
    expect(readdirSync(out).filter((f) => /\.(csv|json|jsonl|tmp)$/.test(f))).toEqual([]);
  });
});
