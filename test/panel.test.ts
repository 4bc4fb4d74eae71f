import { describe, expect, it } from 'vitest';
import { loadChecks } from '../src/patterns.js';
import type { FactRow, TableCellRow } from '../src/schema.js';
import { panelRows } from '../src/stages/panel.js';

const base = { doc_id: 'd', org_id: '320000:人民检察院', region_code: '320000', year: 2019, phase: 'approved' as const };
const fact = (over: Partial<FactRow>): FactRow =>
  ({
    doc_id: 'd',
    section: 'expenditure',
    metric: 'general_budget_expenditure.by_function',
    item: '行政运行',
    code: '2040401',
    role: 'value',
    basis: 'coded',
    value: 1000000,
    unit: 'CNY',
    raw: '100.00万元',
    start: 10,
    end: 18,
    line: 3,
    page: 5,
    fact_id: 'd#10-18',
    ...over,
  }) as FactRow;
const cell = (over: Partial<TableCellRow>): TableCellRow =>
  ({
    doc_id: 'd',
    table: 'general_budget_by_function',
    title: '一般公共预算支出预算表',
    row: 4,
    row_label: '行政运行',
    code: '2040401',
    column: 'total',
    column_label: '合计',
    side: 0,
    value: 1000000,
    raw: '100.00',
    unit: '万元',
    page: 20,
    x: 300,
    y: 200,
    ...over,
  }) as TableCellRow;
const rules = loadChecks().tableFacts;

describe('the panel: each figure once, across the text and the tables', () => {
  it('merges a figure the text and its table cell both state into one row with both sources', () => {
    const rows = panelRows(base, [fact({})], [cell({})], rules);
    expect(rows).toEqual([
      expect.objectContaining({
        source: 'both',
        amount: 1000000,
        fact_id: 'd#10-18',
        table: 'general_budget_by_function',
        classification: 'function',
        flag: null,
        org_id: base.org_id,
      }),
    ]);
  });
  it('keeps the text’s figure once and flags it where its cell says another amount', () => {
    const [row, ...rest] = panelRows(base, [fact({})], [cell({ value: 1200000, raw: '120.00' })], rules);
    expect(rest).toEqual([]);
    expect(row).toMatchObject({ amount: 1000000, table_amount: 1200000, flag: 'narrative-table-mismatch', source: 'both' });
  });
  it('adds the cells the text does not state, and states a repeated figure once', () => {
    const rows = panelRows(
      base,
      [fact({}), fact({ fact_id: 'd#40-48', start: 40, end: 48 })],
      [cell({}), cell({ code: '30101', table: 'general_budget_basic_by_economic', row_label: '基本工资', value: 500000, raw: '50.00' })],
      rules,
    );
    expect(rows.map((r) => [r.source, r.code, r.classification])).toEqual([
      ['both', '2040401', 'function'],
      ['table', '30101', 'economic'],
    ]);
  });
  it('leaves out what is no amount of this year: shares, prior years, counts, unmapped figures', () => {
    const facts = [
      fact({ role: 'share', unit: '%', value: 12.5 }),
      fact({ role: 'prior_year' }),
      fact({ metric: 'assets.vehicles', unit: '辆', value: 3, code: '', item: '' }),
      fact({ metric: 'unmapped' }),
    ];
    expect(panelRows(base, facts, [], rules)).toEqual([]);
  });
});
