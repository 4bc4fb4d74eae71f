import { getDocumentProxy } from 'unpdf';

export interface PdfText {
  readonly text: string;
  /** Offset in `text` where each page begins (page 1 at index 0). */
  readonly pageStarts: number[];
}

interface TextItem {
  str: string;
  hasEOL: boolean;
}

/**
 * The text of a PDF in the order of its content streams (pdf.js), lines ended where the PDF ends
 * them, pages separated by form feeds as pdftotext does.
 */
export async function extractPdfText(buf: Uint8Array): Promise<PdfText> {
  const pdf = await getDocumentProxy(new Uint8Array(buf), { verbosity: 0 });
  let text = '';
  const pageStarts: number[] = [];
  try {
    for (let n = 1; n <= pdf.numPages; n++) {
      if (n > 1) text += '\f';
      pageStarts.push(text.length);
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      for (const item of content.items as TextItem[]) {
        if (typeof item.str !== 'string') continue;
        text += item.str;
        if (item.hasEOL) text += '\n';
      }
      if (!text.endsWith('\n')) text += '\n';
      page.cleanup();
    }
  } finally {
    await pdf.destroy();
  }
  return { text, pageStarts };
}

