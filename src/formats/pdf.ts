import type { PageRules } from './pdf-rules.js';
import { readPage, SCRATCH_BYTES } from './pdf-page.js';
import { LOAD_ERRORS, type Pdfium, pdfium, restartPdfium } from './pdfium.js';

export interface PdfText {
  readonly text: string;
  /** Offset in `text` where each page begins (page 1 at index 0). */
  readonly pageStarts: number[];
  /** Every page's text pieces with their positions, for reading tables. */
  readonly pages: PdfPage[];
  /** Pages PDFium could not load (damaged): their text is missing. */
  readonly unreadPages: number[];
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
  /** The page's ruling lines (table grids), as shown. */
  readonly rules: PageRules;
}

/** A PDF that PDFium cannot open, with the reason in words. */
export class PdfError extends Error {}

/** Bytes of scratch memory for the numbers PDFium hands back through pointers. */
const SCRATCH = SCRATCH_BYTES;

/**
 * The text of a PDF (PDFium's text layer: characters in the order of the content streams, lines
 * ended where PDFium sees them end, pages separated by form feeds as pdftotext does), and every
 * page's runs of characters with where they are shown.
 */
export async function extractPdfText(buf: Uint8Array): Promise<PdfText> {
  const { fn, memory } = await pdfium();
  const data = fn.malloc(buf.length || 1);
  if (!data) throw new PdfError('the PDF is too large for the reader’s memory');
  new Uint8Array(memory(), data, buf.length).set(buf);
  const scratch = fn.malloc(SCRATCH);
  // PDFium failed inside (a trap): its state is gone, so nothing more of it is called
  let broken = false;
  try {
    const doc = fn.FPDF_LoadMemDocument(data, buf.length, 0);
    if (!doc) throw new PdfError(LOAD_ERRORS[fn.FPDF_GetLastError()] ?? 'the PDF could not be opened');
    try {
      return readPages(fn, memory, doc, scratch);
    } catch (err) {
      broken = !(err instanceof PdfError);
      throw err;
    } finally {
      if (!broken) fn.FPDF_CloseDocument(doc);
    }
  } catch (err) {
    if (err instanceof PdfError) throw err;
    broken = true;
    restartPdfium();
    throw new PdfError(`the PDF reader failed on this file (${(err as Error).message})`);
  } finally {
    if (!broken) {
      fn.free(scratch);
      fn.free(data);
    }
  }
}

/** Every page's text and runs, the pages PDFium could not load listed. */
function readPages(fn: Pdfium, memory: () => ArrayBuffer, doc: number, scratch: number): PdfText {
  let text = '';
  const pageStarts: number[] = [];
  const pages: PdfPage[] = [];
  const unreadPages: number[] = [];
  const count = fn.FPDF_GetPageCount(doc);
  for (let n = 1; n <= count; n++) {
    if (n > 1) text += '\f';
    pageStarts.push(text.length);
    const page = readPage(fn, memory, doc, n, scratch);
    if (!page.loaded) unreadPages.push(n);
    text += page.text;
    if (!text.endsWith('\n')) text += '\n';
    pages.push(page.page);
  }
  return { text, pageStarts, pages, unreadPages };
}
