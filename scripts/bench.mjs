#!/usr/bin/env node
// Benchmark of a batch run. Builds a corpus of N distinct documents from ../shared/corpus/text (or
// CORPUS): the texts again and again, each copy with its figures and years varied
// (scripts/distinct-corpus.mjs), so that no cache keyed by text flatters a build; and a smaller one
// of its first N/3, then measures, each in a fresh process: the floor (reading
// and decoding the same files, nothing else), `extract --jobs 1` and `--jobs 2` on both corpora,
// and `extract --jobs 2 --resume` on the unchanged corpus. Reports docs/s, MB/s, peak RSS, the
// speed-up and the ratio to the floor. The machine is noisy, so the runs are repeated (REPEAT
// times, default 3, alternating the configurations) and medians are shown. Two sizes separate a
// run's fixed cost (start-up and warm-up: loading, and V8 compiling the hot code in each worker)
// from its steady rate: steady docs/s = (N − N/3) / (t(N) − t(N/3)); what a run of tens of
// thousands of documents approaches. Then one long document of 2, 4 and 8 MB (a bundled
// disclosure's text repeated on one line, the shape of a page saved without line breaks): the
// seconds each added MB costs stay flat when extraction is linear in length.
// Last, the machine's own ceiling for two workers: the extraction loop (no pool, no writing) over
// the corpus in one process, alone and as two independent processes at once, each after a warm-up
// on the small corpus. Two processes share nothing, so their speed-up (2 × alone ÷ together) is the most
// `--jobs 2 / --jobs 1` can reach on this machine for this work once warm. And the bound from cold:
// the same loop with no warm-up, one process over the corpus against two at once over half each,
// start-up included: the most a second worker can gain on a run of N documents.
//   npm run bench                 (3,000 documents; run `npm run build` first)
//   npm run bench -- 10000
//   REPEAT=5 npm run bench
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeDistinctCorpus } from './distinct-corpus.mjs';

const root = path.join(import.meta.dirname, '..');
const n = Number(process.argv[2] ?? 3000);
const repeat = Math.max(1, Number(process.env.REPEAT ?? 3));
const source = process.env.CORPUS ?? path.join(root, '..', 'shared', 'corpus', 'text');
const files = fs
  .readdirSync(source)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
const bytes = writeDistinctCorpus(dir, n, source);
// the smaller corpus: the first third of the same files (hard links, the same bytes)
const small = { dir: fs.mkdtempSync(path.join(os.tmpdir(), 'bench-small-')), n: Math.max(1, Math.round(n / 3)), bytes: 0 };
for (const name of fs.readdirSync(dir).sort().slice(0, small.n)) {
  fs.linkSync(path.join(dir, name), path.join(small.dir, name));
  small.bytes += fs.statSync(path.join(dir, name)).size;
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

const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const line = (name, docs, megabytes, seconds, rss) =>
  console.log(
    `${name.padEnd(34)} ${(docs / seconds).toFixed(0).padStart(6)} docs/s ${(megabytes / seconds).toFixed(2).padStart(7)} MB/s ${seconds.toFixed(2).padStart(7)} s  peak RSS ${rss.toFixed(0)} MB`,
  );

console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, node ${process.version}`);
console.log(`corpus: ${n} distinct documents, ${mb.toFixed(1)} MB (varied copies of ${files.length} files from ${path.relative(root, source)}); small: the first ${small.n}`);
console.log(`each run ${repeat} × (median wall time, highest peak RSS), configurations alternating`);
const f = floor();
line('floor (read + decode)', n, mb, f.seconds, f.maxRssMB);
const runs = { 1: { small: [], full: [] }, 2: { small: [], full: [] } };
let resumeOut = '';
for (let r = 0; r < repeat; r++) {
  for (const jobs of [1, 2]) {
    for (const [size, input] of [
      ['small', small.dir],
      ['full', dir],
    ]) {
      const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-out-'));
      runs[jobs][size].push(extract(out, ['--jobs', String(jobs)], input));
      // the last full --jobs 2 output is kept for the --resume run
      if (jobs === 2 && size === 'full' && r === repeat - 1) resumeOut = out;
      else fs.rmSync(out, { recursive: true, force: true });
    }
  }
}
const summary = (list) => ({ wall: median(list.map((x) => x.wall)), rss: Math.max(...list.map((x) => x.maxRssMB)) });
const result = {};
for (const jobs of [1, 2]) {
  const s = summary(runs[jobs].small);
  const full = summary(runs[jobs].full);
  line(`extract --jobs ${jobs} (${small.n} documents)`, small.n, small.bytes / 1e6, s.wall, s.rss);
  line(`extract --jobs ${jobs}`, n, mb, full.wall, full.rss);
  // too few documents (or too much noise) to tell the two sizes apart: no steady rate
  const steady = n > small.n && full.wall > s.wall ? (n - small.n) / (full.wall - s.wall) : null;
  result[jobs] = { full, steady, fixed: steady ? full.wall - n / steady : null };
}
const again = extract(resumeOut, ['--jobs', '2', '--resume']);
line('extract --jobs 2 --resume', n, mb, again.wall, again.maxRssMB);
console.log(
  `speed-up jobs 2 / jobs 1: ${(result[1].full.wall / result[2].full.wall).toFixed(2)}×; ratio to the floor: ${(result[2].full.wall / f.seconds).toFixed(1)}×; resume ${(result[2].full.wall / again.wall).toFixed(1)}× faster than the first run`,
);
for (const jobs of [1, 2]) {
  const { steady, fixed } = result[jobs];
  console.log(
    `steady rate --jobs ${jobs}: ${steady ? `${steady.toFixed(0)} docs/s (start-up and warm-up ≈ ${fixed.toFixed(2)} s of the run)` : 'n/a (too few documents to tell the two sizes apart)'}`,
  );
}
if (result[1].steady && result[2].steady) console.log(`steady speed-up jobs 2 / jobs 1: ${(result[2].steady / result[1].steady).toFixed(2)}×`);
fs.rmSync(resumeOut, { recursive: true, force: true });

const seed = fs
  .readFileSync(
    path.join(
      root,
      'corpus',
      fs
        .readdirSync(path.join(root, 'corpus'))
        .filter((f) => f.endsWith('.txt'))
        .sort()[0],
    ),
    'utf8',
  )
  .replace(/\n/g, '');
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

// the extraction loop (read, extract, encode; no pool, no writing) in a process of its own, as
// bin/extract.js sets it up: patterns and jieba loaded first. With `warmUp`, it
// first runs over that folder and times only the pass over `input`; the caller times the whole
// process (start-up included) for a cold run
const loopScript = (input, warmUp) => `
  import fs from 'node:fs';
  const dist = ${JSON.stringify(path.join(root, 'dist'))};
  const { loadPatterns } = await import(dist + '/patterns.js');
  const { loadSegmenter } = await import(dist + '/segmenter.js');
  const { processPath } = await import(dist + '/process-file.js');
  const { encodeExtraction } = await import(dist + '/write/encode.js');
  loadPatterns();
  loadSegmenter();
  const pass = async (dir) => {
    const t = performance.now();
    for (const f of fs.readdirSync(dir).sort()) encodeExtraction((await processPath({ path: dir + '/' + f, docId: f })).extraction, 'csv');
    return (performance.now() - t) / 1000;
  };
  ${warmUp ? `await pass(${JSON.stringify(warmUp)});` : ''}
  console.log(JSON.stringify({ seconds: await pass(${JSON.stringify(input)}) }));`;
/** Runs the loop in a fresh process: the seconds of its timed pass and of the whole process. */
const runLoop = (input, warmUp = null) =>
  new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(process.execPath, ['--input-type=module', '-e', loopScript(input, warmUp)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('close', (code) =>
      code === 0 ? resolve({ pass: JSON.parse(out).seconds, process: (performance.now() - t) / 1000 }) : reject(new Error(`extraction loop exited ${code}`)),
    );
  });

// the ceiling: the loop alone, then two at once (separate processes, nothing shared), each timed
// after a warm-up on the small corpus
const loop = async () => (await runLoop(dir, small.dir)).pass;
const alone = [];
const together = [];
for (let r = 0; r < repeat; r++) {
  alone.push(await loop());
  const pair = await Promise.all([loop(), loop()]);
  together.push(Math.max(...pair));
}
const a = median(alone);
const t2 = median(together);
console.log(
  `ceiling (${n} documents after ${small.n} to warm up, in-process, no pool): one process ${(n / a).toFixed(0)} docs/s; two at once ${((2 * n) / t2).toFixed(0)} docs/s together, each ${((t2 / a - 1) * 100).toFixed(0)} % slower than alone; the most two workers can gain here: ${((2 * a) / t2).toFixed(2)}×`,
);

// the bound from cold: the same loop without a warm-up, start-up included, one process over the
// whole corpus against two at once over half each (every other file). This is what a run of N
// documents can gain from a second worker at best: each isolate warms up on its own, and no pool
// shares less than two processes
const halves = [0, 1].map(() => fs.mkdtempSync(path.join(os.tmpdir(), 'bench-half-')));
fs.readdirSync(dir)
  .sort()
  .forEach((name, i) => fs.linkSync(path.join(dir, name), path.join(halves[i % 2], name)));
const cold = async (input) => (await runLoop(input)).process;
const oneCold = [];
const twoCold = [];
for (let r = 0; r < repeat; r++) {
  // which goes first alternates: the host's speed drifts over a run
  const one = async () => oneCold.push(await cold(dir));
  const two = async () => twoCold.push(Math.max(...(await Promise.all(halves.map(cold)))));
  for (const step of r % 2 ? [two, one] : [one, two]) await step();
}
const c1 = median(oneCold);
const c2 = median(twoCold);
console.log(
  `bound from cold (${n} documents, start-up included, no pool): one process ${c1.toFixed(2)} s; two at once, half each, ${c2.toFixed(2)} s; the most a second worker can gain at this size: ${(c1 / c2).toFixed(2)}×`,
);
for (const d of [dir, small.dir, ...halves]) fs.rmSync(d, { recursive: true, force: true });
