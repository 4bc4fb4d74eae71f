import type { Patterns } from '../../patterns.js';
import { cleanItem } from '../items.js';
import { compactText } from '../phrases.js';
import { everywhere, maskCues } from './text.js';

/**
 * The name a clause gives its quantity in its own words (农林水支出 in `、农林水支出13.40万元`), or
 * '' when the clause holds nothing but years, role and comparison words (`，较上年增加`, `年初预算为`).
 * Comparisons and shares are cut off, a closing change verb is not part of the name
 * (`商品和服务支出增加` → 商品和服务支出).
 */
export function ownName(clauseRaw: string, patterns: Patterns): string {
  const masked = maskCues(compactText(clauseRaw), patterns, ['template-alternative', 'comparison-with', 'comparison-object', 'share-parent']);
  const head = masked.split('#')[0] ?? '';
  const name = cleanItem(head.replace(patterns.cues['change-tail'].regex, ''));
  if (!name || /\d/.test(name)) return '';
  const rest = name.replace(everywhere(patterns.cues['not-a-name']), '');
  return (rest.match(/[\u4e00-\u9fff]/g) ?? []).length >= 2 ? name : '';
}
