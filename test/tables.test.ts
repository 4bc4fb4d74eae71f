import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scaleDecimal } from '../src/decimal.js';
import { extractPdfText, type PdfItem, type PdfPage } from '../src/formats/pdf.js';
import { extractFiles } from '../src/index.js';
import { loadTableVocabulary } from '../src/patterns.js';
import { documentTables } from '../src/stages/tables/index.js';
import { checkNarrativeAgainstTables } from '../src/checks/narrative-tables.js';
import { loadChecks } from '../src/patterns.js';
import type { FactRow, TableCellRow } from '../src/schema.js';
import { readPdfTables } from '../src/stages/tables/read-pdf.js';
// @ts-expect-error: a plain script module without types
import { layoutRows } from '../scripts/layout-rows.mjs';
// @ts-expect-error: a plain script module without types
import { asDocxBody as docxOf } from './fixtures/make-variants.mjs';

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
  return { number, width: 595, height: 842, items, rules: { across: [], down: [] } };
}

const TITLE: Array<[string, number]> = [['一般公共预算财政拨款支出决算表', 200]];
const UNIT: Array<[string, number]> = [['单位：万元', 480]];
const HEAD: Array<[string, number]> = [
  ['科目名称', 100],
  ['合计', 282],
  ['基本支出', 346],
  ['项目支出', 416],
];
/** Figures right-aligned on 300, 370 and 440. */
const row = (code: string, name: string, ...figures: string[]): Array<[string, number]> => [
  [code, 20],
  [name, 100],
  ...figures.map((f, i): [string, number] => [f, 300 + 70 * i - f.length * 6]),
];

describe('a table read from positions', () => {
  it('flags a table whose rows do not add up, naming the sum, and still writes its cells', () => {
    const pages = [
      page([
        TITLE,
        UNIT,
        HEAD,
        row('201', '一般公共服务支出', '10.00', '10.00', '0.00'),
        row('20106', '财政事务', '7.00', '7.00', '0.00'),
        row('', '合计', '10.00', '10.00', '0.00'),
      ]),
    ];
    const [t] = readPdfTables(pages);
    expect(t?.closes).toBe(false);
    expect(t?.failures.join()).toMatch(/201 一般公共服务支出: 10\.00 printed, its 1 rows below sum to 7\.00/);
    expect(t?.cells.map((c) => [c.code, c.column, c.yuan])).toContainEqual(['20106', 'total', '70000']);
    const { diagnostics } = documentTables(pages);
    expect(diagnostics.map((d) => d.rule)).toEqual(['table.not-closed']);
  });

  it('puts a name broken over two lines back together, and reads 合计 = 基本 + 项目 per row', () => {
    const pages = [
      page([
        TITLE,
        UNIT,
        HEAD,
        row('208', '社会保障和就业支出', '3.00', '1.00', '2.00'),
        [['机关事业单位基本养老', 100]],
        row('20805', '', '3.00', '1.00', '2.00'),
        [['保险缴费支出', 100]],
      ]),
    ];
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

/** Pieces placed at [text, x, y], on a page whose grid has rules across at the given heights (from x 10 to 560). */
function gridPage(pieces: Array<[string, number, number]>, rulesAt: number[]): PdfPage {
  const items: PdfItem[] = pieces.map(([str, x, y]) => ({ str, x, y, w: str.length * 6, h: 12 }));
  return { number: 1, width: 595, height: 842, items, rules: { across: rulesAt.map((at) => ({ at, from: 10, to: 560 })), down: [] } };
}

describe('a table read from a page that draws its grid', () => {
  const head: Array<[string, number, number]> = [
    ['一般公共预算财政拨款支出决算表', 200, 60],
    ['单位：万元', 480, 80],
    ['科目名称', 100, 112],
    ['合计', 282, 112],
  ];
  const cases: Array<{ kind: string; pieces: Array<[string, number, number]>; rules: number[]; want: Array<[string, string, string]> }> = [
    {
      kind: 'a figure centred in its cell above the code and the first line of a wrapped name',
      pieces: [
        ...head,
        ['208', 20, 140],
        ['社会保障和就业支出', 100, 140],
        ['3.00', 276, 140],
        ['2.00', 276, 162],
        ['20805', 20, 169],
        ['机关事业单位基本养老', 100, 169],
        ['保险缴费支出', 100, 183],
      ],
      rules: [96, 120, 150, 190],
      want: [
        ['208', '社会保障和就业支出', '30000'],
        ['20805', '机关事业单位基本养老保险缴费支出', '20000'],
      ],
    },
    {
      kind: 'two rows in one band of a grid drawn without its inner rules: read line by line',
      pieces: [...head, ['201', 20, 140], ['一般公共服务支出', 100, 140], ['5.00', 276, 140], ['20106', 20, 156], ['财政事务', 100, 156], ['5.00', 276, 156]],
      rules: [96, 120, 170],
      want: [
        ['201', '一般公共服务支出', '50000'],
        ['20106', '财政事务', '50000'],
      ],
    },
    {
      kind: 'a title that shares a header cell with the line under it',
      pieces: [
        ['部门：某某局', 40, 80],
        ['一般公共预算财政拨款支出决算表', 200, 68],
        ['单位：万元', 480, 80],
        ['科目名称', 100, 112],
        ['合计', 282, 112],
        ['201', 20, 140],
        ['一般公共服务支出', 100, 140],
        ['5.00', 276, 140],
      ],
      rules: [50, 90, 120, 150],
      want: [['201', '一般公共服务支出', '50000']],
    },
  ];
  it.each(cases)('$kind', ({ pieces, rules, want }) => {
    const [t] = readPdfTables([gridPage(pieces, rules)]);
    expect(t?.cells.map((c) => [c.code, c.row_label, c.yuan])).toEqual(want);
  });
});

describe('classification codes as tables print them', () => {
  it.each([
    [
      'a 款 printed as a number, its leading zero lost',
      [
        ['301', 20],
        ['2', 50],
        ['津贴补贴', 100],
        ['7.00', 276],
      ],
      '30102',
    ],
    [
      '类 and 款 in their columns',
      [
        ['301', 20],
        ['02', 50],
        ['津贴补贴', 100],
        ['7.00', 276],
      ],
      '30102',
    ],
    [
      'a whole code',
      [
        ['30102', 20],
        ['津贴补贴', 100],
        ['7.00', 276],
      ],
      '30102',
    ],
  ] as Array<[string, Array<[string, number]>, string]>)('%s', (_kind, line, code) => {
    const pages = [page([TITLE, UNIT, HEAD, line])];
    const [t] = readPdfTables(pages);
    expect(t?.cells.map((c) => [c.code, c.row_label, c.yuan])).toEqual([[code, '津贴补贴', '70000']]);
  });
});

describe('the narrative against the tables (patterns/checks.json tableFacts)', () => {
  const fact = (raw: string, value: number, code = '201') =>
    ({
      doc_id: 'd',
      section: 'expenditure',
      metric: 'general_budget_expenditure.by_function',
      item: '一般公共服务支出',
      code,
      role: 'value',
      basis: 'clause',
      value,
      unit: 'CNY',
      raw,
      start: 10,
      end: 20,
      line: 1,
      page: 3,
    }) as FactRow;
  const cell = (raw: string, value: number, unit = '万元') =>
    ({
      doc_id: 'd',
      table: 'general_budget_by_function',
      title: '一般公共预算财政拨款支出决算表',
      row: 1,
      row_label: '一般公共服务支出',
      code: '201',
      column: 'total',
      column_label: '合计',
      side: 0,
      value,
      raw,
      unit,
      page: 15,
      x: 300,
      y: 200,
    }) as TableCellRow;
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

/** 一般公共预算财政拨款支出决算表 of full-001 as cells: header, 类/款/项 in their columns, a total. */
const FUNCTION_TABLE = [
  ['科目编码', '科目编码', '科目编码', '科目名称', '合计', '基本支出', '项目支出'],
  ['类', '款', '项', '', '', '', ''],
  ['201', '', '', '一般公共服务支出', '2,106.66', '1,503.52', '603.14'],
  ['201', '06', '', '财政事务', '2,106.66', '1,503.52', '603.14'],
  ['201', '06', '01', '行政运行', '1,511.89', '1,503.52', '8.37'],
  ['201', '06', '08', '财政委托业务支出', '594.77', '', '594.77'],
  ['208', '', '', '社会保障和就业支出', '326.72', '326.72', ''],
  ['208', '05', '', '行政事业单位养老支出', '326.72', '326.72', ''],
  ['208', '05', '05', '机关事业单位基本养老保险缴费支出', '326.72', '326.72', ''],
  ['', '', '', '合计', '2,433.38', '1,830.24', '603.14'],
];
const cellXml = (t: string) => `<w:tc><w:p><w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p></w:tc>`;
const para = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;

describe('tables of HTML pages and Word documents', () => {
  const expected = [
    ['2010601', 'total', '15118900'],
    ['2010601', 'basic', '15035200'],
    ['2080505', 'total', '3267200'],
    ['', 'project', '6031400'],
  ];
  it('reads a <table> under its title, its unit, codes in their columns, and checks it closes', async () => {
    const page = join(mkdtempSync(join(tmpdir(), 'html-table-')), 'p.html');
    const rows = FUNCTION_TABLE.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('');
    writeFileSync(page, `<html><body><p>五、一般公共预算财政拨款支出决算表</p><p>单位：万元</p><table>${rows}</table><p>注：本表反映…</p></body></html>`);
    const [x] = await collect(extractFiles([page]));
    expect(x?.tables).toEqual([expect.objectContaining({ table: 'general_budget_by_function', status: 'read', closes: true, rows: 8 })]);
    for (const e of expected) expect(x?.table_cells.map((c) => [c.code, c.column, String(c.value)])).toContainEqual(e);
    expect(x?.table_cells.find((c) => c.code === '2010601')).toMatchObject({ row_label: '行政运行', column_label: '合计', unit: '万元', page: null, x: null });
  });

  it('reads a Word table the same way', async () => {
    const rows = FUNCTION_TABLE.map((r) => `<w:tr>${r.map(cellXml).join('')}</w:tr>`).join('');
    const body = `${para('五、一般公共预算财政拨款支出决算表')}${para('单位：万元')}<w:tbl>${rows}</w:tbl>${para('注：本表反映一般公共预算财政拨款支出情况。')}`;
    const docx = join(mkdtempSync(join(tmpdir(), 'docx-table-')), 'd.docx');
    writeFileSync(docx, await docxOf(body));
    const [x] = await collect(extractFiles([docx]));
    expect(x?.tables).toEqual([expect.objectContaining({ table: 'general_budget_by_function', status: 'read', closes: true })]);
    for (const e of expected) expect(x?.table_cells.map((c) => [c.code, c.column, String(c.value)])).toContainEqual(e);
  });
});

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of items) out.push(x);
  return out;
}

describe('kinds of layout met in the corpus', () => {
  it('reads a title with a note after it: 财政拨款基本支出预算表（经济科目）', () => {
    const [t] = readPdfTables([page([[['财政拨款基本支出预算表（经济科目）', 200]], UNIT, HEAD, row('301', '工资福利支出', '10.00', '10.00', '0.00')])]);
    expect(t).toMatchObject({ table: 'appropriation_basic_by_economic', title: '财政拨款基本支出预算表' });
  });

  it('keeps a wide header of many short labels (over 40 characters in all) as header, not prose', () => {
    const labels = ['功能分类科目名称', '本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入'];
    const wide: Array<[string, number]> = labels.map((l, i) => [l, 60 + 60 * i]);
    const [t] = readPdfTables([page([[['收入决算表', 200]], UNIT, wide, row('201', '一般公共服务支出', '10.00')])]);
    expect(t).toMatchObject({ status: 'read', rows: 1 });
  });

  it('takes no table of contents for tables: titles followed by page numbers', () => {
    const toc = page([
      [
        ['五、一般公共预算财政拨款支出决算表', 60],
        ['12', 500],
      ],
      [
        ['六、一般公共预算财政拨款基本支出决算表', 60],
        ['13', 500],
      ],
      [
        ['七、财政拨款“三公”经费支出决算表', 60],
        ['14', 500],
      ],
    ]);
    expect(readPdfTables([toc])).toEqual([]);
  });

  it('opens the second column group at its code, even when the first has no figure', () => {
    const title: Array<[string, number]> = [['一般公共预算财政拨款基本支出决算表', 200]];
    const head: Array<[string, number]> = [
      ['科目名称', 100],
      ['决算数', 262],
      ['科目名称', 400],
      ['决算数', 532],
    ];
    const pieces = (...p: Array<[string, number]>) => p;
    const pages = [
      page([
        title,
        UNIT,
        head,
        pieces(['301', 20], ['工资福利支出', 100], ['10.00', 270], ['302', 330], ['商品和服务支出', 400], ['5.00', 540]),
        pieces(['301', 20], ['01', 60], ['基本工资', 100], ['10.00', 270], ['302', 330], ['01', 370], ['办公费', 400], ['3.00', 540]),
        pieces(['301', 20], ['03', 60], ['奖金', 100], ['302', 330], ['02', 370], ['印刷费', 400], ['2.00', 540]),
      ]),
    ];
    const [t] = readPdfTables(pages);
    expect(t?.cells.map((c) => [c.code, c.row_label, c.side, c.yuan])).toEqual([
      ['301', '工资福利支出', 0, '100000'],
      ['302', '商品和服务支出', 1, '50000'],
      ['30101', '基本工资', 0, '100000'],
      ['30201', '办公费', 1, '30000'],
      ['30202', '印刷费', 1, '20000'],
    ]);
    expect(t?.closes).toBe(true);
  });
});
