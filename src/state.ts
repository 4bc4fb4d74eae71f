import { createReadStream } from 'node:fs';
import { type FileHandle, mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { whenMissing } from './fs-util.js';
import type { DocumentRow } from './schema.js';
import type { EncodedDoc } from './write/encode.js';

/**
 * What a run has done, kept in the output folder so that `--resume` can go on after an
 * interruption and skip unchanged documents: results.txt holds every document's encoded rows,
 * manifest.jsonl one line per document (path, size, mtime, sha256, where its rows are). Both are
 * appended as documents finish, rows before the manifest line that points at them; a line torn
 * by a kill is ignored when read.
 */
interface ManifestEntry {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly sha256: string;
  readonly offset: number;
  readonly lengths: number[];
  readonly document: DocumentRow;
  readonly counts: EncodedDoc['counts'];
  readonly report: { row: EncodedDoc['report']['row'] };
}

export const STATE_DIR = '.extract-state';
const PARTIAL_DIR = '.extract-state.partial';

export class RunState {
  private offset = 0;
  private results: Uint8Array[] = [];
  private manifest: string[] = [];
  private pending = 0;

  private constructor(
    private readonly dir: string,
    private readonly resultsFile: FileHandle,
    private readonly manifestFile: FileHandle,
  ) {}

  /** Starts the state of a new run (the previous complete state stays until this one completes). */
  static async begin(out: string, key: string, from: PreviousRun | null): Promise<RunState> {
    const dir = join(out, PARTIAL_DIR);
    // an interrupted run being resumed still holds the rows we reuse: read them before starting anew
    const keep = from?.dir === dir ? join(out, `${PARTIAL_DIR}.resuming`) : null;
    if (keep && from) {
      await rm(keep, { recursive: true, force: true });
      await rename(dir, keep);
      from.moveTo(keep);
    }
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'key'), key);
    return new RunState(dir, await open(join(dir, 'results.txt'), 'a'), await open(join(dir, 'manifest.jsonl'), 'a'));
  }

  /** Records one finished document: its rows and its report entry. */
  async record(doc: EncodedDoc, file: { path: string; size: number; mtimeMs: number }): Promise<void> {
    const lengths = doc.lengths;
    this.results.push(doc.bytes);
    const entry: ManifestEntry = {
      ...file,
      sha256: doc.document.sha256,
      offset: this.offset,
      lengths,
      document: doc.document,
      counts: doc.counts,
      report: { row: doc.report.row },
    };
    this.offset += doc.bytes.length;
    this.manifest.push(`${JSON.stringify(entry)}\n`);
    this.pending += doc.bytes.length;
    if (this.pending >= 1 << 19) await this.flush();
  }

  private writing: Promise<void> = Promise.resolve();

  /** Writes what is gathered: rows first, then the manifest lines that point at them, one flush after another. */
  private flush(): Promise<void> {
    const results = this.results;
    const manifest = this.manifest.join('');
    this.results = [];
    this.manifest = [];
    this.pending = 0;
    this.writing = this.writing.then(async () => {
      if (results.length) await this.resultsFile.writev(results);
      if (manifest) await this.manifestFile.write(manifest);
    });
    return this.writing;
  }

  /** The run completed: its state replaces the previous one. */
  async commit(out: string): Promise<void> {
    await this.flush();
    await this.close();
    const done = join(out, STATE_DIR);
    await rm(done, { recursive: true, force: true });
    await rename(this.dir, done);
    await rm(join(out, `${PARTIAL_DIR}.resuming`), { recursive: true, force: true });
  }

  /** The run stopped: what is done stays for --resume. */
  async close(): Promise<void> {
    await this.flush();
    await this.resultsFile.close();
    await this.manifestFile.close();
  }
}

/** The encoded rows of an earlier run, looked up by path, read on demand. */
export class PreviousRun {
  private constructor(
    public dir: string,
    private readonly entries: Map<string, ManifestEntry>,
    readonly torn: number,
  ) {}

  /** The interrupted run's state if there is one, else the last complete run's; null when none fits `key`. */
  static async load(out: string, key: string): Promise<PreviousRun | null> {
    for (const name of [PARTIAL_DIR, `${PARTIAL_DIR}.resuming`, STATE_DIR]) {
      const dir = join(out, name);
      const k = await readFile(join(dir, 'key'), 'utf8').catch(whenMissing(null));
      if (k !== key) continue;
      const entries = new Map<string, ManifestEntry>();
      let torn = 0;
      const lines = createInterface({ input: createReadStream(join(dir, 'manifest.jsonl')), crlfDelay: Number.POSITIVE_INFINITY });
      for await (const line of lines) {
        if (!line.trim()) continue;
        try {
          const e = JSON.parse(line) as ManifestEntry;
          entries.set(e.path, e);
        } catch (err) {
          if (!(err instanceof SyntaxError)) throw err;
          torn++; // the last line of a run that was killed
        }
      }
      return new PreviousRun(dir, entries, torn);
    }
    return null;
  }

  moveTo(dir: string): void {
    this.dir = dir;
  }

  /** How many documents the earlier run recorded. */
  get size(): number {
    return this.entries.size;
  }

  /** Whether a file is as the earlier run saw it (same size and mtime). */
  unchanged(path: string, size: number, mtimeMs: number): boolean {
    const e = this.entries.get(path);
    return e !== undefined && e.size === size && e.mtimeMs === mtimeMs;
  }

  /** The documents the earlier run recorded, in its order. */
  documents(): Array<{ document: DocumentRow; counts: EncodedDoc['counts'] }> {
    return [...this.entries.values()].map((e) => ({ document: e.document, counts: e.counts }));
  }

  /** The state of the last complete run (its report is on disk beside the datasets). */
  get complete(): boolean {
    return this.dir.endsWith(STATE_DIR);
  }

  private handle: Promise<FileHandle> | null = null;

  /** The earlier rows of a file that has not changed (same size and mtime), or null. */
  async reuse(path: string, size: number, mtimeMs: number): Promise<EncodedDoc | null> {
    const e = this.entries.get(path);
    if (!e || e.size !== size || e.mtimeMs !== mtimeMs) return null;
    this.handle ??= open(join(this.dir, 'results.txt'), 'r');
    const fh = await this.handle;
    const total = e.lengths.reduce((a, b) => a + b, 0);
    const buf = Buffer.alloc(total);
    const { bytesRead } = await fh.read(buf, 0, total, e.offset);
    if (bytesRead !== total) return null; // rows not written before the kill: extract again
    return { document: e.document, counts: e.counts, bytes: buf, lengths: e.lengths, report: { row: e.report.row } };
  }

  async close(): Promise<void> {
    if (this.handle) await (await this.handle).close();
  }
}

export async function fileInfo(path: string): Promise<{ size: number; mtimeMs: number }> {
  const s = await stat(path);
  return { size: s.size, mtimeMs: s.mtimeMs };
}
