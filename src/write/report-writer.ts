import { link, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EncodedDoc } from './encode.js';
import { indexPage, type ReportRow } from './report.js';

/** Page files written at once (independent files: their writes overlap). */
const IN_FLIGHT = 32;

/**
 * Writes report.html and report/*.html: pages go to a temp folder as documents finish; at the end
 * the index is written and both are renamed into place, so a report is never half there. A page
 * of an unchanged document reused from the last complete run is hard-linked, not rewritten.
 */
export class ReportWriter {
  private readonly rows: ReportRow[] = [];
  private readonly writing = new Set<Promise<void>>();

  private constructor(
    private readonly out: string,
    private readonly temp: string,
  ) {}

  static async open(out: string): Promise<ReportWriter> {
    const temp = join(out, `.report-${process.pid}-${Date.now().toString(36)}.tmp`);
    await mkdir(join(temp, 'report'), { recursive: true });
    return new ReportWriter(out, temp);
  }

  /** Adds a document's page; `unchanged` when the last complete run wrote the same page. */
  async add(doc: EncodedDoc, unchanged = false): Promise<void> {
    this.rows.push(doc.report.row);
    const target = join(this.temp, doc.report.file);
    const write = (async () => {
      if (unchanged) {
        try {
          await link(join(this.out, doc.report.file), target);
          return;
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
        }
      }
      await writeFile(target, doc.report.page);
    })();
    this.writing.add(write);
    void write.finally(() => this.writing.delete(write));
    if (this.writing.size >= IN_FLIGHT) await Promise.race(this.writing);
  }

  async commit(): Promise<string> {
    await Promise.all(this.writing);
    await writeFile(join(this.temp, 'report.html'), indexPage(this.rows));
    await rm(join(this.out, 'report'), { recursive: true, force: true });
    await rename(join(this.temp, 'report'), join(this.out, 'report'));
    await rename(join(this.temp, 'report.html'), join(this.out, 'report.html'));
    await rm(this.temp, { recursive: true, force: true });
    return join(this.out, 'report.html');
  }

  async abort(): Promise<void> {
    await Promise.allSettled(this.writing);
    await rm(this.temp, { recursive: true, force: true });
  }
}
