import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/extract.js';
import { type GoldFact, scoreFacts } from './gold-score.js';

/**
 * Golden fixtures: each folder holds input.txt, the expected facts (expected.json, rewritten
 * with UPDATE_FIXTURES=1 and reviewed as a diff) and, for the seeds, the hand-made gold key.
 */
const root = join(import.meta.dirname, 'fixtures');
const cases = readdirSync(root).filter((d) => existsSync(join(root, d, 'input.txt')));

describe.each(cases)('golden %s', (name) => {
  const text = readFileSync(join(root, name, 'input.txt'), 'utf8');
  const x = extractText(text, { docId: `${name}.txt` });
  const facts = x.facts.map(({ section, metric, item, code, role, basis, value, unit, raw, start, end, line }) => ({
    section,
    metric,
    item,
    code,
    role,
    basis,
    value,
    unit,
    raw,
    start,
    end,
    line,
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
    const score = scoreFacts(x.facts, gold.facts);
    expect(score.tp / score.gold, `missed: ${JSON.stringify(score.missed)}`).toBeGreaterThanOrEqual(0.97);
    expect(score.correct / score.extracted).toBeGreaterThanOrEqual(0.97);
    expect(x.document.org).toBe(gold.org);
    expect(x.document.year).toBe(gold.year);
  });
});
