#!/usr/bin/env node
// Times every regex of patterns/ on 1 MB of each adversarial input and of real text, and prints the
// slowest per MB (run `npm run build` first).
import fs from 'node:fs';
import path from 'node:path';
import { loadPatterns } from '../dist/patterns.js';

const MB = 1_000_000;
const real = fs
  .readdirSync(path.join(import.meta.dirname, '..', 'corpus'))
  .map((f) => fs.readFileSync(path.join(import.meta.dirname, '..', 'corpus', f), 'utf8'))
  .join('\n');
const inputs = {
  'real text': real.repeat(Math.ceil(MB / real.length)).slice(0, MB),
  digits: '1'.repeat(MB),
  '1,1,1,…': '1,'.repeat(MB / 2),
  '1.1.1.…': '1.'.repeat(MB / 2),
  '、、、…': '、'.repeat(MB),
  '（（（…': '（'.repeat(MB),
  '((( …': '('.repeat(MB),
  '一二三…': '一二三'.repeat(MB / 3),
  '999…万': `${'9'.repeat(MB)}万`,
};
const p = loadPatterns();
const regexes = [
  ...p.quantities.map((q) => [`quantities.${q.id}`, new RegExp(q.regex.source, 'gu')]),
  ...p.headings.map((h) => [`headings.${h.id}`, new RegExp(h.regex.source, 'gmu')]),
  ['headings.toc.entry', new RegExp(p.tocEntry.source, 'gmu')],
  ...p.roles.map((r) => [`roles.${r.role}`, new RegExp(r.pattern.replace('{{prevYear}}', '(?:2018|2017)年'), 'gu')]),
];
const rows = [];
for (const [name, re] of regexes) {
  let worst = 0;
  let on = '';
  for (const [kind, text] of Object.entries(inputs)) {
    const t = performance.now();
    for (const _ of text.matchAll(re));
    const ms = performance.now() - t;
    if (ms > worst) [worst, on] = [ms, kind];
  }
  rows.push([name, worst, on]);
}
rows.sort((a, b) => b[1] - a[1]);
for (const [name, ms, on] of rows.slice(0, 10)) console.log(`${name.padEnd(34)} ${ms.toFixed(1).padStart(8)} ms/MB  (worst on ${on})`);
