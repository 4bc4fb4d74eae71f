import { agrees, cellsByTable, counterpart } from '../checks/narrative-tables.js';
import type { ChecksTable } from '../patterns.js';
import type { FactRow, PanelRow, TableCellRow } from '../schema.js';

type Rule = ChecksTable['tableFacts'][number];

/** Function (功能分类) or economic (经济分类): by the metric, or for a table's coded row by its table. */
function classificationOf(metric: string, table: string, code: string): 'function' | 'economic' | '' {
  if (metric.endsWith('.by_function') || (code && /function/.test(table))) return 'function';
  if (metric.endsWith('.by_economic') || (code && /economic/.test(table))) return 'economic';
  return '';
}

/** The metric a table cell states, where a rule of patterns/checks.json `tableFacts` ties its table and column to one. */
function metricOfCell(cell: TableCellRow, rules: readonly Rule[]): string | null {
  for (const rule of rules) {
    if (!rule.tables.includes(cell.table) || !rule.columns.includes(cell.column)) continue;
    if (rule.byCode ? cell.code !== '' : rule.row !== undefined && !cell.code && new RegExp(rule.row).test(cell.row_label)) return rule.metrics[0] ?? null;
  }
  return null;
}

/** The table cell that states a fact, by the first rule that finds one. */
function cellOf(f: FactRow, rules: readonly Rule[], byTable: ReadonlyMap<string, TableCellRow[]>): TableCellRow | null {
  for (const rule of rules) {
    if (!rule.metrics.includes(f.metric)) continue;
    const cell = counterpart(f, rule, byTable);
    if (cell) return cell;
  }
  return null;
}

/**
 * A document's figures in long form, for a panel across organisations and years: every amount the
 * text states this year (role value, in yuan) and every table cell, once each. A figure stated by
 * the text and by its table cell is one row with both sources; where they disagree the text's
 * amount is kept and the row flagged, with the cell's amount beside it.
 */
export function panelRows(
  base: Pick<PanelRow, 'doc_id' | 'org_id' | 'region_code' | 'year' | 'phase'>,
  facts: readonly FactRow[],
  cells: readonly TableCellRow[],
  rules: readonly Rule[],
): PanelRow[] {
  const byTable = cellsByTable(cells);
  const used = new Set<TableCellRow>();
  const seen = new Set<string>();
  const out: PanelRow[] = [];
  for (const f of facts) {
    if (f.role !== 'value' || f.unit !== 'CNY' || f.metric === 'unmapped') continue;
    const key = `${f.metric}|${f.code}|${f.item}|${f.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const cell = cells.length ? cellOf(f, rules, byTable) : null;
    if (cell) used.add(cell);
    const flag = cell && !agrees(f, cell) ? 'narrative-table-mismatch' : null;
    out.push({
      ...base,
      classification: classificationOf(f.metric, cell?.table ?? '', f.code),
      code: f.code,
      item: f.item,
      metric: f.metric,
      amount: f.value,
      source: cell ? 'both' : 'narrative',
      fact_id: f.fact_id,
      table: cell?.table ?? null,
      column: cell?.column ?? null,
      page: f.page ?? cell?.page ?? null,
      flag,
      table_amount: cell ? cell.value : null,
    });
  }
  const cellSeen = new Set<string>();
  for (const c of cells) {
    const key = `${c.table}|${c.code}|${c.row_label}|${c.column}|${c.value}`;
    if (used.has(c) || cellSeen.has(key)) continue;
    cellSeen.add(key);
    const metric = metricOfCell(c, rules) ?? `${c.table}.${c.column || 'unnamed'}`;
    out.push({
      ...base,
      classification: classificationOf(metric, c.table, c.code),
      code: c.code,
      item: c.row_label,
      metric,
      amount: c.value,
      source: 'table',
      fact_id: null,
      table: c.table,
      column: c.column || null,
      page: c.page,
      flag: null,
      table_amount: c.value,
    });
  }
  return out;
}
