import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { open, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import PQueue from 'p-queue';
import { whenMissing } from './fs-util.js';
import { collectInputs } from './inputs.js';
import { PATTERNS_DIR } from './patterns.js';
import { WorkerPool } from './pool.js';
import { AHEAD, BATCH } from './worker-protocol.js';
import type { FileStamp, InputFile } from './process-file.js';
import { fileInfo, PreviousRun, RunState } from './state.js';
import { DATASETS, type DocumentRow } from './schema.js';
import { DatasetWriter } from './write/datasets.js';
import { ReportWriter } from './write/report-writer.js';
import { type EncodedDoc, encodeExtraction } from './write/encode.js';
import { phaseOf, writeDataPackage } from './write/datapackage.js';
import type { Format } from './write/formats.js';

export type { InputFile } from './process-file.js';

export interface RunOptions {
  readonly out: string;
  readonly format: Format;
  /** Documents extracted at once: worker threads when `workers`, else concurrent reads in this thread. */
  readonly jobs: number;
  /** Extract in worker threads (patterns and jieba loaded once per worker), with a time limit per document. */
  readonly workers?: boolean;
  /** Per-document time limit with workers, in milliseconds (default 60 000). */
  readonly timeoutMs?: number;
  /**
   * Workers already started by the caller (of `jobs` threads, the run's format and time limit):
   * the command line starts them before it loads the rest of the run. The run closes them.
   */
  readonly pool?: WorkerPool;
  /** The inputs, when the caller has listed them already (`collectInputs` of the same paths): not listed again. */
  readonly inputs?: InputFile[];
  /** Reuse the extractions of an earlier (interrupted or complete) run for unchanged files. */
  readonly resume?: boolean;
  readonly signal?: AbortSignal;
  /** CSV files begin with a UTF-8 byte-order mark (for Excel). */
  readonly bom?: boolean;
  readonly onDocument?: (document: DocumentRow, done: number, total: number) => void;
  readonly onWarning?: (message: string) => void;
}

export interface RunSummary {
  readonly documents: number;
  readonly ok: number;
  readonly partial: number;
  readonly failed: number;
  readonly reused: number;
  readonly facts: number;
  readonly diagnostics: { error: number; warning: number; info: number };
  readonly files: string[];
  readonly seconds: number;
  /** Worker threads the run started (0: nothing to extract, or extracted in this thread). */
  readonly workers: number;
}

export { collectInputs } from './inputs.js';

/** How results.txt lays out a document (rows, then the report entry); a change makes older states unusable. */
const STATE_LAYOUT = 'rows+report-entry/3';

/** What results depend on: the tool's version and its patterns. A change invalidates --resume. */
async function resultKey(format: Format): Promise<string> {
  const h = createHash('sha256');
  h.update(STATE_LAYOUT);
  h.update(format);
  const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  h.update(pkg.version);
  for (const f of (await readdir(PATTERNS_DIR, { recursive: true })).sort()) {
    const p = join(PATTERNS_DIR, f);
    if ((await stat(p)).isFile()) h.update(f).update(await readFile(p));
  }
  return h.digest('hex');
}

const missing = whenMissing(null);

/** What a run counts as documents finish: statuses, reused documents, facts, diagnostics by severity. */
class Totals {
  private readonly status = { ok: 0, partial: 0, failed: 0 };
  private facts = 0;
  private readonly diagnostics = { error: 0, warning: 0, info: 0 };
  reused = 0;

  add(document: DocumentRow, counts: EncodedDoc['counts']): void {
    this.status[document.status]++;
    this.facts += counts.facts;
    this.diagnostics.error += counts.error;
    this.diagnostics.warning += counts.warning;
    this.diagnostics.info += counts.info;
  }

  summary(documents: number, files: string[], t0: number): Omit<RunSummary, 'workers'> {
    return { documents, ...this.status, reused: this.reused, facts: this.facts, diagnostics: { ...this.diagnostics }, files, seconds: (performance.now() - t0) / 1000 };
  }
}

/** Every input is as the last complete run saw it, no more and no fewer, and its datasets are there. */
async function unchangedCorpus(inputs: InputFile[], previous: PreviousRun, options: RunOptions): Promise<boolean> {
  if (previous.size !== inputs.length) return false;
  for (const name of DATASETS) {
    if (!(await stat(join(options.out, `${name}.${options.format}`)).catch(missing))) return false;
  }
  if (options.bom !== undefined && options.format === 'csv') {
    // the first byte says whether the last run wrote a BOM (the file itself may be megabytes)
    const fh = await open(join(options.out, 'documents.csv'), 'r');
    const head = Buffer.alloc(1);
    try {
      await fh.read(head, 0, 1, 0);
    } finally {
      await fh.close();
    }
    if ((head[0] === 0xef) !== options.bom) return false;
  }
  // one stat per input, synchronously: nothing else runs yet (no worker has started), and a
  // local stat costs a few µs where a promise through libuv's thread pool cost ≈ 25 µs of this
  // thread's time (3,000 inputs: ≈ 80 ms of a resume that takes ≈ 350 ms in all)
  for (const input of inputs) {
    const s = statSync(input.path, { throwIfNoEntry: false });
    if (!s || !previous.unchanged(input.path, s.size, s.mtimeMs)) return false;
  }
  return true;
}

/**
 * A file's size and mtime, or null when it cannot be stat'ed: then it is not reused, and reading it
 * gives the document's failed row with the reason.
 */
function stampOf(path: string): Promise<FileStamp | null> {
  return fileInfo(path).catch((err: NodeJS.ErrnoException) => (err.code ? null : Promise.reject(err)));
}

/** Temp files of a run that was killed: never datasets, safe to remove. */
async function removeStaleTemps(out: string): Promise<void> {
  const names = await readdir(out).catch(whenMissing([] as string[]));
  await Promise.all(names.filter((n) => /^\..+\.[0-9a-f]{8}\.tmp$|^\.report-.+\.tmp$/.test(n)).map((n) => rm(join(out, n), { recursive: true, force: true })));
}

/**
 * Extracts every input and writes the datasets. Results stream out in input order as documents
 * finish; at most a window of documents is held in memory whatever the size of the corpus.
 */
export async function run(paths: string[], options: RunOptions): Promise<RunSummary> {
  const t0 = performance.now();
  // a run that will extract starts its workers first: they load patterns and jieba while this
  // thread lists the inputs (a --resume may extract nothing: its workers start on demand)
  const start = () => new WorkerPool(Math.max(1, options.jobs), options.timeoutMs ?? 60_000, options.format);
  let pool: WorkerPool | null = options.pool ?? (options.workers && !options.resume ? start() : null);
  try {
    const summary = await extractAll(paths, options, () => (pool ??= start()), t0);
    return { ...summary, workers: pool?.size ?? 0 };
  } finally {
    await pool?.close();
  }
}

/** The run itself; `workers()` gives the run's worker pool (started on first use when not already). */
async function extractAll(paths: string[], options: RunOptions, workers: () => WorkerPool, t0: number): Promise<Omit<RunSummary, 'workers'>> {
  const inputs = options.inputs ?? (await collectInputs(paths, options.onWarning));
  await removeStaleTemps(options.out);
  const writer = await DatasetWriter.open(options.out, options.format, { bom: options.bom ?? false });
  const report = await ReportWriter.open(options.out);
  const key = await resultKey(options.format);
  const previous = options.resume ? await PreviousRun.load(options.out, key) : null;
  if (options.resume && !previous) options.onWarning?.('--resume: no earlier run of this version and format in the output folder; extracting everything');
  if (previous?.torn) options.onWarning?.(`--resume: ${previous.torn} torn manifest line(s) of the interrupted run ignored`);
  const nothingChanged = previous?.complete && (await unchangedCorpus(inputs, previous, options));
  if (previous && nothingChanged) {
    // the datasets, data package and report of the last complete run are this run's: nothing to do
    await previous.close();
    const totals = new Totals();
    for (const { document, counts } of previous.documents()) totals.add(document, counts);
    totals.reused = inputs.length;
    await writer.abort();
    await report.abort();
    return totals.summary(inputs.length, [], t0);
  }
  const state = await RunState.begin(options.out, key, previous);
  // documents being read or extracted at once: with workers, enough to keep each AHEAD documents
  // ahead while its last batch is written (worker-protocol.ts), else a few reads per job
  const inFlight = Math.max(1, options.jobs) * (options.workers ? AHEAD + BATCH : 3);
  const queue = new PQueue({ concurrency: inFlight });
  // documents finished but not yet written, waiting for an earlier one: at most this many ahead
  const window = Math.max(32, inFlight * 2);
  const pending = new Map<number, EncodedDoc>();
  const totals = new Totals();
  const phases = new Set<string>();
  let next = 0;
  let done = 0;
  let flushing = Promise.resolve();
  let wake: (() => void) | null = null;
  // what stops the run for every document (a worker that cannot start, a dataset that cannot be
  // written): the run ends with it instead of failing each document in turn
  let fatal: unknown = null;
  const stop = (err: unknown) => {
    fatal ??= err;
    wake?.();
  };
  const flush = async () => {
    while (pending.has(next)) {
      const x = pending.get(next) as EncodedDoc;
      pending.delete(next);
      next++;
      await writer.add(x);
      await report.add(x);
      wake?.();
    }
  };
  const extractOne = async (input: InputFile, i: number) => {
    // with an earlier run to reuse, the file's stamp decides; otherwise the reader's stamp is recorded
    let file: FileStamp | null = previous ? await stampOf(input.path) : null;
    let x = previous && file ? await previous.reuse(input.path, file.size, file.mtimeMs) : null;
    if (x) totals.reused++;
    else if (options.workers) {
      // the worker reads the file, extracts and encodes: this thread only writes
      const r = await workers().run(input);
      x = r.doc;
      file = r.file;
    } else {
      // extraction in this thread: its stages load only now (a batch run's main thread never needs them)
      const { processFile } = await import('./process-file.js');
      x = encodeExtraction(await processFile(input), options.format);
      file ??= await stampOf(input.path);
    }
    if (file) await state.record(x, { path: input.path, size: file.size, mtimeMs: file.mtimeMs });
    totals.add(x.document, x.counts);
    const phase = phaseOf(x.document.doc_type);
    if (phase) phases.add(phase);
    done++;
    options.onDocument?.(x.document, done, inputs.length);
    pending.set(i, x);
    flushing = flushing.then(flush);
    await flushing;
  };
  try {
    for (let i = 0; i < inputs.length; i++) {
      if (options.signal?.aborted) throw new Error('interrupted');
      if (fatal) throw fatal;
      while (i - next >= window && !fatal) await new Promise<void>((resolve) => (wake = resolve));
      void queue.add(() => extractOne(inputs[i] as InputFile, i).catch(stop));
      if (queue.size > inFlight) await queue.onSizeLessThan(inFlight);
    }
    await queue.onIdle();
    if (fatal) throw fatal;
    await flushing;
    if (options.signal?.aborted) throw new Error('interrupted');
    const files = await writer.commit();
    files.push(await report.commit());
    if (options.format === 'csv') files.push(await writeDataPackage(options.out, phases));
    await state.commit(options.out);
    return totals.summary(inputs.length, files, t0);
  } catch (err) {
    queue.clear();
    await queue.onIdle();
    await writer.abort();
    await report.abort();
    await state.close();
    throw err;
  } finally {
    await previous?.close();
  }
}
