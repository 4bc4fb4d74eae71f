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
  let at = 0;
  for (let k = 0; k < i; k++) at += doc.lengths[k] ?? 0;
  return doc.bytes.subarray(at, at + (doc.lengths[i] ?? 0));
}

export const REPORT_PART = DATASETS.length;

const utf8 = new TextEncoder();
const SCRATCH_MAX = 4 << 20;
let scratch = new Uint8Array(256 << 10);

/** Strings end to end as UTF-8, with the byte length of each (lone surrogates become U+FFFD, as when written). */
function packUtf8(parts: string[]): { bytes: Uint8Array; lengths: number[] } {
  let most = 0;
  for (let k = 0; k < parts.length; k++) most += (parts[k] as string).length * 3;
  // encoded into a scratch buffer kept between documents (up to 4 MB), then copied at its size:
  // one allocation per document instead of two, none three times too large
  if (most > scratch.length && most <= SCRATCH_MAX) scratch = new Uint8Array(Math.min(SCRATCH_MAX, Math.max(most, scratch.length * 2)));
  const buf = most <= scratch.length ? scratch : new Uint8Array(most);
  const lengths: number[] = [];
  let at = 0;
  for (let pAt = 0; pAt < parts.length; pAt++) {
    const p = parts[pAt] as (typeof parts)[number];
    const { written } = utf8.encodeInto(p, buf.subarray(at));
    lengths.push(written);
    at += written;
  }
  return { bytes: buf.slice(0, at), lengths };
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

/** Encodes a document's rows and report entry as UTF-8 (in the worker that extracted it, so that the main thread only writes). */
export function encodeExtraction(x: Extraction, format: Format): EncodedDoc {
  const e = encodersFor(format);
  const rows: Record<Dataset, Array<Record<string, unknown>>> = {
    documents: [x.document],
    facts: x.facts,
    summary: [x.summary],
    org_units: x.org_units,
    glossary: x.glossary,
    diagnostics: x.diagnostics,
    table_cells: x.table_cells,
    tables: x.tables,
  };
  const { bytes, lengths } = packUtf8(DATASETS.map((d) => e[d].rows(rows[d])).concat(documentEntry(x, x.text ?? '')));
  const counts = { facts: x.facts.length, error: 0, warning: 0, info: 0 };
  for (let k = 0; k < x.diagnostics.length; k++) counts[(x.diagnostics[k] as (typeof x.diagnostics)[number]).severity]++;
  return { document: x.document, counts, bytes, lengths, report: { row: reportRow(x) } };
}
