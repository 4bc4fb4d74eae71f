// The tables read from one PDF: node scripts/tables.mjs FILE.pdf [-v] (npm run build first)
import fs from 'node:fs';
const { extractPdfText } = await import('../dist/formats/pdf.js');
const { readPdfTables } = await import('../dist/stages/tables/read-pdf.js');
const pdf = await extractPdfText(fs.readFileSync(process.argv[2]));
const tables = readPdfTables(pdf.pages);
for (const t of tables) {
  console.log(`${t.table} | ${t.title} | p${t.pages.join(',')} rows ${t.rows} cells ${t.cells.length} ${t.status} closes ${t.closes} ${t.reason ?? ''}`);
  if (process.argv[3] === '-v') for (const c of t.cells.slice(0, 40)) console.log(`   ${c.row} ${c.code} ${c.row_label} | ${c.column}/${c.column_label} = ${c.raw} → ${c.yuan}`);
  for (const f of t.failures.slice(0, 5)) console.log('   !', f);
}
