#!/usr/bin/env node
// Benchmark: builds a corpus of N documents from ../shared/corpus/text (or CORPUS), runs the
// extraction in this process, and reports documents/s, MB/s and peak RSS, with the floor
// (reading and decoding the same files, nothing else) beside it.
//   npm run bench -- [N]        (default 1000; run `npm run build` first)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readDocument } from '../dist/stages/read.js';
import { run } from '../dist/run.js';

const n = Number(process.argv[2] ?? 1000);
const source = process.env.CORPUS ?? path.join(import.meta.dirname, '..', '..', 'shared', 'corpus', 'text');
const files = fs.readdirSync(source).filter((f) => f.endsWith('.txt')).sort();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
let bytes = 0;
for (let i = 0; i < n; i++) {
  const f = files[i % files.length];
  const target = path.join(dir, `${String(i).padStart(6, '0')}-${f}`);
  fs.copyFileSync(path.join(source, f), target);
  bytes += fs.statSync(target).size;
}
const inputs = fs.readdirSync(dir).map((f) => path.join(dir, f));

let t = performance.now();
for (const p of inputs) await readDocument(p);
const floor = (performance.now() - t) / 1000;

const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-out-'));
t = performance.now();
const summary = await run([dir], { out, format: 'csv', jobs: 1 });
const secs = (performance.now() - t) / 1000;
const rss = process.resourceUsage().maxRSS / 1024;
const mb = bytes / 1e6;
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, node ${process.version}`);
console.log(`corpus: ${n} documents, ${mb.toFixed(1)} MB (copies of ${files.length} files)`);
console.log(`floor (read + decode): ${(n / floor).toFixed(0)} docs/s, ${(mb / floor).toFixed(1)} MB/s`);
console.log(`extract (one process): ${(n / secs).toFixed(0)} docs/s, ${(mb / secs).toFixed(2)} MB/s, ${secs.toFixed(2)} s, ${summary.facts} facts`);
console.log(`peak RSS: ${rss.toFixed(0)} MB; ratio to floor: ${(secs / floor).toFixed(1)}×`);
fs.rmSync(dir, { recursive: true, force: true });
fs.rmSync(out, { recursive: true, force: true });
