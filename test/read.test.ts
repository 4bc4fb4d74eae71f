import { mkdtempSync, writeFileSync } from 'node:fs';
import { truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_BYTES, readDocument } from '../src/stages/read.js';
import { processFile } from '../src/process-file.js';

const dir = mkdtempSync(join(tmpdir(), 'read-'));
const file = (name: string, data: Uint8Array | string) => {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
};

describe('readDocument: bad input gets a clear error', () => {
  it('fails an empty file', async () => {
    expect((await readDocument(file('empty.txt', ''))).error).toMatch(/empty/);
  });
  it('fails a file of white space only', async () => {
    expect((await readDocument(file('blank.txt', ' \n\t\u3000\n'))).error).toMatch(/empty/);
  });
  it('fails binary bytes (a PNG named .txt)', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect((await readDocument(file('image.txt', png))).error).toMatch(/png/);
  });
  it('fails random bytes with NULs', async () => {
    const bytes = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256);
    expect((await readDocument(file('random.txt', bytes))).error).toMatch(/not a text document/);
  });
  it('decodes GB18030 and says it guessed', async () => {
    const gb = Uint8Array.from([0xca, 0xd5, 0xc8, 0xeb, 0xd7, 0xdc, 0xbc, 0xc6, 0x31, 0x30, 0xcd, 0xf2, 0xd4, 0xaa]); // 收入总计10万元
    const r = await readDocument(file('gb.txt', gb));
    expect(r.text).toBe('收入总计10万元');
    expect(r.encoding).toBe('gb18030');
    expect(r.diagnostics.map((d) => d.rule)).toContain('read.encoding-guessed');
  });
  it('keeps a truncated UTF-8 file and reports the bad bytes', async () => {
    const bytes = new TextEncoder().encode('收入总计10万元。支出总计8万元');
    const r = await readDocument(file('cut.txt', bytes.subarray(0, bytes.length - 1)));
    expect(r.text).not.toBeNull();
    expect(r.text).toBe('收入总计10万元。支出总计8万');
    expect(r.diagnostics.map((d) => d.rule)).toContain('read.truncated');
  });
  it('strips a UTF-8 BOM and decodes UTF-16LE with BOM', async () => {
    expect((await readDocument(file('bom.txt', '\ufeff收入'))).text).toBe('收入');
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('收入总计', 'utf16le')]);
    const r = await readDocument(file('le.txt', le));
    expect(r.text).toBe('收入总计');
    expect(r.encoding).toBe('utf-16le');
  });
  it('fails a file over the size limit without reading it', async () => {
    const p = file('huge.txt', '');
    await truncate(p, MAX_BYTES + 1);
    const r = await readDocument(p);
    expect(r.error).toMatch(/too large/);
    expect(r.text).toBeNull();
  });
  it('turns a missing file into a failed row instead of a crash', async () => {
    const x = await processFile({ path: join(dir, 'gone.txt'), docId: 'gone.txt' });
    expect(x.document.status).toBe('failed');
    expect(x.document.error).toMatch(/ENOENT/);
  });
});
