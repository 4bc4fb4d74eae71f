#!/usr/bin/env node
// Measures how many of the (metric, role, value) facts found on the text conversion of each PDF
// in ../shared/corpus/pdf are also found when extract reads the PDF itself.
//   node scripts/pdf-parity.mjs [PDF_DIR] [TEXT_DIR]        (run `npm run build` first)
import fs from 'node:fs';
import path from 'node:path';
import { processFile } from '../dist/process-file.js';

const shared = path.join(import.meta.dirname, '..', '..', 'shared', 'corpus');
const pdfDir = process.argv[2] ?? path.join(shared, 'pdf');
const textDir = process.argv[3] ?? path.join(shared, 'text');
const key = (f) => `${f.metric}|${f.role}|${f.value}`;
let found = 0;
let total = 0;
for (const file of fs
  .readdirSync(pdfDir)
  .filter((f) => f.endsWith('.pdf'))
  .sort()) {
  const txt = path.join(textDir, file.replace(/\.pdf$/, '.txt'));
  if (!fs.existsSync(txt)) continue;
  const a = await processFile({ path: txt, docId: file });
  const b = await processFile({ path: path.join(pdfDir, file), docId: file });
  const want = a.facts.filter((f) => f.metric !== 'unmapped').map(key);
  const have = new Map();
  for (const k of b.facts.map(key)) have.set(k, (have.get(k) ?? 0) + 1);
  let hit = 0;
  for (const k of want) {
    const n = have.get(k) ?? 0;
    if (n > 0) {
      hit++;
      have.set(k, n - 1);
    }
  }
  found += hit;
  total += want.length;
  console.log(
    `${file}: ${hit}/${want.length} (${want.length ? ((hit / want.length) * 100).toFixed(1) : '100.0'}%) ${b.document.status}${b.document.error ? ` ${b.document.error}` : ''}`,
  );
}
console.log(`pdf parity: ${found}/${total} = ${((found / total) * 100).toFixed(1)}% of the text conversion's facts`);
