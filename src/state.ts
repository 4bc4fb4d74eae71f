import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { type FileHandle, mkdir, open, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { whenMissing } from './fs-util.js';
import { loadFileSync } from './load-file.js';
import { DocumentRow } from './schema.js';
import type { EncodedDoc } from './write/encode.js';

/**
 * What a run has done, kept in its generation folder (`state/`) so that `--resume` can go on after
 * an interruption and skip unchanged documents: results.txt holds every document's encoded rows,
 * manifest.jsonl one line per document (doc_id, path, the input's sha256, where its rows are and
 * their sha256). Both are appended as documents finish, rows before the line that points at them.
 * On reuse everything is checked: a line that does not parse or fails its schema, rows whose
 * sha256 differs, an input whose content changed — each is extracted again, never trusted.
 */
const EntrySchema = z.object({
  doc_id: z.string(),
  path: z.string(),
  /** sha256 of the input's bytes ('' when it could not be read). */
  sha256: z.string(),
  offset: z.number().int().nonnegative(),
  lengths: z.array(z.number().int().nonnegative()),
  /** sha256 of the encoded rows at offset. */
  rows_sha256: z.string().regex(/^[0-9a-f]{64}$/),
  document: DocumentRow,
  counts: z.object({ facts: z.number().int(), error: z.number().int(), warning: z.number().int(), info: z.number().int() }),
  report: z.object({ row: z.record(z.string(), z.unknown()) }),
});
type Entry = z.infer<typeof EntrySchema>;

/** What an input is known by in the state: its id, where it was read and its content. */
const keyOf = (docId: string, path: string, sha256: string) => `${docId}\u0000${path}\u0000${sha256}`;

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export class RunState {
  private offset = 0;
  private results: Uint8Array[] = [];
  private manifest: string[] = [];
  private pending = 0;

  private constructor(
    private readonly resultsFile: FileHandle,
    private readonly manifestFile: FileHandle,
  ) {}

  /** Starts the state of a new run in `dir` (inside the run's generation folder). */
  static async begin(dir: string, key: string): Promise<RunState> {
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'key'), key);
    return new RunState(await open(join(dir, 'results.txt'), 'a'), await open(join(dir, 'manifest.jsonl'), 'a'));
  }

  /** Records one finished document: its rows and its report entry. */
  async record(doc: EncodedDoc, input: { docId: string; path: string }): Promise<void> {
    const entry: Entry = {
      doc_id: input.docId,
      path: input.path,
      sha256: doc.document.sha256,
      offset: this.offset,
      lengths: doc.lengths,
      rows_sha256: sha(doc.bytes),
      document: doc.document,
      counts: doc.counts,
      report: { row: doc.report.row as unknown as Record<string, unknown> },
    };
    this.results.push(doc.bytes);
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

  /** Writes what is left and closes the files (the run completed, or stopped: what is done stays). */
  async close(): Promise<void> {
    await this.flush();
    await this.resultsFile.sync();
    await this.resultsFile.close();
    await this.manifestFile.close();
  }
}

/** One state folder being read: its results file, opened on first use. */
class Source {
  private handle: Promise<FileHandle> | null = null;
  constructor(readonly dir: string) {}

  async rows(e: Entry): Promise<Uint8Array | null> {
    this.handle ??= open(join(this.dir, 'results.txt'), 'r');
    const fh = await this.handle;
    const total = e.lengths.reduce((a, b) => a + b, 0);
    const buf = Buffer.alloc(total);
    const { bytesRead } = await fh.read(buf, 0, total, e.offset);
    // rows not written before a kill, or changed since: extracted again
    return bytesRead === total && sha(buf) === e.rows_sha256 ? buf : null;
  }

  async close(): Promise<void> {
    if (this.handle) await (await this.handle).close();
  }
}

/**
 * The encoded rows of earlier runs — the last complete one and any interrupted since — merged:
 * looked up by doc_id, path and the input's sha256, read on demand and checked.
 */
export class PreviousRun {
  private constructor(
    private readonly entries: Map<string, { entry: Entry; source: Source }>,
    /** The keys of the complete run's documents (null when there is none). */
    private readonly completeKeys: ReadonlySet<string> | null,
    /** Lines that did not parse or did not fit the schema. */
    readonly rejected: number,
    private readonly sources: Source[],
  ) {}

  /** The states in `dirs` that were made with `key` (complete first, then interrupted, oldest first); null when none fits. */
  static async load(complete: string | null, interrupted: readonly string[], key: string): Promise<PreviousRun | null> {
    const entries = new Map<string, { entry: Entry; source: Source }>();
    const sources: Source[] = [];
    let completeKeys: Set<string> | null = null;
    let rejected = 0;
    for (const dir of [complete, ...interrupted]) {
      if (!dir) continue;
      if ((await readFile(join(dir, 'key'), 'utf8').catch(whenMissing(null))) !== key) continue;
      const source = new Source(dir);
      sources.push(source);
      const keys = new Set<string>();
      const lines = createInterface({ input: createReadStream(join(dir, 'manifest.jsonl')), crlfDelay: Number.POSITIVE_INFINITY });
      for await (const line of lines) {
        if (!line.trim()) continue;
        const entry = parseEntry(line);
        if (!entry) {
          rejected++; // the last line of a run that was killed, or an edited one
          continue;
        }
        const k = keyOf(entry.doc_id, entry.path, entry.sha256);
        keys.add(k);
        // an earlier entry of the same input stays: it is as good, and may be the one that verifies
        if (!entries.has(k)) entries.set(k, { entry, source });
      }
      if (dir === complete) completeKeys = keys;
    }
    return sources.length ? new PreviousRun(entries, completeKeys, rejected, sources) : null;
  }

  /** Whether the last complete run read exactly these inputs, with this content. */
  sameInputs(inputs: ReadonlyArray<{ docId: string; path: string; sha256: string | null }>): boolean {
    if (!this.completeKeys || this.completeKeys.size !== inputs.length) return false;
    return inputs.every((i) => i.sha256 !== null && this.completeKeys?.has(keyOf(i.docId, i.path, i.sha256)));
  }

  /** The documents of the last complete run, for its totals. */
  completeDocuments(): Array<{ document: DocumentRow; counts: EncodedDoc['counts'] }> {
    const out = [];
    for (const k of this.completeKeys ?? []) {
      const e = this.entries.get(k);
      if (e) out.push({ document: e.entry.document, counts: e.entry.counts });
    }
    return out;
  }

  /** The earlier rows of an input with this id, path and content, checked; null when there are none that verify. */
  async reuse(docId: string, path: string, sha256: string): Promise<EncodedDoc | null> {
    const found = this.entries.get(keyOf(docId, path, sha256));
    if (!found) return null;
    const { entry: e, source } = found;
    const bytes = await source.rows(e);
    if (!bytes) return null;
    return { document: e.document, counts: e.counts, bytes, lengths: e.lengths, report: { row: e.report.row as unknown as EncodedDoc['report']['row'] } };
  }

  async close(): Promise<void> {
    for (const s of this.sources) await s.close();
  }
}

function parseEntry(line: string): Entry | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    if (err instanceof SyntaxError) return null;
    throw err;
  }
  const parsed = EntrySchema.safeParse(value);
  if (!parsed.success) return null;
  const e = parsed.data;
  // the rows' parts must add up to what was recorded, and there must be one per dataset and the report
  return e.lengths.length >= 1 && e.document.doc_id === e.doc_id ? e : null;
}

/**
 * The sha256 of an input's bytes as extraction would read them (load-file.ts: a regular file, at
 * most `limit` bytes); null when they cannot be read (extraction then gives its failed row). Read
 * synchronously: it runs before a --resume extracts anything, when nothing else waits on this
 * thread, and a promise per open, stat, read and close cost more than the reading (≈ 0.4 s for
 * 900 documents).
 */
export function inputSha256(path: string): string | null {
  try {
    const file = loadFileSync(path);
    return file.bytes ? createHash('sha256').update(file.bytes).digest('hex') : null;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code) return null;
    throw err;
  }
}
