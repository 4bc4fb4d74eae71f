import { type Diagnostic, diagnostic } from './diagnostics.js';
import { LineIndex, pageOf } from './document.js';
import { wholeEntityEnd } from './formats/entity-span.js';
import type { TextView } from './formats/html.js';
import type { GridTable } from './formats/html-tables.js';
import type { PdfPage } from './formats/pdf.js';
import { runChecks } from './checks/index.js';
import { checkNarrativeAgainstTables } from './checks/narrative-tables.js';
import { loadChecks, loadPatterns } from './patterns.js';
import { summarize } from './rows.js';
import {
  DiagnosticRow as DiagnosticSchema,
  DocumentRow as DocumentSchema,
  type Extraction,
  FactRow as FactSchema,
  GlossaryRow as GlossarySchema,
  OrgUnitRow as OrgUnitSchema,
  phaseOf,
  PanelRow as PanelSchema,
  SECTIONS,
  TableCellRow as TableCellSchema,
  TableRow as TableSchema,
} from './schema.js';
import { Classifier } from './stages/classify/index.js';
import { extractDocumentFacts } from './stages/document-facts.js';
import { extractQuantities } from './stages/extract-quantities.js';
import { extractGlossary } from './stages/glossary.js';
import { type NormalText, normalizeText, toOriginal } from './stages/normalize.js';
import { extractOrgUnits } from './stages/org-units.js';
import { resolveOrganisation } from './stages/organisation.js';
import { panelRows } from './stages/panel.js';
import { buildPhraseMatcher } from './stages/phrases.js';
import { segmentSections } from './stages/segment.js';
import { documentTables } from './stages/tables/index.js';
import { validated } from './validate.js';

export type { Extraction } from './schema.js';

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

interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * The one way back from the text the stages read to the document as decoded: normalisation's
 * map, then (an HTML page) the visible text's map into the source, a span ending inside a
 * character reference (`&#20803;`) taken to its end.
 */
function decodedSpan(text: string, normal: NormalText, view: TextView | null): (s: Span) => { start: number; end: number } {
  if (!view) return (s) => toOriginal(normal, s.start, s.end);
  const map = normal.map.map((i) => view.map[i] ?? text.length);
  const through = { text: normal.text, map };
  return (s) => {
    const span = toOriginal(through, s.start, s.end);
    return { start: span.start, end: wholeEntityEnd(text, span.end) };
  };
}

/** An id not given yet in this document: `a.txt#12-20`, then `a.txt#12-20.2` … for a span that gives two facts. */
function uniqueId(given: Set<string>, id: string): string {
  let out = id;
  for (let n = 2; given.has(out); n++) out = `${id}.${n}`;
  given.add(out);
  return out;
}

const phraseMatcher = (() => {
  let built: ReturnType<typeof buildPhraseMatcher> | null = null;
  return () => (built ??= buildPhraseMatcher(loadPatterns()));
})();

/** Runs every stage on one decoded document. Pure: same text, same result. */
export function extractText(text: string, info: TextInfo = { docId: 'text' }): Extraction {
  const patterns = loadPatterns();
  const view = info.view ?? null;
  const { normal, report } = normalizeText(view ? view.text : text);
  const back = decodedSpan(text, normal, view);
  const inDocument = <T extends { start: number | null; end: number | null }>(r: T): T =>
    r.start === null || r.end === null ? r : { ...r, ...back({ start: r.start, end: r.end }) };

  // the stages read the normalised text; every span they give is in it
  const seg = segmentSections(normal.text, patterns);
  const docFacts = extractDocumentFacts(normal.text);
  const kind = docFacts.docType ? (docFacts.docType.endsWith('决算') ? '决算' : '预算') : null;
  const outside = (ranges: Array<[number, number]>, at: number) => !ranges.some(([from, to]) => at >= from && at < to);
  const quantities = extractQuantities(normal.text, patterns).filter((q) => outside(seg.tocRanges, q.start) && outside(seg.tableRanges, q.start));
  const classifier = new Classifier(patterns, phraseMatcher(), { kind, year: docFacts.year });
  // the figures of flattened “三公” tables join the narrative's, in the order of the text
  const fromTables = classifier.tableFacts(normal.text, seg);
  const narrative = classifier.classify(normal.text, quantities, seg);
  const placed = fromTables.length ? [...narrative, ...fromTables].sort((a, b) => a.quantity.start - b.quantity.start) : narrative;
  const units = extractOrgUnits(normal.text, seg);
  const terms = extractGlossary(normal.text, seg);
  const headings = seg.body.map((h) => ({ title: h.title, start: h.start, end: h.end }));
  const flattened = seg.tableRanges.length
    ? [
        diagnostic('segment.tables', 'info', `${seg.tableRanges.length} flattened table(s) recognised and kept out of the narrative facts`, null, {
          tables: seg.tableRanges.map(([start, end]) => back({ start, end })),
        }),
      ]
    : [];
  const stageDiagnostics = [...seg.diagnostics, ...flattened, ...classifier.diagnostics];

  // …and here, once, they are taken back to the decoded document
  const diags: Diagnostic[] = [...(info.readDiagnostics ?? []), ...stageDiagnostics.map(inDocument)];
  const lines = new LineIndex(text);
  const ids = new Set<string>();
  const factRows = placed.map((p) => {
    const { start, end } = back(p.quantity);
    const fact_id = uniqueId(ids, `${info.docId}#${start}-${end}`);
    const { metric, item, code, role, basis, section } = p;
    const page = info.pageStarts ? pageOf(info.pageStarts, start) : null;
    return {
      doc_id: info.docId,
      section,
      metric,
      item,
      code,
      role,
      basis,
      value: Number(p.value),
      unit: p.quantity.unit,
      raw: text.slice(start, end),
      start,
      end,
      line: lines.lineOf(start),
      page,
      fact_id,
    };
  });
  const facts = validated(FactSchema, factRows, 'fact', diags);
  const unitRows = units.map((u) => {
    const { start, end } = back(u);
    return { doc_id: info.docId, name: u.name, kind: u.kind, staff_quota: u.staffQuota, leader_posts: u.leaderPosts, raw: text.slice(start, end).trim().slice(0, 500), start, end };
  });
  const orgUnits = validated(OrgUnitSchema, unitRows, 'org unit', diags);
  const glossary = validated(
    GlossarySchema,
    terms.map((g) => ({ doc_id: info.docId, term: g.term, definition: g.definition, ...back(g) })),
    'glossary',
    diags,
  );

  const read = documentTables(info.pdfPages ?? [], info.gridTables ?? []);
  diags.push(...read.diagnostics);
  const tableCells = validated(
    TableCellSchema,
    read.cells.map((c) => ({ doc_id: info.docId, ...c })),
    'table cell',
    diags,
  );
  const tables = validated(
    TableSchema,
    read.tables.map((t) => ({ doc_id: info.docId, ...t })),
    'table',
    diags,
  );
  diags.push(...checkNarrativeAgainstTables(facts, tableCells, loadChecks().tableFacts));
  const listedUnits = orgUnits.filter((u) => u.kind === null || u.kind === '内设机构');
  diags.push(...runChecks({ text, facts, headings: headings.map(inDocument), org: docFacts.org, year: docFacts.year, listedUnits }));
  if (report.traditional > 0) diags.push(diagnostic('normalize.traditional', 'info', `${report.traditional} traditional characters matched as simplified`, null, { ...report }));
  if (!docFacts.year) diags.push(diagnostic('document.year-missing', 'warning', 'no fiscal year found in the title or first lines'));
  if (facts.length === 0) diags.push(diagnostic('extract.no-facts', 'warning', 'no amounts, percentages or counts found in the text'));

  const organisation = resolveOrganisation(docFacts.org, normal.text.slice(0, 300));
  const where = { doc_id: info.docId, org_id: organisation?.org_id ?? null, region_code: organisation?.region_code ?? null, year: docFacts.year, phase: phaseOf(docFacts.docType) };
  const panel = validated(PanelSchema, panelRows(where, facts, tableCells, loadChecks().tableFacts), 'panel', diags);
  const diagnosticRows = diags.map((d) => ({ doc_id: info.docId, ...d, evidence: d.evidence ? JSON.stringify(d.evidence) : null }));
  const diagnostics = validated(DiagnosticSchema, diagnosticRows, 'diagnostic', []);
  const sections = SECTIONS.filter((s) => facts.some((f) => f.section === s) || seg.body.some((h) => h.section === s));
  const count = (severity: string) => diagnostics.filter((d) => d.severity === severity).length;
  // partial: bytes that could not be decoded, or records that failed validation and were left out
  const partial = diagnostics.some((d) => (d.rule.startsWith('read.') || d.rule.startsWith('validate.')) && d.severity === 'error');
  const document = DocumentSchema.parse({
    doc_id: info.docId,
    path: info.path ?? info.docId,
    sha256: info.sha256 ?? '',
    bytes: info.bytes ?? Buffer.byteLength(text, 'utf8'),
    encoding: info.encoding ?? null,
    format: info.format ?? 'txt',
    org: docFacts.org,
    year: docFacts.year,
    doc_type: docFacts.docType,
    sections: sections.join(';'),
    facts: facts.length,
    diagnostics: diagnostics.length,
    errors: count('error'),
    warnings: count('warning'),
    infos: count('info'),
    status: partial ? 'partial' : 'ok',
    error: null,
    org_id: organisation?.org_id ?? null,
    region_code: organisation?.region_code ?? null,
    org_name: organisation?.name ?? null,
    org_level: organisation?.level ?? null,
    org_kind: organisation?.kind ?? null,
    scope: docFacts.docType ? (docFacts.docType.slice(0, 2) as '部门' | '单位') : null,
  });
  return { document, facts, summary: summarize(document, facts), org_units: orgUnits, glossary, diagnostics, table_cells: tableCells, tables, panel };
}
