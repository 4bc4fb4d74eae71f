import { parentPort } from 'node:worker_threads';
import { loadPatterns } from './patterns.js';
import { type InputFile, processLoaded } from './process-file.js';
import type { LoadedFile } from './stages/read.js';
import { encodeExtraction } from './write/encode.js';
import type { Format } from './write/formats.js';

/**
 * A worker thread of the pool: patterns compiled and jieba's dictionary loaded once, when the
 * worker starts, then one document per message for the whole run.
 */
const port = parentPort;
if (!port) throw new Error('worker.js runs as a worker thread');
loadPatterns();
port.on('message', async (task: { id: number; input: InputFile; file: LoadedFile; format: Format }) => {
  const result = encodeExtraction(await processLoaded(task.input, task.file), task.format);
  port.postMessage({ id: task.id, result });
});
port.postMessage({ ready: true });
