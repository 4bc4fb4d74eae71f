import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPatterns } from '../src/patterns.js';

const patterns = loadPatterns();
const rows = patterns.subjects;
const dir = join(import.meta.dirname, '..', 'patterns');
const sourceKeys = new Set(
  readFileSync(join(dir, 'classification-sources.tsv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t')[0]),
);
const overlap = (a: (typeof rows)[number], b: (typeof rows)[number]) => a.from <= (b.to ?? 9999) && b.from <= (a.to ?? 9999);

describe('the classification table (patterns/classification.tsv)', () => {
  it('gives 类 three digits, 款 five and 项 seven', () => {
    const digits = { 类: 3, 款: 5, 项: 7 } as const;
    for (const r of rows) expect(r.code.length, `${r.code} ${r.name}`).toBe(digits[r.level]);
  });

  it('names each code once per edition and year (a rename is two rows with years apart)', () => {
    for (const [i, a] of rows.entries()) {
      for (const b of rows.slice(i + 1)) {
        if (a.edition === b.edition && a.code === b.code) expect(overlap(a, b), `${a.code} ${a.name} / ${b.name}`).toBe(false);
      }
    }
  });

  it('puts every 款 under a 类 and every 项 under a 款 of the same edition and years', () => {
    for (const r of rows.filter((x) => x.level !== '类')) {
      const parent = rows.find((p) => p.edition === r.edition && p.code === r.code.slice(0, -2) && overlap(p, r));
      expect(parent, `${r.code} ${r.name} (${r.edition} ${r.from}–${r.to ?? ''})`).toBeDefined();
    }
  });

  it('holds names only (no digits, spaces or list marks) and cites a known source for every row', () => {
    for (const r of rows) {
      expect(r.name).toMatch(/^[\u4e00-\u9fff（）()、“”]+$/u);
      expect(r.sources.length).toBeGreaterThan(0);
      for (const key of r.sources) expect(sourceKeys.has(key), `${r.code} cites ${key}`).toBe(true);
    }
  });

  it('has the 类 the mined table lacked and none of its noise', () => {
    const name = (code: string) => rows.filter((r) => r.code === code && r.kind === 'function').map((r) => r.name);
    expect(name('214')).toContain('交通运输支出');
    expect(name('213')).toContain('农林水支出');
    expect(name('224')).toContain('灾害防治及应急管理支出');
    expect(rows.some((r) => r.code === '200')).toBe(false);
  });

  it('knows old names of renamed codes', () => {
    const old = (name: string) => patterns.renames.find((r) => r.oldName === name)?.code;
    expect(old('医疗卫生与计划生育支出')).toBe('210');
    expect(old('公诉和审判监督')).toBe('2040405');
  });
});
