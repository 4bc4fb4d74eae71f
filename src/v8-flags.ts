/**
 * V8 flags for every isolate of a run: `bin/extract.js` sets them before any worker starts (and
 * the bench's extraction loop sets the same). They make TurboFan's compiles cheaper. A batch run
 * spends much of its CPU there: each worker's isolate compiles the same hot functions on its own,
 * and again after each deoptimisation, and with two workers on two cores that compiling takes CPU
 * from the workers themselves.
 *
 * - no inlining: our large functions compile in a fraction of the time (one worker's steady speed
 *   unchanged);
 * - no inlined array builtins (map, filter, some, find …), no escape analysis, no load
 *   elimination, no loop peeling: 45 % less compile time per isolate (1.59 → 0.87 s over 3,024
 *   documents), and most "wrong map" deoptimisations go (they were checks of the inlined
 *   builtins). README: Performance.
 */
export const V8_FLAGS = [
  '--no-turbo-inlining',
  '--no-turbo-inline-array-builtins',
  '--no-turbo-escape',
  '--no-turbo-load-elimination',
  '--no-turbo-loop-peeling',
] as const;
