/** A fact as the checks see it: offsets and raw text into the decoded original. */
export interface CheckFact {
  /** The fact's id, when the fact is a dataset row (a finding then names it). */
  readonly fact_id?: string;
  readonly metric: string;
  readonly item: string;
  readonly code: string;
  readonly role: string;
  readonly value: number;
  readonly unit: string;
  readonly raw: string;
  readonly start: number;
  readonly end: number;
  readonly line: number;
}

const indexes = new WeakMap<CheckFact[], Map<string, CheckFact[]>>();

/** A document's facts by `metric|item|role`, in document order, built once per list of facts. */
export function factsBy(facts: CheckFact[]): Map<string, CheckFact[]> {
  let index = indexes.get(facts);
  if (!index) {
    index = new Map();
    for (const x of facts) {
      const key = `${x.metric}|${x.item}|${x.role}`;
      const list = index.get(key);
      if (list) list.push(x);
      else index.set(key, [x]);
    }
    indexes.set(facts, index);
  }
  return index;
}

const NUMBER = /(\d[\d,]*)(?:\.(\d+))?/;

/** Decimals written in the fact's raw text. */
export function decimalsOf(f: CheckFact): number {
  return NUMBER.exec(f.raw)?.[2]?.length ?? 0;
}

/**
 * The rounding step of a written figure, in the fact's own unit (yuan, percent points, count):
 * `3446.12万元` → 100 yuan, `97.51%` → 0.01, `0万元` → 10 000 yuan.
 */
export function stepOf(f: CheckFact): number {
  const d = decimalsOf(f);
  if (f.unit !== 'CNY') return f.unit === '%' ? 10 ** -d : 1;
  let power = /[亿億]/.test(f.raw) ? 8 : /[万萬]/.test(f.raw) ? 4 : /千/.test(f.raw) ? 3 : /元/.test(f.raw) ? 0 : -1;
  if (power < 0) {
    const n = Number((NUMBER.exec(f.raw)?.[0] ?? '0').replace(/,/g, ''));
    power = n && f.value ? Math.round(Math.log10(Math.abs(f.value / n))) : 4;
  }
  return 10 ** (power - d);
}

/** How the written unit reads in a message: 万元 figures are shown in 万元. */
export function display(value: number, f: CheckFact): string {
  if (f.unit === '%') return `${round(value, 2)}%`;
  if (f.unit !== 'CNY') return `${value}${f.unit}`;
  if (/[万萬]/.test(f.raw) || (!/元/.test(f.raw) && Math.abs(value) >= 10000)) return `${round(value / 10000, 2)}万元`;
  return `${round(value, 2)}元`;
}

export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/**
 * Bounds of a sum of figures each known to ± half its step: the all-low and the all-high corner.
 * Floating-point addition is monotone, so these are exactly the extremes `bounds` would find among
 * all 2^n corners, at the cost of n additions (a list of 30 项目 would be a billion corners).
 */
export function sumBounds(inputs: Array<{ value: number; step: number }>): [number, number] {
  let lo = 0;
  let hi = 0;
  for (const x of inputs) {
    lo += x.value - x.step / 2;
    hi += x.value + x.step / 2;
  }
  return [lo, hi];
}

/** Every corner of a box of inputs (value ± half its step), for interval bounds of a formula of a few inputs. */
export function bounds(inputs: Array<{ value: number; step: number }>, fn: (xs: number[]) => number): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  const n = inputs.length;
  for (let mask = 0; mask < 1 << n; mask++) {
    const xs = inputs.map((x, i) => x.value + ((mask >> i) & 1 ? x.step / 2 : -x.step / 2));
    const y = fn(xs);
    if (Number.isFinite(y)) {
      lo = Math.min(lo, y);
      hi = Math.max(hi, y);
    }
  }
  return [lo, hi];
}

export type Verdict = 'exact' | 'rounding' | 'off';

/**
 * Compares a stated figure with what the others imply. Within the rounding of the figures the
 * text wrote, the difference is `rounding` (or `exact` when none); beyond it, `off`.
 */
export function judge(stated: number, statedStep: number, implied: [number, number], exactValue: number): Verdict {
  // the stated figure is the exact one, rounded as the text rounds
  if (Math.abs(stated - exactValue) <= statedStep / 2 + 1e-9 * Math.max(1, Math.abs(stated))) return 'exact';
  const [lo, hi] = implied;
  const slack = statedStep / 2 + 1e-9 * Math.max(1, Math.abs(stated));
  if (stated >= lo - slack && stated <= hi + slack) return 'rounding';
  // one unit of the last written decimal is still rounding (±0.01 of the unit the text uses)
  if (stated >= lo - statedStep - slack && stated <= hi + statedStep + slack) return 'rounding';
  return 'off';
}

/** How many facts at the start of `list` satisfy `holds`, which holds of a prefix (facts in document order): a binary search. */
export function leading(list: readonly CheckFact[], holds: (f: CheckFact) => boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (holds(list[mid] as CheckFact)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
