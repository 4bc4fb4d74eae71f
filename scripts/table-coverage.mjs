#!/usr/bin/env node
// How many of the classification-code rows that `pdftotext -layout` shows (../shared/corpus/layout)
// are in the tables the tool reads from the PDF (../shared/corpus/pdf), with their first amount in
// yuan; and how many of the tables read close on their own arithmetic.
//   npm run build && node scripts/table-coverage.mjs [--verbose]
import fs from 'node:fs';
import path from 'node:path';

const root = path.join(import.meta.dirname, '..');
const shared = path.join(root, '..', 'shared', 'corpus');
const { extractPdfText } = await import(path.join(root, 'dist', 'formats', 'pdf.js'));
const { readPdfTables } = await import(path.join(root, 'dist', 'stages', 'tables', 'read-pdf.js'));
const { scaleDecimal } = await import(path.join(root, 'dist', 'decimal.js'));
const verbose = process.argv.includes('--verbose');
const { layoutRows } = await import('./layout-rows.mjs');

const families = new Map();
let all = 0;
let found = 0;
let tablesRead = 0;
let tablesClosing = 0;
let tablesChecked = 0;
const manifest = fs
  .readFileSync(path.join(shared, 'MANIFEST.tsv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split('\t'));
for (const file of fs.readdirSync(path.join(shared, 'pdf')).sort()) {
  const id = file.replace(/\.pdf$/, '');
  const layout = path.join(shared, 'layout', `${id}.txt`);
  if (!fs.existsSync(layout)) continue;
  const rows = layoutRows(fs.readFileSync(layout, 'utf8'), scaleDecimal);
  const t0 = performance.now();
  const pdf = await extractPdfText(fs.readFileSync(path.join(shared, 'pdf', file)));
  const tables = readPdfTables(pdf.pages);
  const ms = performance.now() - t0;
  const cells = new Set(tables.flatMap((t) => t.cells.map((c) => `${c.code}|${c.yuan}`)));
  const hit = rows.filter((r) => cells.has(`${r.code}|${r.yuan}`));
  const read = tables.filter((t) => t.status === 'read' && t.cells.length);
  tablesRead += read.length;
  tablesChecked += read.filter((t) => t.closes !== null).length;
  tablesClosing += read.filter((t) => t.closes === true).length;
  all += rows.length;
  found += hit.length;
  const note = manifest.find((m) => m[0] === id)?.[6] ?? '';
  const family = /creator: ([^)]*)/.exec(note)?.[1]?.replace(/[\d.\s/®]+$/, '') ?? 'unknown';
  const f = families.get(family) ?? { docs: 0, rows: 0, found: 0 };
  families.set(family, { docs: f.docs + 1, rows: f.rows + rows.length, found: f.found + hit.length });
  const share = rows.length ? ((100 * hit.length) / rows.length).toFixed(0) : '—';
  console.log(
    `${id.padEnd(10)} ${String(hit.length).padStart(4)}/${String(rows.length).padEnd(4)} ${share.padStart(4)} %  tables ${read.length} (closing ${read.filter((t) => t.closes === true).length}, not ${read.filter((t) => t.closes === false).length}, unread ${tables.filter((t) => t.status === 'unread').length})  ${ms.toFixed(0)} ms  ${family}`,
  );
  if (verbose) for (const r of rows.filter((r) => !cells.has(`${r.code}|${r.yuan}`)).slice(0, 8)) console.log(`     missed ${r.code} ${r.raw} ${r.yuan}: ${r.line.slice(0, 90)}`);
}
console.log('by layout family:');
for (const [family, f] of families) console.log(`  ${family.padEnd(32)} ${f.docs} docs ${f.found}/${f.rows} ${f.rows ? ((100 * f.found) / f.rows).toFixed(1) : '—'} %`);
console.log(
  `code rows found: ${found}/${all} = ${((100 * found) / all).toFixed(1)} %; tables read with cells ${tablesRead}, checked ${tablesChecked}, closing ${tablesClosing} (${((100 * tablesClosing) / Math.max(1, tablesChecked)).toFixed(1)} % of checked)`,
);
