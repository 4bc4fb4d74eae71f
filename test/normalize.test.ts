import OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { foldChar, normalizeText, toOriginal } from '../src/stages/normalize.js';

/**
 * A short text with every change normalisation makes: a CR LF, a zero-width space, traditional
 * characters (one after 。), an HTML entity, inline pinyin, a heading run into the text after 。,
 * 第N部分 glued to a line, a paragraph wrapped as a PDF wraps it (an indented continuation, a page
 * number inside it and one after it), a bare number at a page break.
 */
const EVERY_CHANGE = [
  '第一部分 部门概况\r',
  '經費收入１２萬元\u200b，占&nbsp;5%。經費(jīng)支出(万元)。二、支出情况',
  '本部门二零二三年度一般公共预算财政拨款支出主要用于保障机关正常运转和',
  '履行职能所需的各项支出其中基本支出主要用于人员经费和公用经费的开支项目',
  '  支出主要用于完成特定行政工作任务和事业发展目标所发生的各项支出情况说明',
  '- 3 -',
  '政府性基金预算财政拨款支出主要用于城乡社区建设和其他相关领域的支出项目',
  '国有资本经营预算财政拨款支出本年度无此项支出因此本表为空表特此说明情况。',
  '- 4 -',
  '\f5',
  '以上为部门决算情况说明。第四部分 名词解释',
].join('\n');

describe('normalizeText', () => {
  it('folds full-width digits and punctuation one for one, keeping offsets', () => {
    const { normal } = normalizeText('收入１２３．４５万元，占９７％');
    expect(normal.text).toBe('收入123.45万元,占97%');
    expect([...normal.map]).toEqual([...Array(16).keys()]);
  });
  it('reads traditional characters as simplified', () => {
    expect(normalizeText('財政撥款收入萬元').normal.text).toBe('财政拨款收入万元');
    expect(foldChar('經')).toBe('经');
  });
  it('makes every kind of change in one text, and reports each', () => {
    const { normal, report } = normalizeText(EVERY_CHANGE);
    for (const [k, v] of Object.entries(report)) expect(v, k).toBeGreaterThan(0);
    expect(report.furniture).toBe(3); // page numbers inside a wrapped paragraph and after it, a bare one at a page break
    expect(normal.text).not.toMatch(/[\r\u200b]/);
  });
  it('counts the traditional characters it folded, and only those', () => {
    expect(normalizeText('財政撥款收入１２萬元，支出。').report.traditional).toBe(3);
    expect(normalizeText('财政拨款收入１２万元，支出。').report.traditional).toBe(0);
  });
  it('gives a heading run into the text after 。 a line of its own, mapped to the heading', () => {
    const text = '收入合计100万元。二、支出情况';
    const { normal, report } = normalizeText(text);
    expect(normal.text).toBe('收入合计100万元。\n二、支出情况');
    expect(report.splitHeadings).toBe(1);
    const at = normal.text.indexOf('二');
    expect(text[normal.map[at] ?? -1]).toBe('二');
    expect(normal.map[at - 1]).toBe(normal.map[at]); // the inserted line break stands at the heading
    // not after a comma: only a sentence's end opens a heading
    expect(normalizeText('收入合计100万元，二、支出情况').normal.text).toBe('收入合计100万元,二、支出情况');
  });
  it('gives 第N部分 glued to the line before a line of its own', () => {
    const { normal, report } = normalizeText('以上为部门决算情况说明。第四部分 名词解释');
    expect(normal.text).toBe('以上为部门决算情况说明。\n第四部分 名词解释');
    expect(report.splitHeadings).toBe(1);
    // inside a long line that has not ended a sentence, 第四部分 is a reference, not a heading
    const long = `${'按照有关规定编制的部门决算报表'.repeat(3)}详见第四部分`;
    expect(normalizeText(long).normal.text).toBe(long);
  });
  it('folds every character as OpenCC (hk → cn) does, one for one (patterns/simplified.tsv is not stale)', () => {
    const toSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' });
    const differ: string[] = [];
    for (let c = 0x3400; c <= 0x9fff; c++) {
      const ch = String.fromCharCode(c);
      const converted = toSimplified(ch);
      const expected = converted.length === 1 ? converted : ch;
      if (foldChar(ch) !== expected) differ.push(`${ch}→${foldChar(ch)} (OpenCC ${expected})`);
    }
    expect(differ).toEqual([]);
  });
  it('drops inline pinyin and maps the rest back to the original', () => {
    const original = '經(jīng)費(fèi)312.23萬(wàn)元';
    const { normal, report } = normalizeText(original);
    expect(normal.text).toBe('经费312.23万元');
    expect(report.pinyin).toBe(3);
    const i = normal.text.indexOf('312.23');
    const span = toOriginal(normal, i, normal.text.length);
    expect(original.slice(span.start, span.end)).toBe('312.23萬(wàn)元');
  });
  it('keeps ordinary brackets after Chinese text', () => {
    expect(normalizeText('因公出国(境)费').normal.text).toBe('因公出国(境)费');
  });
  it('removes zero-width characters', () => {
    const { normal } = normalizeText('收入\u200b总计');
    expect(normal.text).toBe('收入总计');
    expect(normal.map[2]).toBe(3);
  });
  it('joins lines that a PDF wrapped inside a sentence, but not headings', () => {
    const wrapped = [
      '一、收入支出决算总体情况说明',
      '上海市普陀区财政局2024年度收入支出总计2995.39万元。与2023年度相比，收入',
      '支出总计减少56.95万元，下降1.87%。主要原因：基本支出中人员进出及退休变化，',
      '以及项目支出中合同支付进度条款等原因减少支付，公务用车购置及运行维护费用',
      '等各项支出有所减少，预算执行情况良好，各项资金使用规范，收支基本平衡，合',
      '规合法，达到预期效果。本年度部门整体支出绩效良好，资金使用效益明显提升。',
      '二、收入决算情况说明',
    ].join('\n');
    const { normal, report } = normalizeText(wrapped);
    expect(report.joinedLines).toBeGreaterThanOrEqual(3);
    expect(normal.text).toContain('与2023年度相比,收入支出总计减少');
    expect(normal.text).toContain('情况说明\n上海市');
    expect(normal.text).toContain('效果。本年度');
    expect(normal.text).toMatch(/提升。\n二、收入决算/);
  });
});

describe('PDF text furniture and characters', () => {
  it('drops page numbers and joins the paragraph they interrupt', () => {
    const page = (n: number) =>
      `上海市普陀区财政局2024年度收入支出总计2995.39万元。与2023年度相比，收入支出${n}\n总计减少56.95万元，下降1.87%。主要原因是基本支出中人员进出及退休变化，以\n及项目支出中合同支付进度条款等原因减少支付，预算执行情况良好，收支平衡，资金使\n用规范有序，公务用车购置及运行维护费用等各项支出有所减少，达到预期效果。本年\n度部门整体支出绩效良好，资金使用效益明显提升，各项工作有序推进，圆满完成任务，`;
    const text = `${page(1)}\n—5—\n\f${page(2)}\n- 6 -\n\f第 7 页\n本年收入合计2946.25万元。`;
    const { normal, report } = normalizeText(text);
    expect(normal.text).not.toMatch(/—5—|- 6 -|第 7 页/);
    expect(report.furniture).toBe(3);
    expect(normal.text).toContain('圆满完成任务,上海市');
  });
  it('drops a running header that opens every page', () => {
    const body = '一、收入支出决算总体情况说明\n本年收入合计2946.25万元。\n';
    const text = ['上海市普陀区财政局2024年度部门决算', body, '\f上海市普陀区财政局2024年度部门决算', body, '\f上海市普陀区财政局2024年度部门决算', body].join('\n');
    const { normal } = normalizeText(text);
    expect(normal.text).not.toContain('部门决算\n');
    expect(normal.text.match(/本年收入合计/g)?.length).toBe(3);
  });
  it('decodes HTML entities left in text, mapping each to the entity', () => {
    const original = '收入&nbsp;总计3446.12万元&amp;&#20803;';
    const { normal } = normalizeText(original);
    expect(normal.text).toBe('收入 总计3446.12万元&元');
    const at = normal.text.indexOf('&');
    expect(original.slice(normal.map[at], (normal.map[at] ?? 0) + 5)).toBe('&amp;');
  });
});
