import type { Patterns } from '../../patterns.js';
import { compactText } from '../phrases.js';
import { codeOfName, resolvePath } from './codes.js';
import type { Site } from './context.js';
import { PATH } from './lines.js';
import { namesSomething, ownName } from './names.js';
import { type Resolver, subject } from './outcome.js';
import { maskForSubject, mayMatch } from './text.js';
import { type Basis, classificationLine, restated, type Subject } from './types.js';

/** Resolvers that read the words around a quantity: its list, clause, sentence, line and headings. */

/** A line of a list opened by 其中 / 包括 under the subject before it. */
export const enumeration: Resolver = {
  name: 'enumeration',
  resolve(site, run) {
    // a line written as its 类/款/项 path is the path's (其中，教育支出（类）普通教育（款）小学教育（项）1180.62万元)
    if (site.clause.includes('(类)') || site.clause.includes('（类）')) return null;
    return site.enumParent ? subject(run.maker.childOf(site.enumParent, site.clause, site.maskedClause, run.want, site.sentence + site.after)) : null;
  },
};

/** The last phrase of the quantity's own clause (comparisons, shares and reasons masked). */
export const clause: Resolver = {
  name: 'clause',
  resolve(site, run) {
    if (run.blockedTrail !== null) return { kind: 'unmapped', item: run.blockedTrail };
    const found = run.maker.pickLast(site.maskedClause, run.want, false, 'clause');
    if (!found) return null;
    // a name after the phrase and 中 is a part of it (基本支出中医疗业务支出5868.43万元): that part, unplaced
    const after = site.maskedClause.slice(site.maskedClause.lastIndexOf(found.phrase) + found.phrase.length);
    const part = /^(?:之中|中)([\u4e00-\u9fff]{2,})$/u.exec(after)?.[1];
    if (part && namesSomething(part, run.patterns)) return { kind: 'unmapped', item: part };
    // a part of a list's total named by qualifying the total's own name (年末结转和结余…（其中：项目支出结转和结余27.80万元）)
    const parent = site.enumParent;
    if (parent && found.entry && found.entry === parent.entry && !found.item && found.metrics.join() === parent.metrics.join()) {
      const own = ownName(site.clauseRaw, run.patterns);
      const qualifier = own.endsWith(found.phrase) ? own.slice(0, -found.phrase.length) : '';
      if (qualifier && namesSomething(qualifier, run.patterns)) return { kind: 'unmapped', item: own };
    }
    // the subject before, named again in short (一般公共预算财政拨款支出…。与上年相比，一般公共预算财政拨款增加)
    const prev = site.lineSubj;
    if (prev && prev.entry !== found.entry && shortFor(found.phrase, prev.phrase) && run.maker.compatible(prev, site.q))
      return subject(restated(prev, { ...prev, basis: 'clause' }));
    // a line-only word (离休人员) beside its sibling in the sentence (…离休人员0人，退休人员1人) names a line
    if (!found.item && run.maker.namesLineBeside(found.phrase, found.metrics[0] ?? '', site.sentence + site.after)) {
      return subject(restated(found, { ...found, item: found.phrase }));
    }
    // a subject found inside a longer line name: the item is the whole name
    return subject(found.entry === null && found.phrase ? run.maker.widenItem(found, site.clauseRaw, site.classKind) : run.maker.asLineOfName(found, site.clauseRaw));
  },
};

/** `phrase` is the opening of `longer`, four characters at least: a short name for it. */
const shortFor = (phrase: string, longer: string): boolean => phrase.length >= 4 && longer.length > phrase.length && longer.startsWith(phrase);

/** The last phrase of the sentence so far. */
export const lead: Resolver = {
  name: 'lead',
  resolve(site, run) {
    return subject(run.maker.pickLast(maskForSubject(compactText(site.lead), run.patterns), run.want, false, 'lead'));
  },
};

/** The side of the accounts a metric is on: what comes in, or what goes out (spending of any kind). */
export const sideOf = (metric: string): 'income' | 'expenditure' => (metric.startsWith('income.') ? 'income' : 'expenditure');

/**
 * A clause that opens with bare 收入 / 支出 names its own total (支出5238630.16元), unless the
 * sentence is about a subject on that side already (公务接待24批次,210人次,支出2.05万元: the
 * reception's spending).
 */
export const bareTotal: Resolver = {
  name: 'total',
  resolve(site, run) {
    const bare = run.patterns.cues['bare-total'].regex.exec(site.maskedClause);
    if (!bare) return null;
    const word = bare[1] as string;
    const prev = site.lineSubj;
    const sameSide = prev?.metrics.every((m) => sideOf(m) === (word === '收入' ? 'income' : 'expenditure'));
    if (prev && sameSide && !site.newSentence && run.maker.compatible(prev, site.q)) return null;
    return subject(run.maker.pickLast(word, run.want, true, 'total'));
  },
};

/** Whether a count's clause names something of its own (then it does not inherit). */
export function countNamesOther(site: Site, patterns: Patterns): boolean {
  return site.q.kind === 'count' && /[\u4e00-\u9fff]{2,}/.test(site.maskedClause.replace(patterns.cues['count-filler'].global, ''));
}

/** Whether a subject is a line of a breakdown (an item of its own: 教育支出, 办公费, 行政编制). */
export const isLine = (s: Subject): boolean => s.item !== '';

/**
 * A clause that names its quantity in its own words the tables do not know never takes the
 * subject before it: it is the next line of the same breakdown (教育支出…、农林水支出13.40万元),
 * its code only where the table has that very name, or else a quantity the tool cannot place.
 */
export const ownNamed: Resolver = {
  name: 'enumeration',
  resolve(site, run) {
    const name = ownName(site.clauseRaw, run.patterns);
    if (!name) return null;
    const prev = site.lineSubj;
    // (counts: only in the sentence of the line before; 专技岗7人 past 退休人员0人。 is no line of it)
    const sameBreakdown = !(site.q.kind === 'count' && site.newSentence);
    if (prev && isLine(prev) && sameBreakdown && run.maker.compatible(prev, site.q) && prev.metrics.every((m) => m !== 'unmapped')) {
      const metrics = prev.entry ? run.maker.metricsOf(prev.entry, site.q, run.want.family) : prev.metrics;
      const code = codeOfName(run.patterns, name, prev.code);
      return subject(restated(prev, { metrics, item: name, code, phrase: name, basis: 'enumeration' }));
    }
    // a total whose lines are its own metric (在职人员81人，专业技术人员57人): a line of it
    const itemMetric = prev?.entry?.itemMetric;
    // (in the sentence of the total: past its end, 专技岗7人 is no line of 退休人员0人)
    if (prev && itemMetric && !site.newSentence && prev.metrics.includes(itemMetric) && run.maker.compatible(prev, site.q)) {
      return subject(restated(prev, { metrics: [itemMetric], item: name, code: '', phrase: name, basis: 'enumeration' }));
    }
    // a part listed after 其中 under a total that has no lines of its own, after a headline
    // figure a name shaped like a line's (…支出, …费), and a name that opens its own sentence
    // (…等。分散采购305万元) are surely another subject
    // (收支, 收入, 支出 name the totals themselves: they go on with them)
    const opensSentence = prev !== null && !isLine(prev) && site.newSentence && site.lead.trim() === site.clauseRaw.trim() && !/^(?:收支|收入|支出)/u.test(name);
    const lineName = run.patterns.cues['item-name'].regex.test(name);
    // under words that say which breakdown is listed (按支出功能分类…), a line's name is a line of it
    if (lineName && site.classKind && !site.enumParent) return subject(breakdownLine(site, run.want.family, name, 'enumeration'));
    // a 类 named without its 支出 (按支出功能分类：教育4411.13万元) is that 类
    const code = site.classKind === 'function' ? codeOfName(run.patterns, `${name}支出`, '2') : '';
    if (code.length === 3) return subject({ ...breakdownLine(site, run.want.family, name, 'enumeration'), code });
    return site.enumParent || opensSentence || lineName ? { kind: 'unmapped', item: name } : null;
  },
};

/** The subject placed last in the line or sentence goes on (，占0.86%). */
export const inherited: Resolver = {
  name: 'inherited',
  resolve(site, run) {
    const prev = site.lineSubj;
    if (!prev || !run.maker.compatible(prev, site.q) || countNamesOther(site, run.patterns)) return null;
    // a clause that says 收入 or 支出 of the other side does not go on with this subject (支出…，比上年收入增加50.8%)
    const side = /收入/.test(site.maskedClause) ? 'income' : /支出/.test(site.maskedClause) ? 'expenditure' : null;
    if (side && !site.maskedClause.includes('收支') && prev.metrics.every((m) => sideOf(m) !== side)) return null;
    const metrics = prev.entry ? run.maker.metricsOf(prev.entry, site.q, run.want.family) : prev.metrics;
    const both = metrics.length === 1 && metrics[0] === 'expenditure.total' && (pairedTotals(site.sentence, run.patterns) || pairedTotals(site.lineBefore, run.patterns));
    return subject(restated(prev, { metrics: both ? ['income.total', 'expenditure.total'] : metrics, item: prev.item, code: prev.code, phrase: prev.phrase, basis: 'inherited' }));
  },
};

/** The sentence gave income and expenditure totals of the same amount (收入总计X万元，支出总计X万元). */
function pairedTotals(sentence: string, patterns: Patterns): boolean {
  const cue = patterns.cues['paired-totals'];
  if (!mayMatch(cue, sentence)) return false;
  const m = cue.regex.exec(compactText(sentence));
  const amount = (s: string | undefined) => (s ?? '').replace(/,/g, '');
  return m !== null && amount(m.groups?.a) === amount(m.groups?.b);
}

/** A line of the breakdown in force (function or economic) named in the text's own words, no code. */
function breakdownLine(site: Site, family: string, name: string, basis: Basis): Subject {
  const breakdown = site.classKind === 'economic' ? 'by_economic' : 'by_function';
  return { entry: null, metrics: [`${family}.${breakdown}`], item: name, code: '', phrase: name, group: null, countOnly: false, basis };
}

/** The two innermost headings above (a 类/款/项 path or a phrase in the title). */
export const heading: Resolver = {
  name: 'heading',
  resolve(site, run) {
    if (countNamesOther(site, run.patterns)) return null;
    // a sentence or line that opens with a name of its own the tables do not know is about that, not the heading
    const opens = site.newSentence || site.lead.trim() === site.clauseRaw.trim();
    const own = opens ? ownName(site.clauseRaw, run.patterns) : '';
    // …a line of the breakdown the text says it lists (按支出功能分类…), with no code, or unplaced
    if (own && site.classKind) return subject(breakdownLine(site, run.want.family, own, 'heading'));
    if (own) return { kind: 'unmapped', item: own };
    for (const h of site.headings.slice(0, 2)) {
      if (h.section === 'glossary') break;
      if (/\d/.test(h.title.replace(/\d{4}年度?/g, ''))) continue;
      const title = compactText(h.title);
      const hp = [...title.matchAll(PATH)].pop();
      if (hp) {
        const { code, item } = resolvePath(
          run.patterns,
          [hp[1], hp[2], hp[3]].filter((n): n is string => Boolean(n)),
        );
        return subject(classificationLine(run.want.family, code, item, '', 'heading'));
      }
      const found = run.maker.pickLast(maskForSubject(title, run.patterns), run.want, false, 'heading');
      // a heading's words the vocabulary sets aside (预算编制说明) name nothing: the clause's weak words may
      if (found && !found.metrics.includes('unmapped')) return subject(found);
    }
    return null;
  },
};

/** Last, a weak phrase of the clause (支出, 收入 alone). */
export const weak: Resolver = {
  name: 'weak',
  resolve(site, run) {
    return subject(run.maker.pickLast(site.maskedClause, run.want, true, 'weak'));
  },
};
