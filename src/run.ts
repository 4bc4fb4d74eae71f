import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import PQueue from 'p-queue';
import { type Extraction, extractText, failedExtraction } from './extract.js';
import { ReadError, readDocument } from './stages/read.js';
import { DatasetWriter } from './write/datasets.js';
import { writeDataPackage } from './write/datapackage.js';
import type { Format } from './write/formats.js';

export interface RunOptions {
  readonly out: string;
  readonly format: Format;
  readonly jobs: number;
  readonly onDocument?: (x: Extraction, done: number, total: number) => void;
  readonly onWarning?: (message: string) => void;
}

export interface RunSummary {
  readonly documents: number;
  readonly ok: number;
  readonly partial: number;
  readonly failed: number;
  readonly facts: number;
  readonly diagnostics: { error: number; warning: number; info: number };
  readonly files: string[];
  readonly seconds: number;
}

export interface InputFile {
  readonly path: string;
  readonly docId: string;
}

const SKIP_DIRS = new Set(['node_modules', '.git']);

/** Files under the given paths (folders walked recursively, sorted), each with its doc_id. */
export async function collectInputs(paths: string[], warn: (m: string) => void = () => {}): Promise<InputFile[]> {
  const out: InputFile[] = [];
  const seen = new Set<string>();
  const walk = async (dir: string, root: string): Promise<void> => {
    const real = await realpath(dir);
    if (seen.has(real)) {
      warn(`skipped ${dir}: a link back to a folder already read`);
      return;
    }
    seen.add(real);
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.name.startsWith('.') || SKIP_DIRS.has(e.name)) continue;
      let isDir = e.isDirectory();
      if (e.isSymbolicLink()) {
        try {
          isDir = (await stat(p)).isDirectory();
        } catch (err) {
          warn(`skipped ${p}: broken link (${(err as Error).message})`);
          continue;
        }
      }
      if (isDir) await walk(p, root);
      else if (e.isFile() || e.isSymbolicLink()) out.push({ path: p, docId: relative(root, p).split(sep).join('/') });
    }
  };
  for (const p of paths) {
    const info = await lstat(p);
    if (info.isDirectory() || (info.isSymbolicLink() && (await stat(p)).isDirectory())) await walk(p, p);
    else out.push({ path: p, docId: basename(p) });
  }
  return out;
}

/** Reads and extracts one file; never throws: an unreadable file is a failed extraction. */
export async function processFile(input: InputFile): Promise<Extraction> {
  try {
    const read = await readDocument(input.path);
    if (read.text === null) return failedExtraction(input.docId, input.path, read, read.error ?? 'unreadable');
    return extractText(read.text, {
      docId: input.docId,
      path: input.path,
      sha256: read.sha256,
      bytes: read.bytes,
      encoding: read.encoding,
      format: read.format,
      readDiagnostics: read.diagnostics,
      view: read.view,
      pageStarts: read.pageStarts,
    });
  } catch (err) {
    const e = err as Error & { code?: string };
    return failedExtraction(input.docId, input.path, {}, e instanceof ReadError || (e.code && e.message.startsWith(e.code)) ? e.message : `${e.code ?? e.name}: ${e.message}`);
  }
}

/** Extracts every input and writes the datasets; results stream out in input order. */
export async function run(paths: string[], options: RunOptions): Promise<RunSummary> {
  const t0 = performance.now();
  const inputs = await collectInputs(paths, options.onWarning);
  const writer = await DatasetWriter.open(options.out, options.format);
  const queue = new PQueue({ concurrency: Math.max(1, options.jobs) });
  const pending = new Map<number, Extraction>();
  let next = 0;
  let done = 0;
  const totals = { ok: 0, partial: 0, failed: 0, facts: 0, error: 0, warning: 0, info: 0 };
  let flushing = Promise.resolve();
  const flush = async () => {
    while (pending.has(next)) {
      const x = pending.get(next) as Extraction;
      pending.delete(next);
      next++;
      await writer.add(x);
    }
  };
  try {
    await Promise.all(
      inputs.map((input, i) =>
        queue.add(async () => {
          const x = await processFile(input);
          totals[x.document.status]++;
          totals.facts += x.facts.length;
          for (const d of x.diagnostics) totals[d.severity]++;
          done++;
          options.onDocument?.(x, done, inputs.length);
          pending.set(i, x);
          flushing = flushing.then(flush);
          await flushing;
        }),
      ),
    );
    await flushing;
    const files = await writer.commit();
    if (options.format === 'csv') files.push(await writeDataPackage(options.out));
    return {
      documents: inputs.length,
      ok: totals.ok,
      partial: totals.partial,
      failed: totals.failed,
      facts: totals.facts,
      diagnostics: { error: totals.error, warning: totals.warning, info: totals.info },
      files,
      seconds: (performance.now() - t0) / 1000,
    };
  } catch (err) {
    await writer.abort();
    throw err;
  }
}
