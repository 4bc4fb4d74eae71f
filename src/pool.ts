import { Worker } from 'node:worker_threads';
import { closeGate, createGate, type Gate } from './native-gate.js';
import type { FileStamp, InputFile } from './process-file.js';
import type { EncodedDoc } from './write/encode.js';
import type { Format } from './write/formats.js';

/** What a worker hands back for a document: its encoded rows and the stamp of the bytes it read. */
export interface WorkerResult {
  readonly doc: EncodedDoc;
  readonly file: FileStamp | null;
}

interface Task {
  readonly id: number;
  readonly input: InputFile;
  readonly resolve: (r: WorkerResult) => void;
}

interface Slot {
  worker: Worker;
  /** Closed before the worker is ended, so that it is never ended inside jieba (native-gate.ts). */
  readonly gate: Gate;
  /** Posted to the worker, oldest first: the first is being extracted, the others wait in the worker. */
  readonly tasks: Task[];
  /** The time limit of the first task. */
  timer: NodeJS.Timeout | null;
  /** The worker has loaded patterns and jieba: clocks start only then (a worker's start-up is no document's time). */
  isReady: boolean;
  /** The worker's thread has ended. */
  exited: boolean;
}

/**
 * A failed document's rows. The encoder loads here, not with the pool: the command line starts
 * the pool first, so that the workers load while this thread loads the rest of the run (the
 * encoder brings Zod and the dataset schemas, ≈ 50 ms); by the time a document fails they are loaded.
 */
async function failedDoc(input: InputFile, reason: string, format: Format): Promise<EncodedDoc> {
  const [{ failedExtraction }, { encodeExtraction }] = await Promise.all([import('./rows.js'), import('./write/encode.js')]);
  return encodeExtraction(failedExtraction(input.docId, input.path, {}, reason), format);
}

/** A worker's old-generation heap limit in MB (EXTRACT_WORKER_HEAP_MB to change it). */
const WORKER_HEAP_MB = Math.max(64, Number(process.env.EXTRACT_WORKER_HEAP_MB) || 1024);

/** Documents posted to a worker at once: the next one is there when the current one is done. */
const DEPTH = 2;

/**
 * Worker threads kept alive for the whole run (each loads patterns and jieba once). A worker reads
 * its documents itself and hands back their rows already encoded, so the main thread only writes;
 * each worker holds a second document so it never waits for the main thread between two. A
 * document that runs past the time limit has its worker ended and replaced (the documents queued
 * behind it go to the new one), and becomes a failed row.
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: Task[] = [];
  private nextId = 0;
  private closed = false;

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
    const worker = new Worker(new URL('./worker.js', import.meta.url), {
      workerData: { gate, format: this.format },
      resourceLimits: { maxYoungGenerationSizeMb: 48, maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    const slot: Slot = { worker, gate, tasks, timer: null, isReady: false, exited: false };
    worker.on('message', (msg: { id?: number; result?: EncodedDoc; file?: FileStamp | null; error?: string; ready?: boolean }) => {
      if (msg.ready) {
        slot.isReady = true;
        this.startClock(slot);
        return;
      }
      const task = slot.tasks[0];
      if (msg.id === undefined || !task || task.id !== msg.id) return;
      if (msg.error !== undefined) {
        this.fail(slot, msg.error, false);
        return;
      }
      slot.tasks.shift();
      this.stopClock(slot);
      task.resolve({ doc: msg.result as EncodedDoc, file: msg.file ?? null });
      this.startClock(slot);
      this.feed(slot);
    });
    worker.on('error', (err: Error & { code?: string }) =>
      this.fail(
        slot,
        err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `out of memory: the document needs more than the worker's ${WORKER_HEAP_MB} MB heap (EXTRACT_WORKER_HEAP_MB)` : `worker crashed: ${err.message}`,
        true,
      ),
    );
    worker.on('exit', (code) => {
      slot.exited = true;
      if (!this.closed && slot.tasks.length) this.fail(slot, `worker exited (code ${code})`, true);
    });
    for (const t of tasks) this.post(slot, t);
    this.startClock(slot);
    return slot;
  }

  private post(slot: Slot, task: Task): void {
    slot.worker.postMessage({ id: task.id, input: task.input });
  }

  private startClock(slot: Slot): void {
    if (slot.timer || !slot.tasks.length || !slot.isReady) return;
    slot.timer = setTimeout(() => this.fail(slot, `timed out after ${this.timeoutMs / 1000} s (per-document limit)`, true), this.timeoutMs);
  }

  private stopClock(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
  }

  /**
   * Ends a slot's current document as failed. When the worker is gone or stuck (`replace`), a
   * fresh worker takes its place and the documents queued behind it.
   */
  private fail(slot: Slot, reason: string, replace: boolean): void {
    const task = slot.tasks.shift();
    if (!task) return;
    this.stopClock(slot);
    void failedDoc(task.input, reason, this.format).then((doc) => task.resolve({ doc, file: null }));
    if (!replace) {
      this.startClock(slot);
      this.feed(slot);
      return;
    }
    void this.end(slot);
    if (this.closed) return;
    const fresh = this.spawn(slot.tasks.splice(0));
    this.slots[this.slots.indexOf(slot)] = fresh;
    this.feed(fresh);
  }

  /** Tops a slot up from the documents waiting. */
  private feed(slot: Slot): void {
    while (slot.tasks.length < DEPTH && this.waiting.length) {
      const task = this.waiting.shift() as Task;
      slot.tasks.push(task);
      this.post(slot, task);
    }
    this.startClock(slot);
  }

  /** Reads and extracts one document in a worker. */
  run(input: InputFile): Promise<WorkerResult> {
    return new Promise((resolve) => {
      this.waiting.push({ id: this.nextId++, input, resolve });
      // the least loaded worker takes it
      let best: Slot | null = null;
      for (const s of this.slots) if (s.tasks.length < DEPTH && (!best || s.tasks.length < best.tasks.length)) best = s;
      if (best) this.feed(best);
    });
  }

  /** Ends a slot's worker once it is out of native code. */
  private async end(slot: Slot): Promise<void> {
    await closeGate(slot.gate, () => slot.exited);
    await slot.worker.terminate();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const s of this.slots) this.stopClock(s);
    await Promise.all(this.slots.map((s) => this.end(s)));
  }
}
