import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { assertSound, disclosureLike, edited } from './fuzz.js';

/** A short run in the normal tests; FUZZ_RUNS=100000 npm test -- fuzz for the long one. */
const runs = Number(process.env.FUZZ_RUNS ?? 300);

describe('fuzzing (fast-check)', () => {
  it('never throws, never yields NaN or Infinity, keeps every record valid and every span exact: arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300, unit: 'binary' }), assertSound), { numRuns: runs });
  });
  it('… on texts made of disclosure pieces', () => {
    fc.assert(fc.property(disclosureLike, assertSound), { numRuns: runs });
  });
  for (const name of ['seed-000', 'seed-003']) {
    const text = readFileSync(join(import.meta.dirname, 'fixtures', name, 'input.txt'), 'utf8');
    it(`… on ${name} with random edits`, () => {
      fc.assert(fc.property(edited(text), assertSound), { numRuns: Math.max(20, Math.round(runs / 10)) });
    });
  }
});
