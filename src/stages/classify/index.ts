import { negateDecimal } from '../../decimal.js';
import type { Diagnostic } from '../../diagnostics.js';
import type { Patterns } from '../../patterns.js';
import type { Quantity } from '../extract-quantities.js';
import { cleanItem } from '../items.js';
import type { PhraseMatcher } from '../phrases.js';
import type { Section, Segmentation } from '../segment.js';
import { type Site, Walk } from './context.js';
import { type Outcome, RESOLVERS, type Run } from './resolvers.js';
import { flattenedTableFacts } from './flattened.js';
import { ownName } from './names.js';
import { fundTotal } from './resolve-parts.js';
import { RoleReader, SentenceContext } from './roles.js';
import { SubjectMaker } from './subjects.js';
import type { Basis, DocContext, Placed, Role, Subject } from './types.js';

export type { Basis, DocContext, Placed, Role } from './types.js';
export { BASES } from './types.js';

/**
 * Places each quantity of a document: what it is about (a metric, an item and its code) and its
 * role. The subject comes from the first resolver that finds one (resolvers.ts), the role from the
 * words of its clause (roles.ts); a quantity no resolver places is `unmapped`, never guessed.
 */
export class Classifier {
  private readonly maker: SubjectMaker;
  private readonly roles: RoleReader;
  /** What the resolvers found wrong in the text (a code the table names otherwise), offsets in the normal text. */
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    private readonly patterns: Patterns,
    private readonly phrases: PhraseMatcher,
    private readonly ctx: DocContext,
  ) {
    this.maker = new SubjectMaker(patterns, phrases);
    this.roles = new RoleReader(patterns, ctx);
  }

  /** The figures of the small “三公” tables flattened into the text (kept out of the narrative's quantities). */
  tableFacts(text: string, seg: Segmentation): Placed[] {
    return flattenedTableFacts(text, seg.tableRanges, this.maker, this.ctx);
  }

  classify(text: string, quantities: readonly Quantity[], seg: Segmentation): Placed[] {
    const out: Placed[] = [];
    const walk = new Walk(text, seg, this.patterns, this.phrases, this.maker);
    for (const q of quantities) {
      const site = walk.site(q);
      const found = this.resolve(site);
      if (found === null) {
        this.place(out, site, null);
        // what follows an unplaced figure with a name of its own (专技岗7人（其中：…）) is about that
        const name = ownName(site.clauseRaw, this.patterns);
        if (name) walk.unplacedNamed(q, name);
        else walk.placed(q, null, false);
        continue;
      }
      if (found.kind === 'skip') {
        walk.placed(q, null, false); // 无 before words the tool cannot place is no quantity
        continue;
      }
      if (found.kind === 'unmapped') {
        const { role, value } = this.roleOf(site, null);
        // a figure of an org-unit block (1.办公室 … 主任职数1名) is that unit's, whatever words it has
        if (site.orgUnit !== null) out.push(unmapped(q, site.orgUnit, role, value, site.section, 'org-unit'));
        else out.push(unmapped(q, found.item, role, value, site.section, 'unplaced'));
        if (found.item) walk.unplacedNamed(q, found.item);
        else walk.placed(q, null, false);
        continue;
      }
      const placed = this.place(out, site, found.subject);
      walk.placed(q, placed, true, out.at(-1)?.role);
    }
    return out;
  }

  /** The first outcome of the resolvers, in order; null when none places the quantity. */
  private resolve(site: Site): Outcome | null {
    const run: Run = {
      patterns: this.patterns,
      maker: this.maker,
      want: { q: site.q, family: site.family, group: site.group, classKind: site.classKind },
      blockedTrail: null,
      diagnostics: this.diagnostics,
    };
    for (const r of RESOLVERS) {
      const outcome = r.resolve(site, run);
      if (outcome?.kind === 'subject') return { kind: 'subject', subject: fundTotal(site, outcome.subject, this.patterns) };
      if (outcome) return outcome;
    }
    return null;
  }

  /** The role of a quantity from its clause's words (the subject's phrase left out), and its value signed by it. */
  private roleOf(site: Site, subj: Subject | null): { role: Role; value: string } {
    const { q } = site;
    if (q.none) return { role: 'value', value: q.value };
    const { role, negative } = this.roles.roleOf(q, cueOf(site.clause, subj, this.phrases), new SentenceContext(this.patterns, site.sentence, site.after));
    return { role, value: negative ? negateDecimal(q.value) : q.value };
  }

  /**
   * Adds a quantity's rows: its role from the clause's words (the subject's phrase left out), then
   * one row per metric the subject names, or one unmapped row (no subject, an org-unit block, a
   * percentage without a role). Returns the subject when it was placed (the line goes on with it).
   */
  private place(out: Placed[], site: Site, subj: Subject | null): Subject | null {
    const { q, section } = site;
    const read = this.roleOf(site, subj);
    // a line of a list opened after a budget figure (“三公”经费预算为20万元，其中：公务接待费9万元) is a budget too
    const parent = site.enumParent;
    const listedBudget =
      read.role === 'value' && subj?.basis === 'enumeration' && parent !== null && site.enumRole === 'budget' && !subj.metrics.some((m) => parent.metrics.includes(m));
    const { role, value } = listedBudget ? { ...read, role: 'budget' as Role } : (bracketedRate(site, read, out.at(-1)) ?? read);
    if (site.orgUnit !== null) {
      out.push(unmapped(q, site.orgUnit, role, value, section, 'org-unit'));
      return null;
    }
    // a percentage whose role the words do not give cannot be a money metric's value; income named
    // under procurement or “三公” is the funding of what the section is about (按资金类型划分，一般公共预算拨款…)
    const fundingOfOther = (section === 'other' || section === 'three_public') && subj?.metrics.every((m) => m.startsWith('income.'));
    if (!subj || fundingOfOther || (q.kind === 'percent' && role === 'value')) {
      out.push(unmapped(q, cleanItem(site.clauseRaw), role, value, section, 'unplaced'));
      return null;
    }
    const metrics = q.list && subj.metrics.length === q.list.size ? [subj.metrics[q.list.index] as string] : subj.metrics;
    for (const metric of metrics) {
      out.push({ quantity: q, metric, item: subj.item, code: subj.code, role, value, section: section ?? sectionOfMetric(metric), basis: subj.basis });
    }
    return subj;
  }
}

/**
 * The words of a clause that give a role: the subject's phrase left out, but for the 预算 or 决算
 * it ends with (“三公”经费预算 in a 决算 is the budget of three_public.total).
 */
function cueOf(clause: string, subj: Subject | null, phrases: PhraseMatcher): string {
  if (!subj?.phrase) return clause;
  const tail = /(?:预算|决算)数?$/.exec(subj.phrase)?.[0] ?? '';
  // only a word added to the name of the metric (“三公”经费 + 预算), not a budget's own name (一般公共预算)
  const added = tail && phrases.table.get(subj.phrase.slice(0, -tail.length))?.metrics.length ? tail : '';
  return clause.replace(subj.phrase, added);
}

/** The rate of a change given in brackets right after it (减少18.50万元（65.37%）): the change's rate, with its sign. */
function bracketedRate(site: Site, read: { role: Role; value: string }, before: Placed | undefined): { role: Role; value: string } | null {
  if (site.q.kind !== 'percent' || read.role !== 'value' || !before || !/^\s*[(（]\s*$/.test(site.lead)) return null;
  const role = ({ yoy_change: 'yoy_rate', budget_variance: 'budget_variance_rate' } as const)[before.role as 'yoy_change' | 'budget_variance'];
  if (!role) return null;
  return { role, value: before.value.startsWith('-') ? negateDecimal(site.q.value) : site.q.value };
}

function unmapped(q: Quantity, item: string, role: Role, value: string, section: Section | null, basis: Basis): Placed {
  return { quantity: q, metric: 'unmapped', item, code: '', role, value, section, basis };
}

function sectionOfMetric(metric: string): Section | null {
  if (metric.startsWith('income.')) return 'income';
  if (metric.startsWith('three_public.')) return 'three_public';
  if (/^(staff|org)\./.test(metric)) return 'overview';
  if (/^(operating_costs|procurement|assets|performance|purchased_services|key_projects|special_transfers|meetings|training)\./.test(metric)) return 'other';
  if (/expenditure|balance/.test(metric)) return 'expenditure';
  return null;
}
