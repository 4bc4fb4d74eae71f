import { regionNames } from '../stages/organisation.js';
import { type DocumentRow, type LinkRow, type OrganisationRow, phaseOf } from '../schema.js';

/** The name an organisation goes by most often (the longest of those, for the fullest form). */
function commonest(names: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || a[0].localeCompare(b[0]))[0]?.[0] ?? '';
}

/** One row per organisation of a run: the names its documents give it (as printed), its region, level and kind. */
export function organisationRows(documents: readonly DocumentRow[]): OrganisationRow[] {
  const byId = new Map<string, DocumentRow[]>();
  for (const d of documents) {
    if (!d.org_id || d.status === 'failed') continue;
    const list = byId.get(d.org_id);
    if (list) list.push(d);
    else byId.set(d.org_id, [d]);
  }
  return [...byId]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([org_id, docs]) => {
      const first = docs[0] as DocumentRow;
      return {
        org_id,
        name: commonest(docs.map((d) => d.org_name ?? '').filter(Boolean)),
        region_code: first.region_code,
        region: regionNames(first.region_code),
        level: first.org_level,
        kind: first.org_kind,
        names: [...new Set(docs.map((d) => d.org ?? '').filter(Boolean))].sort().join('; '),
        documents: docs.length,
        years: [...new Set(docs.map((d) => d.year).filter((y): y is number => y !== null))].sort().join(';'),
      };
    });
}

/**
 * Documents of a run that belong together: the same organisation's document of the next year
 * (same scope and phase), its 预算 and 决算 of one year, and its 部门 and 单位 documents of one year
 * and phase. Each pair once, with the reason in words.
 */
export function linkRows(documents: readonly DocumentRow[]): LinkRow[] {
  const byOrg = new Map<string, DocumentRow[]>();
  for (const d of documents) {
    if (!d.org_id || d.year === null || !d.doc_type || d.status === 'failed' || d.duplicate_of !== null) continue;
    const list = byOrg.get(d.org_id);
    if (list) list.push(d);
    else byOrg.set(d.org_id, [d]);
  }
  const out: LinkRow[] = [];
  for (const [org_id, docs] of byOrg) for (const a of docs) for (const b of docs) if (a !== b) out.push(...linkOf(org_id, a, b));
  return out;
}

const describe = (d: DocumentRow) => `${d.year}年${d.doc_type}`;

/** How document b follows from document a of the same organisation, if it does (each pair is met both ways round). */
function linkOf(org_id: string, a: DocumentRow, b: DocumentRow): LinkRow[] {
  const samePhase = phaseOf(a.doc_type) === phaseOf(b.doc_type);
  if (a.scope === b.scope && samePhase && b.year === (a.year as number) + 1) {
    return [{ doc_id: a.doc_id, other_doc_id: b.doc_id, link: 'same_org_next_year', org_id, reason: `同一单位的${describe(a)}与${describe(b)}` }];
  }
  if (a.year === b.year && a.scope === b.scope && phaseOf(a.doc_type) === 'approved' && phaseOf(b.doc_type) === 'executed') {
    return [{ doc_id: a.doc_id, other_doc_id: b.doc_id, link: 'budget_and_final', org_id, reason: `同一单位同一年度的预算与决算（${describe(a)}，${describe(b)}）` }];
  }
  if (a.year === b.year && samePhase && a.scope === '部门' && b.scope === '单位') {
    return [{ doc_id: a.doc_id, other_doc_id: b.doc_id, link: 'department_and_unit', org_id, reason: `同一年度的部门与单位（${describe(a)}，${describe(b)}）` }];
  }
  return [];
}
