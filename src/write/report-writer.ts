import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeChunks } from './atomic.js';
import { Ledger } from './ledger.js';
import { type EncodedDoc, partOf, REPORT_PART } from './encode.js';
import { BUNDLE_LINE, bundleFile, indexPage, type ReportRow, viewerPage } from './report.js';

/** What a row recorded by an earlier version (a resumed run's state) lacks: no organisation, no 机关运行经费. */
const ROW_DEFAULTS = {
  org_id: null,
  org_name: null,
  region_code: null,
  org_level: null,
  org_kind: null,
  scope: null,
  operating_costs: null,
  operating_costs_fact: null,
} as const satisfies Partial<ReportRow>;

/** A bundle is closed once it holds about 1 MB of entries (a larger document has one of its own). */
const BUNDLE_BYTES = 1 << 20;

/**
 * Writes report.html (the index, and the organisations' pages: report.html#org=<org_id>), report/document.html and the bundles report/docs-<n>.js into a run's
 * generation folder (output/folder.ts switches it in whole): entries are gathered as documents
 * finish and each bundle is written once, when full; the index is written at the end.
 */
export class ReportWriter {
  private readonly rows: ReportRow[] = [];
  private bundle: Array<string | Uint8Array> = [];
  private bundleBytes = 0;
  private bundles = 0;
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly dir: string,
    private readonly ledger: Ledger,
  ) {}

  static async open(dir: string, ledger = new Ledger()): Promise<ReportWriter> {
    await mkdir(join(dir, 'report'), { recursive: true });
    return new ReportWriter(dir, ledger);
  }

  /** Adds a document: its row to the index, its entry to the open bundle. */
  async add(doc: EncodedDoc): Promise<void> {
    const entry = partOf(doc, REPORT_PART);
    const size = BUNDLE_LINE.before.length + entry.length + BUNDLE_LINE.after.length;
    if (this.bundleBytes > 0 && this.bundleBytes + size > BUNDLE_BYTES) await this.closeBundle();
    const file = bundleFile(this.bundles);
    this.rows.push({ ...ROW_DEFAULTS, ...doc.report.row, page: `report/document.html?bundle=${file}&doc=${encodeURIComponent(doc.document.doc_id)}` });
    this.bundle.push(BUNDLE_LINE.before, entry, BUNDLE_LINE.after);
    this.bundleBytes += size;
  }

  /** Writes the open bundle; one write at a time, the next bundle gathers meanwhile. */
  private closeBundle(): Promise<void> {
    const chunks = this.bundle;
    const target = join(this.dir, 'report', bundleFile(this.bundles));
    this.bundle = [];
    this.bundleBytes = 0;
    this.bundles++;
    this.writing = this.writing.then(() => writeChunks(target, chunks, this.ledger));
    return this.writing;
  }

  async commit(): Promise<string> {
    if (this.bundleBytes > 0) await this.closeBundle();
    await this.writing;
    await this.ledger.writeFile(join(this.dir, 'report', 'document.html'), viewerPage());
    await this.ledger.writeFile(join(this.dir, 'report.html'), indexPage(this.rows));
    return join(this.dir, 'report.html');
  }

  /** The run failed: waits for the bundles being written (the generation folder goes with the run). */
  async abort(): Promise<void> {
    await Promise.allSettled([this.writing]);
  }
}
