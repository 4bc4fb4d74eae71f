import { describe, expect, it } from 'vitest';
import { loadPatterns } from '../src/patterns.js';
import { type Site, Walk } from '../src/stages/classify/context.js';
import type { Outcome, Resolver, Run } from '../src/stages/classify/outcome.js';
import { bareTotal, clause, enumeration, heading, inherited, lead, ownNamed, weak } from '../src/stages/classify/resolve-context.js';
import { coded, countTrail, noneTrail, path, reason, unsignedDifference } from '../src/stages/classify/resolve-named.js';
import { RESOLVERS } from '../src/stages/classify/resolvers.js';
import { SubjectMaker } from '../src/stages/classify/subjects.js';
import { extractQuantities } from '../src/stages/extract-quantities.js';
import { normalizeText } from '../src/stages/normalize.js';
import { buildPhraseMatcher } from '../src/stages/phrases.js';
import { segmentSections } from '../src/stages/segment.js';

const patterns = loadPatterns();
const phrases = buildPhraseMatcher(patterns);
const maker = new SubjectMaker(patterns, phrases);

const runOf = (site: Site): Run => ({
  patterns,
  maker,
  want: { q: site.q, family: site.family, group: site.group, classKind: site.classKind },
  blockedTrail: null,
  diagnostics: [],
});

/**
 * The site of the quantity written `raw` in a document of `body` (under a 2023 部门决算 title),
 * walked to as the classifier walks: every quantity before it placed by the first resolver.
 */
function siteOf(body: string, raw: string): Site {
  const text = normalizeText(`平安县农业农村局2023年度部门决算\n${body}`).normal.text;
  const seg = segmentSections(text, patterns);
  const walk = new Walk(text, seg, patterns, phrases, maker);
  for (const q of extractQuantities(text, patterns)) {
    const site = walk.site(q);
    if (text.slice(q.start, q.end) === raw) return site;
    const run = runOf(site);
    const outcome = RESOLVERS.reduce<Outcome | null>((found, r) => found ?? r.resolve(site, run), null);
    walk.placed(q, outcome?.kind === 'subject' ? outcome.subject : null, outcome?.kind === 'subject');
  }
  throw new Error(`no quantity ${raw}`);
}

function resolve(r: Resolver, body: string, raw: string): Outcome | null {
  const site = siteOf(body, raw);
  return r.resolve(site, runOf(site));
}

/** What an outcome says, in short: skip, unmapped:<item>, or metric|item|code. */
function said(o: Outcome | null): string | null {
  if (!o) return null;
  if (o.kind === 'skip') return 'skip';
  if (o.kind === 'unmapped') return `unmapped:${o.item}`;
  return `${o.subject.metrics.join(',')}|${o.subject.item}|${o.subject.code}`;
}

describe('each resolver, alone', () => {
  it('noneTrail: 无 names what follows it, and is no quantity when nothing known follows', () => {
    expect(said(resolve(noneTrail, '本年度无公务用车购置费。', '无'))).toBe('three_public.vehicle_purchase||');
    expect(said(resolve(noneTrail, '主要原因是无因公出国计划。', '无'))).toBe('skip');
    expect(resolve(noneTrail, '公务接待费2万元。', '2万元')).toBeNull();
  });
  it('countTrail: the noun after a count names what is counted', () => {
    expect(said(resolve(countTrail, '设8个内设机构。', '8个'))).toBe('org.internal_units||');
    expect(resolve(countTrail, '内设机构8个，其中：办公室。', '8个')).toBeNull();
  });
  it('unsignedDifference: a difference without a direction is unplaced', () => {
    expect(said(resolve(unsignedDifference, '年初预算为2.95万元，差值为0.9万元。', '0.9万元'))?.startsWith('unmapped')).toBe(true);
    expect(resolve(unsignedDifference, '年初预算为2.95万元，减少0.9万元。', '0.9万元')).toBeNull();
  });
  it('coded: the text’s code and the name without it', () => {
    expect(said(resolve(coded, '（二）205-教育支出812万元。', '812万元'))).toBe('expenditure.by_function|教育支出|205');
    expect(resolve(coded, '教育支出812万元。', '812万元')).toBeNull();
  });
  it('reason: a reason’s own subject, else unplaced', () => {
    expect(said(resolve(reason, '支出增加40万元，主要原因是人员经费增加30万元。', '30万元'))).toBe('expenditure.personnel||');
    expect(said(resolve(reason, '收入增加50万元，主要原因是新增专项资金30万元。', '30万元'))?.startsWith('unmapped')).toBe(true);
    expect(resolve(reason, '人员经费30万元。', '30万元')).toBeNull();
  });
  it('enumeration: a line listed after 其中 under its parent', () => {
    expect(said(resolve(enumeration, '机关运行经费20万元，其中：办公费5万元。', '5万元'))).toBe('operating_costs.item|办公费|');
    expect(resolve(enumeration, '机关运行经费20万元。办公费5万元。', '5万元')).toBeNull();
  });
  it('path: a 类/款/项 path names the item and its code', () => {
    expect(said(resolve(path, '社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）10万元。', '10万元'))).toBe(
      'expenditure.by_function|机关事业单位基本养老保险缴费支出|2080505',
    );
    expect(resolve(path, '机关事业单位基本养老保险缴费支出10万元。', '10万元')).toBeNull();
  });
  it('clause: the last phrase of the quantity’s own clause', () => {
    expect(said(resolve(clause, '基本支出80万元。', '80万元'))).toBe('expenditure.basic||');
    expect(resolve(clause, '比上年增加80万元。', '80万元')).toBeNull();
  });
  it('lead: the last phrase of the sentence before the quantity', () => {
    expect(said(resolve(lead, '基本支出，与上年相比，为80万元。', '80万元'))).toBe('expenditure.basic||');
    expect(resolve(lead, '与上年相比为80万元。', '80万元')).toBeNull();
  });
  it('bareTotal: bare 支出 names the total, not after a subject on the same side', () => {
    expect(said(resolve(bareTotal, '收入总计100万元。支出90万元。', '90万元'))).toBe('expenditure.total||');
    expect(resolve(bareTotal, '公务接待24批次，支出2.05万元。', '2.05万元')).toBeNull();
  });
  it('ownNamed: a name of its own is the next line of the breakdown, or unplaced', () => {
    expect(said(resolve(ownNamed, '支出包括：教育支出52万元、乡村振兴支出13万元。', '13万元'))).toBe('expenditure.by_function|乡村振兴支出|');
    expect(said(resolve(ownNamed, '支出总计100万元，乡村振兴补助支出5万元。', '5万元'))).toBe('unmapped:乡村振兴补助支出');
    expect(resolve(ownNamed, '教育支出52万元，较上年增加2万元。', '2万元')).toBeNull();
  });
  it('inherited: the subject placed last in the line goes on', () => {
    expect(said(resolve(inherited, '教育支出52万元，占10%。', '10%'))).toBe('expenditure.by_function|教育支出|205');
    expect(resolve(inherited, '占10%。', '10%')).toBeNull();
  });
  it('heading: a phrase of the heading above', () => {
    expect(said(resolve(heading, '一、机关运行经费情况\n本年度为20万元。', '20万元'))).toBe('operating_costs.total||');
    expect(resolve(heading, '本年度为20万元。', '20万元')).toBeNull();
  });
  it('weak: bare 收入 or 支出 when nothing stronger names the figure', () => {
    expect(said(resolve(weak, '其他方面的支出为20万元。', '20万元'))).toBe('expenditure.total||');
    expect(resolve(weak, '本年度为20万元。', '20万元')).toBeNull();
  });
});
