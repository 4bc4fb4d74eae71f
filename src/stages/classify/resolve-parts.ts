import type { Patterns } from '../../patterns.js';
import { cleanItem } from '../items.js';
import type { Site } from './context.js';
import { ownName } from './names.js';
import { type Resolver } from './outcome.js';
import { restated, type Subject } from './types.js';

/** Resolvers for what belongs to a figure the tool could not place, and the fund a sentence's totals are of. */

/** A line of a list (其中…) under a figure the tool could not place: unplaced too, with its own name. */
export const unplacedList: Resolver = {
  name: 'unplaced',
  resolve(site, run) {
    if (site.unplacedParent === null) return null;
    // a line that names a metric of its own is that (职工34人，其中：在编人员21人); only the parts of a
    // line of the accounts (基本支出, 项目支出) are the unplaced figure's
    const named = run.maker.pickLast(site.maskedClause, run.want, false, 'clause');
    if (named && !named.metrics.some((m) => /\.(?:basic|project)$/.test(m))) return null;
    const own = ownName(site.clauseRaw, run.patterns) || cleanItem(site.clauseRaw);
    return { kind: 'unmapped', item: own ? `${site.unplacedParent}：${own}` : site.unplacedParent };
  },
};

/**
 * A figure whose clause holds no phrase at all after one the tool could not place in the same sentence
 * (政府集中采购预算3378990元，占政府采购预算的52.55%) is about that one: unplaced with its name,
 * never given the heading's subject.
 */
export const afterUnplaced: Resolver = {
  name: 'unplaced',
  resolve(site, run) {
    if (site.unplacedBefore === null || site.lineSubj !== null) return null;
    return run.maker.phrases.find(site.maskedClause).length ? null : { kind: 'unmapped', item: site.unplacedBefore };
  },
};

/**
 * The bare expenditure total of a sentence that opened with a fund's income is that fund's
 * (财政拨款收入总计500.12万元，支出总计500.12万元: appropriation_expenditure.total).
 */
export function fundTotal(site: Site, found: Subject, patterns: Patterns): Subject {
  const [metric] = found.metrics;
  if (found.metrics.length !== 1 || (metric !== 'expenditure.total' && metric !== 'expenditure.current_year')) return found;
  const prev = site.lineSubj;
  // (not a fund's income listed under the total: 收入…，其中…政府性基金收入42.88万元，支出…)
  if (site.newSentence || !prev || prev.metrics.length !== 1 || site.enumParent !== null) return found;
  const family = patterns.fundExpenditure[prev.metrics[0] ?? ''];
  // no phrase entry: what goes on with it (与上年相比，增加40.72万元) keeps the fund's metric
  return family ? { ...restated(found, { ...found, metrics: [`${family}.total`] }), entry: null } : found;
}
