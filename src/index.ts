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

export type ExtractTextOptions = Partial<TextInfo>;

/** Extracts one decoded text: its document row, facts, diagnostics, org units and glossary. */
export function extractText(text: string, options: ExtractTextOptions = {}): Extraction {
  return extractOne(text, { ...options, docId: options.docId ?? 'text' });
}

/** Extracts files and folders (walked recursively), one result per document, in order. */
export async function* extractFiles(paths: string[], options: { onWarning?: (message: string) => void } = {}): AsyncGenerator<Extraction> {
  for (const input of await collectInputs(paths, options)) yield await processFile(input);
}
