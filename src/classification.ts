import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * The 政府收支分类科目 for expenditure (patterns/classification.tsv): one row per code and name
 * with the budget years a source shows it in, and the sources (classification-sources.tsv). Codes
 * of 支出功能分类 are `function`; the economic classifications (部门 and 政府 from 2018, the single
 * one before) are `economic` to the classifier.
 */
export interface Subject {
  readonly code: string;
  readonly name: string;
  readonly kind: 'function' | 'economic';
  /** As the table has it: function, economic_dept, economic_gov or economic (before 2018). */
  readonly edition: 'function' | 'economic_dept' | 'economic_gov' | 'economic';
  readonly level: '类' | '款' | '项';
  /** First and last budget year a source shows this code with this name (`to` null: no later name known). */
  readonly from: number;
  readonly to: number | null;
  readonly sources: readonly string[];
}

export interface Rename {
  readonly oldName: string;
  readonly code: string;
  readonly newName: string;
}

const LEVEL_DIGITS = { 类: 3, 款: 5, 项: 7 } as const;

const Row = z
  .object({
    code: z.string().regex(/^\d{3}(?:\d{2}){0,2}$/),
    name: z.string().regex(/^[^\s\d]+$/u),
    kind: z.enum(['function', 'economic_dept', 'economic_gov', 'economic']),
    level: z.enum(['类', '款', '项']),
    from: z.string().regex(/^\d{4}$/),
    to: z.string().regex(/^(?:\d{4})?$/),
    source: z.string().min(1),
  })
  .refine((r) => r.code.length === LEVEL_DIGITS[r.level], { message: 'code length does not fit its level' });

const RenameRow = z.object({ old_name: z.string().min(1), code: z.string().regex(/^\d{3}(?:\d{2}){0,2}$/), new_name: z.string().min(1) });

function parseTsv(file: string): Record<string, string>[] {
  const [head, ...rows] = readFileSync(file, 'utf8').trim().split('\n');
  const cols = (head ?? '').split('\t');
  return rows.map((r) => Object.fromEntries(r.split('\t').map((v, i) => [cols[i] ?? `c${i}`, v])));
}

/** The rows of the table, validated (a bad row names its line). */
export function loadClassification(dir: string): Subject[] {
  return parseTsv(`${dir}classification.tsv`).map((raw, i) => {
    const r = Row.safeParse(raw);
    if (!r.success) throw new Error(`patterns/classification.tsv line ${i + 2}: ${r.error.issues.map((x) => x.message).join('; ')}`);
    const { code, name, kind, level, from, to, source } = r.data;
    return { code, name, kind: kind === 'function' ? 'function' : 'economic', edition: kind, level, from: Number(from), to: to ? Number(to) : null, sources: source.split(';') };
  });
}

/**
 * Old names of codes: the table's own renames (one code, two names in successive years: the older
 * name points to the newer) and patterns/subject-renames.tsv, the old names disclosures print
 * without a code (医疗卫生与计划生育支出 → 210 卫生健康支出).
 */
export function loadRenames(dir: string, subjects: readonly Subject[]): Rename[] {
  const out: Rename[] = [];
  const byCode = new Map<string, Subject[]>();
  for (const s of subjects) byCode.set(`${s.edition}|${s.code}`, [...(byCode.get(`${s.edition}|${s.code}`) ?? []), s]);
  for (const rows of byCode.values()) {
    const newest = [...rows].sort((a, b) => b.from - a.from)[0];
    for (const r of rows) if (newest && r.name !== newest.name) out.push({ oldName: r.name, code: r.code, newName: newest.name });
  }
  for (const raw of parseTsv(`${dir}subject-renames.tsv`)) {
    const r = RenameRow.parse(raw);
    out.push({ oldName: r.old_name, code: r.code, newName: r.new_name });
  }
  return out;
}
