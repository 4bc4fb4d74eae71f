import { mkdir } from 'node:fs/promises';
import { crashPoint } from '../output/crash.js';
import { join } from 'node:path';
import { DATASETS, type Dataset, COLUMNS, RUN_DATASETS, summaryColumns } from '../schema.js';
import { AtomicFile } from './atomic.js';
import { Ledger } from './ledger.js';
import { type EncodedDoc, partOf } from './encode.js';
import { encoder, type Format } from './formats.js';
import { writeParquet } from './parquet.js';

/**
 * Streams the datasets of a run: every document's encoded rows are appended as it finishes, each
 * file goes to a temp file, and all are renamed into place together at the end.
 */
export class DatasetWriter {
  private readonly files = new Map<Dataset, { file: AtomicFile; footer: string; first: boolean }>();

  private constructor(
    readonly dir: string,
    readonly format: Format,
    private readonly ledger: Ledger,
    private readonly bom: boolean,
  ) {}

  static async open(dir: string, format: Format, options: { bom?: boolean; ledger?: Ledger } = {}): Promise<DatasetWriter> {
    await mkdir(dir, { recursive: true });
    const ledger = options.ledger ?? new Ledger();
    const w = new DatasetWriter(dir, format, ledger, options.bom ?? false);
    for (const name of DATASETS) {
      const enc = encoder(format, name === 'summary' ? summaryColumns() : COLUMNS[name]);
      const file = await AtomicFile.create(join(dir, format === 'parquet' ? `.${name}.rows.jsonl` : `${name}.${format}`), ledger);
      // Excel reads UTF-8 CSV as the local code page unless it starts with a byte-order mark
      if (options.bom && format === 'csv') await file.write('\ufeff');
      await file.write(enc.header());
      w.files.set(name, { file, footer: enc.footer(), first: true });
    }
    return w;
  }

  async add(doc: EncodedDoc): Promise<void> {
    for (const [i, name] of DATASETS.entries()) {
      const f = this.files.get(name);
      let chunk = partOf(doc, i);
      if (!f || !chunk.length) continue;
      if (f.first && this.format === 'json') chunk = chunk.subarray(1); // the first row has no comma before it
      f.first = false;
      await f.file.write(chunk);
    }
  }

  /** Writes the datasets built across documents (organisations, links) beside the others. */
  async addRunDatasets(rows: Record<(typeof RUN_DATASETS)[number], Array<Record<string, unknown>>>): Promise<void> {
    for (const name of RUN_DATASETS) {
      const enc = encoder(this.format, COLUMNS[name]);
      const file = await AtomicFile.create(join(this.dir, this.format === 'parquet' ? `.${name}.rows.jsonl` : `${name}.${this.format}`), this.ledger);
      if (this.bom && this.format === 'csv') await file.write('\ufeff');
      const body = enc.rows(rows[name]);
      await file.write(enc.header() + (this.format === 'json' ? body.slice(1) : body));
      this.files.set(name, { file, footer: enc.footer(), first: false });
    }
  }

  async commit(): Promise<string[]> {
    const written: string[] = [];
    for (const [name, f] of this.files) {
      await f.file.write(f.footer);
      await f.file.commit();
      crashPoint(`dataset:${name}`);
      const target = join(this.dir, `${name}.${this.format}`);
      if (this.format === 'parquet') {
        const rows = join(this.dir, `.${name}.rows.jsonl`);
        await writeParquet(rows, target, name, name === 'summary' ? summaryColumns() : COLUMNS[name], this.ledger);
        crashPoint(`parquet:${name}`);
      }
      written.push(target);
    }
    return written;
  }

  async abort(): Promise<void> {
    for (const f of this.files.values()) await f.file.abort();
  }
}
