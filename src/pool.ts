import { Worker } from 'node:worker_threads';
import { failedExtraction } from './extract.js';
import type { InputFile } from './process-file.js';
import type { LoadedFile } from './stages/read.js';
import { type EncodedDoc, encodeExtraction } from './write/encode.js';
import type { Format } from './write/formats.js';

interface Slot {
  worker: Worker;
  /** Handed to a caller that has not posted its document yet. */
  reserved: boolean;
  busy: { id: number; input: InputFile; resolve: (x: EncodedDoc) => void; timer: NodeJS.Timeout } | null;
}

/**
 * Worker threads kept alive for the whole run (each loads patterns and jieba once); they hand back
 * a document's rows already encoded, so the main thread only writes. A document
 * that runs past the time limit has its worker ended and replaced, and becomes a failed row.
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: Array<(slot: Slot) => void> = [];
  private nextId = 0;
  private closed = false;

  constructor(
    size: number,
    private readonly timeoutMs: number,
    private readonly format: Format,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    // a small young generation keeps each worker's memory flat over long runs
    const worker = new Worker(new URL('./worker.js', import.meta.url), { resourceLimits: { maxYoungGenerationSizeMb: 16 } });
    const slot: Slot = { worker, reserved: false, busy: null };
    worker.on('message', (msg: { id?: number; result?: EncodedDoc }) => {
      if (msg.id === undefined || !slot.busy || slot.busy.id !== msg.id) return;
      const { resolve, timer } = slot.busy;
      clearTimeout(timer);
      slot.busy = null;
      resolve(msg.result as EncodedDoc);
      this.release(slot);
    });
    worker.on('error', (err) => this.fail(slot, `worker crashed: ${err.message}`));
    worker.on('exit', (code) => {
      if (!this.closed && slot.busy) this.fail(slot, `worker exited (code ${code})`);
    });
    return slot;
  }

  /** Ends a slot's current document as failed and puts a fresh worker in its place. */
  private fail(slot: Slot, reason: string): void {
    const busy = slot.busy;
    if (!busy) return;
    clearTimeout(busy.timer);
    slot.busy = null;
    busy.resolve(encodeExtraction(failedExtraction(busy.input.docId, busy.input.path, {}, reason), this.format));
    void slot.worker.terminate();
    if (this.closed) return;
    const fresh = this.spawn();
    this.slots[this.slots.indexOf(slot)] = fresh;
    this.release(fresh);
  }

  private release(slot: Slot): void {
    const next = this.waiting.shift();
    slot.reserved = next !== undefined;
    if (next) next(slot);
  }

  private acquire(): Promise<Slot> {
    const free = this.slots.find((s) => !s.busy && !s.reserved);
    if (free) {
      free.reserved = true;
      return Promise.resolve(free);
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Extracts one document in a worker. */
  async run(input: InputFile, file: LoadedFile): Promise<EncodedDoc> {
    const slot = await this.acquire();
    return new Promise((resolve) => {
      const id = this.nextId++;
      const timer = setTimeout(() => this.fail(slot, `timed out after ${this.timeoutMs / 1000} s (per-document limit)`), this.timeoutMs);
      slot.reserved = false;
      slot.busy = { id, input, resolve, timer };
      // the bytes move to the worker without a copy
      const transfer = file.bytes && file.bytes.byteOffset === 0 && file.bytes.byteLength === file.bytes.buffer.byteLength ? [file.bytes.buffer as ArrayBuffer] : [];
      slot.worker.postMessage({ id, input, file, format: this.format }, transfer);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
