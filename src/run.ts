import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import PQueue from 'p-queue';
import { collectInputs } from './inputs.js';
import { crashPoint } from './output/crash.js';
import { OutputFolder } from './output/folder.js';
import { verifyManifest } from './output/manifest.js';
import { generationState, pruneStates, stateHome } from './output/state-home.js';
import { PATTERNS_DIR } from './patterns.js';
import { WorkerPool, workerCount } from './pool.js';
import { AHEAD, BATCH } from './worker-protocol.js';
import type { InputFile } from './process-file.js';
import { inputSha256, PreviousRun, RunState } from './state.js';
import { type DocumentRow, phaseOf } from './schema.js';
import { DatasetWriter } from './write/datasets.js';
import { Ledger } from './write/ledger.js';
import { ReportWriter } from './write/report-writer.js';
import { type EncodedDoc, withDocument, encodeExtraction } from './write/encode.js';
import { writeDataPackage } from './write/datapackage.js';
import { writeLoadSql } from './write/load-sql.js';
import { linkRows, organisationRows } from './write/run-datasets.js';
import { FORMATS, type Format } from './write/formats.js';

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
  /** The inputs, when the caller has listed them already (`collectInputs` of the same paths): not listed again. */
  readonly inputs?: InputFile[];
  /** Reuse the extractions of an earlier (interrupted or complete) run for unchanged files. */
  readonly resume?: boolean;
  readonly signal?: AbortSignal;
  /** CSV files begin with a UTF-8 byte-order mark (for Excel). */
  readonly bom?: boolean;
  readonly onDocument?: (document: DocumentRow, done: number, total: number) => void;
  readonly onWarning?: (message: string) => void;
  /** Replace entries of another origin where the run writes its outputs (else the run is refused). */
  readonly overwrite?: boolean;
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
const STATE_LAYOUT = 'rows+report-entry/5';

/** The tool's version (package.json). */
async function toolVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** What results depend on: the tool's version, its patterns, the format. A change invalidates --resume. */
async function resultKey(format: Format): Promise<string> {
  const h = createHash('sha256');
  h.update(STATE_LAYOUT);
  h.update(format);
  h.update(await toolVersion());
  for (const f of (await readdir(PATTERNS_DIR, { recursive: true })).sort()) {
    const p = join(PATTERNS_DIR, f);
    if ((await stat(p)).isFile()) h.update(f).update(await readFile(p));
  }
  return h.digest('hex');
}

/** The resume state of a generation folder. */

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

/** The sha256 of every input (null for one that cannot be read as a regular file). */
function inputHashes(inputs: readonly InputFile[]): Array<string | null> {
  return inputs.map((i) => inputSha256(i.path));
}

/**
 * Extracts every input and writes the datasets. Results stream out in input order as documents
 * finish; at most a window of documents is held in memory whatever the size of the corpus.
 */
export async function run(paths: string[], options: RunOptions): Promise<RunSummary> {
  checkOptions(options);
  const t0 = performance.now();
  const inputs = options.inputs ?? (await collectInputs(paths, { ...(options.onWarning ? { onWarning: options.onWarning } : {}), exclude: [options.out] }));
  // never more workers than documents, nor than the machine can hold
  const jobs = workerCount(options.jobs, inputs.length);
  const start = () => new WorkerPool(jobs, options.timeoutMs ?? 60_000, options.format);
  // the run owns its workers: started here (a --resume that extracts nothing starts none), closed here
  let pool: WorkerPool | null = options.workers && !options.resume ? start() : null;
  try {
    const summary = await extractAll(inputs, { ...options, jobs }, () => (pool ??= start()), t0);
    return { ...summary, workers: pool?.size ?? 0 };
  } finally {
    await pool?.close();
  }
}

/** Options a library caller may get wrong: refused before anything is opened or started. */
function checkOptions(options: RunOptions): void {
  if (!FORMATS.includes(options.format)) throw new TypeError(`format must be one of ${FORMATS.join(', ')}, not ${String(options.format)}`);
  if (!Number.isInteger(options.jobs) || options.jobs < 1) throw new TypeError(`jobs must be a whole number ≥ 1, not ${String(options.jobs)}`);
  if (options.timeoutMs !== undefined && !(options.timeoutMs > 0)) throw new TypeError(`timeoutMs must be a number > 0, not ${String(options.timeoutMs)}`);
  if (typeof options.out !== 'string' || options.out === '' || options.out === '-') throw new TypeError(`out must be a folder, not ${JSON.stringify(options.out)}`);
}

/** The run itself; `workers()` gives the run's worker pool (started on first use when not already). */
async function extractAll(inputs: InputFile[], options: RunOptions, workers: () => WorkerPool, t0: number): Promise<Omit<RunSummary, 'workers'>> {
  const folder = await OutputFolder.open(options.out, { format: options.format, overwrite: options.overwrite ?? false });
  try {
    return await extractInto(folder, inputs, options, workers, t0);
  } finally {
    await folder.release();
  }
}

async function extractInto(folder: OutputFolder, inputs: InputFile[], options: RunOptions, workers: () => WorkerPool, t0: number): Promise<Omit<RunSummary, 'workers'>> {
  const key = await resultKey(options.format);
  const bom = options.format === 'csv' && (options.bom ?? false);
  const home = await stateHome(folder.root);
  const shown = options.resume ? await folder.current() : null;
  const previous = options.resume
    ? await PreviousRun.load(
        shown && generationState(home, shown),
        (await folder.interrupted()).map((g) => generationState(home, g)),
        key,
      )
    : null;
  if (options.resume && !previous) options.onWarning?.('--resume: no earlier run of this version and format in the output folder; extracting everything');
  if (previous?.rejected) options.onWarning?.(`--resume: ${previous.rejected} record(s) of the earlier state did not verify (torn by a kill, or edited) and are extracted again`);
  const hashes = previous ? inputHashes(inputs) : null;
  if (previous && hashes && previous.sameInputs(inputs.map((i, k) => ({ docId: i.docId, path: i.path, sha256: hashes[k] ?? null })))) {
    const manifest = await folder.currentManifest();
    const gen = await folder.current();
    if (manifest && gen && manifest.format === options.format && manifest.bom === bom && (await verifyManifest(gen, manifest))) {
      // the datasets, data package and report of the last complete run are this run's: nothing to do
      // but put back a link a user removed, and remove what an interrupted run left
      await previous.close();
      await folder.settle();
      await pruneStates(home, [gen]);
      const totals = new Totals();
      for (const { document, counts } of previous.completeDocuments()) totals.add(document, counts);
      totals.reused = inputs.length;
      return totals.summary(inputs.length, [], t0);
    }
  }
  const gen = await folder.begin();
  const ledger = new Ledger();
  const writer = await DatasetWriter.open(gen, options.format, { bom: options.bom ?? false, ledger });
  const report = await ReportWriter.open(gen, ledger);
  const state = await RunState.begin(generationState(home, gen), key);
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
  // the first input of each content: a later one with the same bytes is marked as its copy
  const firstOf = new Map<string, string>();
  // every document's row, for the datasets built across documents (organisations, links)
  const documentRows: DocumentRow[] = [];
  const flush = async () => {
    while (pending.has(next)) {
      let x = pending.get(next) as EncodedDoc;
      pending.delete(next);
      next++;
      const { sha256, doc_id } = x.document;
      const original = sha256 ? firstOf.get(sha256) : undefined;
      if (original !== undefined) x = withDocument(x, { ...x.document, duplicate_of: original }, options.format);
      else if (sha256) firstOf.set(sha256, doc_id);
      documentRows.push(x.document);
      await writer.add(x);
      await report.add(x);
      wake?.();
    }
  };
  const extractOne = async (input: InputFile, i: number) => {
    // with an earlier run to reuse, the input's content decides (its sha256, read above)
    const hash = hashes?.[i] ?? null;
    let x = previous && hash ? await previous.reuse(input.docId, input.path, hash) : null;
    if (x) totals.reused++;
    else if (options.workers) {
      // the worker reads the file, extracts and encodes: this thread only writes
      x = (await workers().run(input)).doc;
    } else {
      // extraction in this thread: its stages load only now (a batch run's main thread never needs them)
      const { processFile } = await import('./process-file.js');
      x = encodeExtraction(await processFile(input), options.format);
    }
    await state.record(x, input);
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
    await state.close();
    await writer.addRunDatasets({ organisations: organisationRows(documentRows), links: linkRows(documentRows) });
    await writer.commit();
    await report.commit();
    crashPoint('report-written');
    await writeDataPackage(gen, phases, ledger, options.format);
    await writeLoadSql(gen, options.format, ledger);
    crashPoint('outputs-written');
    const manifest = await folder.commit(gen, { version: await toolVersion(), format: options.format, bom }, ledger);
    // the states of generations the commit removed go too; the shown one's stays for --resume
    await pruneStates(home, [gen, ...(await folder.interrupted())]);
    const files = [...new Set(manifest.files.map((f) => f.path.split('/')[0] as string))].map((n) => join(folder.root, n));
    return totals.summary(inputs.length, files, t0);
  } catch (err) {
    queue.clear();
    await queue.onIdle();
    await writer.abort();
    await report.abort();
    // the generation stays as an interrupted run: its state serves --resume, the next commit removes it
    await state.close();
    throw err;
  } finally {
    await previous?.close();
  }
}
