import { derivedFrom, type Patterns, type RoleRule } from '../../patterns.js';
import type { Quantity } from '../extract-quantities.js';
import { compactText } from '../phrases.js';
import { mayMatch } from './text.js';
import type { DocContext, Role } from './types.js';

/** A role rule with its pattern compiled for one document year. */
interface Rule extends RoleRule {
  readonly regex: RegExp;
}

/** The pattern of `rule` for a document of `year`: {{prevYear}} is the two years before it. */
export function rolePattern(rule: RoleRule, year: number | null): RegExp {
  const prev = year ? `(?:${year - 1}|${year - 2})年` : '(?!)';
  return new RegExp(rule.pattern.replace('{{prevYear}}', prev), 'u');
}

/**
 * The role rules of one kind of document (决算 or 预算; one of unknown kind is read as a final
 * account: 年初预算 is what 决算 speak of) and year, by the kind of quantity they apply to, in order.
 */
function rulesFor(patterns: Patterns, ctx: DocContext): Record<Quantity['kind'], Rule[]> {
  const docKind = ctx.kind ?? '决算';
  const byDoc = rulesByDoc(patterns);
  const key = `${docKind}|${ctx.year}`;
  let found = byDoc.get(key);
  if (!found) {
    const rules = patterns.roles.filter((r) => !r.docTypes || r.docTypes.includes(docKind)).map((r) => ({ ...r, regex: rolePattern(r, ctx.year) }));
    found = {
      money: rules.filter((r) => r.kinds.includes('money')),
      percent: rules.filter((r) => r.kinds.includes('percent')),
      count: rules.filter((r) => r.kinds.includes('count')),
    };
    byDoc.set(key, found);
  }
  return found;
}

/** The rules of each kind of document and year, compiled once. */
const rulesByDoc = derivedFrom(() => new Map<string, Record<Quantity['kind'], Rule[]>>());

/** Change words, increase first: the last one in a cue gives a change its sign. */
const changeWords = derivedFrom((patterns) => new RegExp(`(?:${patterns.cues.increase.regex.source})|(?:${patterns.cues.decrease.regex.source})`, 'gu'));

/** Whether the last change word of `cue` is one of decrease (减少, 下降, 节约 …). */
export function isDecrease(patterns: Patterns, cue: string): boolean {
  const words = cue.match(changeWords(patterns));
  const last = words?.[words.length - 1];
  return last !== undefined && patterns.cues.decrease.regex.test(last);
}

/** Where the last match of a cue ends in `s`, or −1. */
function lastEnd(re: RegExp, s: string): number {
  let end = -1;
  for (const m of s.matchAll(re)) end = m.index + m[0].length;
  return end;
}

/** A year that opens a clause (2021年，… / 2021年收入预算总额…), not one inside a name (补充2018年运行经费). */
const CLAUSE_YEAR = /(?:^|[,，;；:：])(?:在|于|截至)?((?:19|20)\d{2})年(?!\d{1,2}月)/gu;

/**
 * What the sentence says before a quantity that its own clause may not: what it compares with,
 * which year. Each is read from the sentence when first asked.
 */
export class SentenceContext {
  private compactText: string | null = null;
  private compared: 'budget' | 'prior' | null | undefined;
  private lastYear: number | null | undefined;

  constructor(
    private readonly patterns: Patterns,
    /** The sentence before the quantity, as written. */
    private readonly written: string,
    /** The rest of the sentence after it, as written. */
    private readonly after = '',
  ) {}

  private get text(): string {
    this.compactText ??= compactText(this.written);
    return this.compactText;
  }

  /**
   * The last comparison named before the quantity: with the budget or with last year. A budget
   * named with a year (与2021年度预算相比) is the document's own budget only in the document's
   * year; another year's budget is a comparison with that year.
   */
  comparedWith(docYear: number | null = null): 'budget' | 'prior' | null {
    if (this.compared === undefined) {
      const withBudget = this.patterns.cues['compared-with-budget'];
      const withPrior = this.patterns.cues['compared-with-prior'];
      let budget = -1;
      let prior = mayMatch(withPrior, this.written) ? lastEnd(withPrior.global, this.text) : -1;
      if (mayMatch(withBudget, this.written)) {
        for (const m of this.text.matchAll(withBudget.global)) {
          const end = (m.index ?? 0) + m[0].length;
          const year = m.groups?.year;
          if (year && docYear !== null && Number(year) !== docYear) prior = Math.max(prior, end);
          else budget = end;
        }
      }
      this.compared = budget < 0 && prior < 0 ? null : budget > prior ? 'budget' : 'prior';
    }
    return this.compared;
  }

  /** The year that opens a clause of the sentence last before the quantity (not a date: 2021年12月 is none). */
  year(): number | null {
    if (this.lastYear === undefined) {
      let last: RegExpMatchArray | undefined;
      if (this.written.includes('年')) for (const m of this.text.matchAll(CLAUSE_YEAR)) last = m;
      this.lastYear = last ? Number(last[1]) : null;
    }
    return this.lastYear;
  }

  /** The sentence ends naming the budget with its amount (完成全年预算84.82万元的): a rate right after completes it. */
  completesStatedBudget(): boolean {
    const cue = this.patterns.cues['completion-of-stated-budget'];
    return mayMatch(cue, this.written) && cue.regex.test(this.text);
  }

  /**
   * The rest of the sentence compares the figure with last year unnamed (…3.46万元，较上年增加2.4万元)
   * before it names a year of its own: the figure is the year the document reports on.
   */
  comparedWithLastYearAfter(): boolean {
    const withPrior = this.patterns.cues['compared-with-prior'];
    if (!mayMatch(withPrior, this.after)) return false;
    const rest = compactText(this.after);
    const m = withPrior.regex.exec(rest);
    if (!m || /\d/.test(m[0])) return false;
    return !/(?:19|20)\d{2}年/u.test(rest.slice(0, m.index));
  }
}

export interface RoleFound {
  readonly role: Role;
  readonly negative: boolean;
}

/**
 * Reads the role of each quantity of one document: the first rule of patterns/roles.json that
 * holds for its kind, the document's kind, the sentence's comparison and year, and the words of its
 * clause (`rawCue`, the subject's phrase left out); `value` when none holds.
 */
export class RoleReader {
  private readonly rules: Record<Quantity['kind'], Rule[]>;

  constructor(
    private readonly patterns: Patterns,
    private readonly ctx: DocContext,
  ) {
    this.rules = rulesFor(patterns, ctx);
  }

  roleOf(q: Quantity, rawCue: string, sentence: SentenceContext): RoleFound {
    const alternative = this.patterns.cues['template-alternative'];
    const cue = mayMatch(alternative, rawCue) ? rawCue.replace(alternative.global, '') : rawCue;
    if (q.kind === 'percent' && /^的?$/.test(cue) && sentence.completesStatedBudget()) return { role: 'budget_completion_rate', negative: false };
    for (const r of this.rules[q.kind]) {
      if (!r.regex.test(cue)) continue;
      // the sentence is read only for a rule that asks about it, and whose words hold
      if (r.comparedWith && r.comparedWith !== sentence.comparedWith(this.ctx.year)) continue;
      if (r.yearBefore && !isYearBefore(this.ctx, sentence)) continue;
      if (r.role === 'prior_year' && !r.yearBefore && ownYearNamedAsLast(this.ctx, yearOf(cue.match(r.regex)?.[0]), sentence)) continue;
      return { role: r.role, negative: Boolean(r.sign) && isDecrease(this.patterns, cue) };
    }
    return { role: 'value', negative: false };
  }
}

function isYearBefore(ctx: DocContext, sentence: SentenceContext): boolean {
  const year = sentence.year();
  return ctx.year !== null && year !== null && year < ctx.year && !ownYearNamedAsLast(ctx, year, sentence);
}

/** The year a matched 2022年 names, or null (上年 names none). */
const yearOf = (matched: string | undefined): number | null => (matched && /^\d{4}年$/.test(matched) ? Number(matched.slice(0, 4)) : null);

/**
 * A figure of last year's number (2022年 in a 2023 document) that the rest of its sentence compares
 * with an unnamed 上年 is the document's own: a template not brought up to date.
 */
function ownYearNamedAsLast(ctx: DocContext, year: number | null, sentence: SentenceContext): boolean {
  return ctx.year !== null && year === ctx.year - 1 && sentence.comparedWithLastYearAfter();
}
