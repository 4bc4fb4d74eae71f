import mammoth from 'mammoth';
import { type GridTable, gridTablesOf } from './html-tables.js';

/**
 * The text of a Word document, one line per paragraph (empty paragraphs kept as empty lines),
 * as mammoth reads it. This text is the document as decoded: offsets point into it.
 */
export async function extractDocxText(buf: Buffer): Promise<{ text: string; messages: string[] }> {
  const result = await mammoth.extractRawText({ buffer: buf });
  // mammoth ends every paragraph with a blank line; one line break per paragraph keeps the layout of a .txt
  const text = result.value.replace(/\n\n/g, '\n');
  return { text, messages: result.messages.map((m) => `${m.type}: ${m.message}`) };
}

/** The tables of a Word document, read from mammoth's HTML (its tables keep their cells there). */
export async function extractDocxTables(buf: Buffer): Promise<GridTable[]> {
  const result = await mammoth.convertToHtml({ buffer: buf });
  return gridTablesOf(result.value);
}
