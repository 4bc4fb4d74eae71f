import { describe, expect, it } from 'vitest';
import { negateDecimal, scaleDecimal } from '../src/decimal.js';

describe('scaleDecimal', () => {
  const cases: Array<[string, number, string]> = [
    ['3360.17', 4, '33601700'],
    ['0.07', 4, '700'],
    ['28861.938591', 4, '288619385.91'],
    ['1.5', 8, '150000000'],
    ['1433715.14', 0, '1433715.14'],
    ['0', 4, '0'],
    ['0.00', 4, '0'],
    ['20.6', 4, '206000'],
    ['0.001', 4, '10'],
    ['123456789012345678.99', 4, '1234567890123456789900'],
  ];
  for (const [input, power, expected] of cases) {
    it(`shifts ${input} by 10^${power} to ${expected} exactly`, () => expect(scaleDecimal(input, power)).toBe(expected));
  }
  it('gives the exact yuan where float arithmetic would not', () => {
    expect(0.07 * 10000).not.toBe(700);
    expect(Number(scaleDecimal('0.07', 4))).toBe(700);
  });
  it('rejects text that is not a number', () => expect(() => scaleDecimal('1,2', 4)).toThrow(/not a decimal/));
  it('negates without producing -0', () => {
    expect(negateDecimal('5.5')).toBe('-5.5');
    expect(negateDecimal('-5.5')).toBe('5.5');
    expect(negateDecimal('0')).toBe('0');
  });
});
