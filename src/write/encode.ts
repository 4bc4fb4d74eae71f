import type { Extraction } from '../extract.js';
import { COLUMNS, DATASETS, type Dataset, type DocumentRow, summaryColumns } from '../schema.js';
import { createHash } from 'node:crypto';
import { encoder, type Format } from './formats.js';
import { documentPage, type ReportRow, reportRow } from './report.js';

/** One document's rows, already encoded for the run's format: what workers hand back and --resume reuses. */
export interface EncodedDoc {
  readonly document: DocumentRow;
  readonly counts: { facts: number; error: number; warning: number; info: number };
  readonly chunks: Record<Dataset, string>;
  /** The document's report page (HTML) and its row in the report's index. */
  readonly report: { readonly file: string; readonly page: string; readonly row: ReportRow };
}

/** The report page of a document: a name that does not depend on the order of the run. */
export function reportFile(docId: string): string {
  return `report/${createHash('sha1').update(docId).digest('hex').slice(0, 16)}.html`;
}

const encoders = new Map<Format, Record<Dataset, ReturnType<typeof encoder>>>();

function encodersFor(format: Format) {
  let e = encoders.get(format);
  if (!e) {
    e = Object.fromEntries(DATASETS.map((d) => [d, encoder(format, d === 'summary' ? summaryColumns() : COLUMNS[d])])) as Record<
      Dataset,
      ReturnType<typeof encoder>
    >;
    encoders.set(format, e);
  }
  return e;
}

/** Encodes a document's rows (in the worker that extracted it, so that the main thread only writes). */
export function encodeExtraction(x: Extraction, format: Format): EncodedDoc {
  const e = encodersFor(format);
  const rows: Record<Dataset, Array<Record<string, unknown>>> = {
    documents: [x.document],
    facts: x.facts,
    summary: [x.summary],
    org_units: x.org_units,
    glossary: x.glossary,
    diagnostics: x.diagnostics,
  };
  const chunks = Object.fromEntries(DATASETS.map((d) => [d, e[d].rows(rows[d])])) as Record<Dataset, string>;
  const counts = { facts: x.facts.length, error: 0, warning: 0, info: 0 };
  for (const d of x.diagnostics) counts[d.severity]++;
  const file = reportFile(x.document.doc_id);
  const page = documentPage(x, x.text ?? '');
  return { document: x.document, counts, chunks, report: { file, page, row: reportRow(x, file) } };
}
