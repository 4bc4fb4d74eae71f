#!/usr/bin/env node
// Builds patterns/simplified.tsv: every Chinese character U+3400–U+9FFF that opencc-js (Hong Kong
// traditional → mainland simplified) turns into one other character, with that character. The
// normaliser folds traditional text one character for one with this table instead of calling
// OpenCC per character at run time (a table look-up costs nothing to load or to optimise).
//   node scripts/build-fold-table.mjs          (write)
//   node scripts/build-fold-table.mjs --check  (exit 1 when the file is out of date)
import fs from 'node:fs';
import path from 'node:path';
import OpenCC from 'opencc-js';

const target = path.join(import.meta.dirname, '..', 'patterns', 'simplified.tsv');
const toSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' });
const rows = ['traditional\tsimplified'];
for (let c = 0x3400; c <= 0x9fff; c++) {
  const ch = String.fromCharCode(c);
  const s = toSimplified(ch);
  if (s.length === 1 && s !== ch) rows.push(`${ch}\t${s}`);
}
const body = `${rows.join('\n')}\n`;
if (process.argv.includes('--check')) {
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  if (current !== body) {
    console.error('patterns/simplified.tsv is out of date: run node scripts/build-fold-table.mjs');
    process.exit(1);
  }
} else {
  fs.writeFileSync(target, body);
  console.log(`${rows.length - 1} characters → ${path.relative(process.cwd(), target)}`);
}
