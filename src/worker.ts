import { parentPort, workerData } from 'node:worker_threads';
import { type Gate, useGate } from './native-gate.js';
import { loadPatterns } from './patterns.js';
import { type InputFile, processPath } from './process-file.js';
import { loadSegmenter } from './segmenter.js';
import { encodeExtraction } from './write/encode.js';
import type { Format } from './write/formats.js';

/**
 * A worker thread of the pool: patterns compiled and jieba's dictionary loaded once, when the
 * worker starts (it says it is ready after both), then documents for the whole run. The worker
 * reads each file itself, extracts and encodes it in the run's format (given once, with the
 * worker); documents queued while one is being extracted wait their turn, one at a time.
 */
const port = parentPort;
if (!port) throw new Error('worker.js runs as a worker thread');
const { gate, format } = workerData as { gate: Gate; format: Format };
useGate(gate);
loadPatterns();
loadSegmenter();
let turn: Promise<void> = Promise.resolve();
port.on('message', (task: { id: number; input: InputFile }) => {
  turn = turn.then(async () => {
    try {
      const { extraction, file } = await processPath(task.input);
      const result = encodeExtraction(extraction, format);
      // the bytes move to the main thread without a copy
      port.postMessage({ id: task.id, result, file }, [result.bytes.buffer as ArrayBuffer]);
    } catch (err) {
      // processPath never throws for a bad document; this is a bug, reported as the document's failure
      port.postMessage({ id: task.id, error: `${(err as Error).name}: ${(err as Error).message}` });
    }
  });
});
port.postMessage({ ready: true });
