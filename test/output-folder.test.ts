import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, bundled, corpusOf, extract, oneRunOf, root, scratch } from './output-helpers.js';

const [a1, a2, a3, b1, b2, b3, b4] = bundled() as [string, string, string, string, string, string, string];
const A = [a1, a2, a3];
const B = [b1, b2, b3, b4];

/** An output folder showing a complete run of A, and the inputs of run B. */
function previousRun(format = 'csv'): { out: string; inA: string; inB: string } {
  const inA = corpusOf(A);
  const inB = corpusOf(B);
  const out = scratch('out-');
  expect(extract([inA, '--out', out, '--quiet', '--format', format]).status).toBe(0);
  return { out, inA, inB };
}

/** The points of a commit where a test can kill the run (src/output/crash.ts). */
const CSV_POINTS = [
  'dataset:documents',
  'dataset:facts',
  'dataset:summary',
  'dataset:diagnostics',
  'report-written',
  'outputs-written',
  'manifest-written',
  'links-made',
  'switched',
  'tidied',
];

describe('the output folder after a kill', () => {
  it.each(CSV_POINTS)('shows one whole run when killed at %s, and --resume completes it', (point) => {
    const { out, inB } = previousRun();
    const killed = extract([inB, '--out', out, '--quiet'], { EXTRACT_CRASH_AT: point });
    expect(killed.signal).toBe('SIGKILL');
    const ids = oneRunOf(out);
    expect([[...A].sort(), [...B].sort()]).toContainEqual(ids);
    if (['switched', 'tidied'].includes(point)) expect(ids).toEqual([...B].sort());
    const r = extract([inB, '--out', out, '--quiet', '--resume']);
    expect(r.status).toBe(0);
    expect(oneRunOf(out)).toEqual([...B].sort());
    // nothing of the killed run is left but the shown generation
    expect(readdirSync(join(out, '.extract')).filter((n) => n.startsWith('gen-'))).toHaveLength(1);
  });

  it.each(['parquet:documents', 'parquet:facts', 'parquet:diagnostics'])('keeps the previous Parquet datasets whole when killed at %s', async (point) => {
    const { out, inB } = previousRun('parquet');
    const before = Object.fromEntries(['documents', 'facts', 'summary'].map((n) => [n, readFileSync(join(out, `${n}.parquet`))]));
    expect(extract([inB, '--out', out, '--quiet', '--format', 'parquet'], { EXTRACT_CRASH_AT: point }).signal).toBe('SIGKILL');
    for (const [n, bytes] of Object.entries(before)) expect(readFileSync(join(out, `${n}.parquet`)).equals(bytes)).toBe(true);
  });

  it('never shows the new documents beside the old facts, whenever the kill comes (polled)', async () => {
    // the new documents.csv appearing is the moment a non-atomic commit is most torn
    for (let attempt = 0; attempt < 3; attempt++) {
      const { out, inB } = previousRun();
      const shown = () => readFileSync(join(out, 'documents.csv'), 'utf8');
      const old = shown();
      const child = spawn(process.execPath, [bin, inB, '--out', out, '--quiet'], { cwd: root });
      const exited = new Promise((resolve) => child.on('exit', resolve));
      for (const deadline = Date.now() + 40_000; Date.now() < deadline;) {
        if (shown() !== old) break;
        await new Promise((resolve) => setImmediate(resolve));
      }
      child.kill('SIGKILL');
      await exited;
      expect([[...A].sort(), [...B].sort()]).toContainEqual(oneRunOf(out));
    }
  });
});

describe('files the tool did not write', () => {
  it('refuses an output folder holding other files where it writes, and keeps them', () => {
    const out = scratch('out-');
    const input = corpusOf(A);
    spawnSync('mkdir', ['-p', join(out, 'report')]);
    writeFileSync(join(out, 'report', 'q3-notes.docx'), 'x');
    writeFileSync(join(out, '.notes.12345678.tmp'), 'k');
    writeFileSync(join(out, 'notes.txt'), 'mine');
    const r = extract([input, '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/did not write.*report\/.*--overwrite/);
    expect(readFileSync(join(out, 'report', 'q3-notes.docx'), 'utf8')).toBe('x');
    expect(existsSync(join(out, 'documents.csv'))).toBe(false);
    // told to: report/ is replaced; what is not in the tool's way stays
    expect(extract([input, '--out', out, '--overwrite', '--quiet']).status).toBe(0);
    expect(existsSync(join(out, 'report', 'q3-notes.docx'))).toBe(false);
    expect(readFileSync(join(out, '.notes.12345678.tmp'), 'utf8')).toBe('k');
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('mine');
    // its own files are its own: the next run needs no --overwrite, and leaves the user's files
    expect(extract([input, '--out', out, '--quiet', '--format', 'json']).status).toBe(0);
    expect(extract([input, '--out', out, '--quiet']).status).toBe(0);
    expect(readFileSync(join(out, '.notes.12345678.tmp'), 'utf8')).toBe('k');
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('mine');
    // the JSON run's files went with it: links to files the shown run does not have are removed
    expect(existsSync(join(out, 'facts.json'))).toBe(false);
    expect(oneRunOf(out)).toEqual([...A].sort());
  });

  it('lists every file of the shown run with its sha256 in a manifest', () => {
    const { out } = previousRun();
    const current = readlinkSync(join(out, '.extract', 'current'));
    const manifest = JSON.parse(readFileSync(join(out, '.extract', current, 'manifest.json'), 'utf8')) as { files: Array<{ path: string; bytes: number; sha256: string }> };
    const paths = manifest.files.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['documents.csv', 'facts.csv', 'datapackage.json', 'report.html', 'report/document.html', 'report/docs-0.js']));
    for (const f of manifest.files) {
      const bytes = readFileSync(join(out, f.path));
      expect([f.path, bytes.length, createHash('sha256').update(bytes).digest('hex')]).toEqual([f.path, f.bytes, f.sha256]);
    }
  });
});

describe('what a user publishes from --out', () => {
  it('holds no resume state: it is kept outside, and --resume still finds it', () => {
    const { out, inA } = previousRun();
    const inside = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? inside(join(dir, e.name)) : [join(dir, e.name)]));
    const files = inside(out).map((f) => f.slice(out.length + 1));
    expect(files.filter((f) => /(^|\/)state(\/|$)|results\.txt|manifest\.jsonl/.test(f))).toEqual([]);
    const again = extract([inA, '--out', out, '--resume']);
    expect(again.status).toBe(0);
    expect(again.stderr).toMatch(/3 reused/);
  });
});

describe('two runs on one output folder', () => {
  it('refuses the second while the first runs; the first completes whole', async () => {
    const input = corpusOf(bundled(), 40);
    const out = scratch('out-');
    const first = spawn(process.execPath, [bin, input, '--out', out, '--quiet', '--jobs', '1'], { cwd: root });
    const exited = new Promise<number | null>((resolve) => first.on('exit', resolve));
    for (const deadline = Date.now() + 30_000; !existsSync(join(out, '.extract', 'lock')) && Date.now() < deadline;) await new Promise((r) => setTimeout(r, 10));
    const second = extract([corpusOf(A), '--out', out, '--quiet']);
    expect(second.status).toBe(3);
    expect(second.stderr).toMatch(/in use by another run \(pid \d+/);
    expect(await exited).toBe(0);
    expect(oneRunOf(out)).toHaveLength(280);
    expect(existsSync(join(out, '.extract', 'lock'))).toBe(false);
  });

  it('takes over the lock of a run that is gone', () => {
    const out = scratch('out-');
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    spawnSync('mkdir', ['-p', join(out, '.extract')]);
    writeFileSync(join(out, '.extract', 'lock'), JSON.stringify({ pid: Number(gone.stdout), host: hostname(), started: 'earlier' }));
    expect(extract([corpusOf(A), '--out', out, '--quiet']).status).toBe(0);
    expect(oneRunOf(out)).toEqual([...A].sort());
  });
});

describe('an output folder inside an input folder', () => {
  it('is not read back as input, nor is any output folder of this tool', () => {
    const input = corpusOf(A);
    const out = join(input, 'out');
    expect(extract([input, '--out', out, '--quiet']).status).toBe(0);
    const again = extract([input, '--out', out]);
    expect(again.status).toBe(0);
    expect(oneRunOf(out)).toEqual([...A].sort());
    // moved, it is still an output folder: skipped with a warning
    renameSync(out, join(input, 'old-results'));
    const r = extract([input, '--out', join(scratch('out-'), 'o')]);
    expect(r.stderr).toMatch(/skipped .*old-results: an output folder of this tool/);
    expect(r.stderr).toMatch(/3 documents/);
    rmSync(join(input, 'old-results'), { recursive: true });
  });
});

describe('the names of an output folder', () => {
  it('are the same for the writer and for the walker that skips them', async () => {
    const { isOwnName, topLevelNames } = await import('../src/output/names.js');
    for (const name of topLevelNames()) expect(isOwnName(name), name).toBe(true);
    for (const name of ['notes.csv', 'facts.xlsx', 'reports', 'documents.csv.bak']) expect(isOwnName(name), name).toBe(false);
  });
});

describe('an output folder of the layout before generations', () => {
  it('is taken over without --overwrite: its files were the tool’s own', () => {
    const out = scratch('out-');
    spawnSync('mkdir', ['-p', join(out, '.extract-state'), join(out, 'report')]);
    writeFileSync(join(out, '.extract-state', 'key'), 'old');
    for (const name of ['documents.csv', 'facts.csv', 'report.html', 'report/docs-0.js', 'report/document.html']) writeFileSync(join(out, name), 'old');
    writeFileSync(join(out, 'notes.txt'), 'mine');
    const r = extract([corpusOf(A), '--out', out, '--quiet']);
    expect(r.status).toBe(0);
    expect(oneRunOf(out)).toEqual([...A].sort());
    expect(existsSync(join(out, '.extract-state'))).toBe(false);
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('mine');
  });
});
