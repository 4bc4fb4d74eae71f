import type { FactRow } from '../src/schema.js';

/** A fact of a hand-made answer key (../shared/eval/README.md). */
export interface GoldFact {
  readonly metric: string | string[];
  readonly role: string;
  readonly value: number;
  readonly item?: string;
  readonly aliases?: string[];
  readonly optional?: boolean;
}

/** An item as the scorer compares it: width, spaces, quotes, list numbering and closing marks folded. */
export const norm = (s: string | undefined): string =>
  (s ?? '')
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[“”"'‘’]/g, '')
    .replace(/^(?:[（(][0-9一二三四五六七八九十]+[)）]|[0-9]+[.、．]|[①-⑳])/, '')
    .replace(/[，,。.；;：:、]+$/, '');

const metricMatches = (gold: string | string[], metric: string) =>
  (Array.isArray(gold) ? gold : [gold]).some((m) => m === metric || (/\.by_(?:function|economic)$/.test(m) && m.split('.')[1] === metric.split('.')[1]));

export interface Score {
  /** Gold facts found (optional ones left out), of gold facts. */
  readonly tp: number;
  readonly gold: number;
  /** Extracted facts that match a gold fact, of distinct extracted facts (unmapped left out). */
  readonly correct: number;
  readonly extracted: number;
  readonly missed: GoldFact[];
}

/** Scores one document's facts against its answer key as ../shared/eval/score.mjs does. */
export function scoreFacts(facts: readonly FactRow[], gold: readonly GoldFact[]): Score {
  const seen = new Set<string>();
  const mapped = facts.filter((f) => {
    if (f.metric === 'unmapped') return false;
    const key = [f.metric, norm(f.item), f.role, f.value.toFixed(3)].join('|');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const used = new Set<number>();
  let tp = 0;
  let correct = 0;
  const missed: GoldFact[] = [];
  for (const g of gold) {
    const items = g.item ? [g.item, ...(g.aliases ?? [])].map(norm) : [''];
    const i = mapped.findIndex(
      (f, k) => !used.has(k) && f.role === g.role && metricMatches(g.metric, f.metric) && items.includes(norm(f.item)) && Math.abs(f.value - g.value) <= 0.005,
    );
    if (i >= 0) {
      used.add(i);
      correct++;
      if (!g.optional) tp++;
    } else if (!g.optional) missed.push(g);
  }
  return { tp, gold: gold.filter((g) => !g.optional).length, correct, extracted: mapped.length, missed };
}

/** F1 of summed scores. */
export function f1(scores: readonly Score[]): { recall: number; precision: number; f1: number } {
  const sum = (k: 'tp' | 'gold' | 'correct' | 'extracted') => scores.reduce((n, s) => n + s[k], 0);
  const recall = sum('gold') ? sum('tp') / sum('gold') : 1;
  const precision = sum('extracted') ? sum('correct') / sum('extracted') : 0;
  return { recall, precision, f1: recall + precision ? (2 * recall * precision) / (recall + precision) : 0 };
}
