import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type XRegExpType from 'xregexp';

/*
 * XRegExp patterns with `{{part}}` pieces compiled to native RegExps, through a cache the build
 * writes so that workers need not load XRegExp.
 */

/**
 * Puts the names XRegExp keeps aside (`captureNames`) back on the capturing groups of its
 * native source, so the native engine reports `groups` and, with the `d` flag, their offsets.
 */
function renameGroups(source: string, names: ReadonlyArray<string | null>): string {
  let out = '';
  let group = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] as string;
    if (ch === '\\') {
      out += ch + (source[i + 1] ?? '');
      i++;
      continue;
    }
    if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(' && source[i + 1] !== '?') {
      const name = names[group++];
      out += name ? `(?<${name}>` : '(';
      continue;
    }
    out += ch;
  }
  return out;
}

const require = createRequire(import.meta.url);
let xregexp: typeof XRegExpType | null = null;

/**
 * XRegExp, loaded when a pattern is first compiled that the build did not compile already (see
 * buildRegex), from its one-file build: the main entry loads a core-js runtime (≈ 60–85 ms per
 * worker; this ≈ 25 ms).
 */
function XRegExp(): typeof XRegExpType {
  xregexp ??= require('xregexp/xregexp-all.js') as typeof XRegExpType;
  return xregexp;
}

/** The native source XRegExp compiles an XRegExp pattern with `{{part}}` pieces to (group names kept). */
export function xregexpSource(source: string, parts: Record<string, string>): string {
  const X = XRegExp();
  const subs = Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, X(v)]));
  const built = X.build(source, subs, 'u') as RegExp & { xregexp?: { captureNames?: Array<string | null> } };
  return renameGroups(built.source, built.xregexp?.captureNames ?? []);
}

/**
 * What XRegExp compiled the patterns to, written by the build (`scripts/cache-regexes.mjs`, after
 * tsc) and keyed by a hash of each pattern and its parts: a worker then builds native RegExps
 * without loading XRegExp at all (≈ 40 ms of each worker's start-up). A pattern edited since the
 * build has another key and is compiled by XRegExp as before.
 */
export const REGEX_CACHE_FILE = fileURLToPath(new URL('../dist/regex-cache.json', import.meta.url));
let regexCache: Map<string, string> | null = null;
/** Sources XRegExp compiled in this process (what the build writes to the cache). */
const compiledHere = new Map<string, string>();

function cachedSources(): Map<string, string> {
  if (!regexCache) {
    let text: string | null = null;
    try {
      text = readFileSync(REGEX_CACHE_FILE, 'utf8');
    } catch (err) {
      // no cache (not built, or running from src/): every pattern is compiled by XRegExp
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    regexCache = new Map(text === null ? [] : Object.entries(JSON.parse(text) as Record<string, string>));
  }
  return regexCache;
}

const regexKey = (source: string, parts: Record<string, string>) =>
  createHash('sha256')
    .update(JSON.stringify([source, parts]))
    .digest('base64url');

/** Compiles an XRegExp pattern with `{{part}}` pieces (Unicode mode; `flags` added). */
export function buildRegex(source: string, parts: Record<string, string>, flags = ''): RegExp {
  const key = regexKey(source, parts);
  let native = cachedSources().get(key);
  if (native === undefined) {
    native = xregexpSource(source, parts);
    compiledHere.set(key, native);
  }
  return new RegExp(native, flags.includes('u') ? flags : `${flags}u`);
}

/** The patterns XRegExp compiled in this process, by key: the content of the build's cache file. */
export function regexSourcesCompiledHere(): Record<string, string> {
  return Object.fromEntries(compiledHere);
}
