import { derivedFrom, type Patterns } from '../../patterns.js';
import type { Quantity } from '../extract-quantities.js';
import { everywhere } from './text.js';
import type { DocContext, Role } from './types.js';

interface RoleRule {
  readonly role: Role;
  readonly kinds: readonly string[];
  readonly docTypes: readonly string[] | undefined;
  readonly sign: boolean;
  readonly regex: RegExp;
}

/** Role rules by document year (the year before is filled in), compiled once per year. */
const rulesByYear = derivedFrom(() => new Map<number | null, RoleRule[]>());

function rulesFor(patterns: Patterns, year: number | null): RoleRule[] {
  const byYear = rulesByYear(patterns);
  let rules = byYear.get(year);
  if (!rules) {
    const prev = year ? `(?:${year - 1}|${year - 2})年` : '(?!)';
    rules = patterns.roles.map((r) => ({
      role: r.role as Role,
      kinds: r.kinds,
      docTypes: r.docTypes,
      sign: r.sign,
      regex: new RegExp(r.source.replace('{{prevYear}}', prev), 'u'),
    }));
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

export interface RoleFound {
  readonly role: Role;
  readonly negative: boolean;
}

/**
 * The role of a quantity from the words of its clause (the subject's phrase left out): the first
 * rule of patterns/roles.json that holds for its kind and the document's kind; `value` when none.
 */
export function roleOf(patterns: Patterns, ctx: DocContext, q: Quantity, rawCue: string): RoleFound {
  const cue = rawCue.replace(everywhere(patterns.cues['template-alternative']), '');
  for (const r of rulesFor(patterns, ctx.year)) {
    if (!r.kinds.includes(q.kind)) continue;
    if (r.docTypes && (!ctx.kind || !r.docTypes.includes(ctx.kind))) continue;
    if (!r.regex.test(cue)) continue;
    return { role: r.role, negative: r.sign && isDecrease(patterns, cue) };
  }
  return { role: 'value', negative: false };
}
