import { negateDecimal } from '../decimal.js';
import { derivedFrom, type MetricEntry, type Patterns, type Subject } from '../patterns.js';
import { allMatches, objectList } from '../shapes.js';
import type { Quantity } from './extract-quantities.js';
import { compact, compactText, offsetOf, type PhraseInfo, type PhraseMatch, type PhraseMatcher } from './phrases.js';
import type { Heading, Section, Segmentation } from './segment.js';
import { cleanItem } from './items.js';
import { UNIT_NAME } from './org-units.js';

export type Role =
  | 'value'
  | 'prior_year'
  | 'yoy_change'
  | 'yoy_rate'
  | 'share'
  | 'budget'
  | 'budget_completion_rate'
  | 'budget_variance'
  | 'budget_variance_rate';

/** A quantity placed: metric, item, code and role, value signed. Offsets are into the normal text. */
export interface Placed {
  readonly quantity: Quantity;
  readonly metric: string;
  readonly item: string;
  readonly code: string;
  readonly role: Role;
  readonly value: string;
  readonly section: Section | null;
}

export interface DocContext {
  /** 决算 or 预算: decides whether 预算 words mark a budget figure or the value itself. */
  readonly kind: '决算' | '预算' | null;
  readonly year: number | null;
}

/** What one line says once for all its quantities: family markers, 类/款/项 paths, classification cues. */
interface LineScan {
  families: Array<{ end: number; family: string }>;
  paths: Array<{ end: number; m: RegExpMatchArray }>;
  economic: number[];
  functional: number[];
}

/** Where a subject came from, kept so that later quantities of the same line can inherit it. */
interface Subj {
  entry: MetricEntry | null;
  metrics: string[];
  item: string;
  code: string;
  /** The phrase, in compact text of the clause, so the role cue can leave it out. */
  phrase: string;
  group: string | null;
  countOnly: boolean;
}

/**
 * A subject like `s` with other metrics, item or code, made as a literal: a spread copy with a
 * field written over it gets another hidden class than the literals (the field turns from
 * constant to mutable), and the optimised classify, which had seen only literals, was thrown away
 * and compiled again (≈ 20 ms of each worker's compiling).
 */
function subjWith(s: Subj, metrics: string[], item: string, code: string): Subj {
  return { entry: s.entry, metrics, item, code, phrase: s.phrase, group: s.group, countOnly: s.countOnly };
}

/** What is known of one quantity when its subject is looked for. */
interface Site {
  readonly q: Quantity;
  readonly text: string;
  readonly lead: string;
  readonly clauseRaw: string;
  readonly clause: { readonly text: string };
  readonly maskedClause: string;
  readonly maskedLead: string;
  readonly family: string;
  readonly group: string | null;
  readonly classKind: 'function' | 'economic' | null;
  readonly headings: readonly Heading[];
  readonly pathHit: { end: number; m: RegExpMatchArray } | undefined;
  readonly enumParent: Subj | null;
  readonly lineSubj: Subj | null;
}

/** One shape for the three outcomes (the classifier's optimised code meets one hidden class). */
type Found =
  | { readonly kind: 'skip'; readonly item: ''; readonly subj: null }
  | { readonly kind: 'unmapped'; readonly item: string; readonly subj: null }
  | { readonly kind: 'subject'; readonly item: ''; readonly subj: Subj | null };
const SKIP: Found = { kind: 'skip', item: '', subj: null };

/** The metrics of a phrase that names none here (shared, never added to). */
const NO_METRICS = objectList<MetricEntry>();

const SENTENCE_END = new Set([...'。;；!！?？'].map((ch) => ch.charCodeAt(0)));
const ENUM_CUE = /(?:其中|包括|分别为|分别是|具体为|具体包括|主要项目是|主要项目有|明细如下)[:：]?\s*$/;
const ENUM_ANY = /其中|包括|分别为|分别是|具体为|主要项目是|主要项目有|明细如下/;
const PATH = /([\u4e00-\u9fff、]+?)\((?:类)\)([\u4e00-\u9fff、]+?)\((?:款)\)(?:([\u4e00-\u9fff、]+?)\((?:项)\))?/g;

/** Words of increase or decrease; the last before a figure gives its sign. */
const CHANGE_WORDS = /增加|增长|上升|上涨|提高|增|大于|超|多|减少|下降|降低|节约|节支|减|降|少|小于|低于/g;

const CLAUSE_MARKS = new Set([...',，:：、'].map((c) => c.charCodeAt(0)));

/** The last clause of `s` that is not blank (clauses split at , ， : ： 、), scanned from the end. */
function lastClause(s: string): string {
  let end = s.length;
  for (let i = s.length - 1; i >= -1; i--) {
    if (i >= 0 && !CLAUSE_MARKS.has(s.charCodeAt(i))) continue;
    const part = s.slice(i + 1, end);
    if (part.trim() !== '') return part;
    end = i;
  }
  return '';
}

/** Blanks comparison objects and share parents so their words do not name the quantity. */
function maskForSubject(s: string): string {
  const blank = (m: string) => '#'.repeat(m.length);
  // each replacement needs a character the text may not have at all: looked for first
  const bi = s.includes('比');
  if (bi) s = s.replace(/(?:与|和|同)[^,，;；。]*?(?:相比较|相比|比较)/g, blank);
  if (bi || s.includes('较')) s = s.replace(/(?:比|较)(?:上年|上一年|去年|年初|上年度|\d{4}年)度?(?:预算|决算|同期)?(?:执行)?数?/g, blank);
  if (s.includes('占')) s = s.replace(/占[^,，;；。]*/g, blank);
  if (s.includes('主要') || s.includes('原因')) {
    s = s.replace(/(?:^|[,，;；:：])(?:主要是|主要用于|主要包括|主要为|原因是|原因主要是|主要原因是|其中主要)[^,，;；。]*/g, blank);
  }
  return s;
}

const foldExpenditure = (s: string) => (s.endsWith('支出') ? s.slice(0, -2) : s);

/**
 * Function subjects by `parent code|name without 支出` (the first listed wins): 类 have the parent
 * '', 款 and 项 the code of their 类 or 款.
 */
const functionSubjectsByParent = derivedFrom((patterns) => {
  const index = new Map<string, Subject>();
  for (let sAt = 0; sAt < patterns.subjects.length; sAt++) {
    const s = patterns.subjects[sAt] as (typeof patterns.subjects)[number];
    if (s.kind !== 'function') continue;
    const key = `${s.code.length > 3 ? s.code.slice(0, -2) : ''}|${foldExpenditure(s.name)}`;
    if (!index.has(key)) index.set(key, s);
  }
  return index;
});

/** The item metric of each listed word (the first in patterns' order whose words hold it). */
const itemizedMetrics = derivedFrom((patterns) => {
  const index = new Map<string, string>();
  for (const [metric, words] of Object.entries(patterns.itemized)) for (const w of words) if (!index.has(w)) index.set(w, metric);
  return index;
});

const itemizedMetricOf = (patterns: Patterns, word: string): string | undefined => itemizedMetrics(patterns).get(word);

/** The family each phrase of the table names (phrase infos are shared: worked out once each). */
const familyOfInfo = new WeakMap<PhraseInfo, string | null>();

function familyNamed(info: PhraseInfo): string | null {
  if (info.family) return info.family;
  for (let eAt = 0; eAt < info.metrics.length; eAt++) {
    const e = info.metrics[eAt] as (typeof info.metrics)[number];
    if (e.weak) continue;
    for (const x of Array.isArray(e.metric) ? e.metric : [e.metric]) {
      const f = /^((?:\w+_)?expenditure)\.(?:total|current_year)$/.exec(x)?.[1];
      if (f) return f;
    }
  }
  return null;
}

const roleRulesByYear = derivedFrom(() => new Map<number | null, RoleRule[]>());

interface RoleRule {
  readonly role: Role;
  readonly kinds: readonly string[];
  readonly docTypes: readonly string[] | undefined;
  readonly sign: boolean;
  readonly regex: RegExp;
}

/** The role rules for a document of `year` (its prior years filled in), compiled once per year. */
function roleRulesFor(patterns: Patterns, year: number | null): RoleRule[] {
  const byYear = roleRulesByYear(patterns);
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

export class Classifier {
  private readonly roleRules: RoleRule[];
  /** The family each heading's title names, worked out once per heading. */
  private readonly headingFamilies = new Map<Heading, string | null>();

  constructor(
    private readonly patterns: Patterns,
    private readonly phrases: PhraseMatcher,
    private readonly ctx: DocContext,
  ) {
    this.roleRules = roleRulesFor(patterns, ctx.year);
  }

  private acceptable(entry: MetricEntry, q: Quantity, group: string | null): boolean {
    if (entry.inGroup && entry.group !== group) return false;
    if (q.kind === 'count') return Boolean(entry.countOnly || entry.counts?.[q.unit] || entry.itemMetric === entry.metric);
    return !entry.countOnly;
  }

  private metricsOf(entry: MetricEntry, q: Quantity, family: string): string[] {
    const list = Array.isArray(entry.metric) ? entry.metric : [entry.metric];
    if (q.kind === 'count' && entry.counts?.[q.unit]) return [entry.counts[q.unit] as string];
    return list.map((m) => m.replace('{family}', family));
  }

  /** Resolves a 类/款/项 path to the code of its last level. */
  private resolvePath(names: string[]): { code: string; item: string } {
    let parent = '';
    let code = '';
    const byParent = functionSubjectsByParent(this.patterns);
    for (let nameAt = 0; nameAt < names.length; nameAt++) {
      const name = names[nameAt] as (typeof names)[number];
      const renamed = this.patterns.renames.find((r) => foldExpenditure(r.oldName) === foldExpenditure(name));
      const hit = byParent.get(`${parent}|${foldExpenditure(name)}`) ?? (renamed && renamed.code.startsWith(parent) ? { code: renamed.code } : null);
      if (!hit) return { code: '', item: names[names.length - 1] ?? '' };
      code = hit.code;
      parent = hit.code;
    }
    return { code, item: names[names.length - 1] ?? '' };
  }

  /** The expenditure family named last before `end` in `text` (line or heading). */
  private familyIn(text: string): string | null {
    let family: string | null = null;
    const found = this.phrases.find(compactText(text));
    for (let k = 0; k < found.length; k++) family = this.familyOf(found[k] as PhraseMatch) ?? family;
    return family;
  }

  /** The expenditure family a phrase names: its own (一般公共预算…) or that of the total it names. */
  private familyOf(m: PhraseMatch): string | null {
    const known = familyOfInfo.get(m.info);
    if (known !== undefined) return known;
    const family = familyNamed(m.info);
    familyOfInfo.set(m.info, family);
    return family;
  }

  private subjectFromMatch(
    m: PhraseMatch,
    q: Quantity,
    family: string,
    group: string | null,
    allowWeak: boolean,
    classKind: 'function' | 'economic' | null,
  ): Subj | null {
    const entry = m.info.metrics.find((e) => this.acceptable(e, q, group) && (allowWeak || !e.weak));
    if (entry) {
      const itemized = itemizedMetricOf(this.patterns, m.text);
      return {
        entry,
        metrics: this.metricsOf(entry, q, family),
        item: itemized ? m.text : '',
        code: '',
        phrase: m.text,
        group: entry.group ?? null,
        countOnly: Boolean(entry.countOnly),
      };
    }
    if (m.info.subjects.length && q.kind !== 'count') {
      const pick =
        m.info.subjects.find((s) => s.kind === (classKind ?? 'function')) ??
        m.info.subjects.find((s) => s.kind === 'function') ??
        m.info.subjects[0];
      if (!pick) return null;
      const kinds = new Set(m.info.subjects.map((s) => s.code));
      const code = kinds.size === 1 || classKind ? pick.code : pick.code.length <= 5 ? pick.code : '';
      return {
        entry: null,
        metrics: [`${family}.${pick.kind === 'economic' ? 'by_economic' : 'by_function'}`],
        item: m.text,
        code,
        phrase: m.text,
        group: null,
        countOnly: false,
      };
    }
    return null;
  }

  private role(q: Quantity, rawCue: string): { role: Role; negative: boolean } {
    const kind = this.ctx.kind;
    // template alternatives in brackets (下降（增长）27.78%) are not what the text says
    const cue = rawCue.replace(/[(（][^()（）]{1,6}[)）]/g, '');
    // (indexed: under the run's V8 flags a for…of allocates per step; this runs for every quantity)
    const rules = this.roleRules;
    for (let k = 0; k < rules.length; k++) {
      const r = rules[k] as RoleRule;
      if (!r.kinds.includes(q.kind)) continue;
      if (r.docTypes && (!kind || !r.docTypes.includes(kind))) continue;
      if (!r.regex.test(cue)) continue;
      let negative = false;
      if (r.sign) {
        const words = allMatches(CHANGE_WORDS, cue);
        const last = words[words.length - 1]?.[0] ?? '';
        negative = /减|降|节约|节支|少|小于|低于/.test(last);
      }
      return { role: r.role, negative };
    }
    return { role: 'value', negative: false };
  }

  /** Family markers and 类/款/项 paths of one line, found once, with their ends in the normal text. */
  private scanLine(text: string, lineStart: number): LineScan {
    const lineEnd = text.indexOf('\n', lineStart);
    const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
    const cues = (word: string) => {
      const at: number[] = [];
      for (let i = line.indexOf(word); i >= 0; i = line.indexOf(word, i + 1)) at.push(lineStart + i);
      return at;
    };
    const c = compact(line);
    const endOf = (i: number) => (i > 0 ? lineStart + offsetOf(c, i - 1) : lineStart) + 1;
    const families: Array<{ end: number; family: string }> = [];
    const found = this.phrases.find(c.text);
    for (let k = 0; k < found.length; k++) {
      const m = found[k] as PhraseMatch;
      const family = this.familyOf(m);
      if (family) families.push({ end: endOf(m.end), family });
    }
    // a path needs its (类) mark
    const paths = c.text.includes('(类)') ? allMatches(PATH, c.text).map((m) => ({ end: endOf(m.index + m[0].length), m })) : [];
    return { families, paths, economic: cues('经济分类'), functional: cues('功能分类') };
  }

  classify(text: string, quantities: Quantity[], seg: Segmentation): Placed[] {
    const out: Placed[] = [];
    let scanned: LineScan = { families: [], paths: [], economic: [], functional: [] };
    let lineBegin = 0;
    let lineEnd = text.indexOf('\n') < 0 ? text.length : text.indexOf('\n');
    /** How far into the line's scan lists the quantities have gone. */
    const seen = { family: -1, path: -1, economic: false, functional: false, f: 0, p: 0, e: 0, u: 0 };
    let prevLine = -1;
    let lineSubj: Subj | null = null;
    let enumParent: Subj | null = null;
    let prevEnd = 0;
    for (let k = 0; k < quantities.length; k++) {
      const q = quantities[k] as Quantity;
      // quantities come in order: follow the lines forward instead of searching back for each one
      while (lineEnd < q.start) {
        lineBegin = lineEnd + 1;
        const nl = text.indexOf('\n', lineBegin);
        lineEnd = nl < 0 ? text.length : nl;
      }
      const lineStart = lineBegin;
      if (lineStart !== prevLine) {
        // a new line goes on with the subject of the one before unless a heading or a blank line starts a paragraph
        const between = text.slice(prevEnd, lineStart);
        const chain = seg.headingsAt(q.start);
        const headingHere = chain.length > 0 ? chain[0] : undefined; // (not read past the end of an empty chain)
        const sentenceEnded = /[。；;!！?？]\s*$/.test(text.slice(Math.max(0, lineStart - 3), lineStart));
        if (sentenceEnded || /\n\s*\n/.test(between) || (headingHere && headingHere.start >= prevEnd) || prevLine < 0) {
          lineSubj = null;
          enumParent = null;
        }
        prevEnd = lineStart;
        prevLine = lineStart;
        scanned = this.scanLine(text, lineStart);
        Object.assign(seen, { family: -1, path: -1, economic: false, functional: false, f: 0, p: 0, e: 0, u: 0 });
      }
      // advance the pointers into this line's markers up to the quantity (each marker passed once)
      while (seen.f < scanned.families.length && (scanned.families[seen.f]?.end ?? 0) <= q.start) seen.family = seen.f++;
      while (seen.p < scanned.paths.length && (scanned.paths[seen.p]?.end ?? 0) <= q.start) seen.path = seen.p++;
      while (seen.e < scanned.economic.length && (scanned.economic[seen.e] ?? 0) < q.start) {
        seen.economic = true;
        seen.e++;
      }
      while (seen.u < scanned.functional.length && (scanned.functional[seen.u] ?? 0) < q.start) {
        seen.functional = true;
        seen.u++;
      }
      let sentenceStart = lineStart;
      for (let i = q.start - 1; i >= Math.max(lineStart, prevEnd); i--) {
        if (SENTENCE_END.has(text.charCodeAt(i))) {
          sentenceStart = i + 1;
          break;
        }
      }
      const newSentence = sentenceStart > prevEnd;
      const leadStart = Math.max(sentenceStart, prevEnd);
      const lead = text.slice(leadStart, q.start);
      const section = seg.sectionAt(q.start);
      const headings = seg.headingsAt(q.start);
      if (newSentence && !ENUM_CUE.test(lead)) enumParent = enumParent && /^\s*$/.test(text.slice(prevEnd, sentenceStart).replace(/[。;；]/g, '')) ? enumParent : null;
      if (ENUM_ANY.test(text.slice(leadStart, q.start)) && lineSubj) enumParent = lineSubj;

      const family = (seen.family >= 0 ? scanned.families[seen.family]?.family : undefined) ?? this.headingFamily(headings);
      const classKind = seen.economic || headings.some((h) => h.title.includes('经济分类')) ? 'economic' : seen.functional ? 'function' : null;
      const group: string | null = (enumParent as Subj | null)?.group ?? (lineSubj as Subj | null)?.group ?? null;

      const clauseRaw = lastClause(lead);
      const clause = { text: compactText(clauseRaw) };
      const maskedClause = maskForSubject(clause.text);
      const maskedLead = maskForSubject(compactText(lead));

      // org-unit descriptions (1.办公室 … 人员编制11名) belong to org_units, not to the document's staff
      const inner = headings.length > 0 ? headings[0] : undefined; // (not read past the end of an empty chain)
      const orgUnitBlock = section === 'overview' && inner && inner.level >= 3 && UNIT_NAME.test(inner.title);

      const found = this.findSubject({
        q,
        text,
        lead,
        clauseRaw,
        clause,
        maskedClause,
        maskedLead,
        family,
        group,
        classKind,
        headings,
        pathHit: seen.path >= 0 ? scanned.paths[seen.path] : undefined,
        enumParent,
        lineSubj,
      });
      if (found.kind === 'skip') {
        prevEnd = q.end;
        continue; // 无 before words the tool cannot place is no quantity
      }
      if (found.kind === 'unmapped') {
        out.push({ quantity: q, metric: 'unmapped', item: found.item, code: '', role: 'value', value: q.value, section });
        prevEnd = q.end;
        continue;
      }
      const placed = this.place(out, q, found.subj, clause.text, clauseRaw, section, orgUnitBlock ? (inner?.title ?? '') : null);
      if (placed) lineSubj = placed;
      prevEnd = q.end;
    }
    return out;
  }

  /** The expenditure family the headings above name (innermost first), else plain expenditure. */
  private headingFamily(headings: readonly Heading[]): string {
    for (let hAt = 0; hAt < headings.length; hAt++) {
      const h = headings[hAt] as (typeof headings)[number];
      let f = this.headingFamilies.get(h);
      if (f === undefined) {
        f = this.familyIn(h.title);
        this.headingFamilies.set(h, f);
      }
      if (f !== null) return f;
    }
    return 'expenditure';
  }

  /**
   * Adds a quantity's rows: its role from the clause's words (the subject's phrase left out), then
   * one row per metric the subject names, or one unmapped row (`orgUnit`: the title of the org-unit
   * block it stands in). Returns the subject when it was placed (the line goes on with it).
   */
  private place(out: Placed[], q: Quantity, subj: Subj | null, clause: string, clauseRaw: string, section: Section | null, orgUnit: string | null): Subj | null {
    const cueText = subj?.phrase ? clause.replace(subj.phrase, '') : clause;
    const { role, negative } = q.none ? { role: 'value' as Role, negative: false } : this.role(q, cueText);
    const value = negative ? negateDecimal(q.value) : q.value;
    // a percentage whose role the words do not give cannot be a money metric's value
    const roleless = q.kind === 'percent' && role === 'value';
    if (orgUnit !== null || !subj || roleless) {
      out.push({ quantity: q, metric: 'unmapped', item: orgUnit !== null ? orgUnit : cleanItem(clauseRaw), code: '', role, value, section });
      return null;
    }
    const metrics = q.list && subj.metrics.length === q.list.size ? [subj.metrics[q.list.index] as string] : subj.metrics;
    for (let k = 0; k < metrics.length; k++) {
      const metric = metrics[k] as string;
      out.push({ quantity: q, metric, item: subj.item, code: subj.code, role, value, section: section ?? sectionOfMetric(metric) });
    }
    return subj;
  }

  /**
   * The subject of a quantity: what follows a 无 or a count, the parent of a listed line, a
   * 类/款/项 path, the phrases of the clause and the sentence before it, the subject of the line so
   * far, the headings above. `skip`: a 无 the tool cannot place (no quantity); `unmapped`: a count
   * whose noun names nothing known.
   */
  private findSubject(site: Site): Found {
    const { q, text, lead, clauseRaw, clause, maskedClause, maskedLead, family, group, classKind, headings, pathHit, enumParent, lineSubj } = site;
    let subj: Subj | null = null;
    let subjInClause = false;
    const pathMatch = pathHit?.m;
    let trailBlocks = false;
    if (q.none) {
      const trail = compactText(text.slice(q.end, q.end + 24).split('\n')[0] ?? '').split(/[,，。；;]/)[0] ?? '';
      const first = this.phrases.find(trail)[0];
      const found: Subj | null = first && first.start === 0 ? this.subjectFromMatch(first, q, family, group, false, classKind) : null;
      if (!found || /原因|主要是|由于|因为/.test(clause.text)) return SKIP;
      subj = found;
    } else if (q.kind === 'count') {
      // 设8个内设机构: the noun after a count names what is counted
      const trail = /^[\u4e00-\u9fff]{1,8}/.exec(compactText(text.slice(q.end, q.end + 12).split('\n')[0] ?? ''))?.[0] ?? '';
      if (trail && !/^(?:其中|分别|共|合计|累计|以上|左右|下降|增加|减少|比|较|与|和|及|的)/.test(trail)) {
        const hit = this.phrases.find(trail).find((m) => m.start === 0);
        const found: Subj | null = hit ? this.subjectFromMatch(hit, q, family, group, false, classKind) : null;
        if (found) subj = found;
        else trailBlocks = true;
      }
    }
    if (!subj && enumParent) subj = this.childSubject(enumParent, clause, maskedClause, q, family, classKind);
    if (!subj && pathMatch && !/[,，;；]/.test(lead.replace(/^[”"]/, '').slice(0, 1))) {
      const names = [pathMatch[1], pathMatch[2], pathMatch[3]].filter((n): n is string => Boolean(n));
      const resolved = this.resolvePath(names);
      const tail = compactText(text.slice(pathHit?.end ?? q.start, q.start));
      if (!/\d/.test(tail) || !lineSubj) {
        subj = { entry: null, metrics: [`${family}.by_function`], item: resolved.item, code: resolved.code, phrase: '', group: null, countOnly: false };
      }
    }
    if (!subj && !trailBlocks) {
      subj = this.pickLast(maskedClause, false, site);
      subjInClause = subj !== null;
    }
    if (trailBlocks && !subj) {
      return { kind: 'unmapped', item: cleanItem(compactText(text.slice(q.end, q.end + 12).split('\n')[0] ?? '').match(/^[\u4e00-\u9fff]{1,8}/)?.[0] ?? ''), subj: null };
    }
    if (!subj) subj = this.pickLast(maskedLead, false, site);
    if (!subj) {
      // a clause that opens with bare 收入 / 支出 names its own total (支出5238630.16元)
      const bare = /^(?:\d{4}年度?)?(?:部门|本年|今年|全年|当年)?(收入|支出)(?:#|比|较|同比|增加|减少|增长|下降|了|为|是)*$/.exec(maskedClause);
      if (bare) subj = this.pickLast(bare[1] as string, true, site);
    }
    const inherited = lineSubj;
    const namesOther = q.kind === 'count' && /[\u4e00-\u9fff]{2,}/.test(maskedClause.replace(/其中|共|计|累计|合计|分别|为|是|有|约|达|接待|人数|人次/g, ''));
    if (!subj && inherited && this.compatible(inherited, q) && !namesOther) {
      subj = inherited.entry ? subjWith(inherited, this.metricsOf(inherited.entry, q, family), inherited.item, inherited.code) : inherited;
    }
    if (!subj && !namesOther) {
      for (let k = 0; k < Math.min(2, headings.length); k++) {
        const h = headings[k] as Heading;
        if (h.section === 'glossary') break;
        if (/\d/.test(h.title.replace(/\d{4}年度?/g, ''))) continue;
        const hp = allMatches(PATH, compactText(h.title)).pop();
        if (hp) {
          const resolved = this.resolvePath([hp[1], hp[2], hp[3]].filter((n): n is string => Boolean(n)));
          subj = { entry: null, metrics: [`${family}.by_function`], item: resolved.item, code: resolved.code, phrase: '', group: null, countOnly: false };
          break;
        }
        const hs = this.pickLast(maskForSubject(compactText(h.title)), false, site);
        if (hs) {
          subj = hs;
          break;
        }
      }
    }
    if (!subj) subj = this.pickLast(maskedClause, true, site);

    if (subj && subjInClause && subj.entry === null && subj.phrase) subj = this.widenSubjectItem(subj, clauseRaw);
    return { kind: 'subject', item: '', subj };
  }

  /** The last phrase of `s` that names a subject for the quantity (phrases over a `#` mask left out). */
  private pickLast(s: string, allowWeak: boolean, site: Site): Subj | null {
    const matches = this.phrases.find(s);
    for (let i = matches.length - 1; i >= 0; i--) {
      const m = matches[i] as PhraseMatch;
      if (s.slice(m.start, m.end).includes('#')) continue;
      const found = this.subjectFromMatch(m, site.q, site.family, site.group, allowWeak, site.classKind);
      if (found) return found;
    }
    return null;
  }

  /**
   * A subject found inside a longer line name (其他城乡社区管理事务支出 holds 城乡社区管理事务):
   * the item is the whole name; the code holds only when the name is the subject's, or its
   * 其他… catch-all (code + 99).
   */
  private widenSubjectItem(subj: Subj, clauseRaw: string): Subj {
    const whole = cleanItem(clauseRaw).replace(/[(（][类款项][)）]$/, '');
    if (!whole || !whole.includes(subj.phrase) || whole.length > 30) return subj;
    const bare = (s: string) => s.replace(/支出$/, '');
    if (bare(whole) === bare(subj.phrase)) return subjWith(subj, subj.metrics, whole, subj.code);
    const base = this.patterns.subjects.find((x) => x.code === subj.code);
    if (base && base.level !== '项' && whole.startsWith('其他') && bare(whole.slice(2)) === bare(base.name)) {
      const code = `${subj.code}99`;
      return subjWith(subj, subj.metrics, whole, code);
    }
    return subjWith(subj, subj.metrics, whole, '');
  }

  private compatible(s: Subj, q: Quantity): boolean {
    if (q.kind === 'count') return s.countOnly || Boolean(s.entry?.counts?.[q.unit]);
    return !s.countOnly;
  }

  /** A line listed under a parent after 其中 / 包括: its group first, then the parent's item metric, then subjects. */
  private childSubject(
    parent: Subj,
    clause: { readonly text: string },
    masked: string,
    q: Quantity,
    family: string,
    classKind: 'function' | 'economic' | null,
  ): Subj | null {
    const matches = this.phrases.find(masked);
    const last = matches[matches.length - 1];
    const ignored = matches.find((m) => m.info.metrics.some((e) => e.metric === 'unmapped'));
    if (ignored) {
      const e = ignored.info.metrics.find((x) => x.metric === 'unmapped') as MetricEntry;
      return { entry: e, metrics: ['unmapped'], item: '', code: '', phrase: ignored.text, group: null, countOnly: false };
    }
    if (parent.group && last) {
      const inGroup = last.info.metrics.find((e) => e.group === parent.group && this.acceptable(e, q, parent.group));
      if (inGroup) return { entry: inGroup, metrics: this.metricsOf(inGroup, q, family), item: '', code: '', phrase: last.text, group: parent.group, countOnly: Boolean(inGroup.countOnly) };
    }
    if (last) {
      const other = itemizedMetricOf(this.patterns, last.text);
      const entry = other && last.info.metrics.find((e) => this.acceptable(e, q, null));
      if (other && entry) return { entry, metrics: [other], item: last.text, code: '', phrase: last.text, group: entry.group ?? null, countOnly: Boolean(entry.countOnly) };
    }
    const itemMetric = parent.entry?.itemMetric;
    if (itemMetric && this.compatible(parent, q)) {
      const item = cleanItem(clause.text);
      if (item) return { entry: parent.entry, metrics: [itemMetric], item, code: '', phrase: clause.text, group: parent.group, countOnly: parent.countOnly };
    }
    const parentFamily = parent.metrics[0]?.match(/^(\w+)\.(?:total|basic|project|current_year|personnel|public_operating)$/)?.[1];
    const economicParent = /basic|personnel|public_operating/.test(parent.metrics[0] ?? '');
    if (last && !economicParent && last.info.metrics.some((e) => !e.weak && e.metric !== 'unmapped' && this.acceptable(e, q, null))) return null;
    if (last && last.info.subjects.length && q.kind !== 'count') {
      const fam = parentFamily && parentFamily !== 'income' ? parentFamily : family;
      const kind = economicParent ? 'economic' : classKind;
      // built as the matcher builds them (a spread would give the objects another hidden class)
      const info: PhraseInfo = { metrics: NO_METRICS, subjects: last.info.subjects, family: last.info.family, renamedTo: last.info.renamedTo };
      return this.subjectFromMatch({ text: last.text, start: last.start, end: last.end, info }, q, fam, null, false, kind);
    }
    return null;
  }
}

function sectionOfMetric(metric: string): Section | null {
  if (metric.startsWith('income.')) return 'income';
  if (metric.startsWith('three_public.')) return 'three_public';
  if (/^(staff|org)\./.test(metric)) return 'overview';
  if (/^(operating_costs|procurement|assets|performance|purchased_services|key_projects|special_transfers|meetings|training)\./.test(metric)) return 'other';
  if (/expenditure|balance/.test(metric)) return 'expenditure';
  return null;
}
