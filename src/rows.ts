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

/** One row per document: the first `value` of each headline metric. */
export function summarize(document: DocumentRow, facts: FactRow[]): SummaryRow {
  const row: SummaryRow = { doc_id: document.doc_id, org: document.org, year: document.year, doc_type: document.doc_type };
  const firstValue = new Map<string, number>();
  for (const f of facts) if (f.role === 'value' && f.item === '' && !firstValue.has(f.metric)) firstValue.set(f.metric, f.value);
  for (const [metric, column] of headlineColumns()) row[column] = firstValue.get(metric) ?? null;
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
  return { document, facts: [], summary: summarize(document, []), org_units: [], glossary: [], diagnostics, table_cells: [], tables: [] };
}
