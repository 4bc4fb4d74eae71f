import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EncodedDoc } from './encode.js';
import { indexPage, type ReportRow } from './report.js';

/**
 * Writes report.html and report/*.html: pages go to a temp folder as documents finish; at the end
 * the index is written and both are renamed into place, so a report is never half there.
 */
export class ReportWriter {
  private readonly rows: ReportRow[] = [];

  private constructor(
    private readonly out: string,
    private readonly temp: string,
  ) {}

  static async open(out: string): Promise<ReportWriter> {
    const temp = join(out, `.report-${process.pid}-${Date.now().toString(36)}.tmp`);
    await mkdir(join(temp, 'report'), { recursive: true });
    return new ReportWriter(out, temp);
  }

  async add(doc: EncodedDoc): Promise<void> {
    await writeFile(join(this.temp, doc.report.file), doc.report.page);
    this.rows.push(doc.report.row);
  }

  async commit(): Promise<string> {
    await writeFile(join(this.temp, 'report.html'), indexPage(this.rows));
    await rm(join(this.out, 'report'), { recursive: true, force: true });
    await rename(join(this.temp, 'report'), join(this.out, 'report'));
    await rename(join(this.temp, 'report.html'), join(this.out, 'report.html'));
    await rm(this.temp, { recursive: true, force: true });
    return join(this.out, 'report.html');
  }

  async abort(): Promise<void> {
    await rm(this.temp, { recursive: true, force: true });
  }
}
