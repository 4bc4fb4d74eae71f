import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { loadClassification, loadRenames, type Rename, type Subject } from './classification.js';
import { buildRegex } from './regex-build.js';
import { ROLES } from './stages/classify/types.js';

/** The folder of data files: `patterns/` at the package root (beside `src/` and `dist/`). */
export const PATTERNS_DIR = fileURLToPath(new URL('../patterns/', import.meta.url));

const readJson = (name: string): unknown => JSON.parse(readFileSync(PATTERNS_DIR + name, 'utf8'));

const Example = z.object({ input: z.string(), match: z.string(), value: z.string() });
const QuantityPattern = z.object({
  id: z.string(),
  kind: z.enum(['money', 'percent', 'count', 'bare', 'none']),
  pattern: z.string(),
  examples: z.array(Example).min(1),
  counterexamples: z.array(z.string()).default([]),
});
const QuantitiesFile = z.object({ parts: z.record(z.string(), z.string()), patterns: z.array(QuantityPattern) });

const UnitsFile = z.object({
  money: z.record(z.string(), z.number().int()),
  count: z.record(z.string(), z.string()),
  chineseDigits: z.record(z.string(), z.number().int()),
});

const HeadingStyle = z.object({ id: z.string(), level: z.number().int(), pattern: z.string(), examples: z.array(z.string()) });
const HeadingsFile = z.object({
  parts: z.record(z.string(), z.string()),
  styles: z.array(HeadingStyle),
  counterexamples: z.array(z.string()),
  toc: z.object({ title: z.string(), entry: z.string() }),
});

const SectionsFile = z.object({
  sections: z.array(z.object({ section: z.string(), keywords: z.array(z.string()).min(1) })),
});

const MetricEntry = z.object({
  metric: z.union([z.string(), z.array(z.string()).min(1)]),
  phrases: z.array(z.string()).min(1),
  weak: z.boolean().optional(),
  inGroup: z.boolean().optional(),
  countOnly: z.boolean().optional(),
  group: z.string().optional(),
  itemMetric: z.string().optional(),
  counts: z.record(z.string(), z.string()).optional(),
  units: z.array(z.string()).optional(),
});
const MetricsFile = z.object({
  families: z.record(z.string(), z.string()),
  metrics: z.array(MetricEntry),
  itemized: z.record(z.string(), z.union([z.array(z.string()), z.string()])),
  listedOnly: z.array(z.string()).default([]),
  fundExpenditure: z.record(z.string(), z.string()).default({}),
});

const RoleRule = z.object({
  role: z.enum(ROLES),
  kinds: z.array(z.enum(['money', 'percent', 'count'])),
  docTypes: z.array(z.enum(['决算', '预算'])).optional(),
  comparedWith: z.enum(['budget', 'prior']).optional(),
  yearBefore: z.boolean().optional(),
  sign: z.boolean().optional(),
  pattern: z.string(),
  examples: z.array(z.string()).min(1),
  counterexamples: z.array(z.string()).min(1),
});
const RolesFile = z.object({ rules: z.array(RoleRule) });

const Cue = z.object({
  id: z.string(),
  what: z.string(),
  pattern: z.string(),
  examples: z.array(z.string()).min(1),
  counterexamples: z.array(z.string()).min(1),
  anyOf: z.string().optional(),
});
const CuesFile = z.object({ cues: z.array(Cue) });
/** The cues the classifier asks for by id (patterns/cues.json must have each). */
export const CUE_IDS = [
  'enumeration-open',
  'enumeration-any',
  'increase',
  'decrease',
  'comparison-with',
  'comparison-object',
  'share-parent',
  'reason',
  'bare-total',
  'count-trail-stop',
  'count-filler',
  'none-reason',
  'redacted-name',
  'paired-totals',
  'completion-of-stated-budget',
  'comparison-opening',
  'cause-after-name',
  'template-alternative',
  'not-a-name',
  'change-tail',
  'item-name',
  'compared-with-budget',
  'compared-with-prior',
  'reason-open',
  'unsigned-difference',
  'sentence-end',
] as const;
export type CueId = (typeof CUE_IDS)[number];

export interface CompiledCue {
  readonly id: CueId;
  readonly what: string;
  /** The cue without flags beyond `u` (for test and exec). */
  readonly regex: RegExp;
  /** The cue with the `g` flag, for replacing or listing every match. */
  readonly global: RegExp;
  readonly examples: string[];
  readonly counterexamples: string[];
  /** Characters one of which every match holds, as a class: a text with none of them cannot match. */
  readonly anyOf: RegExp | null;
}

function compileCues(): Record<CueId, CompiledCue> {
  const file = CuesFile.parse(readJson('cues.json'));
  const byId = new Map(file.cues.map((c) => [c.id, c]));
  const out = {} as Record<CueId, CompiledCue>;
  for (const id of CUE_IDS) {
    const c = byId.get(id);
    if (!c) throw new Error(`patterns/cues.json: no cue "${id}"`);
    out[id] = {
      id,
      what: c.what,
      regex: new RegExp(c.pattern, 'u'),
      global: new RegExp(c.pattern, 'gu'),
      examples: c.examples,
      counterexamples: c.counterexamples,
      anyOf: c.anyOf ? new RegExp(`[${c.anyOf.replace(/[\\\]^-]/g, '\\$&')}]`, 'u') : null,
    };
  }
  const unknown = file.cues.filter((c) => !(CUE_IDS as readonly string[]).includes(c.id));
  if (unknown.length) throw new Error(`patterns/cues.json: unknown cue(s) ${unknown.map((c) => c.id).join(', ')}`);
  return out;
}

export type MetricEntry = z.infer<typeof MetricEntry>;
export type QuantityKind = z.infer<typeof QuantityPattern>['kind'];

export interface CompiledQuantityPattern {
  readonly id: string;
  readonly kind: QuantityKind;
  readonly regex: RegExp;
  readonly examples: z.infer<typeof Example>[];
  readonly counterexamples: string[];
}

export interface CompiledHeadingStyle {
  readonly id: string;
  readonly level: number;
  readonly regex: RegExp;
  readonly examples: string[];
}

export type RoleRule = z.infer<typeof RoleRule>;

export type { Rename, Subject } from './classification.js';

export interface Patterns {
  readonly quantities: CompiledQuantityPattern[];
  readonly units: z.infer<typeof UnitsFile>;
  readonly headings: CompiledHeadingStyle[];
  readonly headingCounterexamples: string[];
  readonly tocTitle: RegExp;
  readonly tocEntry: RegExp;
  readonly sections: z.infer<typeof SectionsFile>['sections'];
  readonly metrics: MetricEntry[];
  readonly families: Record<string, string>;
  readonly itemized: Record<string, string[]>;
  /** Item words that name an item only inside a list under their parent. */
  readonly listedOnly: ReadonlySet<string>;
  /** The expenditure family of a fund's income (income.general_budget → general_budget_expenditure). */
  readonly fundExpenditure: Readonly<Record<string, string>>;
  /** Role rules as written: their `{{prevYear}}` is filled in per document (src/stages/classify/roles.ts). */
  readonly roles: RoleRule[];
  readonly cues: Record<CueId, CompiledCue>;
  readonly subjects: readonly Subject[];
  readonly renames: readonly Rename[];
}

export { buildRegex, REGEX_CACHE_FILE, regexSourcesCompiledHere, xregexpSource } from './regex-build.js';

let metrics: z.infer<typeof MetricsFile> | null = null;

function metricsFile(): z.infer<typeof MetricsFile> {
  metrics ??= MetricsFile.parse(readJson('metrics.json'));
  return metrics;
}

const Entry = { id: z.string().regex(/^[a-z_]+$/), examples: z.array(z.string()).min(1), counterexamples: z.array(z.string()).min(1) };
const TablesFile = z.object({
  tables: z.array(z.object({ ...Entry, title: z.string() })),
  columns: z.array(z.object({ ...Entry, label: z.string(), notFigures: z.boolean().optional() })),
});

/** A canonical id and the pattern of what is printed (a table's title, a column's header). */
export interface Named {
  readonly id: string;
  readonly pattern: RegExp;
  readonly examples: string[];
  readonly counterexamples: string[];
}

/** The standard tables by title, their columns by header, and the columns that hold no figures (codes, row numbers). */
export interface TableVocabulary {
  readonly tables: Named[];
  readonly columns: Named[];
  readonly notFigures: ReadonlySet<string>;
}

let tableVocabulary: TableVocabulary | null = null;

/** patterns/tables.json: the standard tables by title, their columns by header. */
export function loadTableVocabulary(): TableVocabulary {
  if (tableVocabulary) return tableVocabulary;
  const file = TablesFile.parse(readJson('tables.json'));
  // a title is matched at the end of its line (after a year, 部门 or a list number)
  const tables = file.tables.map((t) => ({ id: t.id, pattern: new RegExp(`(?:${t.title})$`), examples: t.examples, counterexamples: t.counterexamples }));
  const columns = file.columns.map((c) => ({ id: c.id, pattern: new RegExp(c.label), examples: c.examples, counterexamples: c.counterexamples }));
  tableVocabulary = { tables, columns, notFigures: new Set(file.columns.filter((c) => c.notFigures).map((c) => c.id)) };
  return tableVocabulary;
}

/** The metric phrase table alone (what the datasets' columns need), without compiling every pattern. */
export function loadMetricEntries(): MetricEntry[] {
  return metricsFile().metrics;
}

function compile(): Patterns {
  const subjects = loadClassification(PATTERNS_DIR);
  const q = QuantitiesFile.parse(readJson('quantities.json'));
  const h = HeadingsFile.parse(readJson('headings.json'));
  const m = metricsFile();
  const r = RolesFile.parse(readJson('roles.json'));
  const itemized: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(m.itemized)) if (Array.isArray(v)) itemized[k] = v;
  return {
    quantities: q.patterns.map((p) => ({
      id: p.id,
      kind: p.kind,
      // spans come from the whole match (index and length): no group offsets, so no `d` flag and
      // no indices arrays allocated for every match of the hottest regexes
      regex: buildRegex(p.pattern, q.parts, 'g'),
      examples: p.examples,
      counterexamples: p.counterexamples,
    })),
    units: UnitsFile.parse(readJson('units.json')),
    headings: h.styles.map((s) => ({ id: s.id, level: s.level, regex: buildRegex(s.pattern, h.parts), examples: s.examples })),
    headingCounterexamples: h.counterexamples,
    tocTitle: new RegExp(h.toc.title, 'u'),
    tocEntry: new RegExp(h.toc.entry, 'u'),
    sections: SectionsFile.parse(readJson('sections.json')).sections,
    metrics: m.metrics,
    families: m.families,
    itemized,
    listedOnly: new Set(m.listedOnly),
    fundExpenditure: Object.fromEntries(Object.entries(m.fundExpenditure).filter(([k]) => !k.startsWith('$'))),
    roles: r.rules,
    cues: compileCues(),
    subjects,
    renames: loadRenames(PATTERNS_DIR, subjects),
  };
}

/**
 * A value derived from the patterns (an index, a table), built on first use and kept as long as
 * they are: `const byCode = derivedFrom((p) => new Map(...)); byCode(patterns).get(code)`.
 */
export function derivedFrom<T>(build: (patterns: Patterns) => T): (patterns: Patterns) => T {
  const values = new WeakMap<Patterns, T>();
  return (patterns) => {
    let value = values.get(patterns);
    if (value === undefined) {
      value = build(patterns);
      values.set(patterns, value);
    }
    return value;
  };
}

let cached: Patterns | null = null;

/** The patterns, loaded, validated and compiled once per process. */
export function loadPatterns(): Patterns {
  cached ??= compile();
  return cached;
}

const ChecksFile = z.object({
  sums: z.array(
    z.object({
      id: z.string(),
      total: z.array(z.string()).min(1),
      need: z.array(z.string()).min(1),
      parts: z.array(z.string()).min(2),
      skipIf: z.array(z.string()).optional(),
    }),
  ),
  items: z.array(z.object({ id: z.string(), item: z.string(), total: z.string() })),
  tableFacts: z.array(
    z.object({
      id: z.string(),
      metrics: z.array(z.string()).min(1),
      byCode: z.boolean().optional(),
      row: z.string().optional(),
      tables: z.array(z.string()).min(1),
      columns: z.array(z.string()).min(1),
    }),
  ),
  shareParents: z.record(z.string(), z.array(z.string())),
  labels: z.record(z.string(), z.string()),
});

export interface ChecksTable extends z.infer<typeof ChecksFile> {
  label(metric: string): string;
  parentsOfShare(metric: string): string[];
}

let checks: ChecksTable | null = null;

/** patterns/checks.json, validated and loaded once. */
export function loadChecks(): ChecksTable {
  if (checks) return checks;
  const data = ChecksFile.parse(readJson('checks.json'));
  checks = {
    ...data,
    label: (metric) => data.labels[metric] ?? metric,
    parentsOfShare: (metric) => {
      const prefix = Object.keys(data.shareParents).find((p) => metric.startsWith(p));
      return prefix ? (data.shareParents[prefix] ?? []).filter((m) => m !== metric) : [];
    },
  };
  return checks;
}

const CueWordsFile = z.object({ leadWords: z.array(z.string()).min(1), tailWords: z.array(z.string()).min(1) });
let cueWords: { leadWords: ReadonlySet<string>; tailWords: ReadonlySet<string> } | null = null;

/** patterns/jieba/extra-words.json: words that open a listed line, and words that close the span before a number, without being part of a name. */
export function loadCueWords(): { leadWords: ReadonlySet<string>; tailWords: ReadonlySet<string> } {
  if (cueWords) return cueWords;
  const file = CueWordsFile.parse(readJson('jieba/extra-words.json'));
  cueWords = { leadWords: new Set(file.leadWords), tailWords: new Set(file.tailWords) };
  return cueWords;
}

let fold: Uint16Array | null = null;

/**
 * Every UTF-16 code unit folded: full-width ASCII and spaces to half-width, traditional to
 * simplified by patterns/simplified.tsv (OpenCC's Hong Kong traditional → mainland simplified, one
 * character for one, built by scripts/build-fold-table.mjs), the rest as it is (128 KB).
 */
export function loadFoldTable(): Uint16Array {
  if (fold) return fold;
  const t = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xff01 && c <= 0xff5e) t[c] = c - 0xfee0;
    else if (c === 0x3000 || c === 0xa0 || c === 0x2002 || c === 0x2003 || c === 0x2009) t[c] = 0x20;
    else t[c] = c;
  }
  const rows = readFileSync(`${PATTERNS_DIR}simplified.tsv`, 'utf8').split('\n').slice(1);
  for (const row of rows) {
    if (row === '') continue;
    if (row.length !== 3 || row[1] !== '\t') throw new Error(`patterns/simplified.tsv: not a "traditional<TAB>simplified" row: ${JSON.stringify(row)}`);
    t[row.charCodeAt(0)] = row.charCodeAt(2);
  }
  fold = t;
  return fold;
}

let commonHanzi: ReadonlySet<string> | null = null;

/** patterns/common-hanzi.txt: the characters common in disclosures (what a right decoding reads like). */
export function loadCommonHanzi(): ReadonlySet<string> {
  commonHanzi ??= new Set(readFileSync(`${PATTERNS_DIR}common-hanzi.txt`, 'utf8').trim());
  return commonHanzi;
}
export { loadOrganisationRules, loadRegions, type OrganisationRules, type Region, type RegionLevel } from './pattern-data.js';
