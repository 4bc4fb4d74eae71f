import { type Diagnostic, diagnostic } from '../diagnostics.js';
import { first } from './arithmetic.js';
import { bounds, type CheckFact, display, factsBy, judge, leading, round, stepOf } from './precision.js';
import type { ChecksTable } from '../patterns.js';

const spanOf = (f: CheckFact) => ({ start: f.start, end: f.end });
const used = (f: CheckFact) => ({ metric: f.metric, item: f.item, role: f.role, value: f.value, raw: f.raw, start: f.start, end: f.end });
const name = (f: CheckFact, table: ChecksTable) => (f.item ? f.item : table.label(f.metric));

/** The figure of the same metric and item in `role` nearest to `f` on its line, else the last before it. */
function partner(facts: CheckFact[], f: CheckFact, role: string): CheckFact | undefined {
  const same = factsBy(facts).get(`${f.metric}|${f.item}|${role}`);
  if (!same) return undefined;
  // the first figure at or after f, then look around it
  const lo = leading(same, (x) => x.start < f.start);
  const before = same[lo - 1];
  const after = same[lo];
  const onLine = [before, after].filter((x): x is CheckFact => x !== undefined && x.line === f.line);
  if (onLine.length) return onLine.sort((a, b) => Math.abs(a.start - f.start) - Math.abs(b.start - f.start))[0];
  return before;
}

function rateVerdict(rule: string, stated: CheckFact, inputs: CheckFact[], fn: (xs: number[]) => number, describe: (implied: number) => string): Diagnostic | null {
  const exact = fn(inputs.map((x) => x.value));
  if (!Number.isFinite(exact)) return null;
  const implied = bounds(
    inputs.map((x) => ({ value: x.value, step: stepOf(x) })),
    fn,
  );
  const verdict = judge(stated.value, stepOf(stated), implied, exact);
  if (verdict === 'exact') return null;
  return diagnostic(rule, verdict === 'rounding' ? 'info' : 'warning', describe(exact), spanOf(stated), {
    stated: used(stated),
    inputs: inputs.map(used),
    implied: round(exact, 4),
  });
}

/** Each share against part ÷ parent, trying the totals a share is usually taken of. */
export function checkShares(facts: CheckFact[], table: ChecksTable): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const s of facts) {
    if (s.role !== 'share') continue;
    if (s.value > 100 + stepOf(s)) {
      out.push(diagnostic('check.impossible.share-over-100', 'error', `${name(s, table)}占比 ${s.value}% 超过 100%`, spanOf(s), { stated: used(s) }));
      continue;
    }
    const part = partner(facts, s, 'value');
    if (!part) continue;
    const family = /^(\w*expenditure)\.by_/.exec(s.metric)?.[1];
    const parentNames = family ? [`${family}.total`, `${family}.current_year`, 'expenditure.current_year', 'expenditure.total'] : table.parentsOfShare(s.metric);
    const parents = parentNames.map((m) => first(facts, m)).filter((p): p is CheckFact => Boolean(p) && p !== part);
    if (parents.length === 0) continue;
    const results = parents.map((p) =>
      rateVerdict(
        'check.share',
        s,
        [part, p],
        ([a, b]) => ((a as number) / (b as number)) * 100,
        (x) => `${name(s, table)}占比为 ${s.value}%，按 ${display(part.value, part)} ÷ ${table.label(p.metric)} ${display(p.value, p)} 计算应为 ${round(x, 2)}%`,
      ),
    );
    if (results.some((r) => r === null)) continue;
    out.push((results.find((r) => r?.severity === 'info') ?? results[0]) as Diagnostic);
  }
  return out;
}

/** The shares of a breakdown (功能分类 类, “三公” parts) should add up to 100 %. */
export function checkShareSums(facts: CheckFact[], table: ChecksTable): Diagnostic[] {
  const groups = new Map<string, CheckFact[]>();
  for (const s of facts) {
    if (s.role !== 'share') continue;
    const key = /\.by_function$/.test(s.metric) && s.code.length === 3 ? s.metric : /^three_public\.(overseas|reception|vehicles)$/.test(s.metric) ? 'three_public' : null;
    if (!key) continue;
    const list = groups.get(key) ?? [];
    if (!list.some((x) => x.metric === s.metric && x.item === s.item)) list.push(s);
    groups.set(key, list);
  }
  const out: Diagnostic[] = [];
  for (const [key, shares] of groups) {
    if (shares.length < 2 || (key === 'three_public' && shares.length < 3)) continue;
    const sum = shares.reduce((a, s) => a + s.value, 0);
    const slack = shares.reduce((a, s) => a + stepOf(s) / 2, 0) + 1e-9;
    if (Math.abs(sum - 100) < 1e-9) continue;
    const severity = Math.abs(sum - 100) <= slack + 0.01 ? 'info' : 'warning';
    const label = key === 'three_public' ? table.label('three_public.total') : table.label(key.replace('.by_function', '.total'));
    out.push(
      diagnostic('check.share-sum', severity, `${label}各项占比合计 ${round(sum, 2)}%，应为 100%`, spanOf(shares[0] as CheckFact), {
        shares: shares.map(used),
        sum: round(sum, 4),
      }),
    );
  }
  return out;
}

/** Year-over-year figures against each other; a fall of more than 100 %; a rate from a zero base. */
export function checkYoy(facts: CheckFact[], table: ChecksTable): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const r of facts) {
    if (r.role === 'yoy_rate' && r.value < -100) {
      out.push(diagnostic('check.impossible.decrease-over-100', 'error', `${name(r, table)}下降 ${-r.value}%：减少不可能超过 100%`, spanOf(r), { stated: used(r) }));
      continue;
    }
    if (r.role === 'yoy_change') {
      const v = partner(facts, r, 'value');
      const p = partner(facts, r, 'prior_year');
      if (!v || !p) continue;
      const d = rateVerdict(
        'check.yoy.change',
        r,
        [v, p],
        ([a, b]) => (a as number) - (b as number),
        (x) => `${name(r, table)}增减额为 ${display(r.value, r)}，本年 ${display(v.value, v)} − 上年 ${display(p.value, p)} = ${display(x, r)}`,
      );
      if (d) out.push(d);
      continue;
    }
    if (r.role !== 'yoy_rate') continue;
    const v = partner(facts, r, 'value');
    if (!v) continue;
    const c = partner(facts, r, 'yoy_change');
    const p = partner(facts, r, 'prior_year');
    const prior = c ? v.value - c.value : p ? p.value : null;
    if (prior === null) continue;
    if (prior === 0 && v.value === 0) continue; // nothing then, nothing now
    if (prior <= 0) {
      out.push(
        diagnostic(
          'check.yoy.zero-base',
          prior === 0 && Math.abs(r.value) === 100 ? 'info' : 'warning',
          `${name(r, table)}上年为 ${display(prior, v)}，增长率 ${r.value}% 没有意义（基数为零或负）`,
          spanOf(r),
          {
            stated: used(r),
            value: used(v),
            prior,
          },
        ),
      );
      continue;
    }
    const inputs = c ? [v, c] : [v, p as CheckFact];
    const fn = c ? ([a, b]: number[]) => ((b as number) / ((a as number) - (b as number))) * 100 : ([a, b]: number[]) => (((a as number) - (b as number)) / (b as number)) * 100;
    const d = rateVerdict('check.yoy.rate', r, inputs, fn, (x) =>
      c
        ? `${name(r, table)}增长率为 ${r.value}%，按增减额 ${display(c.value, c)} 与本年 ${display(v.value, v)}（上年 ${display(prior, v)}）计算应为 ${round(x, 2)}%`
        : `${name(r, table)}增长率为 ${r.value}%，按本年 ${display(v.value, v)} 与上年 ${display(prior, v)} 计算应为 ${round(x, 2)}%`,
    );
    if (d) out.push(d);
  }
  return out;
}

/** 完成年初预算的…% against value ÷ budget; a rate against a zero budget; budget_variance against value − budget. */
export function checkBudget(facts: CheckFact[], table: ChecksTable): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const r of facts) {
    if (r.role !== 'budget_completion_rate' && r.role !== 'budget_variance') continue;
    const v = partner(facts, r, 'value');
    const b = partner(facts, r, 'budget');
    if (!v || !b) continue;
    if (r.role === 'budget_completion_rate' && b.value === 0) {
      if (v.value !== 0 || r.value !== 0) {
        out.push(
          diagnostic('check.budget.zero-budget', 'warning', `${name(r, table)}年初预算为 0，完成率 ${r.value}% 没有意义`, spanOf(r), {
            stated: used(r),
            budget: used(b),
            value: used(v),
          }),
        );
      }
      continue;
    }
    const d =
      r.role === 'budget_completion_rate'
        ? rateVerdict(
            'check.budget.completion',
            r,
            [v, b],
            ([a, c]) => ((a as number) / (c as number)) * 100,
            (x) => `${name(r, table)}完成年初预算 ${r.value}%，按决算 ${display(v.value, v)} ÷ 预算 ${display(b.value, b)} 计算应为 ${round(x, 2)}%`,
          )
        : rateVerdict(
            'check.budget.variance',
            r,
            [v, b],
            ([a, c]) => (a as number) - (c as number),
            (x) => `${name(r, table)}决算与预算之差为 ${display(r.value, r)}，按 ${display(v.value, v)} − ${display(b.value, b)} 应为 ${display(x, r)}`,
          );
    if (d) out.push(d);
  }
  return out;
}

/** 决算数大于/小于年初预算数 against the completion rate stated beside it. */
export function checkBudgetWording(text: string, facts: CheckFact[], table: ChecksTable): Diagnostic[] {
  const out: Diagnostic[] = [];
  const re = /决算数?\s*(大于|小于|等于|高于|低于|超过|大小于|小大于|小于大于|大于小于)\s*(?:年初)?预算数?/gu;
  const rates = new Map<number, Ordered>();
  for (const f of facts) {
    if (f.role !== 'budget_completion_rate') continue;
    const line = rates.get(f.line);
    if (!line) rates.set(f.line, { list: [f], ascending: true });
    else {
      line.ascending &&= f.end >= (line.list[line.list.length - 1] as CheckFact).end;
      line.list.push(f);
    }
  }
  let lineNo = 1;
  let nextBreak = text.indexOf('\n');
  for (const m of text.matchAll(re)) {
    const start = m.index;
    const end = start + m[0].length;
    const word = m[1] as string;
    // count line breaks incrementally: matches come in order
    while (nextBreak >= 0 && nextBreak < start) {
      lineNo++;
      nextBreak = text.indexOf('\n', nextBreak + 1);
    }
    const line = lineNo;
    if (/大小|小大|小于大于|大于小于/.test(word)) {
      out.push(diagnostic('check.budget.wording-unresolved', 'warning', `模板中的“大于/小于”未作选择：“${m[0]}”`, { start, end }, { text: m[0] }));
      continue;
    }
    const rate = lastEndingBy(rates.get(line), start);
    if (!rate) continue;
    const says = /大于|高于|超过/.test(word) ? 1 : /小于|低于/.test(word) ? -1 : 0;
    const actual = Math.sign(round(rate.value - 100, 6));
    if (says !== actual) {
      out.push(
        diagnostic(
          'check.budget.wording',
          'warning',
          `文中称决算数${word}预算数，但${name(rate, table)}完成年初预算 ${rate.value}%`,
          { start, end },
          {
            text: m[0],
            rate: used(rate),
          },
        ),
      );
    }
  }
  return out;
}

/** Facts in document order, with whether their ends ascend (they do unless spans nest). */
interface Ordered {
  readonly list: CheckFact[];
  ascending: boolean;
}

/** The last of the facts (in their order) that ends by `offset`: a binary search when the ends ascend. */
function lastEndingBy(facts: Ordered | undefined, offset: number): CheckFact | undefined {
  if (!facts) return undefined;
  const { list } = facts;
  if (!facts.ascending) return list.filter((f) => f.end <= offset).pop();
  const ended = leading(list, (f) => f.end <= offset);
  return ended > 0 ? list[ended - 1] : undefined;
}

/** A negative count is impossible. */
export function checkCounts(facts: CheckFact[], table: ChecksTable): Diagnostic[] {
  return facts
    .filter((f) => f.role === 'value' && f.unit !== 'CNY' && f.unit !== '%' && f.value < 0)
    .map((f) => diagnostic('check.impossible.negative-count', 'error', `${name(f, table)}为负数 ${f.value}${f.unit}`, spanOf(f), { stated: used(f) }));
}
