import { z } from 'zod';
import { loadMetricEntries } from './patterns.js';
import { BASES, ROLES } from './stages/classify/types.js';
import { DATASETS, RUN_DATASETS } from './output/names.js';

export const SECTIONS = ['overview', 'income', 'expenditure', 'three_public', 'other', 'glossary'] as const;
export { ROLES };
export const STATUSES = ['ok', 'partial', 'failed'] as const;
export const SEVERITIES = ['error', 'warning', 'info'] as const;
export const DOC_TYPES = ['部门决算', '单位决算', '部门预算', '单位预算'] as const;

/** 决算 are executed figures, 预算 approved ones (the Fiscal Data Package's phases). */
export const phaseOf = (docType: string | null): 'approved' | 'executed' | null => (docType ? (docType.endsWith('决算') ? 'executed' : 'approved') : null);

/** A finite number: Zod 4's number() rejects Infinity and NaN itself (a refine said it again, one more check per fact). */
const finite = z.number();
const offset = z.number().int().nonnegative();

export const DocumentRow = z.object({
  doc_id: z.string().min(1),
  path: z.string().min(1),
  sha256: z.string().regex(/^(?:[0-9a-f]{64})?$/),
  bytes: z.number().int().nonnegative(),
  encoding: z.string().nullable(),
  format: z.string(),
  org: z.string().nullable(),
  year: z.number().int().min(1949).max(2100).nullable(),
  doc_type: z.enum(DOC_TYPES).nullable(),
  sections: z.string(),
  facts: z.number().int().nonnegative(),
  diagnostics: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
  warnings: z.number().int().nonnegative(),
  infos: z.number().int().nonnegative(),
  status: z.enum(STATUSES),
  error: z.string().nullable(),
  /** The doc_id of an earlier input with the same bytes: its figures are counted once. */
  duplicate_of: z.string().nullable().default(null),
  /** The organisation (src/stages/organisation.ts): its id, region (GB/T 2260), full name, level and kind. */
  org_id: z.string().nullable().default(null),
  region_code: z
    .string()
    .regex(/^\d{6}$/)
    .nullable()
    .default(null),
  org_name: z.string().nullable().default(null),
  org_level: z.enum(['province', 'city', 'county', 'township']).nullable().default(null),
  org_kind: z.string().nullable().default(null),
  /** 部门 (a department's consolidated accounts) or 单位 (one unit's), from the document's kind. */
  scope: z.enum(['部门', '单位']).nullable().default(null),
});

export const FactRow = z
  .object({
    doc_id: z.string().min(1),
    section: z.enum(SECTIONS).nullable(),
    metric: z.string().regex(/^(?:unmapped|[a-z_]+(?:\.[a-z_]+)+)$/),
    item: z.string(),
    code: z.string().regex(/^(?:\d{3}|\d{5}|\d{7})?$/),
    role: z.enum(ROLES),
    basis: z.enum(BASES),
    value: finite,
    unit: z.string().min(1),
    raw: z.string().min(1),
    start: offset,
    end: offset,
    line: z.number().int().positive(),
    page: z.number().int().positive().nullable(),
    /** Stable for the same input and version: the document's id and the fact's span (`a.txt#120-131`). */
    fact_id: z.string().min(1),
  })
  .refine((f) => f.end > f.start, { message: 'end must be after start', path: ['end'] })
  .refine((f) => f.unit !== '%' || f.role !== 'value' || Math.abs(f.value) < 1e6, { message: 'percentage out of range', path: ['value'] });

export const OrgUnitRow = z.object({
  doc_id: z.string().min(1),
  name: z.string().min(1),
  kind: z.string().nullable(),
  staff_quota: z.number().int().nonnegative().nullable(),
  leader_posts: z.number().int().nonnegative().nullable(),
  raw: z.string(),
  start: offset,
  end: offset,
});

export const GlossaryRow = z.object({
  doc_id: z.string().min(1),
  term: z.string().min(1),
  definition: z.string(),
  start: offset,
  end: offset,
});

export const DiagnosticRow = z.object({
  doc_id: z.string().min(1),
  rule: z.string().regex(/^[a-z]+(?:\.[a-z0-9-]+)+$/),
  severity: z.enum(SEVERITIES),
  message: z.string().min(1),
  start: offset.nullable(),
  end: offset.nullable(),
  evidence: z.string().nullable(),
});

export const TABLE_STATUSES = ['read', 'unread'] as const;

/** One figure of a standard table (patterns/tables.json names the tables and columns). */
export const TableCellRow = z.object({
  doc_id: z.string().min(1),
  table: z.string().regex(/^[a-z_]+$/),
  title: z.string(),
  row: z.number().int().positive(),
  row_label: z.string(),
  code: z.string().regex(/^(?:\d{3}(?:\d{2}){0,2})?$/),
  column: z.string(),
  column_label: z.string(),
  side: z.number().int().nonnegative(),
  value: finite,
  raw: z.string().min(1),
  unit: z.string(),
  page: z.number().int().positive().nullable(),
  x: finite.nullable(),
  y: finite.nullable(),
});

/** One table found in a document: read (with how many cells, and whether it closes) or not, and why. */
export const TableRow = z.object({
  doc_id: z.string().min(1),
  table: z.string().regex(/^[a-z_]+$/),
  title: z.string(),
  pages: z.string(),
  rows: z.number().int().nonnegative(),
  cells: z.number().int().nonnegative(),
  status: z.enum(TABLE_STATUSES),
  closes: z.boolean().nullable(),
  reason: z.string().nullable(),
});

/** One figure in long form (src/stages/panel.ts): a Fiscal Data Package-shaped row across organisations, years and phases. */
export const PanelRow = z.object({
  doc_id: z.string().min(1),
  org_id: z.string().nullable(),
  region_code: z.string().nullable(),
  year: z.number().int().nullable(),
  phase: z.enum(['approved', 'executed']).nullable(),
  classification: z.enum(['function', 'economic', '']),
  code: z.string(),
  item: z.string(),
  metric: z.string().min(1),
  amount: finite,
  source: z.enum(['narrative', 'table', 'both']),
  fact_id: z.string().nullable(),
  table: z.string().nullable(),
  column: z.string().nullable(),
  page: z.number().int().positive().nullable(),
  flag: z.string().nullable(),
  table_amount: finite.nullable(),
});

/** One organisation of a run: the names it goes by resolved to one id (src/output/organisations.ts). */
export const OrganisationRow = z.object({
  org_id: z.string().min(1),
  name: z.string().min(1),
  region_code: z.string().nullable(),
  region: z.string().nullable(),
  level: z.string().nullable(),
  kind: z.string().nullable(),
  names: z.string(),
  documents: z.number().int().positive(),
  years: z.string(),
});

/** Two documents of a run that belong together, and why. */
export const LinkRow = z.object({
  doc_id: z.string().min(1),
  other_doc_id: z.string().min(1),
  link: z.enum(['same_org_next_year', 'budget_and_final', 'department_and_unit']),
  org_id: z.string().min(1),
  reason: z.string().min(1),
});

export type PanelRow = z.infer<typeof PanelRow>;
export type OrganisationRow = z.infer<typeof OrganisationRow>;
export type LinkRow = z.infer<typeof LinkRow>;
export type DocumentRow = z.infer<typeof DocumentRow>;
export type TableCellRow = z.infer<typeof TableCellRow>;
export type TableRow = z.infer<typeof TableRow>;
export type FactRow = z.infer<typeof FactRow>;
export type OrgUnitRow = z.infer<typeof OrgUnitRow>;
export type GlossaryRow = z.infer<typeof GlossaryRow>;
export type DiagnosticRow = z.infer<typeof DiagnosticRow>;
export type SummaryRow = Record<string, string | number | null>;

/** Every dataset's rows for one document: what extraction gives and the writers write. */
export interface Extraction {
  readonly document: DocumentRow;
  readonly facts: FactRow[];
  readonly summary: SummaryRow;
  readonly org_units: OrgUnitRow[];
  readonly glossary: GlossaryRow[];
  readonly diagnostics: DiagnosticRow[];
  readonly table_cells: TableCellRow[];
  readonly tables: TableRow[];
  readonly panel: PanelRow[];
  /** The document as decoded, when it was read from a file (the report shows it). */
  readonly text?: string;
}

const FAMILIES = ['expenditure', 'appropriation_expenditure', 'general_budget_expenditure'];
const BREAKDOWN = /\.(?:by_function|by_economic|project_item|item)$/;

let headlines: string[] | null = null;

/** Headline metrics, one `summary` column each, in the order of the phrase table. */
export function headlineMetrics(): string[] {
  if (headlines) return headlines;
  const out = new Set<string>();
  for (const entry of loadMetricEntries()) {
    const list = Array.isArray(entry.metric) ? entry.metric : [entry.metric];
    for (const m of [...list, ...Object.values(entry.counts ?? {})]) {
      for (const name of m.includes('{family}') ? FAMILIES.map((f) => m.replace('{family}', f)) : [m]) {
        if (!BREAKDOWN.test(name) && name !== 'unmapped') out.add(name);
      }
    }
  }
  headlines = [...out];
  return headlines;
}

export function summaryColumns(): string[] {
  return ['doc_id', 'org', 'year', 'doc_type', ...headlineMetrics().map((m) => m.replace(/\./g, '_')), 'sources'];
}

export { DATASETS, RUN_DATASETS } from './output/names.js';
export type Dataset = (typeof DATASETS)[number] | (typeof RUN_DATASETS)[number];

export const COLUMNS: Record<Exclude<Dataset, 'summary'>, string[]> = {
  documents: Object.keys(DocumentRow.shape),
  facts: ['doc_id', 'section', 'metric', 'item', 'code', 'role', 'basis', 'value', 'unit', 'raw', 'start', 'end', 'line', 'page', 'fact_id'],
  org_units: Object.keys(OrgUnitRow.shape),
  glossary: Object.keys(GlossaryRow.shape),
  diagnostics: Object.keys(DiagnosticRow.shape),
  table_cells: Object.keys(TableCellRow.shape),
  tables: Object.keys(TableRow.shape),
  panel: Object.keys(PanelRow.shape),
  organisations: Object.keys(OrganisationRow.shape),
  links: Object.keys(LinkRow.shape),
};
