/**
 * Exact decimal scaling on digit strings: `3360.17` × 10^4 → `33601700`, never a float times
 * 10 000. Values leave as JS numbers only at the very end, parsed from the exact digit string
 * (the nearest double to an exact decimal, which prints back as the same decimal).
 */

/** Digits with an optional fraction, thousands separators already removed. */
const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** Shifts the decimal point of `s` right by `power` places and trims zeros: exact. */
export function scaleDecimal(s: string, power: number): string {
  const m = DECIMAL.exec(s);
  if (!m) throw new Error(`not a decimal number: ${JSON.stringify(s)}`);
  const sign = m[1] ?? '';
  const int = m[2] ?? '0';
  const frac = m[3] ?? '';
  const digits = int + frac;
  const point = int.length + power;
  let whole: string;
  let fraction: string;
  if (point >= digits.length) {
    whole = digits + '0'.repeat(point - digits.length);
    fraction = '';
  } else if (point <= 0) {
    whole = '0';
    fraction = '0'.repeat(-point) + digits;
  } else {
    whole = digits.slice(0, point);
    fraction = digits.slice(point);
  }
  whole = whole.replace(/^0+(?=\d)/, '');
  fraction = fraction.replace(/0+$/, '');
  const body = fraction ? `${whole}.${fraction}` : whole;
  return sign && body !== '0' ? `-${body}` : body;
}

/** Changes the sign of a decimal string. */
export function negateDecimal(s: string): string {
  if (/^-?0(?:\.0*)?$/.test(s)) return s.replace(/^-/, '');
  return s.startsWith('-') ? s.slice(1) : `-${s}`;
}
