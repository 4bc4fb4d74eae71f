import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Digest, type Ledger } from './ledger.js';

/**
 * Writes a file atomically: chunks go to a temp file beside the target, which is flushed and
 * renamed over it only when complete. An interrupted run leaves the previous file whole.
 */
export class AtomicFile {
  private buffer: Array<string | Uint8Array> = [];
  private buffered = 0;

  private readonly digest = new Digest();

  private constructor(
    private readonly target: string,
    private readonly temp: string,
    private readonly handle: Awaited<ReturnType<typeof open>>,
    private readonly ledger: Ledger | null,
  ) {}

  /** A file that will be `target` once committed; its size and sha256 go to `ledger`, when given. */
  static async create(target: string, ledger: Ledger | null = null): Promise<AtomicFile> {
    const temp = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
    return new AtomicFile(target, temp, await open(temp, 'w'), ledger);
  }

  /** Appends text or UTF-8 bytes; small writes are gathered into writes of about 1 MB. */
  async write(chunk: string | Uint8Array): Promise<void> {
    if (!chunk.length) return;
    // a small view into a larger buffer (a document's row among all its encoded bytes) is copied:
    // held as a view it would keep the whole document's bytes alive until this file's next write,
    // and a small dataset (documents, summary) writes once every few thousand documents
    this.buffer.push(typeof chunk !== 'string' && chunk.byteLength * 4 < chunk.buffer.byteLength ? chunk.slice() : chunk);
    this.buffered += chunk.length;
    if (this.buffered >= 1 << 19) await this.flush();
  }

  private writing: Promise<unknown> = Promise.resolve();

  /** Writes what is gathered; writes follow one another in order. */
  private flush(): Promise<unknown> {
    if (!this.buffer.length) return this.writing;
    const chunks = asBytes(this.buffer);
    for (const c of chunks) this.digest.update(c);
    this.buffer = [];
    this.buffered = 0;
    this.writing = this.writing.then(() => this.handle.writev(chunks));
    return this.writing;
  }

  async commit(): Promise<void> {
    await this.flush();
    await this.handle.sync();
    await this.handle.close();
    await rename(this.temp, this.target);
    this.ledger?.set(this.target, this.digest.done());
  }

  async abort(): Promise<void> {
    await this.handle.close();
    await rm(this.temp, { force: true });
  }
}

/**
 * Text and bytes as byte chunks for one gathered write (writev): the bytes workers hand over are
 * written where they are, not copied into one buffer first.
 */
function asBytes(chunks: Array<string | Uint8Array>): Uint8Array[] {
  return chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c));
}

/** Writes chunks as a whole file in one gathered write, recorded in `ledger`. */
export async function writeChunks(path: string, chunks: Array<string | Uint8Array>, ledger: Ledger): Promise<void> {
  const bytes = asBytes(chunks);
  const handle = await open(path, 'w');
  try {
    await handle.writev(bytes);
  } finally {
    await handle.close();
  }
  const d = new Digest();
  for (const b of bytes) d.update(b);
  ledger.set(path, d.done());
}
