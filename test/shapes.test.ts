import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allMatches, forEachMatch, objectList } from '../src/shapes.js';

const view = (ms: Iterable<RegExpMatchArray>) => [...ms].map((m) => [m.index, m[0], ...m.slice(1)]);

describe('forEachMatch and allMatches', () => {
  it('give the matches matchAll gives, empty ones included, and leave lastIndex at 0', () => {
    const regexes = [/\d+/gu, /x*/gu, /(?:)/g, /(?<n>\d)(?=元)|万/gu, /(?:^|\n)\s*(\S+)/g, /.?/gu];
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('1', '2', 'x', '元', '万', '\n', ' ', '😀', 'a', '\ud83d', '\ude00') }), fc.constantFrom(...regexes), (text, re) => {
        expect(view(allMatches(re, text))).toEqual(view(text.matchAll(re)));
        expect(re.lastIndex).toBe(0);
      }),
      { numRuns: 1000 },
    );
  });
  it('refuses a regex that is not global (an exec loop on it would never end)', () => {
    expect(() => forEachMatch(/\d/, '12', () => {})).toThrow(/global/);
  });
  it('objectList gives a new, empty, writable list each time', () => {
    const a = objectList<{ n: number }>();
    const b = objectList<{ n: number }>();
    a.push({ n: 1 });
    expect(a).toEqual([{ n: 1 }]);
    expect(b).toEqual([]);
  });
});
