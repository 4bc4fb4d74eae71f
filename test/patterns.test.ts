import { describe, expect, it } from 'vitest';
import { buildRegex, CUE_IDS, loadPatterns, regexSourcesCompiledHere, xregexpSource } from '../src/patterns.js';
import { rolePattern } from '../src/stages/classify/roles.js';
import { extractQuantities } from '../src/stages/extract-quantities.js';
import { matchHeading } from '../src/stages/segment.js';

const patterns = loadPatterns();

describe('every quantity pattern passes its own examples', () => {
  for (const p of patterns.quantities) {
    for (const ex of p.examples) {
      it(`${p.id} reads ${JSON.stringify(ex.input)} as ${ex.match} = ${ex.value}`, () => {
        const found = extractQuantities(ex.input, patterns);
        const hit = found.find((q) => ex.input.slice(q.start, q.end) === ex.match);
        expect(hit, `no quantity ${ex.match} in ${JSON.stringify(found)}`).toBeDefined();
        expect(hit?.value).toBe(ex.value);
      });
    }
    for (const bad of p.counterexamples) {
      it(`${p.id} finds nothing of its kind in ${JSON.stringify(bad)}`, () => {
        p.regex.lastIndex = 0;
        const m = [...bad.matchAll(p.regex)];
        expect(m.map((x) => x[0])).toEqual([]);
      });
    }
  }
});

describe('every heading style passes its own examples', () => {
  for (const style of patterns.headings) {
    for (const ex of style.examples) {
      it(`${style.id} recognises ${JSON.stringify(ex)}`, () => {
        expect(matchHeading(ex.replace(/（/g, '(').replace(/）/g, ')'), patterns)?.styleId).toBe(style.id);
      });
    }
  }
  for (const bad of patterns.headingCounterexamples) {
    it(`does not take ${JSON.stringify(bad)} for a heading`, () => {
      expect(matchHeading(bad, patterns)).toBeNull();
    });
  }
});

describe('every classifier cue passes its own examples', () => {
  it('holds, in every example of a cue with anyOf, one of those characters (else the cue is skipped where it matches)', () => {
    for (const cue of Object.values(patterns.cues)) {
      if (cue.anyOf === null) continue;
      for (const ex of cue.examples) expect(cue.anyOf.test(ex), `${cue.id}: ${ex}`).toBe(true);
    }
  });
  for (const cue of Object.values(patterns.cues)) {
    for (const ex of cue.examples) it(`${cue.id} matches ${JSON.stringify(ex)}`, () => expect(cue.regex.test(ex)).toBe(true));
    for (const bad of cue.counterexamples) it(`${cue.id} does not match ${JSON.stringify(bad)}`, () => expect(cue.regex.test(bad)).toBe(false));
  }
});

describe('every role rule passes its own examples (in a document of 2023)', () => {
  for (const [i, rule] of patterns.roles.entries()) {
    const re = rolePattern(rule, 2023);
    for (const ex of rule.examples) it(`rule ${i} (${rule.role}) matches ${JSON.stringify(ex)}`, () => expect(re.test(ex)).toBe(true));
    for (const bad of rule.counterexamples) it(`rule ${i} (${rule.role}) does not match ${JSON.stringify(bad)}`, () => expect(re.test(bad)).toBe(false));
  }
});

describe('pattern data', () => {
  it('maps every metric phrase to a metric of the SPEC shape', () => {
    for (const e of patterns.metrics) {
      for (const m of Array.isArray(e.metric) ? e.metric : [e.metric]) expect(m).toMatch(/^(?:unmapped|(?:\{family\}|[a-z_]+)(?:\.[a-z_]+)+)$/);
    }
  });
  it('holds subject codes whose length matches their level', () => {
    const len = { 类: 3, 款: 5, 项: 7 } as const;
    for (const s of patterns.subjects) expect(s.code.length, `${s.code} ${s.name}`).toBe(len[s.level]);
    expect(patterns.subjects.find((s) => s.code === '208')?.name).toBe('社会保障和就业支出');
    expect(patterns.subjects.find((s) => s.code === '30201')?.name).toBe('办公费');
  });
  it('maps each fund’s income to an expenditure family the phrase table names', () => {
    const families = new Set(Object.values(patterns.families));
    const metrics = new Set(patterns.metrics.flatMap((e) => (Array.isArray(e.metric) ? e.metric : [e.metric])));
    expect(Object.keys(patterns.fundExpenditure).length).toBeGreaterThan(0);
    for (const [income, family] of Object.entries(patterns.fundExpenditure)) {
      expect(metrics.has(income), income).toBe(true);
      expect(families.has(family), family).toBe(true);
    }
  });
  it('compiles every cue the classifier asks for', () => {
    expect(CUE_IDS.every((id) => patterns.cues[id]?.regex instanceof RegExp)).toBe(true);
  });
});

describe('XRegExp from its one-file build', () => {
  it('composes every quantity and heading pattern exactly as its main entry does', async () => {
    const { createRequire } = await import('node:module');
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const require = createRequire(import.meta.url);
    type X = ((s: string) => RegExp) & { build: (s: string, subs: Record<string, RegExp>, flags: string) => RegExp };
    const bundle = require('xregexp/xregexp-all.js') as X;
    const main = require('xregexp') as X;
    expect(bundle).not.toBe(main);
    const dir = join(import.meta.dirname, '..', 'patterns');
    let compared = 0;
    for (const file of ['quantities.json', 'headings.json']) {
      const data = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
        parts: Record<string, string>;
        patterns?: Array<{ pattern: string }>;
        styles?: Array<{ pattern: string }>;
      };
      for (const { pattern } of [...(data.patterns ?? []), ...(data.styles ?? [])]) {
        const built = (X: X) => {
          const subs = Object.fromEntries(Object.entries(data.parts).map(([k, v]) => [k, X(v)]));
          return X.build(pattern, subs, 'u').source;
        };
        expect(built(bundle)).toBe(built(main));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(10);
  });
});

describe("the build's cache of compiled patterns", () => {
  it('holds every pattern: loading them compiled none with XRegExp', () => {
    expect(patterns.quantities.length + patterns.headings.length).toBeGreaterThan(10);
    expect(Object.keys(regexSourcesCompiledHere())).toEqual([]);
  });
  it('gives each pattern the very source XRegExp compiles it to', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const dir = join(import.meta.dirname, '..', 'patterns');
    const q = JSON.parse(readFileSync(join(dir, 'quantities.json'), 'utf8')) as { parts: Record<string, string>; patterns: Array<{ pattern: string }> };
    const h = JSON.parse(readFileSync(join(dir, 'headings.json'), 'utf8')) as { parts: Record<string, string>; styles: Array<{ pattern: string }> };
    q.patterns.forEach((p, i) => expect(patterns.quantities[i]?.regex.source).toBe(new RegExp(xregexpSource(p.pattern, q.parts), 'u').source));
    h.styles.forEach((s, i) => expect(patterns.headings[i]?.regex.source).toBe(new RegExp(xregexpSource(s.pattern, h.parts), 'u').source));
  });
  it('compiles a pattern it does not hold (edited since the build) with XRegExp', () => {
    const re = buildRegex('(?<num>\\d+){{unit}}', { unit: '万?元' }, 'g');
    expect([...'共12万元，3元'.matchAll(re)].map((m) => [m[0], m.groups?.num])).toEqual([
      ['12万元', '12'],
      ['3元', '3'],
    ]);
    expect(Object.values(regexSourcesCompiledHere())).toEqual([re.source]);
  });
});
