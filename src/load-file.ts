import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { MAX_BYTES } from './limits.js';

/**
 * Reading an input's bytes, bounded: light enough for the main thread (--resume hashes inputs with
 * it) and the one place that decides what is read — regular files only, never more than MAX_BYTES.
 */

/** Input that cannot be read at all; the message becomes the documents row's error. */
export class ReadError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The bytes of an input file, or why there are none. */
export interface LoadedFile {
  readonly path: string;
  readonly size: number;
  readonly bytes: Uint8Array | null;
  readonly error: string | null;
}

/** What a non-regular file is, in words. */
function kindOf(info: Stats): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

/**
 * A file's bytes, read synchronously on one open file (a worker thread reads its own documents:
 * no hop through libuv's thread pool). It is
 * opened without blocking (a FIFO would hold the open until a writer comes), only a regular file
 * is read, and never more than MAX_BYTES whatever `stat` said (a file may grow while read).
 */
export function loadFileSync(path: string): LoadedFile {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw new ReadError('read.not-a-file', `${kindOf(info)}, not a file`);
    if (info.size > MAX_BYTES) return { path, size: info.size, bytes: null, error: tooLarge(info.size) };
    const bytes = readAtMost(fd, info.size);
    if (!bytes) return { path, size: info.size, bytes: null, error: `file too large: more than ${MAX_BYTES} bytes (the limit)` };
    return { path, size: bytes.length, bytes, error: null };
  } finally {
    closeSync(fd);
  }
}

/** Reads to the end, or null past MAX_BYTES; `expected` is the size stat gave (the usual case: one read). */
function readAtMost(fd: number, expected: number): Uint8Array | null {
  let buf = Buffer.allocUnsafe(Math.min(MAX_BYTES + 1, Math.max(expected + 1, 4096)));
  let length = 0;
  for (;;) {
    if (length === buf.length) {
      if (length > MAX_BYTES) return null;
      const bigger = Buffer.allocUnsafe(Math.min(MAX_BYTES + 1, buf.length * 2));
      buf.copy(bigger, 0, 0, length);
      buf = bigger;
    }
    const n = readSync(fd, buf, length, buf.length - length, null);
    if (n === 0) break;
    length += n;
  }
  return length > MAX_BYTES ? null : buf.subarray(0, length);
}

const tooLarge = (size: number) => `file too large: ${size} bytes (limit ${MAX_BYTES})`;
