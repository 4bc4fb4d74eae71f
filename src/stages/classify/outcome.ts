import type { Diagnostic } from '../../diagnostics.js';
import type { Patterns } from '../../patterns.js';
import { compactText } from '../phrases.js';
import type { Site } from './context.js';
import type { SubjectMaker, Want } from './subjects.js';
import type { Basis, Subject } from './types.js';

/** What a resolver decides: no quantity at all, a quantity it cannot place, or its subject. */
export type Outcome = { readonly kind: 'skip' } | { readonly kind: 'unmapped'; readonly item: string } | { readonly kind: 'subject'; readonly subject: Subject };

/** What the resolvers of one quantity share: the tools, and what an earlier one found. */
export interface Run {
  readonly patterns: Patterns;
  readonly maker: SubjectMaker;
  readonly want: Want;
  /** The noun after a count that names nothing known (設8个XX): the quantity is that, unplaced. */
  blockedTrail: string | null;
  /** Findings of the resolvers (a code the table names otherwise), offsets in the normal text. */
  readonly diagnostics: Diagnostic[];
}

export interface Resolver {
  readonly name: Basis;
  /** The outcome, or null to let the next resolver try. */
  resolve(site: Site, run: Run): Outcome | null;
}

/** A subject found, as an outcome; none found, no outcome. */
export const subject = (s: Subject | null): Outcome | null => (s ? { kind: 'subject', subject: s } : null);

/** The words right after a quantity on its line (up to `n` characters, compact). */
export const trailOf = (site: Site, n: number): string => compactText(site.text.slice(site.q.end, site.q.end + n).split('\n')[0] ?? '');
