import { remembered } from '../../memo.js';
import { derivedFrom, type Patterns } from '../../patterns.js';
import { cleanItem } from '../items.js';
import { compactText } from '../phrases.js';
import { maskCues, mayMatch } from './text.js';

/** Clauses' own names, remembered per pattern set (disclosures repeat the same clauses). */
const namesByPatterns = derivedFrom((patterns) => remembered(8192, (clauseRaw) => nameOf(clauseRaw, patterns)));

/**
 * The name a clause gives its quantity in its own words (农林水支出 in `、农林水支出13.40万元`), or
 * '' when the clause holds nothing but years, role and comparison words (`，较上年增加`, `年初预算为`).
 * Comparisons and shares are cut off, a closing change verb is not part of the name
 * (`商品和服务支出增加` → 商品和服务支出).
 */
export function ownName(clauseRaw: string, patterns: Patterns): string {
  return namesByPatterns(patterns)(clauseRaw);
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
  return (words.replace(patterns.cues['not-a-name'].global, '').match(/[\u4e00-\u9fff]/g) ?? []).length >= 2;
}
