import { describe, expect, it } from 'vitest';
import { extractText } from '../src/extract.js';
import { ADVERSARIAL, patternRegexes, timeRegex } from './adversarial.js';

/**
 * Catastrophic backtracking shows as time growing much faster than the input: for an input four
 * times longer a linear regex takes about four times as long, a quadratic one sixteen. The bound
 * is loose and short timings are not judged (machines are noisy; tests run side by side): a
 * quadratic pattern on 200,000 characters takes seconds, far above the floor.
 */
const SMALL = 50_000;
const LARGE = 200_000;
const MAX_GROWTH = 10;

describe('every pattern of patterns/ grows near-linearly on adversarial input', () => {
  for (const [name, re] of patternRegexes()) {
    it(name, () => {
      for (const [kind, make] of Object.entries(ADVERSARIAL)) {
        const small = timeRegex(re, make(SMALL));
        const large = timeRegex(re, make(LARGE));
        // below a millisecond the clock says nothing about growth
        if (large > 20) expect(large / Math.max(small, 2), `${kind}: ${small.toFixed(2)} ms → ${large.toFixed(2)} ms`).toBeLessThan(MAX_GROWTH);
      }
    });
  }
});

describe('the whole pipeline grows near-linearly on adversarial documents', () => {
  for (const [kind, make] of Object.entries(ADVERSARIAL)) {
    it(kind, () => {
      const time = (n: number) => {
        const t = performance.now();
        extractText(make(n));
        return performance.now() - t;
      };
      time(2000); // warm up
      const small = Math.min(time(SMALL), time(SMALL), time(SMALL));
      const large = Math.min(time(LARGE), time(LARGE), time(LARGE));
      // a quadratic step takes seconds at this size; below 100 ms the ratio is only the machine's noise
      if (large > 100) expect(large / Math.max(small, 10), `${small.toFixed(1)} ms → ${large.toFixed(1)} ms`).toBeLessThan(MAX_GROWTH);
    });
  }
});
