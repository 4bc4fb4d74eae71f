import { loadOrganisationRules, loadRegions, type Region } from '../patterns.js';

/** Who published a document: its organisation's full name, region, level and kind, and the key that ties its names together. */
export interface Organisation {
  /** The region code and the organisation's key: one id for the names it goes by (`320000:人大办公厅`). */
  readonly org_id: string;
  /** The name with its region (江苏省人大常委会办公厅), as the document gives it where it does. */
  readonly name: string;
  readonly region_code: string | null;
  /** The region's names, province first (江苏省, 上海市 普陀区). */
  readonly region: string | null;
  readonly level: 'province' | 'city' | 'county' | 'township' | null;
  readonly kind: string;
}

const DEPTH = { province: 0, city: 1, county: 2 } as const;

/** Each region's names as documents write them: the full name, a province without 省/市/自治区, a 自治州 as 州. */
function aliasesOf(r: Region): string[] {
  const names = [r.name];
  if (r.level === 'province') {
    const short = r.name.replace(/(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/u, '');
    if (short.length >= 2 && short !== r.name) names.push(short);
  }
  // 西双版纳傣族自治州 → 西双版纳州, 寻甸回族彝族自治县 → 寻甸县
  const autonomous = loadOrganisationRules().autonomous.exec(r.name);
  if (autonomous && autonomous.index >= 2) names.push(r.name.slice(0, autonomous.index) + autonomous[1]);
  // a prefecture-level city without its 市 (孝感高级中学)
  if (r.level === 'city' && r.name.endsWith('市') && r.name.length >= 3) names.push(r.name.slice(0, -1));
  return names;
}

let index: Map<string, Array<[string, Region[]]>> | null = null;
/**
 * Every alias with the regions that go by it (普陀区: two), by its first character, longest first
 * (a county's name before a shorter one inside it): a text is scanned once, not once per alias.
 */
function aliasIndex(): Map<string, Array<[string, Region[]]>> {
  if (index) return index;
  const byAlias = new Map<string, Region[]>();
  for (const r of loadRegions().values()) for (const a of aliasesOf(r)) byAlias.set(a, [...(byAlias.get(a) ?? []), r]);
  const byFirst = new Map<string, Array<[string, Region[]]>>();
  for (const entry of [...byAlias].sort((a, b) => b[0].length - a[0].length)) {
    const first = entry[0][0] as string;
    const list = byFirst.get(first);
    if (list) list.push(entry);
    else byFirst.set(first, [entry]);
  }
  index = byFirst;
  return index;
}

const ancestors = (r: Region): Region[] => {
  const regions = loadRegions();
  const out: Region[] = [];
  for (let p = r.parent ? regions.get(r.parent) : undefined; p; p = p.parent ? regions.get(p.parent) : undefined) out.push(p);
  return out;
};

/** A region's names, province first (江苏省; 上海市 普陀区), or null for no region. */
export function regionNames(code: string | null): string | null {
  const region = code ? loadRegions().get(code) : undefined;
  return region ? [...ancestors(region).reverse(), region].map((r) => r.name).join(' ') : null;
}

/** The regions a text names, left to right, the longest name at each place. */
function regionsIn(text: string): Region[] {
  const found: Region[] = [];
  const aliases = aliasIndex();
  for (let at = 0; at < text.length;) {
    const match = aliases.get(text[at] as string)?.find(([alias]) => text.startsWith(alias, at));
    if (!match) {
      at++;
      continue;
    }
    found.push(...match[1]);
    at += match[0].length;
  }
  return found;
}

/**
 * The most specific region the names agree on: the deepest one whose every other named region is
 * its ancestor or itself; of two that do not agree (普陀区 of Shanghai and of Zhoushan), the one
 * whose ancestors are named too. Null when they contradict each other.
 */
function placeOf(found: readonly Region[]): Region | null {
  const codes = new Set(found.map((r) => r.code));
  const support = (r: Region) => ancestors(r).filter((a) => codes.has(a.code)).length;
  const ranked = [...new Map(found.map((r) => [r.code, r])).values()].sort((a, b) => support(b) - support(a) || DEPTH[b.level] - DEPTH[a.level]);
  const best = ranked[0];
  if (!best) return null;
  const same = ranked.filter((r) => r.name === best.name && support(r) === support(best));
  return same.length > 1 ? (ancestors(best).find((a) => same.every((r) => ancestors(r).some((x) => x.code === a.code))) ?? null) : best;
}

/** The organisation's key: its name without its region, rewritten as patterns/organisations.json says. */
export function organisationKey(name: string, region: Region | null): string {
  let key = name.replace(/\s+/gu, '').replace(/^(?:中国共产党|中共)/u, '');
  const chain = region ? [...ancestors(region).reverse(), region] : [];
  // the longest name of a place of its region first (本溪县 before 本溪), again while one begins it
  const aliases = chain.flatMap(aliasesOf).sort((a, b) => b.length - a.length);
  for (let alias = aliases.find((a) => key.startsWith(a)); alias; alias = aliases.find((a) => key.startsWith(a))) {
    // 普陀区委: the 区 of 区委 stays with it
    if (key[alias.length] === '委') {
      key = key.slice(alias.length - 1);
      break;
    }
    key = key.slice(alias.length);
  }
  for (const v of loadOrganisationRules().variants) key = key.replace(v.regex, v.replace);
  return key || name;
}

/**
 * The organisation of a document from its name as printed and the document's first lines (its
 * title): placed in a region by the names of places they hold (patterns/regions.tsv), its name
 * completed where it leaves the region out (省人大办公厅 in a Jiangsu document → 江苏省人大办公厅).
 */
export function resolveOrganisation(org: string | null, head: string): Organisation | null {
  if (!org) return null;
  const rules = loadOrganisationRules();
  const own = placeOf(regionsIn(org));
  // a name that begins 省…, 市…, 区…, 县… says its level and leaves the place to the title
  const generic = /^[省市区县]/u.exec(org)?.[0] ?? null;
  let region = own;
  if (!region || generic) {
    const titled = placeOf(regionsIn(head.slice(0, 300)));
    region = titled && own && !ancestors(titled).some((a) => a.code === own.code) && titled.code !== own.code ? own : (titled ?? own);
  }
  if (region && generic) {
    const level = generic === '省' ? 'province' : generic === '市' ? 'city' : 'county';
    region = [region, ...ancestors(region)].find((r) => r.level === level || (level === 'city' && r.level === 'province' && r.name.endsWith('市'))) ?? region;
  }
  // a county of a municipality is named with it (重庆市渝中区)
  const prefix = region ? (region.level === 'county' && ancestors(region)[0]?.level === 'province' ? (ancestors(region)[0]?.name ?? '') : '') + region.name : '';
  const name = !region || own ? org : generic && region.name.endsWith(generic) ? region.name + org.slice(1) : prefix + org;
  const township = rules.township.regex.test(org);
  return {
    org_id: `${region?.code ?? '000000'}:${organisationKey(name, region)}`,
    name,
    region_code: region?.code ?? null,
    region: regionNames(region?.code ?? null),
    level: township ? 'township' : (region?.level ?? null),
    kind: rules.kinds.find((k) => k.regex.test(name.replace(/\s*[（(][^（()）]*[)）]$/u, '')))?.kind ?? '党政机关',
  };
}
