import { getDocumentProxy } from 'unpdf';
import fs from 'node:fs';
const [file, pageNo] = process.argv.slice(2);
const pdf = await getDocumentProxy(new Uint8Array(fs.readFileSync(file)), { verbosity: 0 });
const page = await pdf.getPage(Number(pageNo));
const vp = page.getViewport({ scale: 1 });
console.log('view', vp.width, vp.height, 'rotate', page.rotate);
const c = await page.getTextContent();
for (const it of c.items.slice(0, 80)) if (it.str !== undefined) console.log(JSON.stringify(it.str), it.transform.map((v) => Math.round(v * 10) / 10).join(','), Math.round(it.width * 10) / 10, it.hasEOL);
