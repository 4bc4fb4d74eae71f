import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scaleDecimal } from '../src/decimal.js';
import { extractPdfText, type PdfItem, type PdfPage } from '../src/formats/pdf.js';
import { loadTableVocabulary } from '../src/patterns.js';
import { documentTables } from '../src/stages/tables/index.js';
import { checkNarrativeAgainstTables } from '../src/checks/narrative-tables.js';
import { loadChecks } from '../src/checks/table.js';
import type { FactRow, TableCellRow } from '../src/schema.js';
import { readPdfTables } from '../src/stages/tables/read-pdf.js';
// @ts-expect-error: a plain script module without types
import { layoutRows } from '../scripts/layout-rows.mjs';

const fixtures = join(import.meta.dirname, 'fixtures', 'pdf');

describe('the table vocabulary (patterns/tables.json)', () => {
  const vocabulary = loadTableVocabulary();
  it.each(vocabulary.tables.map((t) => [t.id, t] as const))('names table %s by its title, first match wins', (id, t) => {
    const idOf = (title: string) => vocabulary.tables.find((v) => v.pattern.test(title))?.id;
    for (const e of t.examples) expect(idOf(e), e).toBe(id);
    for (const c of t.counterexamples) expect(idOf(c), c).not.toBe(id);
  });
  it.each(vocabulary.columns.map((c) => [c.id, c] as const))('names column %s by its header, first match wins', (id, c) => {
    const idOf = (label: string) => vocabulary.columns.find((v) => v.pattern.test(label))?.id;
    for (const e of c.examples) expect(idOf(e), e).toBe(id);
    for (const x of c.counterexamples) expect(idOf(x), x).not.toBe(id);
  });
});

/** Real PDFs of three layout families: Shanghai 决算 (WPS 文字, 万元), Shanghai 预算 (WPS 表格, 元), Jiangsu 预算 (PScript5). */
describe.each(['full-003', 'full-014', 'full-021'])('the tables of %s', (id) => {
  const read = extractPdfText(readFileSync(join(fixtures, `${id}.pdf`))).then((pdf) => readPdfTables(pdf.pages));

  it('hold every classification-code row pdftotext -layout shows, with its first amount in yuan', async () => {
    const tables = await read;
    const cells = new Set(tables.flatMap((t) => t.cells.map((c) => `${c.code}|${c.yuan}`)));
    const rows = layoutRows(readFileSync(join(fixtures, `${id}.layout.txt`), 'utf8'), scaleDecimal) as Array<{ code: string; yuan: string; line: string }>;
    expect(rows.length).toBeGreaterThan(20);
    const missed = rows.filter((r) => !cells.has(`${r.code}|${r.yuan}`)).map((r) => r.line);
    expect(missed.length / rows.length, missed.join('\n')).toBeLessThanOrEqual(0.05);
  });

  it('close on their own arithmetic: 项 → 款 → 类 → 合计 wherever codes are printed', async () => {
    const tables = await read;
    const coded = tables.filter((t) => t.cells.some((c) => c.code.length === 7));
    expect(coded.length).toBeGreaterThan(0);
    for (const t of coded) expect([t.title, t.closes, t.failures]).toEqual([t.title, true, []]);
    // every cell slices back: its raw is a printed amount, its value the raw in yuan
    for (const c of tables.flatMap((t) => t.cells)) expect(scaleDecimal(c.raw.replace(/,/g, ''), c.unit === '万元' ? 4 : 0)).toBe(c.yuan);
  });
});

/** A page drawn from rows of [text, x] pieces, 16 points apart: a table as a PDF would place it. */
function page(lines: Array<Array<[string, number]>>, number = 1): PdfPage {
  const items: PdfItem[] = lines.flatMap((pieces, k) => pieces.map(([str, x]) => ({ str, x, y: 100 + 16 * k, w: str.length * 6, h: 12 })));
  return { number, width: 595, height: 842, items };
}

const TITLE: Array<[string, number]> = [['一般公共预算财政拨款支出决算表', 200]];
const UNIT: Array<[string, number]> = [['单位：万元', 480]];
const HEAD: Array<[string, number]> = [['科目名称', 100], ['合计', 282], ['基本支出', 346], ['项目支出', 416]];
/** Figures right-aligned on 300, 370 and 440. */
const row = (code: string, name: string, ...figures: string[]): Array<[string, number]> => [
  [code, 20],
  [name, 100],
  ...figures.map((f, i): [string, number] => [f, 300 + 70 * i - f.length * 6]),
];

describe('a table read from positions', () => {
  it('flags a table whose rows do not add up, naming the sum, and still writes its cells', () => {
    const pages = [page([TITLE, UNIT, HEAD, row('201', '一般公共服务支出', '10.00', '10.00', '0.00'), row('20106', '财政事务', '7.00', '7.00', '0.00'), row('', '合计', '10.00', '10.00', '0.00')])];
    const [t] = readPdfTables(pages);
    expect(t?.closes).toBe(false);
    expect(t?.failures.join()).toMatch(/201 一般公共服务支出: 10\.00 printed, its 1 rows below sum to 7\.00/);
    expect(t?.cells.map((c) => [c.code, c.column, c.yuan])).toContainEqual(['20106', 'total', '70000']);
    const { diagnostics } = documentTables(pages);
    expect(diagnostics.map((d) => d.rule)).toEqual(['table.not-closed']);
  });

  it('puts a name broken over two lines back together, and reads 合计 = 基本 + 项目 per row', () => {
    const pages = [page([TITLE, UNIT, HEAD, row('208', '社会保障和就业支出', '3.00', '1.00', '2.00'), [['机关事业单位基本养老', 100]], row('20805', '', '3.00', '1.00', '2.00'), [['保险缴费支出', 100]]])];
    const [t] = readPdfTables(pages);
    expect(t?.cells.find((c) => c.code === '20805')?.row_label).toBe('机关事业单位基本养老保险缴费支出');
    expect(t?.closes).toBe(true);
  });

  it('says a table whose title has no figures under it is unread, and why', () => {
    const { tables, diagnostics } = documentTables([page([TITLE, UNIT, HEAD])]);
    expect(tables).toEqual([expect.objectContaining({ status: 'unread', cells: 0, reason: expect.stringMatching(/no figures printed as text/) })]);
    expect(diagnostics.map((d) => d.rule)).toEqual(['table.unread']);
  });

  it('never gives a figure in yuan without the table’s unit', () => {
    const [t] = readPdfTables([page([TITLE, HEAD, row('201', '一般公共服务支出', '10.00', '10.00', '0.00')])]);
    expect(t).toMatchObject({ status: 'unread', cells: [], reason: expect.stringMatching(/no unit printed/) });
  });
});

describe('the narrative against the tables (patterns/checks.json tableFacts)', () => {
  const fact = (raw: string, value: number, code = '201') =>
    ({ doc_id: 'd', section: 'expenditure', metric: 'general_budget_expenditure.by_function', item: '一般公共服务支出', code, role: 'value', basis: 'clause', value, unit: 'CNY', raw, start: 10, end: 20, line: 1, page: 3 }) as FactRow;
  const cell = (raw: string, value: number, unit = '万元') =>
    ({ doc_id: 'd', table: 'general_budget_by_function', title: '一般公共预算财政拨款支出决算表', row: 1, row_label: '一般公共服务支出', code: '201', column: 'total', column_label: '合计', side: 0, value, raw, unit, page: 15, x: 300, y: 200 }) as TableCellRow;
  const rules = loadChecks().tableFacts;

  it('says where the text and its cell differ, with both places', () => {
    const [d, ...rest] = checkNarrativeAgainstTables([fact('2106.66万元', 21066600)], [cell('2,160.66', 21606600)], rules);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ rule: 'table.narrative-mismatch', start: 10, end: 20, evidence: { cell: { page: 15, x: 300, y: 200, raw: '2,160.66' } } });
  });

  it('accepts what differs only by rounding, and figures without a counterpart', () => {
    // 2106.7万元 in the text is 2,106.66 in the table, rounded
    expect(checkNarrativeAgainstTables([fact('2106.7万元', 21067000)], [cell('2,106.66', 21066600)], rules)).toEqual([]);
    expect(checkNarrativeAgainstTables([fact('21066600元', 21066600)], [cell('21,066,600.00', 21066600, '元')], rules)).toEqual([]);
    expect(checkNarrativeAgainstTables([fact('10万元', 100000, '208')], [cell('2,106.66', 21066600)], rules)).toEqual([]);
  });
});
