import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPdfText, PdfError } from '../src/formats/pdf.js';
import { decodeDocument } from '../src/stages/read.js';
import { buildPdf } from './pdf-builder.js';

const fixtures = join(import.meta.dirname, 'fixtures', 'pdf');
const squeeze = (s: string) => s.replace(/\s+/g, '');

describe('the PDF reader (PDFium)', () => {
  it('reads the characters poppler reads, page by page, on real disclosures of three layout families', async () => {
    for (const id of ['full-003', 'full-014', 'full-021']) {
      const pdf = await extractPdfText(readFileSync(join(fixtures, `${id}.pdf`)));
      const reference = readFileSync(join(fixtures, `${id}.layout.txt`), 'utf8').split('\f');
      expect(pdf.pageStarts.length, id).toBe(reference.filter((p, k) => k < reference.length - 1 || p.trim()).length);
      pdf.pageStarts.forEach((start, k) => {
        const page = pdf.text.slice(start, pdf.pageStarts[k + 1] ?? pdf.text.length);
        expect(squeeze(page).length, `${id} page ${k + 1}`).toBe(squeeze(reference[k] ?? '').length);
      });
    }
  });

  it('places runs where the page shows them: top-left origin, baseline, right edge', async () => {
    const pdf = await extractPdfText(
      buildPdf([
        { text: 'Total', x: 72, y: 742 },
        { text: '1,234.56', x: 400, y: 742 },
      ]),
    );
    const [label, amount] = pdf.pages[0]?.items ?? [];
    expect(label).toMatchObject({ str: 'Total', y: expect.closeTo(100, 0) });
    expect(label?.x).toBeGreaterThanOrEqual(72);
    expect(label?.x).toBeLessThan(74);
    expect(amount?.str).toBe('1,234.56');
    expect(amount?.h).toBeCloseTo(12, 0);
    expect((amount?.x ?? 0) + (amount?.w ?? 0)).toBeGreaterThan(440);
    expect(pdf.text.split('\n')[0]).toBe('Total 1,234.56');
  });

  it('turns the coordinates of a rotated page as the page is shown', async () => {
    // /Rotate 90: a point (x, y) of the page's space is shown at (y, x), the page 842 wide
    const pdf = await extractPdfText(buildPdf([{ text: 'Rotated', x: 100, y: 300 }], { rotate: 90 }));
    const page = pdf.pages[0];
    expect([page?.width, page?.height]).toEqual([842, 595]);
    const item = page?.items[0];
    expect(item?.str).toBe('Rotated');
    expect(item?.x).toBeCloseTo(300, -1);
    // the run goes down the page as shown: it starts at y − h and ends at y, its length the height
    const start = (item?.y ?? 0) - (item?.h ?? 0);
    expect(start).toBeGreaterThanOrEqual(100); // the glyph's box: its side bearing after the origin
    expect(start).toBeLessThan(103);
    expect(item?.h).toBeGreaterThan(35);
    expect(item?.w).toBeLessThan(15);
  });

  it('leaves out text set past the page edge, as the page does not show it', async () => {
    const pdf = await extractPdfText(
      buildPdf([
        { text: 'Shown', x: 72, y: 400 },
        { text: 'Beyond', x: 72, y: -20 },
        { text: 'Right', x: 700, y: 400 },
      ]),
    );
    expect(squeeze(pdf.text)).toBe('Shown');
    expect(pdf.pages[0]?.items.map((i) => i.str)).toEqual(['Shown']);
  });

  it('finds ruling lines drawn either way: stroked segments and thin filled rectangles', async () => {
    // a stroked line at y 700 (shown 142), a stroked rectangle's sides, a filled bar 0.5 pt high at y 600 (shown 242)
    const drawing = '0.5 w 50 700 m 500 700 l S\n100 300 200 100 re S\n50 600 450 0.5 re f\n300 100 80 60 re f';
    const pdf = await extractPdfText(buildPdf([{ text: 'x', x: 72, y: 750 }], { drawing }));
    const rules = pdf.pages[0]?.rules;
    const across = (rules?.across ?? []).map((r) => [Math.round(r.at), Math.round(r.from), Math.round(r.to)]).sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
    expect(across).toEqual([
      [142, 50, 500],
      [242, 50, 500],
      [442, 100, 300],
      [542, 100, 300],
    ]);
    const down = (rules?.down ?? []).map((r) => [Math.round(r.at), Math.round(r.from), Math.round(r.to)]).sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
    expect(down).toEqual([
      [100, 442, 542],
      [300, 442, 542],
    ]);
  });

  it('says why a PDF cannot be opened', async () => {
    const whole = buildPdf([{ text: 'x', x: 72, y: 400 }]);
    await expect(extractPdfText(Buffer.from('%PDF-1.4\nnot a pdf at all'))).rejects.toThrow(/not a PDF or is damaged|could not be parsed/);
    const cut = whole.subarray(0, 40);
    const row = await decodeDocument({ path: 'cut.pdf', size: cut.length, bytes: cut, error: null });
    expect(row.error).toMatch(/cannot read the pdf file: /);
  });

  it('reads damaged PDFs as far as they go, says why when it cannot, and reads the next PDF whole', async () => {
    const whole = readFileSync(join(fixtures, 'full-014.pdf'));
    const expected = (await extractPdfText(whole)).text;
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let k = 0; k < 12; k++) {
      const bytes = Buffer.from(whole);
      // overwrite a few runs of bytes: streams, cross-references and objects alike
      for (let r = 0; r < 4; r++) {
        const at = next() % bytes.length;
        bytes.fill(next() % 256, at, at + 1 + (next() % 64));
      }
      // and cut every other one short
      const cut = k % 2 ? bytes.subarray(0, next() % bytes.length) : bytes;
      const outcome = await extractPdfText(cut).then(
        (pdf) => typeof pdf.text,
        (err: unknown) => (err instanceof PdfError ? 'refused' : `threw ${String(err)}`),
      );
      expect(['string', 'refused'], `variant ${k}`).toContain(outcome);
    }
    expect((await extractPdfText(whole)).text).toBe(expected);
  });
});
