#!/usr/bin/env node
import v8 from 'node:v8';

// Set before any worker starts, for every isolate of the run: cheaper TurboFan compiles
// (src/v8-flags.ts says which and why).
const { V8_FLAGS } = await import('../dist/v8-flags.js');
for (const flag of V8_FLAGS) v8.setFlagsFromString(flag);

const { main } = await import('../dist/cli.js');
process.exitCode = await main(process.argv.slice(2));
