import type { Extraction } from '../extract.js';
import { COLUMNS, DATASETS, type Dataset, type DocumentRow, summaryColumns } from '../schema.js';
import { encoder, type Format } from './formats.js';
import { documentEntry, type ReportRow, reportRow } from './report.js';

/**
 * One document's rows, already encoded for the run's format and as UTF-8: what workers hand back
 * (the bytes are transferred, not copied) and --resume reuses. The main thread writes the bytes
 * as they are.
 */
export interface EncodedDoc {
  readonly document: DocumentRow;
  readonly counts: { facts: number; error: number; warning: number; info: number };
  /** The six datasets' chunks, then the document's report entry (JSON the viewer shows), end to end. */
  readonly bytes: Uint8Array;
  /** Byte length of each of those seven parts. */
  readonly lengths: number[];
  /** The document's row in the report's index (linked when written). */
  readonly report: { readonly row: ReportRow };
}

/** Part `i` of a document's bytes: datasets in DATASETS order, then (index 6) the report entry. */
export function partOf(doc: EncodedDoc, i: number): Uint8Array {
  const at = doc.lengths.slice(0, i).reduce((n, l) => n + l, 0);
  return doc.bytes.subarray(at, at + (doc.lengths[i] ?? 0));
}

export const REPORT_PART = DATASETS.length;

const utf8 = new TextEncoder();

/** Byte chunks end to end, with the length of each. */
function packed(chunks: readonly Uint8Array[]): { bytes: Uint8Array; lengths: number[] } {
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return { bytes, lengths: chunks.map((c) => c.length) };
}

/** Strings end to end as UTF-8, with the byte length of each (lone surrogates become U+FFFD, as when written). */
const packUtf8 = (parts: string[]) => packed(parts.map((p) => utf8.encode(p)));

const encoders = new Map<Format, Record<Dataset, ReturnType<typeof encoder>>>();

function encodersFor(format: Format) {
  let e = encoders.get(format);
  if (!e) {
    e = Object.fromEntries(DATASETS.map((d) => [d, encoder(format, d === 'summary' ? summaryColumns() : COLUMNS[d])])) as Record<Dataset, ReturnType<typeof encoder>>;
    encoders.set(format, e);
  }
  return e;
}

/** Encodes a document's rows and report entry as UTF-8 (in the worker that extracted it, so that the main thread only writes). */
export function encodeExtraction(x: Extraction, format: Format): EncodedDoc {
  const e = encodersFor(format);
  const rows: Record<(typeof DATASETS)[number], Array<Record<string, unknown>>> = {
    documents: [x.document],
    facts: x.facts,
    summary: [x.summary],
    org_units: x.org_units,
    glossary: x.glossary,
    diagnostics: x.diagnostics,
    table_cells: x.table_cells,
    tables: x.tables,
    panel: x.panel,
  };
  const { bytes, lengths } = packUtf8([...DATASETS.map((d) => e[d].rows(rows[d])), documentEntry(x, x.text ?? '')]);
  const counts = { facts: x.facts.length, error: 0, warning: 0, info: 0 };
  for (const d of x.diagnostics) counts[d.severity]++;
  return { document: x.document, counts, bytes, lengths, report: { row: reportRow(x) } };
}

/** A document's encoded rows with its `documents` row replaced (the run marks a copy of an earlier input). */
export function withDocument(doc: EncodedDoc, document: DocumentRow, format: Format): EncodedDoc {
  const head = utf8.encode(encodersFor(format).documents.rows([document]));
  return { ...doc, document, ...packed(doc.lengths.map((_, i) => (i === 0 ? head : partOf(doc, i)))) };
}
