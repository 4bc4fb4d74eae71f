import { type Diagnostic, diagnostic } from '../diagnostics.js';
import { first } from './arithmetic.js';
import { type CheckFact, display } from './precision.js';
import type { ChecksTable } from '../patterns.js';

export interface HeadingLine {
  readonly title: string;
  readonly start: number;
  readonly end: number;
}

const NAMED = /([\u4e00-\u9fff]{2,30}?(?:局|委|办|中心|院|厅|政府|部|处|所|站|队|校|会))\s*((?:19|20)\d{2})\s*年度?\s*(?:部门|单位)?\s*(?:决算|预算)/u;

/** A heading that names another organisation or another year than the document's. */
export function checkHeadingsNameTheDocument(headings: HeadingLine[], org: string | null, year: number | null): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const h of headings) {
    // NAMED ends with 决算 or 预算, which most titles do not hold: tested first, before the regex
    // (it tries its lazy run of up to 30 characters at every Chinese character of the title)
    if (!h.title.includes('算')) continue;
    const m = NAMED.exec(h.title);
    if (!m) continue;
    const named = (m[1] as string).replace(/^(?:第[一二三四五六七八九十]+部分)/, '');
    const span = { start: h.start, end: h.end };
    if (org && !org.includes(named) && !named.includes(org) && !sameTail(org, named)) {
      out.push(diagnostic('structure.other-organisation', 'warning', `标题“${h.title}”写的是 ${named}，不是本文件的 ${org}`, span, { heading: h.title, named, org }));
    }
    const y = Number(m[2]);
    if (year && y !== year) {
      out.push(diagnostic('structure.other-year', 'warning', `标题“${h.title}”写的是 ${y} 年，不是本文件的 ${year} 年`, span, { heading: h.title, named: y, year }));
    }
  }
  return out;
}

/** 智慧城市运行管理中心 and 盘锦市智慧城市运行管理中心, or 省检察院 and 江苏省人民检察院, are one organisation. */
function sameTail(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length, 6);
  if (n >= 4 && a.slice(-n) === b.slice(-n)) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  let k = 0;
  for (const ch of long) if (ch === short[k]) k++;
  return k === short.length && short.slice(-1) === long.slice(-1); // an abbreviation: its characters in order
}

const PLACEHOLDERS: Array<[RegExp, string]> = [
  [/X{2,}|×{2,}|某某/gu, '模板占位符未替换'],
  [/占(?:收入总计|支出总计|本年支出合计|本年收入合计)?的?\s*%/gu, '占比数字缺失'],
  [/(?:增加|减少|增长|下降|为)\s*(?:万元|%)/gu, '金额或比率数字缺失'],
  [/(?:增加|减少|增长|下降|上升|降低)\s*[(（](?:增加|减少|增长|下降|上升|降低)[)）]/gu, '模板中的备选词未删去'],
];

/** Template text left in: XX部门, `占 %`, `比上年减少 万元`. */
export function checkPlaceholders(text: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [re, what] of PLACEHOLDERS) {
    for (const m of text.matchAll(re)) {
      out.push(diagnostic('structure.template-placeholder', 'warning', `${what}：“${m[0]}”`, { start: m.index, end: m.index + m[0].length }, { text: m[0] }));
    }
  }
  return out;
}

/** Amounts written without their unit (支出决算为4.19。) or with 万 for 万元. */
export function checkUnits(facts: CheckFact[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const f of facts) {
    if (f.unit !== 'CNY' || !/\d/.test(f.raw)) continue;
    const span = { start: f.start, end: f.end };
    if (!/[元万亿]/.test(f.raw))
      out.push(diagnostic('structure.unit-missing', 'warning', `金额“${f.raw}”没有写单位，按上文读作 ${display(f.value, f)}`, span, { raw: f.raw, value: f.value }));
    else if (/[万亿]\s*$/.test(f.raw)) out.push(diagnostic('structure.unit-incomplete', 'info', `金额“${f.raw}”只写了“万”，读作万元`, span, { raw: f.raw, value: f.value }));
  }
  return out;
}

/** Totals a document states once and may repeat: a second, different figure is a contradiction. */
const REPEAT_CHECKED = new Set([
  'income.total',
  'income.current_year',
  'expenditure.total',
  'expenditure.current_year',
  'appropriation_expenditure.total',
  'general_budget_expenditure.total',
  'three_public.total',
  'operating_costs.total',
  'balance.year_end',
]);

/** The same headline total stated twice with different values (on different lines). */
export function checkRepetition(facts: CheckFact[], table: ChecksTable): Diagnostic[] {
  const seen = new Map<string, CheckFact>();
  const out: Diagnostic[] = [];
  for (const f of facts) {
    if (f.role !== 'value' || !REPEAT_CHECKED.has(f.metric) || f.item !== '' || f.value === 0) continue;
    const key = `${f.metric}|${f.unit}`;
    const prev = seen.get(key);
    if (!prev) {
      seen.set(key, f);
      continue;
    }
    if (prev.value !== f.value && prev.line !== f.line) {
      out.push(
        diagnostic(
          'check.repeated-metric',
          'warning',
          `${f.item || table.label(f.metric)}前后两处数字不同：${display(prev.value, prev)}（第 ${prev.line} 行）与 ${display(f.value, f)}（第 ${f.line} 行）`,
          { start: f.start, end: f.end },
          { metric: f.metric, first: { value: prev.value, raw: prev.raw, start: prev.start, end: prev.end }, second: { value: f.value, raw: f.raw, start: f.start, end: f.end } },
        ),
      );
    }
  }
  return out;
}

/**
 * A headline metric whose `value` facts (no item) differ where checkRepetition says nothing (a 0
 * from 无 against the figure of the text, a metric it does not check, two figures on one line):
 * the summary takes the first, and says so with every fact, so a reader can choose. `flagged`: the
 * metrics checkRepetition reported already.
 */
export function checkSummaryValues(facts: readonly CheckFact[], isHeadline: (metric: string) => boolean, flagged: ReadonlySet<string>): Diagnostic[] {
  const byMetric = new Map<string, CheckFact[]>();
  for (const f of facts) {
    if (f.role !== 'value' || f.item !== '' || flagged.has(f.metric) || !isHeadline(f.metric)) continue;
    const list = byMetric.get(f.metric);
    if (list) list.push(f);
    else byMetric.set(f.metric, [f]);
  }
  const out: Diagnostic[] = [];
  for (const [metric, list] of byMetric) {
    const values = new Set(list.map((f) => f.value));
    const [first] = list;
    if (values.size < 2 || !first) continue;
    // a long document may state a figure thousands of times: the message and evidence name the first few
    const shown =
      list
        .slice(0, 5)
        .map((f) => f.raw)
        .join('、') + (list.length > 5 ? ` 等 ${list.length} 处` : '');
    const message = `${metric} 有 ${values.size} 个不同的数值（${shown}），汇总表取第一个 ${first.raw}`;
    const stated = list.slice(0, 20).map((f) => ({ fact_id: f.fact_id ?? null, value: f.value, raw: f.raw }));
    out.push(diagnostic('summary.values-disagree', 'warning', message, { start: first.start, end: first.end }, { metric, facts: stated, count: list.length }));
  }
  return out;
}

/** The stated number of internal units against the units listed in the same passage. */
export function checkUnitCount(facts: CheckFact[], units: ReadonlyArray<{ start: number }>): Diagnostic[] {
  const stated = first(facts, 'org.internal_units');
  if (!stated) return [];
  const listed = units.filter((u) => u.start >= stated.start).length;
  if (listed === 0 || stated.value === listed) return [];
  // the overview's list is read by the tool and may be incomplete: fewer listed is only info
  return [
    diagnostic(
      'check.sum.internal-units',
      listed > stated.value ? 'warning' : 'info',
      `文中称设 ${stated.value} 个内设机构，概况列出 ${listed} 个`,
      { start: stated.start, end: stated.end },
      {
        stated: stated.value,
        listed,
      },
    ),
  ];
}
