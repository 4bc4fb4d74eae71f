import type { Patterns } from '../../patterns.js';
import { cleanItem } from '../items.js';
import { compactText } from '../phrases.js';
import { type Diagnostic, diagnostic } from '../../diagnostics.js';
import { codedName, codeOfName, resolvePath } from './codes.js';
import { ownName } from './names.js';
import { PATH, type Site } from './context.js';
import type { SubjectMaker, Want } from './subjects.js';
import { everywhere, maskForSubject } from './text.js';
import type { Basis, Subject } from './types.js';

/** What a resolver decides: no quantity at all, a quantity it cannot place, or its subject. */
export type Outcome =
  | { readonly kind: 'skip' }
  | { readonly kind: 'unmapped'; readonly item: string }
  | { readonly kind: 'subject'; readonly subject: Subject };

/** What the resolvers of one quantity share: the tools, and what an earlier one found. */
export interface Run {
  readonly patterns: Patterns;
  readonly maker: SubjectMaker;
  readonly want: Want;
  /** The noun after a count that names nothing known (設8个XX): the quantity is that, unplaced. */
  blockedTrail: string | null;
  /** Findings of the resolvers (a code the table names otherwise), offsets in the normal text. */
  readonly diagnostics: Diagnostic[];
}

export interface Resolver {
  readonly name: Basis;
  /** The outcome, or null to let the next resolver try. */
  resolve(site: Site, run: Run): Outcome | null;
}

const subject = (s: Subject | null): Outcome | null => (s ? { kind: 'subject', subject: s } : null);

/** The words right after a quantity on its line (up to `n` characters, compact). */
const trailOf = (site: Site, n: number): string => compactText(site.text.slice(site.q.end, site.q.end + n).split('\n')[0] ?? '');

/** 无 names what follows it (无公务用车购置费); a 无 nothing known follows is no quantity. */
const noneTrail: Resolver = {
  name: 'trail',
  resolve(site, run) {
    if (!site.q.none) return null;
    const trail = trailOf(site, 24).split(/[,，。；;]/)[0] ?? '';
    const first = run.maker.phrases.find(trail)[0];
    const found = first && first.start === 0 ? run.maker.fromMatch(first, run.want, false, 'trail') : null;
    if (!found || run.patterns.cues['none-reason'].regex.test(site.clause)) return { kind: 'skip' };
    return subject(found);
  },
};

/** 设8个内设机构: the noun after a count names what is counted. */
const countTrail: Resolver = {
  name: 'trail',
  resolve(site, run) {
    if (site.q.kind !== 'count' || site.q.none) return null;
    const trail = /^[\u4e00-\u9fff]{1,8}/.exec(trailOf(site, 12))?.[0] ?? '';
    if (!trail || run.patterns.cues['count-trail-stop'].regex.test(trail)) return null;
    const hit = run.maker.phrases.find(trail).find((m) => m.start === 0);
    const found = hit ? run.maker.fromMatch(hit, run.want, false, 'trail') : null;
    if (!found) run.blockedTrail = cleanItem(trail);
    return subject(found);
  },
};

/**
 * The figures of a reason (…，主要原因是人员经费增加30.00万元、商品和服务支出增加10.00万元) are the
 * reason's own: the subject its clause names, or a quantity the tool cannot place; never the
 * sentence's subject.
 */
const reason: Resolver = {
  name: 'reason',
  resolve(site, run) {
    if (!site.inReason || site.q.kind === 'count') return null;
    const found = run.maker.pickLast(site.clause, run.want, false, 'reason');
    if (found) return subject(found.entry === null && found.phrase ? run.maker.widenItem(found, site.clauseRaw) : found);
    return { kind: 'unmapped', item: ownName(site.clauseRaw, run.patterns) };
  },
};

/**
 * An item written with its code (（二）205-教育支出812万元, 2080505 机关事业单位基本养老保险缴费支出):
 * the code is the text's, the item the name without it; a code the table names otherwise is
 * reported.
 */
const coded: Resolver = {
  name: 'coded',
  resolve(site, run) {
    if (site.q.kind === 'count') return null;
    const found = codedName(run.patterns, site.clause);
    if (!found) return null;
    if (found.tableName) {
      run.diagnostics.push(
        diagnostic('classify.code-mismatch', 'warning', `the text names ${found.code} ${found.name}; the classification table names ${found.code} ${found.tableName}`, site.q, {
          code: found.code,
          text: found.name,
          table: found.tableName,
        }),
      );
    }
    const breakdown = /^[35]/.test(found.code) ? 'by_economic' : 'by_function';
    const metrics = [`${run.want.family}.${breakdown}`];
    return subject({ entry: null, metrics, item: found.name, code: found.code, phrase: found.text, group: null, countOnly: false, basis: 'coded' });
  },
};

/** A line of a list opened by 其中 / 包括 under the subject before it. */
const enumeration: Resolver = {
  name: 'enumeration',
  resolve(site, run) {
    return site.enumParent ? subject(run.maker.childOf(site.enumParent, site.clause, site.maskedClause, run.want)) : null;
  },
};

/** A 类/款/项 path on the line before the quantity names its function item and code. */
const path: Resolver = {
  name: 'path',
  resolve(site, run) {
    const hit = site.pathHit;
    if (!hit || /[,，;；]/.test(site.lead.replace(/^[”"]/, '').slice(0, 1))) return null;
    const tail = compactText(site.text.slice(hit.end, site.q.start));
    if (/\d/.test(tail) && site.lineSubj) return null;
    const { code, item } = resolvePath(run.patterns, hit.names);
    return subject({ entry: null, metrics: [`${run.want.family}.by_function`], item, code, phrase: '', group: null, countOnly: false, basis: 'path' });
  },
};

/** The last phrase of the quantity's own clause (comparisons, shares and reasons masked). */
const clause: Resolver = {
  name: 'clause',
  resolve(site, run) {
    if (run.blockedTrail !== null) return { kind: 'unmapped', item: run.blockedTrail };
    const found = run.maker.pickLast(site.maskedClause, run.want, false, 'clause');
    // a subject found inside a longer line name: the item is the whole name
    return subject(found && found.entry === null && found.phrase ? run.maker.widenItem(found, site.clauseRaw) : found);
  },
};

/** The last phrase of the sentence so far. */
const lead: Resolver = {
  name: 'lead',
  resolve(site, run) {
    return subject(run.maker.pickLast(site.maskedLead, run.want, false, 'lead'));
  },
};

/** The side of the accounts a metric is on: what comes in, or what goes out (spending of any kind). */
const sideOf = (metric: string): 'income' | 'expenditure' => (metric.startsWith('income.') ? 'income' : 'expenditure');

/**
 * A clause that opens with bare 收入 / 支出 names its own total (支出5238630.16元), unless the
 * sentence is about a subject on that side already (公务接待24批次,210人次,支出2.05万元: the
 * reception's spending).
 */
const bareTotal: Resolver = {
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

/** 差值为0.9万元 / 相差: a difference the text gives no sign: the tool cannot place it. */
const unsignedDifference: Resolver = {
  name: 'unplaced',
  resolve(site, run) {
    const cue = run.patterns.cues['unsigned-difference'].regex;
    if (!cue.test(site.clause) || isSigned(site.clause, run.patterns)) return null;
    return { kind: 'unmapped', item: ownName(site.clauseRaw, run.patterns) };
  },
};

const isSigned = (s: string, patterns: Patterns): boolean => patterns.cues.increase.regex.test(s) || patterns.cues.decrease.regex.test(s);

/** Whether a count's clause names something of its own (then it does not inherit). */
function countNamesOther(site: Site, patterns: Patterns): boolean {
  return site.q.kind === 'count' && /[\u4e00-\u9fff]{2,}/.test(site.maskedClause.replace(everywhere(patterns.cues['count-filler']), ''));
}

/** Whether a subject is a line of a breakdown (an item of its own: 教育支出, 办公费, 行政编制). */
const isLine = (s: Subject): boolean => s.item !== '';

/**
 * A clause that names its quantity in its own words the tables do not know never takes the
 * subject before it: it is the next line of the same breakdown (教育支出…、农林水支出13.40万元),
 * its code only where the table has that very name, or else a quantity the tool cannot place.
 */
const ownNamed: Resolver = {
  name: 'enumeration',
  resolve(site, run) {
    const name = ownName(site.clauseRaw, run.patterns);
    if (!name) return null;
    const prev = site.lineSubj;
    if (prev && isLine(prev) && run.maker.compatible(prev, site.q) && prev.metrics.every((m) => m !== 'unmapped')) {
      const metrics = prev.entry ? run.maker.metricsOf(prev.entry, site.q, run.want.family) : prev.metrics;
      const code = codeOfName(run.patterns, name, prev.code);
      return subject({ ...prev, metrics, item: name, code, phrase: name, basis: 'enumeration' });
    }
    // after a headline figure, only a name shaped like a line's (…支出, …费) is surely another subject
    return run.patterns.cues['item-name'].regex.test(name) ? { kind: 'unmapped', item: name } : null;
  },
};

/** The subject placed last in the line or sentence goes on (，占0.86%). */
const inherited: Resolver = {
  name: 'inherited',
  resolve(site, run) {
    const prev = site.lineSubj;
    if (!prev || !run.maker.compatible(prev, site.q) || countNamesOther(site, run.patterns)) return null;
    const metrics = prev.entry ? run.maker.metricsOf(prev.entry, site.q, run.want.family) : prev.metrics;
    return subject({ ...prev, metrics, basis: 'inherited' });
  },
};

/** The two innermost headings above (a 类/款/项 path or a phrase in the title). */
const heading: Resolver = {
  name: 'heading',
  resolve(site, run) {
    if (countNamesOther(site, run.patterns)) return null;
    for (const h of site.headings.slice(0, 2)) {
      if (h.section === 'glossary') break;
      if (/\d/.test(h.title.replace(/\d{4}年度?/g, ''))) continue;
      const title = compactText(h.title);
      const hp = [...title.matchAll(PATH)].pop();
      if (hp) {
        const { code, item } = resolvePath(run.patterns, [hp[1], hp[2], hp[3]].filter((n): n is string => Boolean(n)));
        return subject({ entry: null, metrics: [`${run.want.family}.by_function`], item, code, phrase: '', group: null, countOnly: false, basis: 'heading' });
      }
      const found = run.maker.pickLast(maskForSubject(title, run.patterns), run.want, false, 'heading');
      if (found) return subject(found);
    }
    return null;
  },
};

/** Last, a weak phrase of the clause (支出, 收入 alone). */
const weak: Resolver = {
  name: 'weak',
  resolve(site, run) {
    return subject(run.maker.pickLast(site.maskedClause, run.want, true, 'weak'));
  },
};

/** The resolvers, in the order they are asked: the first outcome wins. */
export const RESOLVERS: readonly Resolver[] = [noneTrail, countTrail, unsignedDifference, coded, reason, enumeration, path, clause, lead, bareTotal, ownNamed, inherited, heading, weak];
