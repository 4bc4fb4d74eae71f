#!/usr/bin/env node
// Checks hand-made answer keys before they are used: every fact's `raw` is in the document's
// text, and its `value` follows from `raw` by decimal arithmetic (万元 × 10 000, 亿元 × 10^8,
// percentages and counts as written; a signed role may be negative); no required fact repeats
// another (the scorer counts each fact once). Independent of the tool.
//
//   node scripts/check-gold.mjs GOLD_DIR TEXT_DIR
//
// Prints one line per problem and a summary; exits 1 when any fact fails.
import fs from 'node:fs';
import path from 'node:path';

const [goldDir, textDir] = process.argv.slice(2);
if (!goldDir || !textDir) {
  console.error('usage: check-gold.mjs GOLD_DIR TEXT_DIR');
  process.exit(2);
}

const MONEY = { 元: 0n, 千元: 3n, 万元: 4n, 万: 4n, 亿元: 8n, 亿: 8n };
const CN = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const SIGNED = new Set(['yoy_change', 'yoy_rate', 'budget_variance', 'budget_variance_rate']);

/** Chinese numerals up to 99 (十二, 二十, 二十五). */
function chinese(s) {
  if (!/^[零〇一二两三四五六七八九十]+$/.test(s)) return null;
  if (s === '十') return 10;
  const t = s.indexOf('十');
  if (t < 0) return s.length === 1 ? CN[s] : null;
  const tens = t === 0 ? 1 : CN[s[0]];
  const ones = t === s.length - 1 ? 0 : CN[s[t + 1]];
  return tens * 10 + ones;
}

/** The value a raw text states, as a decimal string in the fact's unit (yuan, percent, count). */
function valueOf(raw) {
  const s = raw
    .normalize('NFKC')
    .replace(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/g, '') // inline pinyin: 萬(wàn)
    .replace(/萬/g, '万')
    .replace(/億/g, '亿')
    .replace(/[\s,，]/g, '');
  if (/无|無|没有/.test(s) && !/\d/.test(s)) return '0'; // 无, 较上年无增减
  const m = /^(-?\d+(?:\.\d+)?|[零〇一二两三四五六七八九十]+)(.*)$/.exec(s);
  if (!m) return null;
  const [, num, unit] = m;
  const n = /\d/.test(num) ? num : String(chinese(num));
  if (n === 'null') return null;
  const shift = MONEY[unit];
  if (shift === undefined) return unit ? n : [n, scale(n, 4n), scale(n, 8n)]; // a bare number takes its sentence's unit
  return scale(n, shift);
}

/** `n` × 10^shift, on the digit string. */
function scale(n, shift) {
  const [int, frac = ''] = n.split('.');
  const scaled = int + frac.padEnd(Number(shift), '0');
  const point = int.length + Number(shift);
  const whole = scaled.slice(0, point).replace(/^(-?)0+(?=\d)/, '$1');
  const rest = scaled.slice(point).replace(/0+$/, '');
  return rest ? `${whole}.${rest}` : whole;
}

/** Two decimal strings equal (money to the fen, as the scorer compares). */
function same(a, b) {
  return Math.abs(Number(a) - Number(b)) < 0.005;
}

let problems = 0;
let facts = 0;
let docs = 0;
for (const file of fs
  .readdirSync(goldDir)
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  const gold = JSON.parse(fs.readFileSync(path.join(goldDir, file), 'utf8'));
  const textFile = path.join(textDir, gold.doc);
  const say = (msg) => {
    problems++;
    console.log(`${file}: ${msg}`);
  };
  if (!fs.existsSync(textFile)) {
    say(`no text ${gold.doc}`);
    continue;
  }
  docs++;
  const text = fs.readFileSync(textFile, 'utf8');
  for (const key of ['org', 'year', 'doc_type', 'facts']) if (!(key in gold)) say(`missing "${key}"`);
  if (gold.doc_type !== null && gold.doc_type !== undefined && !['部门决算', '单位决算', '部门预算', '单位预算'].includes(gold.doc_type)) say(`doc_type ${gold.doc_type}`);
  const said = new Set();
  for (const [i, f] of (gold.facts ?? []).entries()) {
    facts++;
    // the scorer counts a fact once: a fact stated twice is labelled once (the repeat optional)
    const key = JSON.stringify([f.metric, f.item ?? '', f.role, Number(f.value).toFixed(3)]);
    if (!f.optional && said.has(key)) say(`fact ${i}: the same fact as one before (mark the repeat optional)`);
    if (!f.optional) said.add(key);
    const where = `fact ${i} (${JSON.stringify(f.metric)} ${f.item ?? ''} ${f.role})`;
    if (typeof f.raw !== 'string' || !f.raw) {
      say(`${where}: no raw`);
      continue;
    }
    if (!text.includes(f.raw)) say(`${where}: raw «${f.raw}» is not in the text`);
    const v = valueOf(f.raw);
    if (v === null) {
      say(`${where}: cannot read a value from «${f.raw}»`);
      continue;
    }
    const ok = [v].flat().some((x) => same(x, f.value) || (SIGNED.has(f.role) && same(`-${x}`, f.value)));
    if (!ok) say(`${where}: value ${f.value} does not follow from «${f.raw}» (${v})`);
    if (f.code !== null && f.code !== undefined && !/^\d{3}(?:\d{2}){0,2}$/.test(String(f.code))) say(`${where}: code ${f.code} is not 3, 5 or 7 digits`);
  }
}
console.log(`checked ${docs} documents, ${facts} facts: ${problems} problem(s)`);
process.exit(problems ? 1 : 0);
