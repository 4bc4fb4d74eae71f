#!/usr/bin/env node
// Builds patterns/jieba/user.dict.utf8, nodejieba's user dictionary, from the phrase tables and
// the classification subjects in patterns/, so that item names are cut as whole words.
//   node scripts/build-user-dict.mjs          (write)
//   node scripts/build-user-dict.mjs --check  (exit 1 when the file is out of date)
import fs from 'node:fs';
import path from 'node:path';

const dir = path.join(import.meta.dirname, '..', 'patterns');
const words = new Set();
const metrics = JSON.parse(fs.readFileSync(path.join(dir, 'metrics.json'), 'utf8'));
for (const e of metrics.metrics) for (const p of e.phrases) words.add(p);
for (const p of Object.keys(metrics.families)) words.add(p);
const tsv = (name) => fs.readFileSync(path.join(dir, name), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
for (const [, name] of tsv('subjects.tsv')) words.add(name.replace(/（/g, '(').replace(/）/g, ')'));
for (const [oldName] of tsv('subject-renames.tsv')) words.add(oldName);
const extra = JSON.parse(fs.readFileSync(path.join(dir, 'jieba', 'extra-words.json'), 'utf8'));
for (const w of extra.words) words.add(w);
const lines = [...words].filter((w) => /^[\u4e00-\u9fff()]{2,}$/.test(w)).sort().map((w) => `${w} n`);
const body = `${lines.join('\n')}\n`;
const target = path.join(dir, 'jieba', 'user.dict.utf8');
if (process.argv.includes('--check')) {
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  if (current !== body) {
    console.error('patterns/jieba/user.dict.utf8 is out of date: run node scripts/build-user-dict.mjs');
    process.exit(1);
  }
} else {
  fs.writeFileSync(target, body);
  console.log(`${lines.length} words → ${path.relative(process.cwd(), target)}`);
}
