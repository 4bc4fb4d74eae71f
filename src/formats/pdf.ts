import { getDocumentProxy } from 'unpdf';

export interface PdfText {
  readonly text: string;
  /** Offset in `text` where each page begins (page 1 at index 0). */
  readonly pageStarts: number[];
  /** Every page's text pieces with their positions, for reading tables. */
  readonly pages: PdfPage[];
}

/** A piece of text on a page: top-left origin, y down, in points, as the page is shown (its rotation applied). */
export interface PdfItem {
  readonly str: string;
  readonly x: number;
  /** The baseline. */
  readonly y: number;
  readonly w: number;
  /** The font size. */
  readonly h: number;
}

export interface PdfPage {
  readonly number: number;
  readonly width: number;
  readonly height: number;
  readonly items: PdfItem[];
}

interface TextItem {
  str: string;
  hasEOL: boolean;
  transform: number[];
  width: number;
}

/** A text item where the shown page puts it (the viewport's transform applied to the item's). */
function placed(item: TextItem, view: number[]): PdfItem {
  const [a, b, c, d, e, f] = view as [number, number, number, number, number, number];
  const t = item.transform as [number, number, number, number, number, number];
  const x = a * t[4] + c * t[5] + e;
  const y = b * t[4] + d * t[5] + f;
  // the text's own direction as shown: a rotated page turns its runs with it
  const dx = a * t[0] + c * t[1];
  const dy = b * t[0] + d * t[1];
  const size = Math.hypot(t[2], t[3]) || Math.hypot(t[0], t[1]);
  const scale = Math.hypot(t[0], t[1]) || 1;
  const w = (item.width * Math.hypot(dx, dy)) / scale;
  return Math.abs(dy) > Math.abs(dx) ? { str: item.str, x: x - size, y, w: size, h: w } : { str: item.str, x, y, w, h: size };
}

/**
 * The text of a PDF in the order of its content streams (pdf.js), lines ended where the PDF ends
 * them, pages separated by form feeds as pdftotext does.
 */
export async function extractPdfText(buf: Uint8Array): Promise<PdfText> {
  const pdf = await getDocumentProxy(new Uint8Array(buf), { verbosity: 0 });
  let text = '';
  const pageStarts: number[] = [];
  const pages: PdfPage[] = [];
  try {
    for (let n = 1; n <= pdf.numPages; n++) {
      if (n > 1) text += '\f';
      pageStarts.push(text.length);
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const view = page.getViewport({ scale: 1 });
      const items: PdfItem[] = [];
      for (const item of content.items as TextItem[]) {
        if (typeof item.str !== 'string') continue;
        text += item.str;
        if (item.hasEOL) text += '\n';
        if (item.str.trim() !== '') items.push(placed(item, view.transform));
      }
      pages.push({ number: n, width: view.width, height: view.height, items });
      if (!text.endsWith('\n')) text += '\n';
      page.cleanup();
    }
  } finally {
    await pdf.destroy();
  }
  return { text, pageStarts, pages };
}

