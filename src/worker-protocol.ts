import type { InputFile } from './process-file.js';
import type { EncodedDoc } from './write/encode.js';

/**
 * What the pool (pool.ts) and its workers (worker.ts) say to each other. Messages go in batches:
 * in a run on this machine, posting a document's result took ≈ 100–180 µs of the worker's time
 * on average (≈ 30 µs alone: in a run the thread it wakes often takes the poster's core), 5–10 %
 * of a document; batches cut a run's context switches by a third (measured
 * 2026-11-22).
 */

/** Documents for a worker, in the order it is to extract them. */
export interface TaskMessage {
  readonly tasks: ReadonlyArray<{ readonly id: number; readonly input: InputFile }>;
}

/** One document's outcome: its encoded rows and the stamp of the bytes read, or the bug that stopped it. */
export type WorkerOutcome = { readonly id: number; readonly result: EncodedDoc } | { readonly id: number; readonly error: string };

/** Outcomes in the order the worker finished them (the order it was given them). */
export interface ResultMessage {
  readonly results: WorkerOutcome[];
}

/** A worker hands back its outcomes once it holds this many… */
export const BATCH = 8;
/**
 * …or, checked after each document, once the oldest has waited this long (progress keeps moving
 * when documents are slow; a document that runs long still holds back up to BATCH - 1 finished
 * ones until it ends, or until its time limit ends the worker and they are extracted again)…
 */
export const HOLD_MS = 50;
/** …or when it has nothing left to do. The pool keeps each worker this many documents ahead, so it never waits between two. */
export const AHEAD = 2 * BATCH;

/**
 * Shared memory a worker writes before each document: [task id or IDLE, Date.now() at its start,
 * LOADED once its patterns and jieba are loaded]. The pool reads it to cut off a document past its
 * time limit, whatever the worker is doing, and to tell a worker that could not start (which ends
 * the run) from one that crashed on a document (which fails that document).
 */
export type Progress = Float64Array;
export const IDLE = -1;
/** Index of the start-up flag in Progress, and its value once the worker is ready. */
export const LOADED_AT = 2;
export const LOADED = 1;

export function createProgress(): Progress {
  const p = new Float64Array(new SharedArrayBuffer(24));
  p[0] = IDLE;
  return p;
}
