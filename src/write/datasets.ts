import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Extraction } from '../extract.js';
import { COLUMNS, DATASETS, type Dataset, summaryColumns } from '../schema.js';
import { AtomicFile } from './atomic.js';
import { encoder, type Encoder, type Format } from './formats.js';

/**
 * Streams the datasets of a run: every document's rows are appended as it finishes, each file
 * goes to a temp file, and all are renamed into place together at the end.
 */
export class DatasetWriter {
  private readonly files = new Map<Dataset, { file: AtomicFile; enc: Encoder; first: boolean }>();

  private constructor(
    readonly dir: string,
    readonly format: Format,
  ) {}

  static async open(dir: string, format: Format): Promise<DatasetWriter> {
    await mkdir(dir, { recursive: true });
    const w = new DatasetWriter(dir, format);
    for (const name of DATASETS) {
      const columns = name === 'summary' ? summaryColumns() : COLUMNS[name];
      const enc = encoder(format, columns);
      const file = await AtomicFile.create(join(dir, `${name}.${format}`));
      await file.write(enc.header());
      w.files.set(name, { file, enc, first: true });
    }
    return w;
  }

  async add(x: Extraction): Promise<void> {
    const rows: Record<Dataset, Array<Record<string, unknown>>> = {
      documents: [x.document],
      facts: x.facts,
      summary: [x.summary],
      org_units: x.org_units,
      glossary: x.glossary,
      diagnostics: x.diagnostics,
    };
    for (const name of DATASETS) {
      const f = this.files.get(name);
      const r = rows[name];
      if (!f || r.length === 0) continue;
      await f.file.write(f.enc.rows(r, f.first));
      f.first = false;
    }
  }

  async commit(): Promise<string[]> {
    const written: string[] = [];
    for (const [name, f] of this.files) {
      await f.file.write(f.enc.footer());
      await f.file.commit();
      written.push(join(this.dir, `${name}.${this.format}`));
    }
    return written;
  }

  async abort(): Promise<void> {
    for (const f of this.files.values()) await f.file.abort();
  }
}
