import { type MessagePort, parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { type Gate, useGate } from './native-gate.js';
import { loadPatterns } from './patterns.js';
import { type InputFile, processPath } from './process-file.js';
import { loadSegmenter } from './segmenter.js';
import { encodeExtraction } from './write/encode.js';
import type { Format } from './write/formats.js';
import { BATCH, HOLD_MS, IDLE, LOADED, LOADED_AT, type Progress, type ResultMessage, type TaskMessage, type WorkerOutcome } from './worker-protocol.js';

/**
 * A worker thread of the pool: patterns compiled and jieba's dictionary loaded once, when the
 * worker starts, then documents for the whole run. Tasks come in batches; the worker reads each
 * file itself, extracts and encodes it in the run's format, one at a time, and hands results back
 * in batches (worker-protocol.ts). Before each document it writes the task's id and the time into
 * `progress`, memory shared with the pool, which cuts off a document past its time limit.
 */
if (!parentPort) throw new Error('worker.js runs as a worker thread');
const port: MessagePort = parentPort;
const { gate, format, progress } = workerData as { gate: Gate; format: Format; progress: Progress };
useGate(gate);
loadPatterns();
loadSegmenter();
// for the test of the pool's clock: a start-up made slow on purpose (unset, nothing happens)
const slowStart = Number(process.env.EXTRACT_TEST_SLOW_START_MS) || 0;
if (slowStart > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, slowStart);
progress[LOADED_AT] = LOADED;

const queue: Array<{ id: number; input: InputFile }> = [];
let running = false;

function enqueue(msg: TaskMessage): void {
  for (let k = 0; k < msg.tasks.length; k++) queue.push(msg.tasks[k] as (typeof msg.tasks)[number]);
}

/** Tasks the pool posted while this worker was busy (their message events wait for a free event loop). */
function takePosted(): void {
  for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) enqueue(m.message as TaskMessage);
}

async function extractOne(id: number, input: InputFile): Promise<WorkerOutcome> {
  try {
    const { extraction } = await processPath(input);
    return { id, result: encodeExtraction(extraction, format) };
  } catch (err) {
    // processPath never throws for a bad document; this is a bug, reported as the document's failure
    return { id, error: `${(err as Error).name}: ${(err as Error).message}` };
  }
}

/** Extracts what is queued, handing results back every BATCH documents, after HOLD_MS, or when out of work. */
async function drain(): Promise<void> {
  running = true;
  let out: WorkerOutcome[] = [];
  let moved: ArrayBuffer[] = [];
  let since = 0;
  for (;;) {
    if (!queue.length) takePosted();
    const task = queue.shift();
    if (!task) break;
    // the start, then the id: the pool reads the id first, so it never pairs this id with an older start
    progress[1] = Date.now();
    progress[0] = task.id;
    const outcome = await extractOne(task.id, task.input);
    progress[0] = IDLE;
    if (!out.length) since = Date.now();
    out.push(outcome);
    // the bytes move to the main thread without a copy
    if ('result' in outcome) moved.push(outcome.result.bytes.buffer as ArrayBuffer);
    if (!queue.length) takePosted();
    if (out.length >= BATCH || !queue.length || Date.now() - since >= HOLD_MS) {
      port.postMessage({ results: out } satisfies ResultMessage, moved);
      out = [];
      moved = [];
    }
  }
  running = false;
}

port.on('message', (msg: TaskMessage) => {
  enqueue(msg);
  // drain never rejects for a document (extractOne catches); anything else is a bug that ends the
  // worker, and the pool fails the document it was on and starts another worker
  if (!running) void drain();
});
