#!/usr/bin/env node
// Makes a corpus of bad inputs next to good ones, for the robustness tests (and by hand:
//   node test/bad-inputs.mjs DIR [--huge]   (--huge adds the 100 MB text file)
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';

const here = import.meta.dirname;

/** Deterministic pseudo-random bytes (the same corpus every time). */
function randomBytes(n, seed = 7) {
  const out = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = x >> 16;
  }
  return out;
}

/** A minimal zip archive with one stored entry (not a Word document). */
function zipBytes() {
  const name = Buffer.from('data.txt');
  const body = Buffer.from('收入总计10万元');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(body.length, 18);
  local.writeUInt32LE(body.length, 22);
  local.writeUInt16LE(name.length, 26);
  return Buffer.concat([local, name, body]);
}

/** The bad inputs: file name → bytes (or a function that makes the entry itself). */
export function badInputs({ huge = false } = {}) {
  const seed = fs.readFileSync(path.join(here, 'fixtures', 'seed-003', 'input.txt'), 'utf8');
  const para = '2018年度财政拨款支出3363.11万元，其中：基本支出207.28万元，项目支出3155.83万元。';
  const files = {
    'empty.txt': Buffer.alloc(0),
    'whitespace.txt': Buffer.from(' \n\t\u3000\n\n   '),
    'random.txt': randomBytes(8192),
    'image.txt': Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(256, 3)]),
    'archive.txt': zipBytes(),
    'pdf-named.txt': Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'),
    'truncated.txt': Buffer.from(seed.trimEnd(), 'utf8').subarray(0, Buffer.byteLength(seed.trimEnd()) - 1), // cut inside the last 。
    'mixed-encodings.txt': Buffer.concat([Buffer.from('收入总计10万元。\n', 'utf8'), iconv.encode('支出总计8万元。\n', 'gbk'), Buffer.from('年末结转和结余2万元。\n', 'utf8')]),
    'nul-bytes.txt': Buffer.concat([Buffer.from('收入总计10万元。'), Buffer.alloc(64), Buffer.from('支出总计8万元。')]),
    'one-line.txt': Buffer.from(para.repeat(Math.ceil(5e6 / para.length)).slice(0, 5e6)),
    'long-number.txt': Buffer.from(`收入总计${'9'.repeat(100000)}万元。支出总计1.5万元。`),
    'nested-headings.txt': Buffer.from(Array.from({ length: 2000 }, (_, i) => `${'（'.repeat(i % 5)}${i + 1}、第${i}层标题 收入${i}万元`).join('\n')),
  };
  if (huge) files['huge.txt'] = Buffer.alloc(100 * 1024 * 1024, 'a');
  return files;
}

/** Writes the bad inputs, a folder named x.txt and a symbolic link loop into `dir`. */
export function writeBadInputs(dir, options = {}) {
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, bytes] of Object.entries(badInputs(options))) fs.writeFileSync(path.join(dir, name), bytes);
  fs.mkdirSync(path.join(dir, 'x.txt'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'x.txt', 'inside.txt'), '收入总计10万元。');
  fs.mkdirSync(path.join(dir, 'loop'), { recursive: true });
  try {
    fs.symlinkSync('..', path.join(dir, 'loop', 'up'));
  } catch (err) {
    if (err.code !== 'EEXIST') throw err;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const dir = process.argv[2] ?? path.join(here, 'output', 'bad-inputs');
  writeBadInputs(dir, { huge: process.argv.includes('--huge') });
  console.log(`bad inputs written to ${dir}`);
}
