import type { Diagnostic } from '../diagnostics.js';
import { checkBalance, checkBreakdowns, checkItemLists, checkSums } from './arithmetic.js';
import type { CheckFact } from './precision.js';
import { checkBudget, checkBudgetWording, checkCounts, checkShares, checkShareSums, checkYoy } from './rates.js';
import { checkHeadingsNameTheDocument, checkPlaceholders, checkRepetition, checkSummaryValues, checkUnitCount, checkUnits, type HeadingLine } from './structure.js';
import { loadChecks } from '../patterns.js';
import { isHeadline } from '../rows.js';

export type { CheckFact } from './precision.js';
export type { HeadingLine } from './structure.js';

export interface CheckInput {
  /** The decoded original text (diagnostic spans point into it). */
  readonly text: string;
  /** Facts in document order, unmapped ones left out. */
  readonly facts: CheckFact[];
  readonly headings: HeadingLine[];
  readonly org: string | null;
  readonly year: number | null;
  /** Internal units listed in the overview (not branches or subordinate units), where they start. */
  readonly listedUnits: ReadonlyArray<{ start: number }>;
}

/**
 * The disclosure's own arithmetic and structure (勾稽关系). A check that lacks a figure says
 * nothing; a difference within the rounding of the written figures is info.
 */
export function runChecks(input: CheckInput): Diagnostic[] {
  const table = loadChecks();
  const facts = input.facts.filter((f) => f.metric !== 'unmapped');
  const repeated = checkRepetition(facts, table);
  const flagged = new Set(repeated.map((d) => (d.evidence as { metric: string }).metric));
  const found = [
    ...checkSums(facts, table),
    ...checkItemLists(facts, table),
    ...checkBreakdowns(facts, table),
    ...checkBalance(facts, table),
    ...checkShares(facts, table),
    ...checkShareSums(facts, table),
    ...checkYoy(facts, table),
    ...checkBudget(facts, table),
    ...checkBudgetWording(input.text, facts, table),
    ...checkCounts(facts, table),
    ...repeated,
    ...checkSummaryValues(facts, isHeadline, flagged),
    ...checkUnitCount(facts, input.listedUnits),
    ...checkHeadingsNameTheDocument(input.headings, input.org, input.year),
    ...checkPlaceholders(input.text),
    ...checkUnits(input.facts),
  ];
  // a figure stated twice gives the same finding twice: keep one
  const seen = new Set<string>();
  return found.filter((d) => {
    const key = `${d.rule}|${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
