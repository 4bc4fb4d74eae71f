import { diagnostic } from '../../diagnostics.js';
import type { Patterns } from '../../patterns.js';
import { cleanItem } from '../items.js';
import { compactText } from '../phrases.js';
import { codedName, resolvePath } from './codes.js';
import { ownName } from './names.js';
import { mayMatch } from './text.js';
import { type Resolver, subject, trailOf } from './outcome.js';
import { classificationLine, restated } from './types.js';

/** Resolvers of what the text names outright: after 无 or a count, a reason's own words, a code, a 类/款/项 path, an unsigned difference. */

/** 无 names what follows it (无公务用车购置费); a 无 nothing known follows is no quantity. */
export const noneTrail: Resolver = {
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

/** A name blanked out (********支出2万元): the figure is that unknown line, never a total. */
export const redacted: Resolver = {
  name: 'unplaced',
  resolve(site, run) {
    const cue = run.patterns.cues['redacted-name'];
    const m = mayMatch(cue, site.clause) ? cue.regex.exec(site.clause) : null;
    return m ? { kind: 'unmapped', item: m[0] } : null;
  },
};

/** 设8个内设机构: the noun after a count names what is counted. */
export const countTrail: Resolver = {
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

/** 差值为0.9万元 / 相差: a difference the text gives no sign: the tool cannot place it. */
export const unsignedDifference: Resolver = {
  name: 'unplaced',
  resolve(site, run) {
    const cue = run.patterns.cues['unsigned-difference'].regex;
    if (!cue.test(site.clause) || isSigned(site.clause, run.patterns)) return null;
    return { kind: 'unmapped', item: ownName(site.clauseRaw, run.patterns) };
  },
};

export const isSigned = (s: string, patterns: Patterns): boolean => patterns.cues.increase.regex.test(s) || patterns.cues.decrease.regex.test(s);

/**
 * The figures of a reason (…，主要原因是人员经费增加30.00万元、商品和服务支出增加10.00万元) are the
 * reason's own: the subject its clause names, or a quantity the tool cannot place; never the
 * sentence's subject.
 */
export const reason: Resolver = {
  name: 'reason',
  resolve(site, run) {
    if (!site.inReason || site.q.kind === 'count') return null;
    const found = run.maker.pickLast(site.clause, run.want, false, 'reason');
    if (found?.entry === null && found.phrase) {
      // a classification name inside longer words of a reason is no line of the accounts (增加非财政性资金拆迁补偿款)
      const widened = run.maker.widenItem(found, site.clauseRaw);
      if (widened.item !== found.item) return { kind: 'unmapped', item: widened.item };
      // a line of a total that has lines of its own (机关运行经费…，主要原因是办公费减少3.16万元) is one of them
      const owner = site.lineSubj;
      const itemMetric = owner?.entry?.itemMetric;
      if (owner && itemMetric && !owner.metrics.some((m) => m.includes('expenditure'))) {
        return subject(restated(owner, { metrics: [itemMetric], item: widened.item, code: widened.code, phrase: widened.phrase, basis: 'reason' }));
      }
      return subject(widened);
    }
    if (found) return subject(run.maker.asLineOfName(found, site.clauseRaw));
    const name = ownName(site.clauseRaw, run.patterns);
    // a figure of the reason that names nothing goes on with what the reason itself named (…支出预算合计24.75万元，比上年预算数减少4.65万元)
    if (!name && site.lineSubj?.basis === 'reason') return null;
    return { kind: 'unmapped', item: name };
  },
};

/**
 * An item written with its code (（二）205-教育支出812万元, 2080505 机关事业单位基本养老保险缴费支出):
 * the code is the text's, the item the name without it; a code the table names otherwise is
 * reported.
 */
export const coded: Resolver = {
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
    return subject(classificationLine(run.want.family, found.code, found.name, found.text, 'coded'));
  },
};

/** A 类/款/项 path on the line before the quantity names its function item and code. */
export const path: Resolver = {
  name: 'path',
  resolve(site, run) {
    const hit = site.pathHit;
    if (!hit || /[,，;；]/.test(site.lead.replace(/^[”"]/, '').slice(0, 1))) return null;
    const tail = compactText(site.text.slice(hit.end, site.q.start));
    if (/\d/.test(tail) && site.lineSubj) return null;
    const { code, item } = resolvePath(run.patterns, hit.names);
    return subject(classificationLine(run.want.family, code, item, '', 'path'));
  },
};
