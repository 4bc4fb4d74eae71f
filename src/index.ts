/**
 * The library: the same extraction as the command line, for one text or for files.
 *
 *   import { extractText, extractFiles } from 'fiscal-disclosure-extract';
 *   const { document, facts, diagnostics } = extractText(text);
 *   for await (const x of extractFiles(['corpus/'])) console.log(x.document.doc_id, x.facts.length);
 */
import { type Extraction, extractText as extractOne, type TextInfo } from './extract.js';
import { processFile } from './process-file.js';
import { collectInputs } from './run.js';

export type { Extraction } from './extract.js';
export { run, collectInputs, type RunOptions, type RunSummary } from './run.js';
export * from './schema.js';
export { jsonSchemas } from './json-schema.js';

/** What a library caller may say about a text; the id may be given as `doc_id`, the column's name, or `docId`. */
export type ExtractTextOptions = Partial<TextInfo> & { readonly doc_id?: string };

/**
 * Extracts one decoded text: its document row, facts, diagnostics, org units and glossary.
 * `documents.bytes` is the text's size in UTF-8 unless `bytes` says otherwise.
 */
export function extractText(text: string, options: ExtractTextOptions = {}): Extraction {
  const { doc_id, ...info } = options;
  return extractOne(text, { ...info, docId: doc_id ?? info.docId ?? 'text', bytes: info.bytes ?? Buffer.byteLength(text, 'utf8') });
}

/** Extracts files and folders (walked recursively), one result per document, in order. */
export async function* extractFiles(paths: string[], options: { onWarning?: (message: string) => void } = {}): AsyncGenerator<Extraction> {
  for (const input of await collectInputs(paths, options)) yield await processFile(input);
}
