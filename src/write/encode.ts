import type { Extraction } from '../extract.js';
import { COLUMNS, DATASETS, type Dataset, type DocumentRow, summaryColumns } from '../schema.js';
import { encoder, type Format } from './formats.js';
import { documentEntry, type ReportRow, reportRow } from './report.js';

/** One document's rows, already encoded for the run's format: what workers hand back and --resume reuses. */
export interface EncodedDoc {
  readonly document: DocumentRow;
  readonly counts: { facts: number; error: number; warning: number; info: number };
  readonly chunks: Record<Dataset, string>;
  /** The document's entry in the report (JSON the viewer shows) and its row in the report's index (linked when written). */
  readonly report: { readonly entry: string; readonly row: ReportRow };
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
  return { document: x.document, counts, chunks, report: { entry: documentEntry(x, x.text ?? ''), row: reportRow(x) } };
}
