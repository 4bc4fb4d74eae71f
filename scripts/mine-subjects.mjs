#!/usr/bin/env node
// Mines 政府收支分类科目 (codes with names) from the flattened tables of real disclosures
// (`full-*` texts and their `-layout` conversions) and writes patterns/subjects.tsv.
//
//   node scripts/mine-subjects.mjs [CORPUS_DIR]    (default ../shared/corpus)
//
// A row is kept when a code of a valid shape stands directly before a name made of Chinese
// characters; the years come from MANIFEST.tsv. Names seen for one code in different years
// are all kept (subjects are renamed across years), each with its years.
import fs from 'node:fs';
import path from 'node:path';

const corpus = process.argv[2] ?? path.join(import.meta.dirname, '..', '..', 'shared', 'corpus');
const manifest = fs.readFileSync(path.join(corpus, 'MANIFEST.tsv'), 'utf8').trim().split('\n');
const head = manifest[0].split('\t');
const yearOf = new Map();
for (const line of manifest.slice(1)) {
  const row = Object.fromEntries(line.split('\t').map((v, i) => [head[i], v]));
  yearOf.set(row.id, Number(row.year));
}

// 功能分类: 类 2xx, 款 2xxxx, 项 2xxxxxx; 经济分类 (部门): 类 301–313/399, 款 5 digits;
// 政府预算经济分类: 类 501–599, 款 5 digits.
const CODE = String.raw`(?:2[0-3]\d(?:\d{2}(?:\d{2})?)?|(?:30[1-9]|31[0-3]|399|5[0-9]{2})(?:\d{2})?)`;
const NAME = String.raw`[\u4e00-\u9fff][\u4e00-\u9fff（）()、]{1,40}`;
const ROW = new RegExp(String.raw`(?:^|[ \t])(${CODE})[ \t]+(${NAME})`, 'gmu');

const seen = new Map(); // code|name -> {years:Set, docs:Set}
const files = [];
for (const dir of ['text', 'layout']) {
  const d = path.join(corpus, dir);
  if (!fs.existsSync(d)) continue;
  for (const f of fs.readdirSync(d)) if (/^full-\d+/.test(f)) files.push(path.join(d, f));
}
for (const file of files.sort()) {
  const id = path.basename(file).replace(/(\.layout)?\.txt$/, '');
  const year = yearOf.get(id);
  const text = fs.readFileSync(file, 'utf8');
  for (const m of text.matchAll(ROW)) {
    const code = m[1];
    const name = m[2].replace(/[（(]$/, '');
    if (/^(年|月|日|万元|元|个|人|辆)/.test(name)) continue;
    const key = `${code}\t${name}`;
    if (!seen.has(key)) seen.set(key, { years: new Set(), docs: new Set() });
    const s = seen.get(key);
    if (year) s.years.add(year);
    s.docs.add(id);
  }
}

const kindOf = (code) => (code.startsWith('2') ? 'function' : 'economic');
const levelOf = (code) => ({ 3: '类', 5: '款', 7: '项' })[code.length];
const rows = [...seen.entries()]
  .map(([key, s]) => {
    const [code, name] = key.split('\t');
    return { code, name, kind: kindOf(code), level: levelOf(code), years: [...s.years].sort(), docs: s.docs.size };
  })
  // a name seen in only one document for a code that others name differently is a PDF artefact
  .filter((r, _, all) => r.docs > 1 || !all.some((o) => o.code === r.code && o.name !== r.name && o.docs > 1))
  // a name cut short by a table column is a prefix of the full name of the same code
  .filter((r, _, all) => !all.some((o) => o.code === r.code && o.name !== r.name && o.name.startsWith(r.name)))
  .sort((a, b) => a.code.localeCompare(b.code) || b.docs - a.docs);

const out = ['code\tname\tkind\tlevel\tyears\tdocs'];
for (const r of rows) out.push([r.code, r.name, r.kind, r.level, r.years.join(','), r.docs].join('\t'));
const target = path.join(import.meta.dirname, '..', 'patterns', 'subjects.tsv');
fs.writeFileSync(target, `${out.join('\n')}\n`);
console.log(`${rows.length} subjects from ${files.length} files → ${path.relative(process.cwd(), target)}`);
