import { derivedFrom, type Patterns, type RoleRule } from '../../patterns.js';
import type { Quantity } from '../extract-quantities.js';
import { everywhere } from './text.js';
import type { DocContext, Role } from './types.js';

/** A role rule with its pattern compiled for one document year. */
interface Rule extends RoleRule {
  readonly regex: RegExp;
}

/** Role rules by document year (the years before are filled in), compiled once per year. */
const rulesByYear = derivedFrom(() => new Map<number | null, Rule[]>());

/** The pattern of `rule` for a document of `year`: {{prevYear}} is the two years before it. */
export function rolePattern(rule: RoleRule, year: number | null): RegExp {
  const prev = year ? `(?:${year - 1}|${year - 2})年` : '(?!)';
  return new RegExp(rule.pattern.replace('{{prevYear}}', prev), 'u');
}

function rulesFor(patterns: Patterns, year: number | null): Rule[] {
  const byYear = rulesByYear(patterns);
  let rules = byYear.get(year);
  if (!rules) {
    rules = patterns.roles.map((r) => ({ ...r, regex: rolePattern(r, year) }));
    byYear.set(year, rules);
  }
  return rules;
}

/** Change words, increase first: the last one in a cue gives a change its sign. */
const changeWords = derivedFrom((patterns) => new RegExp(`(?:${patterns.cues.increase.regex.source})|(?:${patterns.cues.decrease.regex.source})`, 'gu'));

/** Whether the last change word of `cue` is one of decrease (减少, 下降, 节约 …). */
export function isDecrease(patterns: Patterns, cue: string): boolean {
  const words = cue.match(changeWords(patterns));
  const last = words?.[words.length - 1];
  return last !== undefined && patterns.cues.decrease.regex.test(last);
}

/** What the sentence says before a quantity that its own clause may not: what it compares with, which year. */
export interface SentenceContext {
  /** The last comparison named before the quantity: with the budget or with last year. */
  readonly comparedWith: 'budget' | 'prior' | null;
  /** The year named last before the quantity (not a date: 2021年12月 is none). */
  readonly year: number | null;
}

/** Where the last match of a cue ends in `s`, or −1. */
function lastEnd(re: RegExp, s: string): number {
  let end = -1;
  for (const m of s.matchAll(re)) end = m.index + m[0].length;
  return end;
}

/** The comparison and the year of a sentence's text before a quantity (compact text). */
export function sentenceContext(patterns: Patterns, sentence: string): SentenceContext {
  const budget = lastEnd(everywhere(patterns.cues['compared-with-budget']), sentence);
  const prior = lastEnd(everywhere(patterns.cues['compared-with-prior']), sentence);
  const comparedWith = budget < 0 && prior < 0 ? null : budget > prior ? 'budget' : 'prior';
  // a year that opens a clause (2021年，… / 2021年收入预算总额…), not one inside a name (补充2018年运行经费)
  const years = [...sentence.matchAll(/(?:^|[,，;；:：])(?:在|于|截至)?((?:19|20)\d{2})年(?!\d{1,2}月)/gu)];
  const last = years[years.length - 1];
  return { comparedWith, year: last ? Number(last[1]) : null };
}

export interface RoleFound {
  readonly role: Role;
  readonly negative: boolean;
}

/**
 * The role of a quantity: the first rule of patterns/roles.json that holds for its kind, the
 * document's kind, the sentence's comparison and year, and the words of its clause (`rawCue`, the
 * subject's phrase left out); `value` when none holds.
 */
export function roleOf(patterns: Patterns, ctx: DocContext, q: Quantity, rawCue: string, sentence: SentenceContext): RoleFound {
  const cue = rawCue.replace(everywhere(patterns.cues['template-alternative']), '');
  const yearBefore = ctx.year !== null && sentence.year !== null && sentence.year < ctx.year;
  for (const r of rulesFor(patterns, ctx.year)) {
    if (!r.kinds.includes(q.kind)) continue;
    // a document of unknown kind is read as a final account (年初预算 is what 决算 speak of)
    if (r.docTypes && !r.docTypes.includes(ctx.kind ?? '决算')) continue;
    if (r.comparedWith && r.comparedWith !== sentence.comparedWith) continue;
    if (r.yearBefore && !yearBefore) continue;
    if (!r.regex.test(cue)) continue;
    return { role: r.role, negative: Boolean(r.sign) && isDecrease(patterns, cue) };
  }
  return { role: 'value', negative: false };
}
