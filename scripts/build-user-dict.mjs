#!/usr/bin/env node
// Builds nodejieba's dictionaries from patterns/: user.dict.utf8 (phrase tables and classification
// subjects, so item names are cut as whole words) and dict.utf8, the small domain dictionary loaded
// instead of jieba's default one (≈ 280 MB per worker): these words plus the cue words items are
// trimmed of (extra-words.json). Words it does not know are cut by jieba's HMM.
//   node scripts/build-user-dict.mjs          (write)
//   node scripts/build-user-dict.mjs --check  (exit 1 when the file is out of date)
import fs from 'node:fs';
import path from 'node:path';

const dir = path.join(import.meta.dirname, '..', 'patterns');
const words = new Set();
const metrics = JSON.parse(fs.readFileSync(path.join(dir, 'metrics.json'), 'utf8'));
for (const e of metrics.metrics) for (const p of e.phrases) words.add(p);
for (const p of Object.keys(metrics.families)) words.add(p);
const tsv = (name) =>
  fs
    .readFileSync(path.join(dir, name), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t'));
for (const [, name] of tsv('classification.tsv')) words.add(name.replace(/（/g, '(').replace(/）/g, ')'));
for (const [oldName] of tsv('subject-renames.tsv')) words.add(oldName);
const extra = JSON.parse(fs.readFileSync(path.join(dir, 'jieba', 'extra-words.json'), 'utf8'));
for (const w of extra.words) words.add(w);
const lines = [...words]
  .filter((w) => /^[\u4e00-\u9fff()]{2,}$/.test(w))
  .sort()
  .map((w) => `${w} n`);
const domain = new Set([...words, ...extra.leadWords, ...extra.tailWords]);
const files = {
  'user.dict.utf8': `${lines.join('\n')}\n`,
  'dict.utf8': `${[...domain]
    .filter((w) => /^[\u4e00-\u9fff()]+$/.test(w))
    .sort()
    .map((w) => `${w} 1000 n`)
    .join('\n')}\n`,
};
for (const [name, body] of Object.entries(files)) {
  const target = path.join(dir, 'jieba', name);
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
    if (current !== body) {
      console.error(`patterns/jieba/${name} is out of date: run node scripts/build-user-dict.mjs`);
      process.exit(1);
    }
  } else {
    fs.writeFileSync(target, body);
    console.log(`${body.trim().split('\n').length} words → ${path.relative(process.cwd(), target)}`);
  }
}
