import { derivedFrom, type MetricEntry, type Patterns } from '../../patterns.js';
import type { Quantity } from '../extract-quantities.js';
import { cleanItem } from '../items.js';
import { compactText, type PhraseInfo, type PhraseMatch, type PhraseMatcher } from '../phrases.js';
import { rowOfCode } from './codes.js';
import { namesSomething, ownName } from './names.js';
import { mayMatch } from './text.js';
import { type Basis, type ClassKind, restated, type Subject } from './types.js';

/** The item metric of each listed word (the first in patterns' order whose words hold it). */
const itemizedMetrics = derivedFrom((patterns) => {
  const index = new Map<string, string>();
  for (const [metric, words] of Object.entries(patterns.itemized)) for (const w of words) if (!index.has(w)) index.set(w, metric);
  return index;
});

/** The expenditure family a phrase names (the phrase table works it out once per phrase). */
const familyNamed = (info: PhraseInfo): string | null => info.namesFamily;

/** Whether a counted metric is counted in this unit (内设机构 in 个, not 人; an entry that names no units takes any). */
const countsIn = (entry: MetricEntry, unit: string): boolean => !entry.units || entry.units.includes(unit);

const FAMILY_WORDS = ['支', '拨款'];
const triggersOf = new WeakMap<PhraseMatcher, readonly string[] | null>();

function familyTriggers(phrases: PhraseMatcher): readonly string[] | null {
  let found = triggersOf.get(phrases);
  if (found === undefined) {
    const naming = [...phrases.table].filter(([, info]) => familyNamed(info) !== null).map(([phrase]) => phrase);
    found = naming.every((p) => FAMILY_WORDS.some((w) => p.includes(w))) ? FAMILY_WORDS : null;
    triggersOf.set(phrases, found);
  }
  return found;
}

/** What the subject resolvers need to know of a quantity besides the phrases. */
export interface Want {
  readonly q: Quantity;
  readonly family: string;
  readonly group: string | null;
  readonly classKind: ClassKind | null;
}

/** Turns phrase matches into subjects for a quantity: which metric a phrase names, in which family. */
export class SubjectMaker {
  constructor(
    readonly patterns: Patterns,
    readonly phrases: PhraseMatcher,
  ) {}

  acceptable(entry: MetricEntry, q: Quantity, group: string | null): boolean {
    if (entry.inGroup && entry.group !== group) return false;
    // a phrase known to name nothing of the vocabulary names any figure it stands before
    if (entry.metric === 'unmapped') return true;
    if (q.kind === 'count') return Boolean(entry.counts?.[q.unit] || ((entry.countOnly || entry.itemMetric === entry.metric) && countsIn(entry, q.unit)));
    return !entry.countOnly;
  }

  metricsOf(entry: MetricEntry, q: Quantity, family: string): string[] {
    const countMetric = q.kind === 'count' ? entry.counts?.[q.unit] : undefined;
    if (countMetric) return [countMetric];
    const list = Array.isArray(entry.metric) ? entry.metric : [entry.metric];
    return list.map((m) => m.replace('{family}', family));
  }

  /** Whether a subject can be the subject of `q` (a count only of a counted subject and back). */
  compatible(s: Subject, q: Quantity): boolean {
    if (q.kind === 'count') return Boolean(s.entry?.counts?.[q.unit]) || (s.countOnly && (!s.entry || countsIn(s.entry, q.unit)));
    return !s.countOnly;
  }

  itemMetricOf(word: string): string | undefined {
    return itemizedMetrics(this.patterns).get(word);
  }

  familyOf(m: PhraseMatch): string | null {
    return familyNamed(m.info);
  }

  /**
   * Words one of which every phrase that names a family holds (支, 拨款), or null when some
   * phrase holds neither: a text without them names no family.
   */
  familyTriggers(): readonly string[] | null {
    return familyTriggers(this.phrases);
  }

  /** The expenditure family named last in `text` (a line or heading), or null. */
  familyIn(text: string): string | null {
    let family: string | null = null;
    for (const m of this.phrases.find(compactText(text))) family = this.familyOf(m) ?? family;
    return family;
  }

  /** The subject a phrase names for the quantity, or null (a metric it cannot take, no subject). */
  fromMatch(m: PhraseMatch, want: Want, allowWeak: boolean, basis: Basis): Subject | null {
    const { q, family, group, classKind } = want;
    const entry = m.info.metrics.find((e) => this.acceptable(e, q, group) && (allowWeak || !e.weak));
    if (entry) {
      return {
        entry,
        metrics: this.metricsOf(entry, q, family),
        item: this.itemMetricOf(m.text) && !this.patterns.listedOnly.has(m.text) ? m.text : '',
        code: '',
        phrase: m.text,
        group: entry.group ?? null,
        countOnly: Boolean(entry.countOnly),
        basis,
      };
    }
    if (!m.info.subjects.length || q.kind === 'count') return null;
    const subjects = m.info.subjects;
    const pick = subjects.find((s) => s.kind === (classKind ?? 'function')) ?? subjects.find((s) => s.kind === 'function') ?? subjects[0];
    if (!pick) return null;
    const codes = new Set(subjects.map((s) => s.code));
    // a name the table gives two codes (行政运行 under many 款) keeps a code only where it is certain
    const code = codes.size === 1 || classKind ? pick.code : pick.code.length <= 5 ? pick.code : '';
    return {
      entry: null,
      metrics: [`${family}.${pick.kind === 'economic' ? 'by_economic' : 'by_function'}`],
      item: m.text,
      code,
      phrase: m.text,
      group: null,
      countOnly: false,
      basis,
    };
  }

  /** The last phrase of `s` that names a subject for the quantity (phrases over a `#` mask left out). */
  pickLast(s: string, want: Want, allowWeak: boolean, basis: Basis): Subject | null {
    const matches = this.phrases.find(s);
    for (let i = matches.length - 1; i >= 0; i--) {
      const m = matches[i] as PhraseMatch;
      if (s.slice(m.start, m.end).includes('#')) continue;
      // “三公”经费公共预算财政拨款支出, (简称“三公”经费)支出合计: the funding or total a subject is
      // paid from follows its name; the subject is the name
      const before = matches[i - 1];
      if (before && familyNamed(m.info) && /^[)）]?(?:的|安排的|中)?$/.test(s.slice(before.end, m.start))) {
        const named = this.fromMatch(before, want, false, basis);
        if (named?.entry && !familyNamed(before.info)) return named;
      }
      const found = this.fromMatch(m, want, allowWeak, basis);
      if (found) return found;
    }
    return null;
  }

  /**
   * A subject found inside a longer line name (其他城乡社区管理事务支出 holds 城乡社区管理事务):
   * the item is the whole name; the code holds only when the name is the subject's, or its
   * 其他… catch-all (code + 99).
   */
  widenItem(subj: Subject, clauseRaw: string, classKind: ClassKind | null = null): Subject {
    // the clause is the subject's name and nothing more: no longer name to look for
    if (compactText(clauseRaw) === subj.phrase) return subj;
    // a closing change verb is not part of the name (商品和服务支出增加)
    // nor the year the figure is of (2023年教育支出)
    const tail = this.patterns.cues['change-tail'];
    // nor the money of it the figure is (教育支出拨款减少, 住房保障支出减少拨款)
    const named = this.beforeComparison(clauseRaw).replace(/拨款$/, '');
    const whole = cleanItem(mayMatch(tail, named) ? named.replace(tail.regex, '') : named)
      .replace(/[(（][类款项][)）]$/, '')
      .replace(/^(?:19|20)\d{2}年度?/, '')
      // nor the code written before it (20502-普通教育: the code resolver reads it)
      .replace(/^[[【(（]?\d{3,7}[\]】)）]?\s*[-－—–‐.．、:：]?\s*/, '')
      // nor which figure of it follows (对个人和家庭补助支出预算)
      .replace(/(?:年初|调整后?的?|全年)?(?:预算|决算)(?:数|金额|安排)?$/, '')
      .replace(/拨款$/, '');
    if (!whole || !whole.includes(subj.phrase) || whole.length > 30) return subj;
    // words of cause after the name are no part of it (教育支出因增人增资等政策性因素增加)
    if (whole.startsWith(subj.phrase) && this.patterns.cues['cause-after-name'].regex.test(whole.slice(subj.phrase.length))) return subj;
    const bare = (s: string) => s.replace(/支出$/, '');
    const as = (item: string, code: string) => restated(subj, { metrics: subj.metrics, item, code, phrase: subj.phrase, basis: subj.basis });
    if (bare(whole) === bare(subj.phrase)) return as(whole, subj.code);
    const base = rowOfCode(this.patterns, subj.code);
    // 其他…支出 is the catch-all line (code + 99) of its parent, where the table has that line
    const catchAll = base && base.level !== '项' && whole.startsWith('其他') && bare(whole.slice(2)) === bare(base.name) ? rowOfCode(this.patterns, `${subj.code}99`) : undefined;
    if (catchAll) return as(whole, catchAll.code);
    // a longer name the table does not know, in a breakdown of the other kind (粮油物资储备支出 in a
    // 功能分类 list holds the economic 物资储备支出): a line of the breakdown in force, with no code
    const breakdown = classKind === 'economic' ? 'by_economic' : classKind === 'function' ? 'by_function' : null;
    const other = breakdown !== null && subj.metrics.every((m) => m.endsWith('.by_economic') || m.endsWith('.by_function')) && !subj.metrics.some((m) => m.endsWith(breakdown));
    if (other) {
      const metrics = subj.metrics.map((m) => m.replace(/\.by_(?:economic|function)$/, `.${breakdown}`));
      return restated(subj, { metrics, item: whole, code: '', phrase: subj.phrase, basis: subj.basis });
    }
    return as(whole, '');
  }

  /** `clauseRaw` up to what it compares with (差旅费较2022年预算增长 → 差旅费): the comparison is no part of a name. */
  private beforeComparison(clauseRaw: string): string {
    let named = clauseRaw;
    for (const id of ['comparison-with', 'comparison-object'] as const) {
      const cue = this.patterns.cues[id];
      const m = mayMatch(cue, named) ? cue.regex.exec(named) : null;
      if (m && m.index > 0) named = named.slice(0, m.index);
    }
    return named;
  }

  /**
   * A metric with lines of its own named at the end of a longer name (职工培训项目 ends with 项目,
   * 信息化建设项目支出 with 项目支出): a line of it, named by the whole name.
   */
  asLineOfName(subj: Subject, clauseRaw: string): Subject {
    const itemMetric = subj.entry?.itemMetric;
    if (!itemMetric || subj.metrics.includes(itemMetric) || subj.item || !subj.phrase) return subj;
    const name = ownName(clauseRaw, this.patterns);
    if (name.length <= subj.phrase.length || !name.endsWith(subj.phrase)) return subj;
    // the words before must name a line (…的机关运行经费 qualifies the total, it names no line)
    const before = name.slice(0, -subj.phrase.length);
    if (before.endsWith('的') || !namesSomething(before, this.patterns)) return subj;
    return restated(subj, { metrics: [itemMetric], item: name, code: '', phrase: name, basis: subj.basis });
  }

  /**
   * A line-only word (离休人员) names a line where `text` names a sibling of it too (…离休人员0人，
   * 退休人员1人); 退休 is no other than 退休人员, and 离退休人员, which holds 退休人员 past its start,
   * is their total.
   */
  namesLineBeside(word: string, metric: string, text: string): boolean {
    const { listedOnly } = this.patterns;
    if (!listedOnly.has(word) || [...listedOnly].some((w) => word.includes(w) && !word.startsWith(w))) return false;
    const other = (w: string) => !w.includes(word) && !word.includes(w);
    return this.phrases.find(compactText(text)).some((m) => other(m.text) && listedOnly.has(m.text) && this.itemMetricOf(m.text) === metric);
  }

  /** A line listed under a parent after 其中 / 包括: its group first, then the parent's item metric, then subjects. */
  childOf(parent: Subject, clause: string, masked: string, want: Want, listText = ''): Subject | null {
    const { q, family, classKind } = want;
    const matches = this.phrases.find(masked);
    const last = matches[matches.length - 1];
    const basis: Basis = 'enumeration';
    const ignored = matches.find((m) => m.info.metrics.some((e) => e.metric === 'unmapped'));
    if (ignored) {
      const e = ignored.info.metrics.find((x) => x.metric === 'unmapped') as MetricEntry;
      return { entry: e, metrics: ['unmapped'], item: '', code: '', phrase: ignored.text, group: null, countOnly: false, basis };
    }
    // the basic or project part of one classification line (初中教育支出…，其中：基本支出…) is no total of the family
    const lineParent = parent.entry === null && parent.metrics.every((m) => /\.by_(?:function|economic)$/.test(m));
    const familyPart = last?.info.metrics.some((e) => [e.metric].flat().some((m) => /^\{family\}\.(?:basic|project)$/.test(m)));
    if (lineParent && last && familyPart) {
      return { entry: null, metrics: ['unmapped'], item: `${parent.item}：${last.text}`, code: '', phrase: last.text, group: null, countOnly: false, basis };
    }
    if (parent.group && last) {
      const inGroup = last.info.metrics.find((e) => e.group === parent.group && this.acceptable(e, q, parent.group));
      if (inGroup) {
        const metrics = this.metricsOf(inGroup, q, family);
        return { entry: inGroup, metrics, item: '', code: '', phrase: last.text, group: parent.group, countOnly: Boolean(inGroup.countOnly), basis };
      }
    }
    if (last) {
      const other = this.itemMetricOf(last.text);
      const entry = other && last.info.metrics.find((e) => this.acceptable(e, q, null));
      // a word that is a line only under its own total (退休人员) is that total in another's list,
      // unless the list names its siblings too (其中：在职人员10人，离休人员0人，退休人员1人)
      if (other && entry) {
        const alone = this.patterns.listedOnly.has(last.text) && !parent.metrics.includes(other) && !this.namesLineBeside(last.text, other, listText);
        const item = alone ? '' : last.text;
        return { entry, metrics: [other], item, code: '', phrase: last.text, group: entry.group ?? null, countOnly: Boolean(entry.countOnly), basis };
      }
    }
    // only an expenditure family has lines of the classification (three_public.total has none)
    const parentFamily = parent.metrics[0]?.match(/^((?:\w+_)?expenditure)\.(?:total|basic|project|current_year|personnel|public_operating)$/)?.[1];
    const economicParent = /basic|personnel|public_operating/.test(parent.metrics[0] ?? '');
    // a sibling metric (实有人数 after 编制…，其中: staff.actual beside staff.quota) is no line of
    // the parent: the clause places it
    const parentMetric = parent.metrics[0] ?? '';
    const parentSpace = parentMetric.slice(0, parentMetric.indexOf('.') + 1);
    const sibling =
      parentSpace !== '' &&
      last?.info.metrics.some((e) => !e.weak && this.acceptable(e, q, null) && this.metricsOf(e, q, family).some((m) => m !== parentMetric && m.startsWith(parentSpace)));
    if (sibling && !economicParent) return null;
    const itemMetric = parent.entry?.itemMetric;
    if (itemMetric && this.compatible(parent, q)) {
      const item = cleanItem(clause);
      if (item) return { entry: parent.entry, metrics: [itemMetric], item, code: '', phrase: clause, group: parent.group, countOnly: parent.countOnly, basis };
    }
    // a phrase of a metric of its own is placed by its clause, not as a line of the parent
    if (last && !economicParent && last.info.metrics.some((e) => !e.weak && e.metric !== 'unmapped' && this.acceptable(e, q, null))) return null;
    if (last && last.info.subjects.length && q.kind !== 'count') {
      // a classification name listed under a total of its own group (其他交通工具购置 among the
      // vehicles' spending) is a part of that total the vocabulary has no metric for
      if (!parentFamily && parent.group) {
        return { entry: null, metrics: ['unmapped'], item: cleanItem(clause) || last.text, code: '', phrase: last.text, group: null, countOnly: false, basis };
      }
      const fam = parentFamily ?? family;
      const kind = economicParent ? 'economic' : classKind;
      const subjectsOnly: PhraseMatch = { ...last, info: { ...last.info, metrics: [] } };
      const found = this.fromMatch(subjectsOnly, { q, family: fam, group: null, classKind: kind }, false, basis);
      return found && this.widenItem(found, clause, kind);
    }
    return null;
  }
}
