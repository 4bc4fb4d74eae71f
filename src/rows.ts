import { type DocumentRow, type Extraction, DocumentRow as DocumentSchema, DiagnosticRow as DiagnosticSchema, type FactRow, type SummaryRow, headlineMetrics } from './schema.js';
import type { ReadResult } from './stages/read.js';

/*
 * Rows that need no extraction: a document's summary row, and the rows of a document that could
 * not be read. The main thread of a batch run builds the latter (a worker that timed out or
 * crashed) without loading the extraction stages.
 */

let columns: Array<[string, string]> | null = null;
const headlineColumns = () => {
  columns ??= headlineMetrics().map((m) => [m, m.replace(/\./g, '_')]);
  return columns;
};

let headlines: ReadonlySet<string> | null = null;
/** Whether a metric has a column in the summary. */
export const isHeadline = (metric: string): boolean => {
  headlines ??= new Set(headlineColumns().map(([m]) => m));
  return headlines.has(metric);
};

/** Each headline metric's first `value` fact (no item), in document order. */
export function headlineFacts(facts: readonly FactRow[]): Map<string, FactRow> {
  const first = new Map<string, FactRow>();
  for (const f of facts) if (f.role === 'value' && f.item === '' && !first.has(f.metric)) first.set(f.metric, f);
  return first;
}

/**
 * One row per document: the first `value` of each headline metric, and in `sources` (JSON) the
 * fact each value came from, by column (`{"income_total":"a.txt#120-131"}`).
 */
export function summarize(document: DocumentRow, facts: FactRow[]): SummaryRow {
  const row: SummaryRow = { doc_id: document.doc_id, org: document.org, year: document.year, doc_type: document.doc_type };
  const first = headlineFacts(facts);
  const sources: Record<string, string> = {};
  for (const [metric, column] of headlineColumns()) {
    const fact = first.get(metric);
    row[column] = fact?.value ?? null;
    if (fact) sources[column] = fact.fact_id;
  }
  row.sources = Object.keys(sources).length ? JSON.stringify(sources) : null;
  return row;
}

/** The rows of a document that could not be read. */
export function failedExtraction(docId: string, path: string, read: Partial<ReadResult>, error: string): Extraction {
  const document = DocumentSchema.parse({
    doc_id: docId,
    path,
    sha256: read.sha256 ?? '',
    bytes: read.bytes ?? 0,
    encoding: read.encoding ?? null,
    format: read.format ?? '',
    org: null,
    year: null,
    doc_type: null,
    sections: '',
    facts: 0,
    diagnostics: 1,
    errors: 1,
    warnings: 0,
    infos: 0,
    status: 'failed',
    error,
  });
  const diagnostics = [DiagnosticSchema.parse({ doc_id: docId, rule: 'read.failed', severity: 'error', message: error, start: null, end: null, evidence: null })];
  return { document, facts: [], summary: summarize(document, []), org_units: [], glossary: [], diagnostics, table_cells: [], tables: [], panel: [] };
}
