import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CheckFact, runChecks } from '../src/checks/index.js';
import { extractText } from '../src/extract.js';

let offset = 0;
/** A fact as extraction would give it; money written in 万元 unless `raw` says otherwise. */
function f(metric: string, role: string, value: number, raw?: string, extra: Partial<CheckFact> = {}): CheckFact {
  const unit = raw?.endsWith('%') || role.endsWith('rate') || role === 'share' ? '%' : raw && /[辆个人]$/.test(raw) ? raw.slice(-1) : 'CNY';
  const text = raw ?? (unit === '%' ? `${value}%` : `${(value / 10000).toFixed(2)}万元`);
  offset += 20;
  return { metric, item: '', code: '', role, value, unit, raw: text, start: offset, end: offset + text.length, line: 1, ...extra };
}

function check(facts: CheckFact[], extra: { text?: string; org?: string; year?: number; headings?: Array<{ title: string; start: number; end: number }> } = {}) {
  return runChecks({ text: extra.text ?? '', facts, headings: extra.headings ?? [], org: extra.org ?? null, year: extra.year ?? null, listedUnits: [] });
}
const rules = (ds: ReturnType<typeof check>) => ds.map((d) => `${d.severity} ${d.rule}`);

describe('sums of parts against their total', () => {
  it('says nothing when 基本 + 项目 equals 支出', () => {
    expect(check([f('expenditure.total', 'value', 33884800), f('expenditure.basic', 'value', 2072800), f('expenditure.project', 'value', 31812000)])).toEqual([]);
  });
  it('warns when the parts miss the total', () => {
    const ds = check([f('expenditure.total', 'value', 33884800), f('expenditure.basic', 'value', 2072800), f('expenditure.project', 'value', 30000000)]);
    expect(rules(ds)).toEqual(['warning check.sum.expenditure-basic-project']);
    expect(JSON.parse(JSON.stringify(ds[0]?.evidence))).toMatchObject({ sum: 32072800, difference: 1812000 });
  });
  it('calls a difference of one unit of the last decimal rounding (info), and four beyond the rounding of three parts a warning', () => {
    const parts = [f('three_public.overseas', 'value', 0), f('three_public.reception', 'value', 10000), f('three_public.vehicles', 'value', 280000)];
    expect(rules(check([f('three_public.total', 'value', 290100), ...parts]))).toEqual(['info check.sum.three-public-parts']);
    expect(rules(check([f('three_public.total', 'value', 290400), ...parts]))).toEqual(['warning check.sum.three-public-parts']);
  });
  it('says nothing when a needed part is not stated', () => {
    expect(check([f('three_public.total', 'value', 290000), f('three_public.reception', 'value', 10000), f('three_public.vehicles', 'value', 1)])).toEqual([]);
  });
  it('checks listed lines against the line they are listed under (机关运行经费)', () => {
    const total = f('operating_costs.total', 'value', 296600);
    const lines = [f('operating_costs.item', 'value', 109600, undefined, { item: '办公费' }), f('operating_costs.item', 'value', 119000, undefined, { item: '印刷费' })];
    expect(rules(check([total, ...lines]))).toEqual(['warning check.sum.operating-cost-lines']);
    expect(check([f('operating_costs.total', 'value', 228600), ...lines])).toEqual([]);
  });
  it('sums a list of 40 lines by its rounding bounds, not by enumerating 2^40 corners', () => {
    const lines = Array.from({ length: 40 }, (_, i) => f('operating_costs.item', 'value', 10000 + i * 100, undefined, { item: `项目${i}` }));
    const sum = lines.reduce((s, l) => s + l.value, 0);
    // 40 figures in 万元 to 2 decimals: each ± 50 yuan, together ± 2,000 yuan; the total stated to ± 50
    expect(check([f('operating_costs.total', 'value', sum), ...lines])).toEqual([]);
    expect(rules(check([f('operating_costs.total', 'value', sum + 1500), ...lines]))).toEqual(['info check.sum.operating-cost-lines']);
    expect(rules(check([f('operating_costs.total', 'value', sum + 5000), ...lines]))).toEqual(['warning check.sum.operating-cost-lines']);
  });
  it('checks 功能分类 类 items against their total', () => {
    const items = [
      f('general_budget_expenditure.by_function', 'value', 21066600, undefined, { code: '201', item: '一般公共服务支出' }),
      f('general_budget_expenditure.by_function', 'value', 3267200, undefined, { code: '208', item: '社会保障和就业支出' }),
    ];
    expect(check([f('general_budget_expenditure.total', 'value', 24333800), ...items])).toEqual([]);
    expect(rules(check([f('general_budget_expenditure.total', 'value', 29400500), ...items]))).toEqual(['warning check.sum.function-items']);
  });
  it('checks 收入 − 支出 against 年末结转和结余', () => {
    const base = [f('income.total', 'value', 34461200), f('expenditure.total', 'value', 33884800)];
    expect(check([...base, f('balance.year_end', 'value', 576400)])).toEqual([]);
    expect(rules(check([...base, f('balance.year_end', 'value', 600000)]))).toEqual(['warning check.balance']);
  });
});

describe('shares, year-over-year and budget rates', () => {
  it('checks a share against part ÷ parent, rounding as info', () => {
    const base = [f('income.total', 'value', 34461200), f('income.other', 'value', 280900)];
    expect(check([...base, f('income.other', 'share', 0.82)])).toEqual([]);
    expect(rules(check([...base, f('income.other', 'share', 0.81)]))).toEqual(['info check.share']);
    expect(rules(check([...base, f('income.other', 'share', 8.1)]))).toEqual(['warning check.share']);
  });
  it('says nothing about a share whose parent is not stated', () => {
    expect(check([f('income.other', 'value', 280900), f('income.other', 'share', 8.1)])).toEqual([]);
  });
  it('calls a share over 100 % an error', () => {
    expect(rules(check([f('income.other', 'share', 120)]))).toEqual(['error check.impossible.share-over-100']);
  });
  it('checks the shares of a breakdown add up to 100 %', () => {
    const s = (v: number, code: string) => f('general_budget_expenditure.by_function', 'share', v, undefined, { code, item: code });
    expect(check([s(71.65, '201'), s(28.35, '208')])).toEqual([]);
    expect(rules(check([s(71.73, '201'), s(28.35, '208')]))).toEqual(['warning check.share-sum']);
  });
  it('checks yoy_rate against yoy_change and value', () => {
    const v = f('income.total', 'value', 34461200);
    const c = f('income.total', 'yoy_change', 32706200);
    expect(rules(check([v, c, f('income.total', 'yoy_rate', 2780.26)]))).toEqual(['warning check.yoy.rate']);
    expect(check([v, c, f('income.total', 'yoy_rate', 1863.6)])).toEqual([]);
  });
  it('checks yoy_rate against prior_year, and yoy_change against value − prior_year', () => {
    const v = f('income.total', 'value', 1433715.14, '1433715.14元');
    const p = f('income.total', 'prior_year', 1496622.7, '1496622.7元');
    expect(check([v, p, f('income.total', 'yoy_rate', -4.2)])).toEqual([]);
    expect(rules(check([v, p, f('income.total', 'yoy_rate', -6.2)]))).toEqual(['warning check.yoy.rate']);
    expect(rules(check([v, p, f('income.total', 'yoy_change', -72907.56, '72907.56元')]))).toEqual(['warning check.yoy.change']);
  });
  it('flags a rate from a zero base and a fall of more than 100 %', () => {
    const ds = check([f('operating_costs.total', 'value', 296600), f('operating_costs.total', 'yoy_change', 296600), f('operating_costs.total', 'yoy_rate', 100)]);
    expect(rules(ds)).toEqual(['info check.yoy.zero-base']);
    expect(rules(check([f('x.total', 'yoy_rate', -120.26)]))).toEqual(['error check.impossible.decrease-over-100']);
  });
  it('checks budget_completion_rate against value ÷ budget, and a rate against a zero budget', () => {
    const v = f('general_budget_expenditure.total', 'value', 29400500);
    const b = f('general_budget_expenditure.total', 'budget', 29939200);
    expect(check([b, v, f('general_budget_expenditure.total', 'budget_completion_rate', 98.2)])).toEqual([]);
    expect(rules(check([b, v, f('general_budget_expenditure.total', 'budget_completion_rate', 90)]))).toEqual(['warning check.budget.completion']);
    expect(rules(check([f('x.total', 'budget', 0), f('x.total', 'value', 100), f('x.total', 'budget_completion_rate', 50)]))).toEqual(['warning check.budget.zero-budget']);
  });
  it('reads 大于/小于 against the completion rate beside it', () => {
    const text = '完成年初预算的116.06%，决算数小于年初预算数的原因';
    const rate = { ...f('x.by_function', 'budget_completion_rate', 116.06), start: 7, end: 14 };
    expect(rules(check([rate], { text }))).toEqual(['warning check.budget.wording']);
    expect(check([rate], { text: text.replace('小于', '大于') })).toEqual([]);
    expect(rules(check([], { text: '决算数小于大于年初预算数' }))).toEqual(['warning check.budget.wording-unresolved']);
  });
});

describe('several lists on one line', () => {
  it('sums economic items under the figure each list follows on its line', () => {
    const e = (code: string, value: number) => f('expenditure.by_economic', 'value', value, undefined, { code, item: code });
    // 基本支出 100 = 60 + 40; then 机关运行经费 30 ≠ 20 + 5 on the same line
    const facts = [
      f('expenditure.basic', 'value', 1000000),
      e('301', 600000),
      e('302', 400000),
      f('expenditure.public_operating', 'value', 300000),
      e('302', 200000),
      e('303', 50000),
    ];
    const ds = check(facts);
    expect(rules(ds)).toEqual(['warning check.sum.economic-items']);
    expect(ds[0]?.start).toBe(facts[3]?.start);
  });
  it('reads each 大于/小于 against the completion rate just before it on the line', () => {
    const text = '甲完成年初预算的116.06%，决算数大于年初预算数；乙完成年初预算的90.00%，决算数大于年初预算数。';
    const rate = (raw: string) => {
      const start = text.indexOf(raw);
      return { ...f('x.by_function', 'budget_completion_rate', Number(raw.slice(0, -1)), raw), start, end: start + raw.length };
    };
    const ds = check([rate('116.06%'), rate('90.00%')], { text });
    expect(rules(ds)).toEqual(['warning check.budget.wording']);
    expect(ds[0]?.start).toBe(text.lastIndexOf('决算数大于'));
  });
});

describe('structure', () => {
  it('flags a heading naming another organisation or year', () => {
    const headings = [{ title: '盘锦市财政局2018年度部门决算情况说明', start: 0, end: 10 }];
    expect(rules(check([], { headings, org: '盘锦市智慧城市运行管理中心', year: 2018 }))).toEqual(['warning structure.other-organisation']);
    expect(rules(check([], { headings, org: '盘锦市财政局', year: 2019 }))).toEqual(['warning structure.other-year']);
    expect(check([], { headings, org: '盘锦市财政局', year: 2018 })).toEqual([]);
  });
  it('flags template placeholders and amounts without units', () => {
    expect(rules(check([], { text: 'XX部门2019年，占 %，比上年减少 万元。' }))).toEqual([
      'warning structure.template-placeholder',
      'warning structure.template-placeholder',
      'warning structure.template-placeholder',
    ]);
    expect(rules(check([f('three_public.vehicle_operation', 'value', 70900, '7.09')]))).toEqual(['warning structure.unit-missing']);
    expect(rules(check([f('expenditure.total', 'value', 3000, '0.3万')]))).toEqual(['info structure.unit-incomplete']);
  });
  it('flags a total stated twice with different values', () => {
    const a = f('income.total', 'value', 100);
    expect(rules(check([a, { ...f('income.total', 'value', 200), line: 9 }]))).toEqual(['warning check.repeated-metric']);
    expect(check([a, { ...f('income.total', 'value', 100), line: 9 }])).toEqual([]);
  });
  it('says when the summary took one of several values of a headline metric, once per metric', () => {
    // 无 (0) before the figure of the text: the repetition check leaves zeros alone, the summary does not
    const none = { ...f('three_public.total', 'value', 0, '无'), fact_id: 'd#10-11' };
    const stated = { ...f('three_public.total', 'value', 479100, '47.91万元'), line: 9, fact_id: 'd#40-48' };
    const found = check([none, stated]);
    expect(rules(found)).toEqual(['warning summary.values-disagree']);
    expect(found[0]?.evidence).toMatchObject({ metric: 'three_public.total', facts: [{ fact_id: 'd#10-11' }, { fact_id: 'd#40-48' }] });
    // a disagreement the repetition check reports is not reported twice
    const a = f('income.total', 'value', 100);
    expect(rules(check([a, { ...f('income.total', 'value', 200), line: 9 }]))).not.toContain('warning summary.values-disagree');
  });
});

describe('on the seeds', () => {
  const seed = (name: string) => {
    const text = readFileSync(join(import.meta.dirname, 'fixtures', name, 'input.txt'), 'utf8');
    return extractText(text, { docId: name }).diagnostics;
  };
  it('finds what the gold key of seed 000 lists', () => {
    const ds = seed('seed-000');
    const has = (rule: string, severity: string, words: string) =>
      expect(
        ds.some((d) => d.rule === rule && d.severity === severity && d.message.includes(words)),
        `${rule} ${words}`,
      ).toBe(true);
    has('structure.other-organisation', 'warning', '盘锦市财政局');
    has('structure.heading-sequence', 'warning', '第 2 项');
    has('check.yoy.rate', 'warning', '2780.26');
    has('check.yoy.rate', 'warning', '3363.11');
    has('check.sum.operating-cost-lines', 'warning', '22.86');
    has('check.sum.economic-items', 'info', '207.29');
    for (const d of ds) expect(text(d)).not.toBe('');
  });
  it('finds the impossible decrease and the misnumbered headings of seed 003', () => {
    const ds = seed('seed-003');
    expect(ds.some((d) => d.rule === 'check.impossible.decrease-over-100' && d.severity === 'error' && d.message.includes('120.26'))).toBe(true);
    expect(ds.filter((d) => d.rule === 'structure.heading-style').map((d) => JSON.parse(d.evidence ?? '{}').n)).toEqual([3, 10]);
  });
});

function text(d: { message: string }): string {
  return d.message;
}

describe('more relations', () => {
  it('checks 公务用车购置 + 运行维护 against 公务用车购置及运行维护费', () => {
    const parts = [f('three_public.vehicle_purchase', 'value', 0), f('three_public.vehicle_operation', 'value', 70900)];
    expect(check([f('three_public.vehicles', 'value', 70900), ...parts])).toEqual([]);
    expect(rules(check([f('three_public.vehicles', 'value', 90900), ...parts]))).toEqual(['warning check.sum.vehicles-purchase-operation']);
  });
  it('checks 本年收入 + 上年结转 against 收入总计', () => {
    const parts = [f('income.current_year', 'value', 4341600), f('income.carryover', 'value', 5500)];
    expect(rules(check([f('income.total', 'value', 4347200), ...parts]))).toEqual(['info check.sum.income-parts']);
    expect(rules(check([f('income.total', 'value', 4447200), ...parts]))).toEqual(['warning check.sum.income-parts']);
  });
  it('checks the stated number of internal units against the units listed after it', () => {
    const stated = f('org.internal_units', 'value', 5, '5个');
    const run = (n: number) =>
      runChecks({ text: '', facts: [stated], headings: [], org: null, year: null, listedUnits: Array.from({ length: n }, (_, i) => ({ start: stated.end + i })) });
    expect(run(5)).toEqual([]);
    expect(rules(run(6))).toEqual(['warning check.sum.internal-units']);
    expect(rules(run(4))).toEqual(['info check.sum.internal-units']);
  });
  it('checks budget_variance against value − budget', () => {
    const v = f('x.total', 'value', 1000000);
    const b = f('x.total', 'budget', 440700);
    expect(check([v, b, f('x.total', 'budget_variance', 559300)])).toEqual([]);
    expect(rules(check([v, b, f('x.total', 'budget_variance', 659300)]))).toEqual(['warning check.budget.variance']);
  });
  it('flags a template alternative left in (下降（增长）)', () => {
    expect(rules(check([], { text: '比上年减少0.15万元，下降（增长）27.78%' }))).toEqual(['warning structure.template-placeholder']);
    expect(check([], { text: '比上年减少0.15万元，下降27.78%' })).toEqual([]);
  });
  it('calls a negative count an error, a positive one nothing', () => {
    expect(rules(check([f('three_public.vehicles_held', 'value', -2, '-2辆')]))).toEqual(['error check.impossible.negative-count']);
    expect(check([f('three_public.vehicles_held', 'value', 2, '2辆')])).toEqual([]);
  });
});
