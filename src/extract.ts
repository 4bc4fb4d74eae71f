import { wholeEntityEnd } from './formats/entity-span.js';
import { type Diagnostic, diagnostic } from './diagnostics.js';
import { LineIndex, pageOf } from './document.js';
import { loadPatterns } from './patterns.js';
import { objectList } from './shapes.js';
import {
  type DiagnosticRow,
  DiagnosticRow as DiagnosticSchema,
  type DocumentRow,
  DocumentRow as DocumentSchema,
  type FactRow,
  FactRow as FactSchema,
  type GlossaryRow,
  GlossaryRow as GlossarySchema,
  type OrgUnitRow,
  OrgUnitRow as OrgUnitSchema,
  SECTIONS,
  type SummaryRow,
  type TableCellRow,
  TableCellRow as TableCellSchema,
  type TableRow,
  TableRow as TableSchema,
} from './schema.js';
import type { PdfPage } from './formats/pdf.js';
import type { GridTable } from './formats/html-tables.js';
import { documentTables } from './stages/tables/index.js';
import { runChecks } from './checks/index.js';
import { checkNarrativeAgainstTables } from './checks/narrative-tables.js';
import { loadChecks } from './checks/table.js';
import { summarize } from './rows.js';
import type { TextView } from './formats/html.js';
import { Classifier } from './stages/classify/index.js';
import { extractDocumentFacts } from './stages/document-facts.js';
import { extractQuantities } from './stages/extract-quantities.js';
import { extractGlossary } from './stages/glossary.js';
import { normalizeText, toOriginal } from './stages/normalize.js';
import { extractOrgUnits } from './stages/org-units.js';
import { buildPhraseMatcher, type PhraseMatcher } from './stages/phrases.js';
import { segmentSections } from './stages/segment.js';
import type { z } from 'zod';

export interface Extraction {
  readonly document: DocumentRow;
  readonly facts: FactRow[];
  readonly summary: SummaryRow;
  readonly org_units: OrgUnitRow[];
  readonly glossary: GlossaryRow[];
  readonly diagnostics: DiagnosticRow[];
  readonly table_cells: TableCellRow[];
  readonly tables: TableRow[];
  /** The document as decoded, when it was read from a file (the report shows it). */
  readonly text?: string;
}

let matcher: PhraseMatcher | null = null;

function phraseMatcher(): PhraseMatcher {
  matcher ??= buildPhraseMatcher(loadPatterns());
  return matcher;
}

/** Validates records with their Zod schema; a record that fails becomes a diagnostic, never a crash. */
function validated<T>(schema: z.ZodType<T>, rows: unknown[], kind: string, diags: Diagnostic[]): T[] {
  const ok: T[] = [];
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k];
    const r = schema.safeParse(row);
    if (r.success) ok.push(r.data);
    else {
      const rec = row as { start?: number; end?: number };
      diags.push(
        diagnostic(
          'validate.record-invalid',
          'error',
          `a ${kind} record failed validation and was left out: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
          typeof rec.start === 'number' && typeof rec.end === 'number' ? { start: rec.start, end: rec.end } : null,
          { record: row },
        ),
      );
    }
  }
  return ok;
}

export interface TextInfo {
  readonly docId: string;
  readonly path?: string;
  readonly sha256?: string;
  readonly bytes?: number;
  readonly encoding?: string | null;
  readonly format?: string;
  readonly readDiagnostics?: Diagnostic[];
  /** The text to read when it is not `text` itself (an HTML page's visible text), with its map into `text`. */
  readonly view?: TextView | null;
  /** Where each PDF page starts in `text`: facts then say their page. */
  readonly pageStarts?: number[] | null;
  /** A PDF's pages with their pieces of text and positions: its tables are read from them. */
  readonly pdfPages?: PdfPage[] | null;
  /** An HTML page's or Word document's tables, cell by cell. */
  readonly gridTables?: GridTable[] | null;
}

/** Adds a list's items to another (a loop: TurboFan compiles a spread with the whole iterator protocol). */
function append<T>(list: T[], more: readonly T[]): void {
  for (let k = 0; k < more.length; k++) list.push(more[k] as T);
}

/** Runs every stage on one decoded document. Pure: same text, same result. */
export function extractText(text: string, info: TextInfo = { docId: 'text' }): Extraction {
  const patterns = loadPatterns();
  // a list of objects from the start, empty or not (shapes.ts)
  const diags = objectList<Diagnostic>();
  if (info.readDiagnostics) append(diags, info.readDiagnostics);
  const view = info.view ?? null;
  const { normal: local, report } = normalizeText(view ? view.text : text);
  // offsets of the read text go back to the decoded document through the view's map
  const normal = view ? { text: local.text, map: local.map.map((i) => view.map[i] ?? text.length) } : local;
  const lines = new LineIndex(text);
  const seg = segmentSections(normal.text, patterns);
  append(diags, seg.diagnostics.map((d) => remap(d, normal)));
  const docFacts = extractDocumentFacts(normal.text);
  const kind = docFacts.docType ? (docFacts.docType.endsWith('决算') ? '决算' : '预算') : null;
  const outside = (ranges: Array<[number, number]>, at: number) => !ranges.some((r) => at >= r[0] && at < r[1]);
  const quantities = extractQuantities(normal.text, patterns).filter((q) => outside(seg.tocRanges, q.start) && outside(seg.tableRanges, q.start));
  if (seg.tableRanges.length) {
    diags.push(
      diagnostic('segment.tables', 'info', `${seg.tableRanges.length} flattened table(s) recognised and kept out of the narrative facts`, null, {
        tables: seg.tableRanges.map((r) => toOriginal(normal, r[0], r[1])),
      }),
    );
  }
  const classifier = new Classifier(patterns, phraseMatcher(), { kind, year: docFacts.year });
  const placed = classifier.classify(normal.text, quantities, seg);
  append(diags, classifier.diagnostics.map((d) => remap(d, normal)));

  const rawFacts = placed.map((p) => {
    const span = toOriginal(normal, p.quantity.start, p.quantity.end);
    if (view) span.end = wholeEntityEnd(text, span.end);
    return {
      doc_id: info.docId,
      section: p.section,
      metric: p.metric,
      item: p.item,
      code: p.code,
      role: p.role,
      basis: p.basis,
      value: Number(p.value),
      unit: p.quantity.unit,
      raw: text.slice(span.start, span.end),
      start: span.start,
      end: span.end,
      line: lines.lineOf(span.start),
      page: info.pageStarts ? pageOf(info.pageStarts, span.start) : null,
    };
  });
  const facts = validated(FactSchema, rawFacts, 'fact', diags);

  const orgUnits = validated(
    OrgUnitSchema,
    extractOrgUnits(normal.text, seg).map((u) => {
      const span = toOriginal(normal, u.start, u.end);
      return {
        doc_id: info.docId,
        name: u.name,
        kind: u.kind,
        staff_quota: u.staffQuota,
        leader_posts: u.leaderPosts,
        raw: text.slice(span.start, span.end).trim().slice(0, 500),
        start: span.start,
        end: span.end,
      };
    }),
    'org unit',
    diags,
  );
  const glossary = validated(
    GlossarySchema,
    extractGlossary(normal.text, seg).map((g) => {
      const span = toOriginal(normal, g.start, g.end);
      return { doc_id: info.docId, term: g.term, definition: g.definition, start: span.start, end: span.end };
    }),
    'glossary',
    diags,
  );

  const read = documentTables(info.pdfPages ?? [], info.gridTables ?? []);
  append(diags, read.diagnostics);
  const tableCells = validated(TableCellSchema, read.cells.map((c) => ({ doc_id: info.docId, ...c })), 'table cell', diags);
  const tables = validated(TableSchema, read.tables.map((t) => ({ doc_id: info.docId, ...t })), 'table', diags);
  append(diags, checkNarrativeAgainstTables(facts, tableCells, loadChecks().tableFacts));

  append(
    diags,
    runChecks({
      text,
      facts,
      headings: seg.body.map((h) => ({ title: h.title, ...toOriginal(normal, h.start, h.end) })),
      org: docFacts.org,
      year: docFacts.year,
      listedUnits: orgUnits.filter((u) => u.kind === null || u.kind === '内设机构'),
    }),
  );
  if (report.traditional > 0) {
    diags.push(diagnostic('normalize.traditional', 'info', `${report.traditional} traditional characters matched as simplified`, null, { ...report }));
  }
  if (!docFacts.year) diags.push(diagnostic('document.year-missing', 'warning', 'no fiscal year found in the title or first lines'));
  if (facts.length === 0) diags.push(diagnostic('extract.no-facts', 'warning', 'no amounts, percentages or counts found in the text'));

  const diagnostics = validated(
    DiagnosticSchema,
    diags.map((d) => ({ doc_id: info.docId, ...d, evidence: d.evidence ? JSON.stringify(d.evidence) : null })),
    'diagnostic',
    [],
  );
  const sections = SECTIONS.filter((s) => facts.some((f) => f.section === s) || seg.body.some((h) => h.section === s));
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const document = DocumentSchema.parse({
    doc_id: info.docId,
    path: info.path ?? info.docId,
    sha256: info.sha256 ?? '',
    bytes: info.bytes ?? text.length,
    encoding: info.encoding ?? null,
    format: info.format ?? 'txt',
    org: docFacts.org,
    year: docFacts.year,
    doc_type: docFacts.docType,
    sections: sections.join(';'),
    facts: facts.length,
    diagnostics: diagnostics.length,
    errors,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
    infos: diagnostics.filter((d) => d.severity === 'info').length,
    // partial: bytes that could not be decoded, or records that failed validation and were left out
    status: diagnostics.some((d) => (d.rule.startsWith('read.') || d.rule.startsWith('validate.')) && d.severity === 'error') ? 'partial' : 'ok',
    error: null,
  });
  return { document, facts, summary: summarize(document, facts), org_units: orgUnits, glossary, diagnostics, table_cells: tableCells, tables };
}

function remap(d: Diagnostic, normal: Parameters<typeof toOriginal>[0]): Diagnostic {
  if (d.start === null || d.end === null) return d;
  const span = toOriginal(normal, d.start, d.end);
  return { ...d, start: span.start, end: span.end };
}
