import { describe, expect, it } from 'vitest';
import { loadPatterns } from '../src/patterns.js';
import { extractQuantities } from '../src/stages/extract-quantities.js';
import { normalizeText } from '../src/stages/normalize.js';

const patterns = loadPatterns();

/** Runs the quantity stage the way the pipeline does: on the normal text, offsets mapped back. */
function quantities(input: string) {
  const { normal } = normalizeText(input);
  return extractQuantities(normal.text, patterns).map((q) => {
    const start = normal.map[q.start] ?? 0;
    const end = (normal.map[q.end - 1] ?? 0) + 1;
    return { raw: input.slice(start, end), start, end, value: q.value, unit: q.unit, kind: q.kind };
  });
}

const table: Array<{ input: string; results: Array<{ raw: string; value: string; unit: string }> }> = [
  {
    input: '社会保障和就业支出28.99万元，占0.86%',
    results: [
      { raw: '28.99万元', value: '289900', unit: 'CNY' },
      { raw: '0.86%', value: '0.86', unit: '%' },
    ],
  },
  { input: '收入决算1433715.14元', results: [{ raw: '1433715.14元', value: '1433715.14', unit: 'CNY' }] },
  { input: '采购28861.938591萬元', results: [{ raw: '28861.938591萬元', value: '288619385.91', unit: 'CNY' }] },
  { input: '支出决算为1511.89万\n元。', results: [{ raw: '1511.89万\n元', value: '15118900', unit: 'CNY' }] },
  { input: '支出14107.46 万\n元', results: [{ raw: '14107.46 万\n元', value: '141074600', unit: 'CNY' }] },
  { input: '合计20,323.21万元', results: [{ raw: '20,323.21万元', value: '203232100', unit: 'CNY' }] },
  { input: '增长5.11 %，', results: [{ raw: '5.11 %', value: '5.11', unit: '%' }] },
  { input: '全年１２３．４５万元', results: [{ raw: '１２３．４５万元', value: '1234500', unit: 'CNY' }] },
  { input: '不足0.3万，', results: [{ raw: '0.3万', value: '3000', unit: 'CNY' }] },
  {
    input: '收、支总计各是4125.49,4143.91万元',
    results: [
      { raw: '4125.49', value: '41254900', unit: 'CNY' },
      { raw: '4143.91万元', value: '41439100', unit: 'CNY' },
    ],
  },
  {
    input: '各减少1267.86,2570.97万元',
    results: [
      { raw: '1267.86', value: '12678600', unit: 'CNY' },
      { raw: '2570.97万元', value: '25709700', unit: 'CNY' },
    ],
  },
  {
    input: '办公费10.96万元、公务用车运行维护费7.09。',
    results: [
      { raw: '10.96万元', value: '109600', unit: 'CNY' },
      { raw: '7.09', value: '70900', unit: 'CNY' },
    ],
  },
  {
    input: '公务用车保有量2辆，购置两辆',
    results: [
      { raw: '2辆', value: '2', unit: '辆' },
      { raw: '两辆', value: '2', unit: '辆' },
    ],
  },
  {
    input: '接待0批次，4200人次，设备2台（套）',
    results: [
      { raw: '0批次', value: '0', unit: '批次' },
      { raw: '4200人次', value: '4200', unit: '人次' },
      { raw: '2台（套）', value: '2', unit: '台（套）' },
    ],
  },
  {
    input: '下属 5 家预算单位，下设一个分支机构',
    results: [
      { raw: '5 家', value: '5', unit: '家' },
      { raw: '一个', value: '1', unit: '个' },
    ],
  },
  { input: '经(jīng)費(fèi)312.23 萬(wàn)元', results: [{ raw: '312.23 萬(wàn)元', value: '3122300', unit: 'CNY' }] },
];

describe('quantities: amounts, percentages and counts with exact values and source offsets', () => {
  for (const row of table) {
    it(`reads ${JSON.stringify(row.input)}`, () => {
      const got = quantities(row.input);
      expect(got.map(({ raw, value, unit }) => ({ raw, value, unit }))).toEqual(row.results);
      for (const q of got) expect(row.input.slice(q.start, q.end)).toBe(q.raw);
    });
  }
  it('does not read years, dates, page numbers or list numbers as quantities', () => {
    expect(quantities('2018年12月31日，第3页，(1)事业单位，12345热线，24小时')).toEqual([]);
  });
  it('leaves a unit-less integer alone (it may be a year or an id)', () => {
    expect(quantities('编号2019。')).toEqual([]);
  });
});

describe('numbers written without a unit', () => {
  it('take the unit of the last amount before them on their line, and of none on another line', () => {
    const input = '基本支出100.00万元，其中人员经费60.00，公用经费40.00。\n项目支出5.00元，另有3.50；\n办公费2.50。';
    const got = quantities(input);
    expect(got.map((q) => [q.raw, q.value])).toEqual([
      ['100.00万元', '1000000'],
      ['60.00', '600000'],
      ['40.00', '400000'],
      ['5.00元', '5'],
      ['3.50', '3.5'],
    ]);
    for (const q of got) expect(input.slice(q.start, q.end)).toBe(q.raw);
  });
});
