import { type Diagnostic, diagnostic } from '../diagnostics.js';
import type { FactRow, TableCellRow } from '../schema.js';
import { unitPower } from '../stages/tables/printed.js';
import type { ChecksTable } from '../patterns.js';

type Rule = ChecksTable['tableFacts'][number];

/** Half a unit of the last digit a figure was printed with, in yuan (2106.66万元: 50 yuan). */
export function rounding(raw: string, unit: string): number {
  const power = unitPower(unit);
  const decimals = /\.(\d+)/.exec(raw)?.[1]?.length ?? 0;
  return 0.5 * 10 ** (power - decimals);
}

/** The cell that states what a fact states, by its code or its row's name, the rule's columns in order. */
const rowPatterns = new WeakMap<Rule, RegExp | null>();
/** A rule's row pattern, compiled once. */
function rowPattern(rule: Rule): RegExp | null {
  if (!rowPatterns.has(rule)) rowPatterns.set(rule, rule.row ? new RegExp(rule.row) : null);
  return rowPatterns.get(rule) ?? null;
}

export function counterpart(fact: FactRow, rule: Rule, byTable: ReadonlyMap<string, TableCellRow[]>): TableCellRow | null {
  const row = rowPattern(rule);
  for (const table of rule.tables) {
    const inTable = (byTable.get(table) ?? []).filter((c) => (rule.byCode ? fact.code !== '' && c.code === fact.code : row !== null && !c.code && row.test(c.row_label)));
    for (const column of rule.columns) {
      const found = inTable.find((c) => c.column === column);
      if (found) return found;
    }
  }
  return null;
}

/** The cells of a document by table. */
export function cellsByTable(cells: readonly TableCellRow[]): Map<string, TableCellRow[]> {
  const byTable = new Map<string, TableCellRow[]>();
  for (const c of cells) {
    const list = byTable.get(c.table);
    if (list) list.push(c);
    else byTable.set(c.table, [c]);
  }
  return byTable;
}

/** Whether a fact and its cell state the same amount, within the rounding of either as printed. */
export function agrees(fact: FactRow, cell: TableCellRow): boolean {
  const slack = rounding(fact.raw, fact.raw) + rounding(cell.raw, cell.unit);
  return Math.abs(Math.round(fact.value * 100) - Math.round(cell.value * 100)) <= Math.round(slack * 100);
}

/**
 * The narrative against the tables (patterns/checks.json `tableFacts`): a figure the text states
 * this year (role value) whose cell says another amount, beyond the rounding of either, is a
 * warning with both places as evidence.
 */
export function checkNarrativeAgainstTables(facts: readonly FactRow[], cells: readonly TableCellRow[], rules: readonly Rule[]): Diagnostic[] {
  if (!cells.length) return [];
  const byTable = cellsByTable(cells);
  const found: Diagnostic[] = [];
  for (const rule of rules) {
    for (const fact of facts) {
      if (fact.role !== 'value' || !rule.metrics.includes(fact.metric)) continue;
      const cell = counterpart(fact, rule, byTable);
      if (!cell) continue;
      if (agrees(fact, cell)) continue;
      found.push(
        diagnostic(
          'table.narrative-mismatch',
          'warning',
          `${fact.item || fact.metric}${fact.code ? ` (${fact.code})` : ''}: the text says ${fact.raw}, ${cell.title} (page ${cell.page ?? '?'}, ${cell.column_label || cell.column}) says ${cell.raw}${cell.unit}`,
          { start: fact.start, end: fact.end },
          {
            rule: rule.id,
            fact: { metric: fact.metric, raw: fact.raw, value: fact.value, start: fact.start, end: fact.end },
            cell: {
              table: cell.table,
              title: cell.title,
              row_label: cell.row_label,
              code: cell.code,
              column: cell.column,
              raw: cell.raw,
              value: cell.value,
              page: cell.page,
              x: cell.x,
              y: cell.y,
            },
          },
        ),
      );
    }
  }
  return found;
}
