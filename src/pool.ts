import { availableParallelism } from 'node:os';
import { stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { closeGate, createGate, type Gate } from './native-gate.js';
import type { InputFile } from './process-file.js';
import { AHEAD, createProgress, IDLE, LOADED, LOADED_AT, type Progress, type ResultMessage, type TaskMessage, type WorkerOutcome } from './worker-protocol.js';
import type { EncodedDoc } from './write/encode.js';
import type { Format } from './write/formats.js';

/** What a worker hands back for a document: its encoded rows. */
export interface WorkerResult {
  readonly doc: EncodedDoc;
}

interface Task {
  readonly id: number;
  readonly input: InputFile;
  readonly resolve: (r: WorkerResult) => void;
  readonly reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  /** Closed before the worker is ended, so that it is never ended inside jieba (native-gate.ts). */
  readonly gate: Gate;
  /** The document the worker is extracting and since when (worker-protocol.ts). */
  readonly progress: Progress;
  /** Posted to the worker and not yet handed back, in the order posted. */
  readonly tasks: Task[];
  /** The worker's thread has ended. */
  exited: boolean;
}

/**
 * A failed document's rows. The encoder loads here, not with the pool: the command line starts
 * the pool first, so that the workers load while this thread loads the rest of the run (the
 * encoder brings Zod and the dataset schemas, ≈ 50 ms); by the time a document fails they are loaded.
 */
async function failedDoc(input: InputFile, reason: string, format: Format): Promise<EncodedDoc> {
  const [{ failedExtraction }, { encodeExtraction }, { extensionOf }] = await Promise.all([import('./rows.js'), import('./write/encode.js'), import('./stages/read.js')]);
  // what is known without reading it: its size and the format its name says
  const info = await stat(input.path).catch((err: NodeJS.ErrnoException) => (err.code ? null : Promise.reject(err)));
  const read = { bytes: info?.isFile() ? info.size : 0, format: extensionOf(input.path) || 'txt' };
  return encodeExtraction(failedExtraction(input.docId, input.shownPath ?? input.path, read, reason), format);
}

/** The most workers a run starts, whatever it asks: each holds its own patterns and jieba (≈ 60 MB). */
export const MAX_JOBS = Math.max(4, 2 * availableParallelism());

/** Workers for a run that asks for `wanted`: never more than its documents nor MAX_JOBS, at least one. */
export function workerCount(wanted: number, documents: number): number {
  return Math.max(1, Math.min(wanted, MAX_JOBS, documents));
}

/** A worker's old-generation heap limit in MB (EXTRACT_WORKER_HEAP_MB to change it). */
const WORKER_HEAP_MB = Math.max(64, Number(process.env.EXTRACT_WORKER_HEAP_MB) || 1024);

/**
 * Worker threads kept alive for the whole run (each loads patterns and jieba once). A worker reads
 * its documents itself and hands back their rows already encoded, so the main thread only writes.
 * Documents go to workers and come back in batches (worker-protocol.ts), each worker kept AHEAD
 * documents ahead so it never waits for the main thread. A document that runs past the time limit
 * has its worker ended and replaced (the documents queued behind it, and those it had finished but
 * not yet handed back, go to the new one), and becomes a failed row.
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: Task[] = [];
  private nextId = 0;
  private closed = false;
  private feeding: NodeJS.Immediate | null = null;
  private watch: NodeJS.Timeout | null = null;
  /** Why no worker can start: every document from then on is refused with it. */
  private broken: Error | null = null;

  constructor(
    size: number,
    private readonly timeoutMs: number,
    private readonly format: Format,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn([]));
  }

  private spawn(tasks: Task[]): Slot {
    // a bounded young generation keeps each worker's memory flat over long runs: 48 MB lets a
    // document's short-lived objects die young (16 MB promoted them and the old generation grew:
    // peak RSS 375–413 MB at 3,000 documents with two workers; 48 MB: ≈ 4 % faster than 32 MB
    // over alternating runs, peak RSS 334 MB at 3,000 and 349 MB at 10,000 documents)
    // the old generation is capped too (V8 then collects sooner instead of growing toward the default
    // limit: peak RSS 320–330 MB at 3,000 documents, 360–380 MB with 2 GB); a document that needs
    // more fails alone, "out of memory" (a 14 MB one-line document, five million characters, passes: ≈ 4 s, the process at ≈ 400 MB RSS; EXTRACT_WORKER_HEAP_MB raises it)
    const gate = createGate();
    const progress = createProgress();
    const worker = new Worker(new URL('./worker.js', import.meta.url), {
      workerData: { gate, format: this.format, progress },
      resourceLimits: { maxYoungGenerationSizeMb: 48, maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    const slot: Slot = { worker, gate, progress, tasks, exited: false };
    worker.on('message', (msg: ResultMessage) => this.receive(slot, msg));
    worker.on('error', (err: Error & { code?: string }) => {
      // a worker that dies before its patterns and jieba are loaded would die again in its
      // replacement, for every document: the run ends with the reason instead
      if (slot.progress[LOADED_AT] !== LOADED) return this.cannotStart(`a worker could not start: ${err.message}`);
      this.fail(
        slot,
        this.current(slot),
        err.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `out of memory: the document needs more than the worker's ${WORKER_HEAP_MB} MB heap (EXTRACT_WORKER_HEAP_MB)`
          : `worker crashed: ${err.message}`,
        true,
      );
    });
    worker.on('exit', (code) => {
      slot.exited = true;
      if (this.closed || this.broken) return;
      if (slot.progress[LOADED_AT] !== LOADED) return this.cannotStart(`a worker could not start: it exited (code ${code})`);
      if (slot.tasks.length) this.fail(slot, this.current(slot), `worker exited (code ${code})`, true);
    });
    if (tasks.length) this.post(slot, tasks);
    return slot;
  }

  private post(slot: Slot, tasks: Task[]): void {
    slot.worker.postMessage({ tasks: tasks.map((t) => ({ id: t.id, input: t.input })) } satisfies TaskMessage);
    this.watchClocks();
  }

  /** A batch of outcomes: each document resolves, then the worker is topped up. */
  private receive(slot: Slot, msg: ResultMessage): void {
    for (let k = 0; k < msg.results.length; k++) {
      const outcome = msg.results[k] as WorkerOutcome;
      const at = indexOfTask(slot.tasks, outcome.id);
      // a task moved to another worker, or already failed: that one answers for it
      if (at < 0) continue;
      if ('error' in outcome) {
        this.fail(slot, at, outcome.error, false);
        continue;
      }
      const task = slot.tasks.splice(at, 1)[0] as Task;
      task.resolve({ doc: outcome.result });
    }
    this.scheduleFeed();
  }

  /** Index in `slot.tasks` of the document its worker is on: the one its progress names, else the oldest. */
  private current(slot: Slot): number {
    const at = indexOfTask(slot.tasks, slot.progress[0] as number);
    return at < 0 ? 0 : at;
  }

  /** While documents are out, checks every worker's clock a few times per time limit (at most once a second). */
  private watchClocks(): void {
    if (this.watch || this.closed) return;
    const every = Math.min(1000, Math.max(5, this.timeoutMs / 8));
    this.watch = setInterval(() => {
      let busy = false;
      for (const slot of this.slots.slice()) {
        if (slot.tasks.length) busy = true;
        const id = slot.progress[0] as number;
        const started = slot.progress[1] as number;
        if (id === IDLE || slot.progress[0] !== id || Date.now() - started < this.timeoutMs) continue;
        const at = indexOfTask(slot.tasks, id);
        if (at >= 0) this.fail(slot, at, `timed out after ${this.timeoutMs / 1000} s (per-document limit)`, true);
      }
      if (!busy && this.watch) {
        clearInterval(this.watch);
        this.watch = null;
      }
    }, every);
    this.watch.unref();
  }

  /**
   * Ends a slot's document `at` as failed. When the worker is gone or stuck (`replace`), a fresh
   * worker takes its place and the slot's other documents.
   */
  private fail(slot: Slot, at: number, reason: string, replace: boolean): void {
    const task = slot.tasks.splice(at, 1)[0];
    if (!task) return;
    void failedDoc(task.input, reason, this.format).then((doc) => task.resolve({ doc }));
    if (!replace) return;
    void this.end(slot);
    if (this.closed) return;
    const fresh = this.spawn(slot.tasks.splice(0));
    this.slots[this.slots.indexOf(slot)] = fresh;
    this.scheduleFeed();
  }

  /** No worker can start: every document given and every one to come is refused with the reason. */
  private cannotStart(reason: string): void {
    if (this.broken || this.closed) return;
    this.broken = new Error(reason);
    const refused = this.waiting.splice(0);
    for (const slot of this.slots) refused.push(...slot.tasks.splice(0));
    for (const task of refused) task.reject(this.broken);
  }

  /** Hands the waiting documents out once this turn of the event loop has queued all it will. */
  private scheduleFeed(): void {
    if (this.feeding || this.closed || this.broken) return;
    this.feeding = setImmediate(() => {
      this.feeding = null;
      this.feed();
    });
  }

  /** Tops every worker up to AHEAD documents, least loaded first, one message each. */
  private feed(): void {
    const given = new Map<Slot, Task[]>();
    while (this.waiting.length) {
      let best: Slot | null = null;
      for (const s of this.slots) if (s.tasks.length < AHEAD && (!best || s.tasks.length < best.tasks.length)) best = s;
      if (!best) break;
      const task = this.waiting.shift() as Task;
      best.tasks.push(task);
      const list = given.get(best);
      if (list) list.push(task);
      else given.set(best, [task]);
    }
    given.forEach((tasks, slot) => this.post(slot, tasks));
  }

  /** Worker threads in the pool (one replaced after a time-out counts once). */
  get size(): number {
    return this.slots.length;
  }

  /** Reads and extracts one document in a worker. */
  run(input: InputFile): Promise<WorkerResult> {
    return new Promise((resolve, reject) => {
      if (this.broken) return reject(this.broken);
      this.waiting.push({ id: this.nextId++, input, resolve, reject });
      this.scheduleFeed();
    });
  }

  /** Ends a slot's worker once it is out of native code. */
  private async end(slot: Slot): Promise<void> {
    await closeGate(slot.gate, () => slot.exited);
    await slot.worker.terminate();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.watch) clearInterval(this.watch);
    if (this.feeding) clearImmediate(this.feeding);
    await Promise.all(this.slots.map((s) => this.end(s)));
  }
}

function indexOfTask(tasks: Task[], id: number): number {
  for (let k = 0; k < tasks.length; k++) if ((tasks[k] as Task).id === id) return k;
  return -1;
}
