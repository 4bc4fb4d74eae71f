import type { Patterns } from '../../patterns.js';
import { cleanItem } from '../items.js';
import { compactText } from '../phrases.js';
import { everywhere, maskCues, mayMatch } from './text.js';

/**
 * The name a clause gives its quantity in its own words (农林水支出 in `、农林水支出13.40万元`), or
 * '' when the clause holds nothing but years, role and comparison words (`，较上年增加`, `年初预算为`).
 * Comparisons and shares are cut off, a closing change verb is not part of the name
 * (`商品和服务支出增加` → 商品和服务支出).
 */
/** Clauses seen and their names: disclosures repeat the same clauses (cleared when full: memory stays flat). */
const names = new Map<string, string>();

export function ownName(clauseRaw: string, patterns: Patterns): string {
  let name = names.get(clauseRaw);
  if (name === undefined) {
    if (names.size >= 8192) names.clear();
    name = nameOf(clauseRaw, patterns);
    names.set(clauseRaw, name);
  }
  return name;
}

function nameOf(clauseRaw: string, patterns: Patterns): string {
  // a name has two characters at least (a clause of marks and digits has none)
  if (!/[\u4e00-\u9fff].*[\u4e00-\u9fff]/su.test(clauseRaw)) return '';
  const masked = maskCues(compactText(clauseRaw), patterns, ['template-alternative', 'comparison-with', 'comparison-object', 'share-parent']);
  const head = masked.split('#')[0] ?? '';
  const tail = patterns.cues['change-tail'];
  const words = mayMatch(tail, head) ? head.replace(tail.regex, '') : head;
  if (!namesSomething(words, patterns)) return '';
  const name = cleanItem(words);
  return name && !/\d/.test(name) && namesSomething(name, patterns) ? name : '';
}

/** Whether words name something: two characters are left of them but years, role and comparison words. */
export function namesSomething(words: string, patterns: Patterns): boolean {
  return (words.replace(everywhere(patterns.cues['not-a-name']), '').match(/[\u4e00-\u9fff]/g) ?? []).length >= 2;
}
