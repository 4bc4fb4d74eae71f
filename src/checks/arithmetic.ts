import { type Diagnostic, diagnostic } from '../diagnostics.js';
import type { ChecksTable } from '../patterns.js';
import { bounds, type CheckFact, display, factsBy, judge, leading, stepOf, sumBounds } from './precision.js';

const spanOf = (f: CheckFact) => ({ start: f.start, end: f.end });
const used = (f: CheckFact) => ({ metric: f.metric, item: f.item, role: f.role, value: f.value, raw: f.raw, start: f.start, end: f.end });

/** The first stated figure of a metric (no item), in a role. */
export function first(facts: CheckFact[], metric: string, role = 'value'): CheckFact | undefined {
  const all = factsBy(facts).get(`${metric}||${role}`) ?? [];
  // a figure written in digits before a 无 read as zero
  return all.find((f) => /\d/.test(f.raw)) ?? all[0];
}

/**
 * Parts against their total. Exact: nothing; within the rounding of the written figures:
 * info; beyond: warning.
 */
export function compareSum(rule: string, label: string, total: CheckFact, parts: CheckFact[]): Diagnostic | null {
  const sum = parts.reduce((s, p) => s + p.value, 0);
  const implied = sumBounds(parts.map((p) => ({ value: p.value, step: stepOf(p) })));
  const verdict = judge(total.value, stepOf(total), implied, sum);
  if (verdict === 'exact') return null;
  const terms = parts.map((p) => display(p.value, p)).join(' + ');
  const message =
    verdict === 'rounding'
      ? `${label}：各项之和 ${terms} = ${display(sum, total)}，与所列合计 ${display(total.value, total)} 相差在四舍五入范围内`
      : `${label}：各项之和 ${terms} = ${display(sum, total)}，与所列合计 ${display(total.value, total)} 不符（相差 ${display(total.value - sum, total)}）`;
  return diagnostic(rule, verdict === 'rounding' ? 'info' : 'warning', message, spanOf(total), {
    total: used(total),
    parts: parts.map(used),
    sum,
    difference: total.value - sum,
  });
}

/** The roles a sum is checked in: the value, the budget figure, last year's figure. */
const SUMMED_ROLES = ['value', 'budget', 'prior_year'] as const;

/** The sum relations of patterns/checks.json over headline metrics. */
export function checkSums(facts: CheckFact[], table: ChecksTable): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rel of table.sums) {
    if (rel.skipIf?.some((m) => first(facts, m))) continue;
    const needed = rel.need.map((m) => first(facts, m));
    if (needed.some((f) => !f)) continue;
    const parts = rel.parts.map((m) => first(facts, m)).filter((f): f is CheckFact => Boolean(f));
    for (const role of SUMMED_ROLES) {
      const total = rel.total.map((m) => first(facts, m, role)).find((f) => f);
      const roleParts = role === 'value' ? parts : rel.parts.map((m) => first(facts, m, role)).filter((f): f is CheckFact => Boolean(f));
      if (!total || roleParts.length < rel.need.length) continue;
      const d = compareSum(`check.sum.${rel.id}`, table.label(total.metric) + (role === 'value' ? '' : `（${role === 'budget' ? '预算数' : '上年数'}）`), total, roleParts);
      if (d) out.push(d);
    }
  }
  return out;
}

/** Listed lines (机关运行经费 lines, project items, vehicles by kind …) against the line they are listed under. */
export function checkItemLists(facts: CheckFact[], table: ChecksTable): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rel of table.items) {
    const groups = new Map<CheckFact, CheckFact[]>();
    let parent: CheckFact | undefined;
    for (const f of facts) {
      if (f.role !== 'value') continue;
      if (f.metric === rel.total && f.item === '') parent = f;
      else if (f.metric === rel.item && f.item !== '' && parent) {
        const list = groups.get(parent) ?? [];
        if (!list.some((x) => x.item === f.item && x.value === f.value)) list.push(f);
        groups.set(parent, list);
      }
    }
    for (const [total, parts] of groups) {
      if (parts.length < 2) continue;
      const d = compareSum(`check.sum.${rel.id}`, table.label(rel.total), total, parts);
      if (d) out.push(d);
    }
  }
  return out;
}

const FAMILY = /^(\w*expenditure)\.by_(function|economic)$/;

/** 类 items of a function or economic breakdown against their total, and 项 items against their 类. */
export function checkBreakdowns(facts: CheckFact[], table: ChecksTable): Diagnostic[] {
  const out: Diagnostic[] = [];
  /** Items by family, kind and the figure they are listed under (none: the family's total). */
  const groups = new Map<string, { family: string; kind: string; parent: CheckFact | undefined; items: CheckFact[] }>();
  const parents = new EconomicParents(facts);
  for (const f of facts) {
    const m = FAMILY.exec(f.metric);
    if (!m || f.role !== 'value' || f.code.length !== 3) continue;
    const [, family = '', kind = ''] = m;
    const parent = kind === 'economic' ? parents.of(f, family) : undefined;
    const key = `${family}|${kind}|${parent ? parent.start : ''}`;
    let group = groups.get(key);
    if (!group) {
      group = { family, kind, parent, items: [] };
      groups.set(key, group);
    }
    if (!group.items.some((x) => x.code === f.code)) group.items.push(f);
  }
  for (const { family, kind, parent, items } of groups.values()) {
    if (items.length < 2) continue;
    const total = parent ?? first(facts, `${family}.total`) ?? first(facts, `${family}.current_year`);
    if (!total) continue;
    const d = compareSum(`check.sum.${kind}-items`, `${table.label(total.metric)}按${kind === 'function' ? '功能' : '经济'}分类`, total, items);
    if (d) out.push(d);
  }
  // 项 lines following their 类, matched by code prefix
  const fn = facts.filter((f) => /\.by_function$/.test(f.metric) && f.role === 'value');
  for (const [i, head] of fn.entries()) {
    if (head.code.length !== 3) continue;
    const children: CheckFact[] = [];
    let complete = true;
    for (const c of fn.slice(i + 1)) {
      if (c.code === '') {
        complete = c.line === head.line; // a line without a code: the list cannot be summed
        if (!complete) break;
        continue;
      }
      if (c.code.length <= 3 || !c.code.startsWith(head.code)) break;
      if (!children.some((x) => x.code === c.code)) children.push(c);
    }
    if (!complete) continue;
    const leaves = children.filter((c) => !children.some((o) => o !== c && c.code !== o.code && o.code.startsWith(c.code)));
    if (leaves.length < 1) continue;
    const d = compareSum('check.sum.function-subitems', `${head.item}（${head.code}）所列项目`, head, leaves);
    if (d) out.push(d);
  }
  return out;
}

const ECONOMIC_PARENTS = (family: string) => [`${family}.basic`, `${family}.total`, `${family}.current_year`, 'expenditure.public_operating', 'expenditure.basic'];

/**
 * The figure an economic item is listed under: the last one before it on its line of the metrics
 * such items are listed under (基本支出 …). Facts come in document order; per line and family one
 * pass finds, for every position, the last such figure before it.
 */
class EconomicParents {
  private readonly lines = new Map<number, CheckFact[]>();
  private readonly lastBefore = new Map<string, Int32Array>();

  constructor(facts: CheckFact[]) {
    for (const f of facts) {
      const list = this.lines.get(f.line);
      if (list) list.push(f);
      else this.lines.set(f.line, [f]);
    }
  }

  of(item: CheckFact, family: string): CheckFact | undefined {
    const line = this.lines.get(item.line) ?? [];
    // the facts before the item: those that start before it
    const before = leading(line, (f) => f.start < item.start);
    const at = this.table(item.line, line, family)[before] as number;
    return at >= 0 ? line[at] : undefined;
  }

  /** For each position k of the line, the index of the last parent figure among its first k facts (-1: none). */
  private table(lineNo: number, line: CheckFact[], family: string): Int32Array {
    const key = `${lineNo}|${family}`;
    let t = this.lastBefore.get(key);
    if (!t) {
      const parents = ECONOMIC_PARENTS(family);
      t = new Int32Array(line.length + 1);
      let last = -1;
      t[0] = last;
      for (const [k, f] of line.entries()) {
        if (f.role === 'value' && f.item === '' && parents.includes(f.metric)) last = k;
        t[k + 1] = last;
      }
      this.lastBefore.set(key, t);
    }
    return t;
  }
}

/** 收入 − 支出 against 年末结转和结余, where all three are stated and 总计 does not already hold the balance. */
export function checkBalance(facts: CheckFact[], table: ChecksTable): Diagnostic[] {
  const inc = first(facts, 'income.total');
  const exp = first(facts, 'expenditure.total');
  const bal = first(facts, 'balance.year_end');
  if (!inc || !exp || !bal || inc.value === exp.value) return [];
  const implied = bounds(
    [
      { value: inc.value, step: stepOf(inc) },
      { value: exp.value, step: stepOf(exp) },
    ],
    ([a, b]) => (a as number) - (b as number),
  );
  const verdict = judge(bal.value, stepOf(bal), implied, inc.value - exp.value);
  if (verdict === 'exact') return [];
  return [
    diagnostic(
      'check.balance',
      verdict === 'rounding' ? 'info' : 'warning',
      `${table.label('income.total')} ${display(inc.value, inc)} − ${table.label('expenditure.total')} ${display(exp.value, exp)} = ${display(inc.value - exp.value, bal)}，${table.label('balance.year_end')}为 ${display(bal.value, bal)}`,
      spanOf(bal),
      { income: used(inc), expenditure: used(exp), balance: used(bal), difference: bal.value - (inc.value - exp.value) },
    ),
  ];
}
