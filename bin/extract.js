#!/usr/bin/env node
import v8 from 'node:v8';

// Set before any worker starts, for every isolate of the run: without inlining, TurboFan compiles
// our large functions in a fraction of the time. A batch run recompiles them as new kinds of
// documents come (each deoptimisation costs a recompile), and on two cores that background
// compiling took a third of all CPU (perf: 6.3 of 19.5 s at 3,000 documents); without inlining
// the run needs ≈ 12 % less wall time and CPU, and one worker's steady speed stays the same.
v8.setFlagsFromString('--no-turbo-inlining');

const { main } = await import('../dist/cli.js');
process.exitCode = await main(process.argv.slice(2));
