#!/usr/bin/env node
// Mines the 600 most frequent Chinese characters (simplified and traditional alike) of the real
// disclosures in ../shared/corpus/text into patterns/common-hanzi.txt. The read stage uses them to
// tell which of several candidate encodings turns unknown bytes into Chinese a disclosure would use.
//   node scripts/mine-common-hanzi.mjs [TEXT_DIR]
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2] ?? path.join(import.meta.dirname, '..', '..', 'shared', 'corpus', 'text');
const counts = new Map();
for (const f of fs.readdirSync(dir)) {
  for (const ch of fs.readFileSync(path.join(dir, f), 'utf8')) {
    if (/[\u4e00-\u9fff]/.test(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
}
const top = [...counts]
  .sort((a, b) => b[1] - a[1])
  .slice(0, 600)
  .map(([ch]) => ch);
const target = path.join(import.meta.dirname, '..', 'patterns', 'common-hanzi.txt');
fs.writeFileSync(target, `${top.join('')}\n`);
console.log(`${top.length} characters → ${path.relative(process.cwd(), target)}`);
