import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/extract.js';

/**
 * Golden fixtures: each folder holds input.txt, the expected facts (expected.json, rewritten
 * with UPDATE_FIXTURES=1 and reviewed as a diff) and, for the seeds, the hand-made gold key.
 */
const root = join(import.meta.dirname, 'fixtures');
const cases = readdirSync(root).filter((d) => existsSync(join(root, d, 'input.txt')));

interface GoldFact {
  metric: string | string[];
  role: string;
  value: number;
  item?: string;
  aliases?: string[];
  optional?: boolean;
}

const norm = (s: string | undefined) =>
  (s ?? '').normalize('NFKC').replace(/\s+/g, '').replace(/[“”"'‘’]/g, '').replace(/^(?:[（(][0-9一二三四五六七八九十]+[)）]|[0-9]+[.、．]|[①-⑳])/, '');

describe.each(cases)('golden %s', (name) => {
  const text = readFileSync(join(root, name, 'input.txt'), 'utf8');
  const x = extractText(text, { docId: `${name}.txt` });
  const facts = x.facts.map(({ section, metric, item, code, role, basis, value, unit, raw, start, end, line }) => ({
    section, metric, item, code, role, basis, value, unit, raw, start, end, line,
  }));

  it('matches the reviewed expected facts', () => {
    const file = join(root, name, 'expected.json');
    if (process.env.UPDATE_FIXTURES === '1' || !existsSync(file)) writeFileSync(file, `${JSON.stringify(facts, null, 1)}\n`);
    expect(facts).toEqual(JSON.parse(readFileSync(file, 'utf8')));
  });

  it('slices every fact back to its raw text and line', () => {
    const lines = text.split('\n');
    for (const f of facts) {
      expect(text.slice(f.start, f.end)).toBe(f.raw);
      expect(lines[f.line - 1]).toContain(f.raw.split('\n')[0]);
    }
  });

  const goldFile = join(root, name, 'gold.json');
  it.runIf(existsSync(goldFile))('finds at least 97 % of the gold facts, and 97 % of its facts are right', () => {
    const gold = JSON.parse(readFileSync(goldFile, 'utf8')) as { facts: GoldFact[]; org: string; year: number };
    const mapped = facts.filter((f) => f.metric !== 'unmapped');
    const used = new Set<number>();
    let tp = 0;
    let correct = 0;
    const missed: GoldFact[] = [];
    for (const g of gold.facts) {
      const items = g.item ? [g.item, ...(g.aliases ?? [])].map(norm) : [''];
      const metrics = Array.isArray(g.metric) ? g.metric : [g.metric];
      const i = mapped.findIndex(
        (f, k) =>
          !used.has(k) &&
          f.role === g.role &&
          metrics.some((m) => m === f.metric || (/\.by_(?:function|economic)$/.test(m) && m.split('.')[1] === f.metric.split('.')[1])) &&
          items.includes(norm(f.item)) &&
          Math.abs(f.value - g.value) <= 0.005,
      );
      if (i >= 0) {
        used.add(i);
        correct++;
        if (!g.optional) tp++;
      } else if (!g.optional) missed.push(g);
    }
    const distinct = new Set(mapped.map((f) => [f.metric, norm(f.item), f.role, f.value.toFixed(3)].join('|'))).size;
    const recall = tp / gold.facts.filter((g) => !g.optional).length;
    expect(recall, `missed: ${JSON.stringify(missed)}`).toBeGreaterThanOrEqual(0.97);
    expect(correct / distinct).toBeGreaterThanOrEqual(0.97);
    expect(x.document.org).toBe(gold.org);
    expect(x.document.year).toBe(gold.year);
  });
});
