import { describe, expect, it } from 'vitest';
import { loadPatterns } from '../src/patterns.js';
import { normalizeText } from '../src/stages/normalize.js';
import { segmentSections } from '../src/stages/segment.js';

const patterns = loadPatterns();
const seg = (text: string) => segmentSections(normalizeText(text).normal.text, patterns);

describe('segmentSections', () => {
  it('recognises every heading style and names canonical sections', () => {
    const s = seg(
      [
        '第一部分 部门概况',
        '一、主要职责',
        '第三部分上海市普陀区财政局2024年度部门决算情况说明',
        '一、收入决算情况说明',
        '（一）收入总计3446.12万元。',
        '(二)支出总计3388.48万元',
        '1.基本支出207.28万元',
        '（1）事业单位离退休3.18万元',
        '①12345租赁费14400元',
        '三、“三公”经费支出决算情况',
        '五、其他重要事项的情况说明',
        '（一）机关运行经费支出情况。',
        '第四部分 名称解释',
        '1.财政拨款收入：指单位从同级财政部门取得的财政预算资金。',
      ].join('\n'),
    );
    expect(s.body.map((h) => h.styleId)).toEqual([
      'part',
      'cn-comma',
      'part',
      'cn-comma',
      'cn-paren',
      'cn-paren',
      'num-dot',
      'num-paren',
      'circled',
      'cn-comma',
      'cn-comma',
      'cn-paren',
      'part',
      'num-dot',
    ]);
    expect(s.body.map((h) => h.section)).toEqual([
      'overview',
      'overview',
      null,
      'income',
      'income',
      'expenditure',
      'expenditure',
      'expenditure',
      'expenditure',
      'three_public',
      'other',
      'other',
      'glossary',
      'glossary',
    ]);
  });
  it('gives the chain of enclosing headings at an offset, innermost first', () => {
    const text = ['第一部分 部门概况', '一、收入', '（一）财政拨款', '1.基本支出10万元', '（二）其他收入5万元', '二、支出', '支出总计15万元'].join('\n');
    const s = seg(text);
    const at = (needle: string) => s.headingsAt(text.indexOf(needle)).map((h) => h.title);
    expect(at('10万元')).toEqual(['基本支出10万元', '财政拨款', '收入', '部门概况']);
    // a sibling ends its predecessor's chain: （二） is under 一、, not under 1.
    expect(at('5万元')).toEqual(['其他收入5万元', '收入', '部门概况']);
    expect(at('15万元')).toEqual(['支出', '部门概况']);
    expect(seg('没有标题的文字').headingsAt(3)).toEqual([]);
  });
  it('reads the typo 部门概括 as the overview', () => {
    expect(seg('第一部分 部门概括\n一、职能').body[0]?.section).toBe('overview');
  });
  it('keeps a table of contents out of the body', () => {
    const s = seg(
      [
        '目 录',
        '第一部分 部门概况 PAGEREF _Toc25831 h 3',
        '一、 主要职责 PAGEREF _Toc32310 h 3',
        '第二部分 情况说明 ........ 5',
        '',
        '第一部分 部门概况',
        '一、主要职责',
        '负责全市工作。',
      ].join('\n'),
    );
    expect(s.tocRanges.length).toBe(1);
    expect(s.body.map((h) => h.title)).toEqual(['部门概况', '主要职责']);
  });
  it('reports a missing part and out-of-order numbering', () => {
    const s = seg(['第一部分 概况', '（一）职责', '（二）人员', '（3） 工作任务', '（四）预算', '第三部分 情况说明'].join('\n'));
    const found = s.diagnostics.map((d) => d.evidence);
    expect(found).toContainEqual({ style: 'part', found: 3, expected: 2 });
    expect(s.diagnostics.some((d) => d.rule === 'structure.heading-sequence' && d.severity === 'warning')).toBe(true);
  });
});

describe('documents on one line and flattened tables', () => {
  it('finds the headings of a whole document written on one line', () => {
    const s = seg('第一部分 部门概况。一、主要职责：负责全市工作。二、机构设置：设5个科室。第二部分 决算情况说明。一、收入支出决算总体情况：收入总计10万元。');
    expect(s.body.map((h) => h.styleId)).toEqual(['part', 'cn-comma', 'cn-comma', 'part', 'cn-comma']);
    expect(s.body.map((h) => h.section)).toEqual(['overview', 'overview', 'overview', 'expenditure', 'income']);
  });
  it('recognises a table flattened one cell per line', () => {
    const table = ['单位:万元', '|', '项 目', '|', '合计', '|', '行政经费', '|', '312.23', '|', '312.23', '|', '0.00', '|'].join('\n');
    const s = seg(`${table}\n一、財政撥款安排的行政經費情況：本部門機關運行經費安排312.23萬元。`);
    expect(s.tableRanges.length).toBe(1);
    const [a, b] = s.tableRanges[0] as [number, number];
    expect(b - a).toBeGreaterThan(30);
    expect(s.body.map((h) => h.styleId)).toEqual(['cn-comma']);
  });
});
