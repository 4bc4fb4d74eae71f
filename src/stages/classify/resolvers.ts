import { bareTotal, clause, enumeration, heading, inherited, lead, ownNamed, weak } from './resolve-context.js';
import { afterUnplaced, unplacedList } from './resolve-parts.js';
import { coded, countTrail, noneTrail, path, reason, redacted, unsignedDifference } from './resolve-named.js';
import type { Resolver } from './outcome.js';

export type { Outcome, Resolver, Run } from './outcome.js';

/** The resolvers, in the order they are asked: the first outcome wins. */
export const RESOLVERS: readonly Resolver[] = [
  noneTrail,
  redacted,
  countTrail,
  unsignedDifference,
  coded,
  reason,
  unplacedList,
  enumeration,
  path,
  clause,
  bareTotal,
  lead,
  ownNamed,
  inherited,
  afterUnplaced,
  heading,
  weak,
];
