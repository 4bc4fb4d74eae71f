/*
 * Helpers for the code that runs for every document, written so that V8 compiles it once and
 * cheaply: objects and lists keep one hidden class, and loops over matches need no iterator
 * (TurboFan compiles every `for…of`, array spread and array destructuring with the whole
 * iterator protocol, which made small functions dear to compile: README, Batch runs).
 */

/**
 * A new empty array with the hidden class of a list of objects. An empty literal `[]` has another
 * one (its elements kind is "small integers" until an object is stored in it), so a list that
 * stays empty and one that does not reach the same code with two hidden classes, and optimised
 * code that has met only one is thrown away, and compiled again, when it meets the other.
 */
export function objectList<T extends object>(): T[] {
  return ([undefined] as unknown as T[]).slice(1);
}

/**
 * The matches of a global regex in a text, in order, as `text.matchAll(re)` gives them, without
 * its iterator (a `for…of` over matchAll compiles to the whole iterator protocol). An empty match
 * moves on by one character (one code point under the `u` flag), as matchAll does. The regex's
 * `lastIndex` is left at 0. Unlike matchAll it walks the regex itself, not a copy: `each` must not
 * use the same regex object (a module's shared constant) while the walk goes on.
 */
export function forEachMatch(re: RegExp, text: string, each: (m: RegExpExecArray) => void): void {
  if (!re.global) throw new TypeError(`forEachMatch needs a global regex: ${re}`);
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0] === '') {
      const at = re.lastIndex;
      const c = text.charCodeAt(at);
      const next = text.charCodeAt(at + 1);
      const pair = c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
      re.lastIndex = at + (re.unicode && pair ? 2 : 1);
    }
    each(m);
  }
  re.lastIndex = 0;
}

/** Every match of a global regex in a text, in order (what `[...text.matchAll(re)]` gives). */
export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  forEachMatch(re, text, (m) => {
    out.push(m);
  });
  return out;
}
