import { scaleDecimal } from '../decimal.js';
import type { Patterns } from '../patterns.js';

export type Kind = 'money' | 'percent' | 'count';

/** A number with its unit, found in the normal text; offsets are into the normal text. */
export interface Quantity {
  readonly kind: Kind;
  /** The number as written, separators removed (`20323.21`). */
  readonly number: string;
  /** Exact value: yuan for money, the percent number, the count. */
  readonly value: string;
  /** `CNY`, `%` or the count unit. */
  readonly unit: string;
  /** The unit as written, for money (`万元`), to know the precision the text used. */
  readonly writtenUnit: string;
  readonly start: number;
  readonly end: number;
  /** Set when the text dropped the unit and it was taken from the amount before. */
  readonly inheritedUnit: boolean;
  /** Set for 无 read as zero: the words after it name what there was none of. */
  readonly none: boolean;
  /** Position and size of a list of numbers sharing one unit (`4125.49,4143.91万元`). */
  readonly list: { index: number; size: number } | null;
  readonly patternId: string;
}

/** A number listed after this one with the unit of both: `,2570.97万元`. */
const LIST_GOES_ON = /^\s*[,、]\s*(?:\d[\d,]*(?:\.\d+)?\s*[,、]\s*)*\d[\d,]*(?:\.\d+)?\s*(?:[万亿千]\s*)?元/;
const NUM_BEFORE = /(\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?\s*[,、]\s*$/;

function cnToInt(s: string, digits: Record<string, number>): number {
  if (s === '十') return 10;
  if (s.startsWith('十')) return 10 + (digits[s[1] ?? ''] ?? 0);
  const ten = s.indexOf('十');
  if (ten > 0) return (digits[s[0] ?? ''] ?? 0) * 10 + (ten + 1 < s.length ? (digits[s[ten + 1] ?? ''] ?? 0) : 0);
  return digits[s] ?? 0;
}

function moneyPower(unit: string, patterns: Patterns): number {
  return patterns.units.money[unit.replace(/\s+/g, '')] ?? 0;
}

interface Raw {
  kind: Kind | 'bare' | 'none';
  number: string;
  unitText: string;
  start: number;
  end: number;
  patternId: string;
}

/** Every match of every quantity pattern; where two overlap the earlier and longer one wins. */
function matchPatterns(text: string, patterns: Patterns): Raw[] {
  const found: Raw[] = [];
  for (const p of patterns.quantities) {
    for (const m of text.matchAll(p.regex)) {
      const g = m.groups ?? {};
      const numText = g.num ?? g.cn ?? '';
      const number = p.kind === 'none' ? '0' : g.cn ? String(cnToInt(g.cn, patterns.units.chineseDigits)) : numText.replace(/, ?/g, '');
      // words a pattern needs before the number (`lead`) are not part of the quantity
      found.push({
        kind: p.kind,
        number,
        unitText: g.unit ?? '',
        start: m.index + (g.lead?.length ?? 0),
        end: m.index + m[0].length,
        patternId: p.id,
      });
    }
  }
  const rank = (r: Raw) => ['money', 'percent', 'count', 'bare', 'none'].indexOf(r.kind);
  found.sort((a, b) => a.start - b.start || rank(a) - rank(b) || b.end - a.end);
  const kept: Raw[] = [];
  let lastEnd = -1;
  for (const r of found) {
    if (r.start < lastEnd) continue;
    kept.push(r);
    lastEnd = r.end;
  }
  return kept;
}

/** Numbers listed before `r` that share its unit: `各是4125.49,4143.91万元`. */
function listBefore(text: string, r: Raw, floor: number): Raw[] {
  const members: Raw[] = [];
  let pos = r.start;
  for (;;) {
    const window = text.slice(Math.max(floor, pos - 40), pos);
    const m = NUM_BEFORE.exec(window);
    if (!m) break;
    const numStart = pos - window.length + m.index;
    if (numStart > 0 && /[\d.A-Za-z]/.test(text[numStart - 1] ?? '')) break;
    const number = m[0].replace(/\s*[,、]\s*$/, '');
    members.unshift({ ...r, number: number.replace(/, ?/g, ''), start: numStart, end: numStart + number.length });
    pos = numStart;
  }
  if (members.length === 0) return members;
  const allDecimal = r.number.includes('.') && members.every((x) => x.number.includes('.'));
  const cue = /(?:各|分别)(?:是|为)?\s*$/.test(text.slice(Math.max(0, pos - 6), pos));
  return allDecimal || cue ? members : [];
}

/** Finds amounts, percentages and counts, exact values included, in reading order. */
export function extractQuantities(text: string, patterns: Patterns): Quantity[] {
  const raws = matchPatterns(text, patterns);
  const out: Quantity[] = [];
  let prevEnd = 0;
  // the line of the current quantity, followed forward (quantities come in order)
  let lineStart = 0;
  let nextBreak = text.indexOf('\n');
  for (const r of raws) {
    while (nextBreak >= 0 && nextBreak < r.start) {
      lineStart = nextBreak + 1;
      nextBreak = text.indexOf('\n', lineStart);
    }
    if (r.kind === 'none') {
      const after = text.slice(r.end, r.end + 16);
      const persons = /^[^,，。；;]*?(人数|人次)/.exec(after);
      out.push({
        kind: persons ? 'count' : 'money',
        number: '0',
        value: '0',
        unit: persons ? '人' : 'CNY',
        writtenUnit: persons ? '人' : '元',
        start: r.start,
        end: r.end,
        inheritedUnit: false,
        none: true,
        list: null,
        patternId: r.patternId,
      });
      prevEnd = r.end;
      continue;
    }
    if (r.kind === 'bare') {
      // the head of a list that shares the unit of its last member (减少1267.86,2570.97万元) is read with the list
      if (LIST_GOES_ON.test(text.slice(r.end, r.end + 40))) continue;
      // the last amount before it on its line gives its unit
      const prior = lastMoneySince(out, lineStart);
      if (!prior) continue;
      const power = moneyPower(prior.writtenUnit, patterns);
      out.push({
        kind: 'money',
        number: r.number,
        value: scaleDecimal(r.number, power),
        unit: 'CNY',
        writtenUnit: prior.writtenUnit,
        start: r.start,
        end: r.end,
        inheritedUnit: true,
        none: false,
        list: null,
        patternId: r.patternId,
      });
      prevEnd = r.end;
      continue;
    }
    const group = r.kind === 'count' ? [r] : [...listBefore(text, r, prevEnd), r];
    for (const [index, { number, start, end }] of group.entries()) {
      const list = group.length > 1 ? { index, size: group.length } : null;
      if (r.kind === 'money') {
        const unit = r.unitText.replace(/\s+/g, '');
        out.push({
          kind: 'money',
          number,
          value: scaleDecimal(number, moneyPower(unit, patterns)),
          unit: 'CNY',
          writtenUnit: unit.endsWith('元') ? unit : `${unit}元`,
          start,
          end,
          inheritedUnit: false,
          none: false,
          list,
          patternId: r.patternId,
        });
      } else if (r.kind === 'percent') {
        out.push({
          kind: 'percent',
          number,
          value: scaleDecimal(number, 0),
          unit: '%',
          writtenUnit: '%',
          start,
          end,
          inheritedUnit: false,
          none: false,
          list,
          patternId: r.patternId,
        });
      } else {
        const unit = patterns.units.count[r.unitText.replace(/\s+/g, '')] ?? r.unitText;
        out.push({ kind: 'count', number, value: scaleDecimal(number, 0), unit, writtenUnit: unit, start, end, inheritedUnit: false, none: false, list, patternId: r.patternId });
      }
    }
    prevEnd = r.end;
  }
  return withRespectiveLists(text, out);
}

/** The last amount found that starts at or after `from` (the start of the current line). */
function lastMoneySince(found: readonly Quantity[], from: number): Quantity | null {
  const q = found.findLast((x) => x.kind === 'money' || x.start < from);
  return q?.kind === 'money' && q.start >= from ? q : null;
}

/** 各 / 分别 before a run of figures with their own units: 各下降23.51%、38.28%. */
const RESPECTIVE = /(?:各|分别)(?:是|为|下降|增长|增加|减少|上升|降低|占)?\s*$/;

/**
 * Figures that each carry their unit but follow 各 or 分别, separated by , or 、 only, are a list
 * like `各是4125.49,4143.91万元`: each is the figure of its place in the subject (收、支总计).
 */
function withRespectiveLists(text: string, out: Quantity[]): Quantity[] {
  // the figures of a run, once in a list, are passed over as the loop reaches them
  for (const [i, first] of out.entries()) {
    if (first.list) continue;
    const before = text.slice(Math.max(0, first.start - 6), first.start);
    if ((!before.includes('各') && !before.includes('分别')) || !RESPECTIVE.test(before)) continue;
    const run = runFrom(text, out, first, i);
    if (run.length < 2) continue;
    out.splice(i, run.length, ...run.map((q, index) => ({ ...q, list: { index, size: run.length } })));
  }
  return out;
}

/** `first` (at `at`) and the figures after it of its kind, in no list yet, separated by , or 、 only. */
function runFrom(text: string, qs: readonly Quantity[], first: Quantity, at: number): Quantity[] {
  const run = [first];
  let last = first;
  for (;;) {
    const next = qs[at + run.length];
    if (!next || next.kind !== first.kind || next.list || !/^\s*[,，、]\s*$/.test(text.slice(last.end, next.start))) return run;
    run.push(next);
    last = next;
  }
}
