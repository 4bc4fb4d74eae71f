import { loadPatterns } from '../src/patterns.js';

/** Inputs that make backtracking regexes slow: long runs of what patterns repeat, never closed. */
export const ADVERSARIAL: Record<string, (n: number) => string> = {
  digits: (n) => '1'.repeat(n),
  'digits and commas': (n) => '1,'.repeat(n / 2),
  'digits and dots': (n) => '1.'.repeat(n / 2),
  '、 runs': (n) => '、'.repeat(n),
  'unclosed brackets': (n) => '（'.repeat(n),
  'unclosed ascii brackets': (n) => '('.repeat(n),
  'chinese numerals': (n) => '一二三'.repeat(n / 3),
  'digits then a near unit': (n) => `${'9'.repeat(n)}万`,
  'spaces before a unit': (n) => `1${' '.repeat(n)}`,
  'han run': (n) => '收入支出'.repeat(n / 4),
  'year runs': (n) => '2019年'.repeat(n / 5),
  'dot leaders': (n) => `一、${'.'.repeat(n)}`,
};

/** Every regex of patterns/, with a name. */
export function patternRegexes(): Array<[string, RegExp]> {
  const p = loadPatterns();
  const out: Array<[string, RegExp]> = [];
  for (const q of p.quantities) out.push([`quantities.${q.id}`, new RegExp(q.regex.source, 'gu')]);
  for (const h of p.headings) out.push([`headings.${h.id}`, new RegExp(h.regex.source, 'u')]);
  out.push(['headings.toc.title', p.tocTitle], ['headings.toc.entry', p.tocEntry]);
  for (const r of p.roles) out.push([`roles.${r.role}`, new RegExp(r.pattern.replace('{{prevYear}}', '(?:2018|2017)年'), 'u')]);
  return out;
}

/** Milliseconds to run a regex over a text (all matches), best of three. */
export function timeRegex(re: RegExp, text: string): number {
  let best = Number.POSITIVE_INFINITY;
  for (let k = 0; k < 3; k++) {
    const t = performance.now();
    if (re.global) for (const _ of text.matchAll(re));
    else for (const line of text.split('\n')) re.test(line);
    best = Math.min(best, performance.now() - t);
  }
  return best;
}
