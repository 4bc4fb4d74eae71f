#!/usr/bin/env node
// Benchmark of a batch run. Builds a corpus of N documents from ../shared/corpus/text (or CORPUS),
// then measures, each in a fresh process: the floor (reading and decoding the same files, nothing
// else), `extract --jobs 1`, `extract --jobs 2`, and `extract --jobs 2 --resume` on the unchanged
// corpus. Reports docs/s, MB/s, peak RSS, the speed-up and the ratio to the floor. Then one long
// document of 2, 4 and 8 MB (a bundled disclosure's text repeated on one line, the shape of a
// page saved without line breaks): the seconds each added MB costs stay flat when extraction is linear in length.
//   npm run bench                 (3,000 documents; run `npm run build` first)
//   npm run bench -- 10000
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.join(import.meta.dirname, '..');
const n = Number(process.argv[2] ?? 3000);
const source = process.env.CORPUS ?? path.join(root, '..', 'shared', 'corpus', 'text');
const files = fs.readdirSync(source).filter((f) => f.endsWith('.txt')).sort();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
let bytes = 0;
for (let i = 0; i < n; i++) {
  const f = files[i % files.length];
  const target = path.join(dir, `${String(i).padStart(6, '0')}-${f}`);
  fs.copyFileSync(path.join(source, f), target);
  bytes += fs.statSync(target).size;
}
const mb = bytes / 1e6;

function floor() {
  const script = `
    import { readDocument } from ${JSON.stringify(path.join(root, 'dist', 'stages', 'read.js'))};
    import fs from 'node:fs';
    const dir = ${JSON.stringify(dir)};
    const t = performance.now();
    for (const f of fs.readdirSync(dir)) await readDocument(dir + '/' + f);
    console.log(JSON.stringify({ seconds: (performance.now() - t) / 1000, maxRssMB: process.resourceUsage().maxRSS / 1024 }));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
}

function extract(out, args, input = dir) {
  const stats = path.join(os.tmpdir(), `bench-stats-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
  const t = performance.now();
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'extract.js'), input, '--out', out, '--quiet', ...args], {
    env: { ...process.env, EXTRACT_STATS: stats },
    encoding: 'utf8',
  });
  const wall = (performance.now() - t) / 1000;
  if (r.status !== 0) throw new Error(`extract ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const s = JSON.parse(fs.readFileSync(stats, 'utf8'));
  fs.rmSync(stats);
  return { wall, ...s };
}

const line = (name, seconds, rss) =>
  console.log(`${name.padEnd(26)} ${(n / seconds).toFixed(0).padStart(6)} docs/s ${(mb / seconds).toFixed(2).padStart(7)} MB/s ${seconds.toFixed(2).padStart(7)} s  peak RSS ${rss.toFixed(0)} MB`);

console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, node ${process.version}`);
console.log(`corpus: ${n} documents, ${mb.toFixed(1)} MB (copies of ${files.length} files from ${path.relative(root, source)})`);
const f = floor();
line('floor (read + decode)', f.seconds, f.maxRssMB);
const out1 = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-out-'));
const one = extract(out1, ['--jobs', '1']);
line('extract --jobs 1', one.wall, one.maxRssMB);
const out2 = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-out-'));
const two = extract(out2, ['--jobs', '2']);
line('extract --jobs 2', two.wall, two.maxRssMB);
const again = extract(out2, ['--jobs', '2', '--resume']);
line('extract --jobs 2 --resume', again.wall, again.maxRssMB);
console.log(`speed-up jobs 2 / jobs 1: ${(one.wall / two.wall).toFixed(2)}×; ratio to the floor: ${(two.wall / f.seconds).toFixed(1)}×; resume ${(two.wall / again.wall).toFixed(1)}× faster than the first run`);
for (const d of [dir, out1, out2]) fs.rmSync(d, { recursive: true, force: true });

const seed = fs.readFileSync(path.join(root, 'corpus', fs.readdirSync(path.join(root, 'corpus')).filter((f) => f.endsWith('.txt')).sort()[0]), 'utf8').replace(/\n/g, '');
console.log('one long document (one line):');
let before = null;
for (const size of [2, 4, 8]) {
  const long = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-long-'));
  fs.writeFileSync(path.join(long, 'long.txt'), seed.repeat(Math.ceil((size * 1e6) / Buffer.byteLength(seed))));
  const outL = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-out-'));
  const r = extract(outL, ['--jobs', '1', '--timeout', '600'], long);
  // the seconds each added MB costs (start-up left out): flat when extraction is linear in length
  const marginal = before ? `  ${((r.wall - before.wall) / (size - before.size)).toFixed(2)} s per added MB` : '';
  console.log(`  ${String(size).padStart(2)} MB ${r.wall.toFixed(2).padStart(6)} s  peak RSS ${r.maxRssMB.toFixed(0)} MB${marginal}`);
  before = { size, wall: r.wall };
  for (const d of [long, outL]) fs.rmSync(d, { recursive: true, force: true });
}
