#!/usr/bin/env node
// Writes dist/regex-cache.json: the native source XRegExp compiles each pattern of patterns/ to,
// keyed by a hash of the pattern and its parts (src/patterns.ts, buildRegex). Run by the build,
// after tsc; workers then compile the patterns without loading XRegExp. A pattern edited later
// misses the cache and is compiled by XRegExp at run time, so a stale cache is never wrong.
import { rmSync, writeFileSync } from 'node:fs';
import { REGEX_CACHE_FILE } from '../dist/patterns.js';

// the cache is read on the first pattern compiled: remove it first, so that XRegExp compiles them all
rmSync(REGEX_CACHE_FILE, { force: true });
const { loadPatterns, regexSourcesCompiledHere } = await import('../dist/patterns.js');
loadPatterns();
const sources = regexSourcesCompiledHere();
writeFileSync(REGEX_CACHE_FILE, `${JSON.stringify(sources, null, 1)}\n`);
console.log(`cache-regexes: ${Object.keys(sources).length} patterns → ${REGEX_CACHE_FILE}`);
