import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type XRegExpType from 'xregexp';
import { z } from 'zod';
import { loadClassification, loadRenames, type Rename, type Subject } from './classification.js';
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
    out[id] = { id, what: c.what, regex: new RegExp(c.pattern, 'u'), global: new RegExp(c.pattern, 'gu'), examples: c.examples, counterexamples: c.counterexamples, anyOf: c.anyOf ? new RegExp(`[${c.anyOf.replace(/[\\\]^-]/g, '\\$&')}]`, 'u') : null };
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
  /** Role rules as written: their `{{prevYear}}` is filled in per document (src/stages/classify/roles.ts). */
  readonly roles: RoleRule[];
  readonly cues: Record<CueId, CompiledCue>;
  readonly subjects: readonly Subject[];
  readonly renames: readonly Rename[];
}


/**
 * Puts the names XRegExp keeps aside (`captureNames`) back on the capturing groups of its
 * native source, so the native engine reports `groups` and, with the `d` flag, their offsets.
 */
function renameGroups(source: string, names: ReadonlyArray<string | null>): string {
  let out = '';
  let group = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] as string;
    if (ch === '\\') {
      out += ch + (source[i + 1] ?? '');
      i++;
      continue;
    }
    if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(' && source[i + 1] !== '?') {
      const name = names[group++];
      out += name ? `(?<${name}>` : '(';
      continue;
    }
    out += ch;
  }
  return out;
}

const require = createRequire(import.meta.url);
let xregexp: typeof XRegExpType | null = null;

/**
 * XRegExp, loaded when a pattern is first compiled that the build did not compile already (see
 * buildRegex), from its one-file build: the main entry loads a core-js runtime (≈ 60–85 ms per
 * worker; this ≈ 25 ms).
 */
function XRegExp(): typeof XRegExpType {
  xregexp ??= require('xregexp/xregexp-all.js') as typeof XRegExpType;
  return xregexp;
}

/** The native source XRegExp compiles an XRegExp pattern with `{{part}}` pieces to (group names kept). */
export function xregexpSource(source: string, parts: Record<string, string>): string {
  const X = XRegExp();
  const subs = Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, X(v)]));
  const built = X.build(source, subs, 'u') as RegExp & { xregexp?: { captureNames?: Array<string | null> } };
  return renameGroups(built.source, built.xregexp?.captureNames ?? []);
}

/**
 * What XRegExp compiled the patterns to, written by the build (`scripts/cache-regexes.mjs`, after
 * tsc) and keyed by a hash of each pattern and its parts: a worker then builds native RegExps
 * without loading XRegExp at all (≈ 40 ms of each worker's start-up). A pattern edited since the
 * build has another key and is compiled by XRegExp as before.
 */
export const REGEX_CACHE_FILE = fileURLToPath(new URL('../dist/regex-cache.json', import.meta.url));
let regexCache: Map<string, string> | null = null;
/** Sources XRegExp compiled in this process (what the build writes to the cache). */
const compiledHere = new Map<string, string>();

function cachedSources(): Map<string, string> {
  if (!regexCache) {
    let text: string | null = null;
    try {
      text = readFileSync(REGEX_CACHE_FILE, 'utf8');
    } catch (err) {
      // no cache (not built, or running from src/): every pattern is compiled by XRegExp
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    regexCache = new Map(text === null ? [] : Object.entries(JSON.parse(text) as Record<string, string>));
  }
  return regexCache;
}

const regexKey = (source: string, parts: Record<string, string>) => createHash('sha256').update(JSON.stringify([source, parts])).digest('base64url');

/** Compiles an XRegExp pattern with `{{part}}` pieces (Unicode mode; `flags` added). */
export function buildRegex(source: string, parts: Record<string, string>, flags = ''): RegExp {
  const key = regexKey(source, parts);
  let native = cachedSources().get(key);
  if (native === undefined) {
    native = xregexpSource(source, parts);
    compiledHere.set(key, native);
  }
  return new RegExp(native, flags.includes('u') ? flags : `${flags}u`);
}

/** The patterns XRegExp compiled in this process, by key: the content of the build's cache file. */
export function regexSourcesCompiledHere(): Record<string, string> {
  return Object.fromEntries(compiledHere);
}

let metrics: z.infer<typeof MetricsFile> | null = null;

function metricsFile(): z.infer<typeof MetricsFile> {
  metrics ??= MetricsFile.parse(readJson('metrics.json'));
  return metrics;
}

const Entry = { id: z.string().regex(/^[a-z_]+$/), examples: z.array(z.string()).min(1), counterexamples: z.array(z.string()).min(1) };
const TablesFile = z.object({ tables: z.array(z.object({ ...Entry, title: z.string() })), columns: z.array(z.object({ ...Entry, label: z.string(), notFigures: z.boolean().optional() })) });

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
