import { type Extraction, extractText } from './extract.js';
import { failedExtraction } from './rows.js';
import { decodeDocument, type LoadedFile, loadFileSync, ReadError } from './stages/read.js';

/** One input: where it is and the doc_id it is known by. */
export interface InputFile {
  readonly path: string;
  readonly docId: string;
  /** The path the datasets show, when not `path` (standard input: `<stdin>`, not the file it was saved to). */
  readonly shownPath?: string;
}

/** Reads and extracts one file (in this thread); never throws: an unreadable file is a failed extraction. */
export async function processFile(input: InputFile): Promise<Extraction> {
  return (await processPath(input)).extraction;
}

/** Reads (synchronously, in the calling worker) and extracts one file; never throws. */
export async function processPath(input: InputFile): Promise<{ extraction: Extraction }> {
  let loaded: LoadedFile;
  try {
    loaded = loadFileSync(input.path);
  } catch (err) {
    return { extraction: failed(input, err) };
  }
  return { extraction: await processLoaded(input, loaded) };
}

function failed(input: InputFile, err: unknown): Extraction {
  const e = err as Error & { code?: string };
  return failedExtraction(
    input.docId,
    input.shownPath ?? input.path,
    {},
    e instanceof ReadError || (e.code && e.message.startsWith(e.code)) ? e.message : `${e.code ?? e.name}: ${e.message}`,
  );
}

/** Extracts a file whose bytes are read; never throws. */
async function processLoaded(input: InputFile, file: LoadedFile): Promise<Extraction> {
  try {
    const read = await decodeDocument(file);
    if (read.text === null) return failedExtraction(input.docId, input.shownPath ?? input.path, read, read.error ?? 'unreadable');
    const x = extractText(read.text, {
      docId: input.docId,
      path: input.shownPath ?? input.path,
      sha256: read.sha256,
      bytes: read.bytes,
      encoding: read.encoding,
      format: read.format,
      readDiagnostics: read.diagnostics,
      view: read.view,
      pageStarts: read.pageStarts,
      pdfPages: read.pages,
      gridTables: read.grids,
    });
    return { ...x, text: read.text };
  } catch (err) {
    return failed(input, err);
  }
}
