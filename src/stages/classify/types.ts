import type { MetricEntry } from '../../patterns.js';
import type { Quantity } from '../extract-quantities.js';
import type { Section } from '../segment.js';

/** The roles a figure plays (SPEC: facts columns). */
export const ROLES = ['value', 'prior_year', 'yoy_change', 'yoy_rate', 'share', 'budget', 'budget_completion_rate', 'budget_variance', 'budget_variance_rate'] as const;
export type Role = (typeof ROLES)[number];

/**
 * How a quantity's subject was found: the name of the resolver that placed it (README, facts
 * columns). `org-unit`, `unplaced`: no subject, the fact is `unmapped`.
 */
export const BASES = ['trail', 'enumeration', 'coded', 'path', 'reason', 'clause', 'lead', 'total', 'inherited', 'heading', 'weak', 'table', 'org-unit', 'unplaced'] as const;
export type Basis = (typeof BASES)[number];

/** A quantity placed: metric, item, code and role, value signed. Offsets are into the normal text. */
export interface Placed {
  readonly quantity: Quantity;
  readonly metric: string;
  readonly item: string;
  readonly code: string;
  readonly role: Role;
  readonly value: string;
  readonly section: Section | null;
  readonly basis: Basis;
}

export interface DocContext {
  /** 决算 or 预算: decides whether 预算 words mark a budget figure or the value itself. */
  readonly kind: '决算' | '预算' | null;
  readonly year: number | null;
}

/** What a quantity is about: the metrics it fills, its item and code, and where that was found. */
export interface Subject {
  readonly entry: MetricEntry | null;
  readonly metrics: readonly string[];
  readonly item: string;
  readonly code: string;
  /** The phrase, in compact text of the clause, so the role cue can leave it out. */
  readonly phrase: string;
  readonly group: string | null;
  readonly countOnly: boolean;
  readonly basis: Basis;
}

export type ClassKind = 'function' | 'economic';

/** A subject like `s` with other metrics, item, code, phrase and basis (its entry, group and count kind kept). */
export function restated(s: Subject, change: Pick<Subject, 'metrics' | 'item' | 'code' | 'phrase' | 'basis'>): Subject {
  return { entry: s.entry, metrics: change.metrics, item: change.item, code: change.code, phrase: change.phrase, group: s.group, countOnly: s.countOnly, basis: change.basis };
}

/** A line of the function or economic classification named by the text (a path, a heading, a code). */
export function classificationLine(family: string, code: string, item: string, phrase: string, basis: Basis): Subject {
  const breakdown = /^[35]/.test(code) ? 'by_economic' : 'by_function';
  return { entry: null, metrics: [`${family}.${breakdown}`], item, code, phrase, group: null, countOnly: false, basis };
}
