import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeChunks } from './atomic.js';
import { type EncodedDoc, partOf, REPORT_PART } from './encode.js';
import { BUNDLE_LINE, bundleFile, indexPage, type ReportRow, viewerPage } from './report.js';

/** A bundle is closed once it holds about 1 MB of entries (a larger document has one of its own). */
const BUNDLE_BYTES = 1 << 20;

/**
 * Writes report.html, report/document.html and the bundles report/docs-<n>.js: entries are
 * gathered as documents finish and each bundle is written once, when full, into a temp folder;
 * at the end the index is written and both are renamed into place, so a report is never half there.
 */
export class ReportWriter {
  private readonly rows: ReportRow[] = [];
  private bundle: Array<string | Uint8Array> = [];
  private bundleBytes = 0;
  private bundles = 0;
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly out: string,
    private readonly temp: string,
  ) {}

  static async open(out: string): Promise<ReportWriter> {
    const temp = join(out, `.report-${process.pid}-${Date.now().toString(36)}.tmp`);
    await mkdir(join(temp, 'report'), { recursive: true });
    return new ReportWriter(out, temp);
  }

  /** Adds a document: its row to the index, its entry to the open bundle. */
  async add(doc: EncodedDoc): Promise<void> {
    const entry = partOf(doc, REPORT_PART);
    const size = BUNDLE_LINE.before.length + entry.length + BUNDLE_LINE.after.length;
    if (this.bundleBytes > 0 && this.bundleBytes + size > BUNDLE_BYTES) await this.closeBundle();
    const file = bundleFile(this.bundles);
    this.rows.push({ ...doc.report.row, page: `report/document.html?bundle=${file}&doc=${encodeURIComponent(doc.document.doc_id)}` });
    this.bundle.push(BUNDLE_LINE.before, entry, BUNDLE_LINE.after);
    this.bundleBytes += size;
  }

  /** Writes the open bundle; one write at a time, the next bundle gathers meanwhile. */
  private closeBundle(): Promise<void> {
    const chunks = this.bundle;
    const target = join(this.temp, 'report', bundleFile(this.bundles));
    this.bundle = [];
    this.bundleBytes = 0;
    this.bundles++;
    this.writing = this.writing.then(() => writeChunks(target, chunks));
    return this.writing;
  }

  async commit(): Promise<string> {
    if (this.bundleBytes > 0) await this.closeBundle();
    await this.writing;
    await writeFile(join(this.temp, 'report', 'document.html'), viewerPage());
    await writeFile(join(this.temp, 'report.html'), indexPage(this.rows));
    await rm(join(this.out, 'report'), { recursive: true, force: true });
    await rename(join(this.temp, 'report'), join(this.out, 'report'));
    await rename(join(this.temp, 'report.html'), join(this.out, 'report.html'));
    await rm(this.temp, { recursive: true, force: true });
    return join(this.out, 'report.html');
  }

  async abort(): Promise<void> {
    // the run failed: whatever became of the bundles' writes, the temp folder goes
    await Promise.allSettled([this.writing]);
    await rm(this.temp, { recursive: true, force: true });
  }
}
