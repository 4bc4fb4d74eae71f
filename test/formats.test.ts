import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Extraction } from '../src/extract.js';
import { extractHtmlText } from '../src/formats/html.js';
import { processFile } from '../src/process-file.js';
// @ts-expect-error: a plain JavaScript module shared with the command line
import { variants } from './fixtures/make-variants.mjs';

const fixtures = join(import.meta.dirname, 'fixtures');
const dir = mkdtempSync(join(tmpdir(), 'variants-'));
const extracted = new Map<string, Extraction>();

/** (metric, role, value) of every placed fact, sorted: what must not change with the input's shape. */
const keys = (x: Extraction) =>
  x.facts
    .filter((f) => f.metric !== 'unmapped')
    .map((f) => `${f.metric}|${f.role}|${f.value}`)
    .sort();

async function extract(path: string, docId = path): Promise<Extraction> {
  const x = await processFile({ path, docId });
  expect(x.document.status, `${docId}: ${x.document.error}`).not.toBe('failed');
  return x;
}

beforeAll(async () => {
  for (const [name, bytes] of Object.entries((await variants()) as Record<string, Buffer>)) {
    writeFileSync(join(dir, name), bytes);
    extracted.set(name, await extract(join(dir, name), name));
  }
  extracted.set('seed-000', await extract(join(fixtures, 'seed-000', 'input.txt')));
  extracted.set('seed-003', await extract(join(fixtures, 'seed-003', 'input.txt')));
});

/** Every fact slices back to its raw text in the document as decoded. */
function slicesBack(x: Extraction, decoded: string) {
  for (const f of x.facts) expect(decoded.slice(f.start, f.end)).toBe(f.raw);
}

describe('the same disclosure gives the same facts whatever shape it arrives in', () => {
  for (const name of ['seed-000.gb18030.txt', 'seed-000.utf16le-bom.txt', 'seed-000.utf8-bom.txt', 'seed-000.fullwidth.txt']) {
    it(`reads ${name} as the UTF-8 original`, () => {
      const x = extracted.get(name) as Extraction;
      expect(keys(x)).toEqual(keys(extracted.get('seed-000') as Extraction));
      expect(x.document.org).toBe('盘锦市智慧城市运行管理中心');
    });
  }
  it('records the encoding it read', () => {
    expect(extracted.get('seed-000.gb18030.txt')?.document.encoding).toBe('gb18030');
    expect(extracted.get('seed-000.utf16le-bom.txt')?.document.encoding).toBe('utf-16le');
    expect(extracted.get('seed-000.utf8-bom.txt')?.document.encoding).toBe('utf-8-bom');
  });
  it('reads the HTML page as the text, menus, scripts and footer left out', () => {
    const x = extracted.get('seed-003.html') as Extraction;
    expect(x.document.format).toBe('html');
    expect(keys(x)).toEqual(keys(extracted.get('seed-003') as Extraction));
    slicesBack(x, readFileSync(join(dir, 'seed-003.html'), 'utf8'));
  });
  it('reads the Word document as the text, and knows a .docx named .txt by its bytes', () => {
    for (const name of ['seed-003.docx', 'seed-003-docx-named.txt']) {
      const x = extracted.get(name) as Extraction;
      expect(x.document.format).toBe('docx');
      expect(keys(x)).toEqual(keys(extracted.get('seed-003') as Extraction));
    }
  });
  it('reads full-width digits with their offsets in the original', () => {
    const x = extracted.get('seed-000.fullwidth.txt') as Extraction;
    slicesBack(x, readFileSync(join(dir, 'seed-000.fullwidth.txt'), 'utf8'));
    expect(x.facts.find((f) => f.metric === 'income.total' && f.role === 'value')?.raw).toBe('３４４６.１２万元');
  });
});

describe('traditional characters and inline pinyin', () => {
  for (const [simplified, traditional] of [
    ['pages-055.txt', 'pages-056.txt'],
    ['pages-013.txt', 'pages-014.txt'],
  ]) {
    it(`${traditional} gives the facts of ${simplified}`, async () => {
      const a = await extract(join(fixtures, 'traditional', simplified as string));
      const b = await extract(join(fixtures, 'traditional', traditional as string));
      expect(keys(b)).toEqual(keys(a));
      expect(keys(a).length).toBeGreaterThan(0);
    });
  }
});

describe('PDF', () => {
  it('finds at least 95 % of the facts of the text conversion, each with its page', async () => {
    const text = await extract(join(fixtures, 'pdf', 'full-003.txt'));
    const pdf = await extract(join(fixtures, 'pdf', 'full-003.pdf'));
    expect(pdf.document.format).toBe('pdf');
    const have = keys(pdf);
    const want = keys(text);
    const found = want.filter((k) => {
      const i = have.indexOf(k);
      if (i < 0) return false;
      have.splice(i, 1);
      return true;
    });
    expect(found.length / want.length).toBeGreaterThanOrEqual(0.95);
    expect(pdf.facts.every((f) => typeof f.page === 'number' && f.page >= 1)).toBe(true);
    expect(new Set(pdf.facts.map((f) => f.page)).size).toBeGreaterThan(1);
  });
});

describe('extractHtmlText', () => {
  it('keeps visible text with a map into the source, entities decoded', () => {
    const html = '<html><body><script>var a="9万元"</script><nav>菜单</nav><p>收入&nbsp;总计<b>3446.12</b>万元&amp;</p></body></html>';
    const v = extractHtmlText(html);
    expect(v.text.trim()).toBe('收入 总计3446.12万元&');
    const i = v.text.indexOf('3446.12');
    expect(html.slice(v.map[i], (v.map[i + 6] ?? 0) + 1)).toBe('3446.12');
  });
});
