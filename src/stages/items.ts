import { loadCueWords } from '../patterns.js';
import { remembered } from '../memo.js';
import { cutWithOffsets } from '../segmenter.js';

/** Words that open a listed line without being part of its name, and words that close the span before a number. */
const { leadWords: LEAD_WORDS, tailWords: TAIL_WORDS } = loadCueWords();
const MARK = /^[\s,，:：;；、。.()（）“”"'①-⑳\d一二三四五六七八九十]+$/;

/**
 * The name of a listed line from the text before its number: list markers, cue words
 * (其中, 包括 …) and closing words (为, 共计 …) removed. `①12345租赁费` → `12345租赁费`. Spans seen
 * before are remembered (disclosures repeat the same lines).
 */
export const cleanItem = remembered(8192, nameOf);

/** The longest span whose name is looked for (lead words and marks around a 40-character name). */
const MAX_SPAN = 120;

function nameOf(span: string): string {
  const s = span.replace(/^[\s,，:：;；、。—–－-]+/, '').replace(/^(?:[(（]?\d{1,2}[)）.、]|[(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|[①-⑳])/, '');
  // a name is at most 40 characters: a span far longer is no name, and jieba (native code) only
  // ever cuts short spans (a worker ended by the time limit inside a long cut would abort the process)
  if (s.length > MAX_SPAN) return '';
  const words = cutWithOffsets(s.replace(/[(（][类款项][)）]\s*$/, ''));
  let a = 0;
  let b = words.length;
  while (a < b) {
    const w = words[a]?.word ?? '';
    if (LEAD_WORDS.has(w) || /^[\s,，:：;；、。()（）“”"①-⑳]+$/.test(w)) a++;
    else break;
  }
  while (b > a) {
    const w = words[b - 1]?.word ?? '';
    if (TAIL_WORDS.has(w) || MARK.test(w)) b--;
    else break;
  }
  if (a >= b) return '';
  const start = words[a]?.start ?? 0;
  const end = words[b - 1]?.end ?? s.length;
  let item = s
    .replace(/[(（][类款项][)）]\s*$/, '')
    .slice(start, end)
    .trim();
  item = item
    .replace(/(费)支出$/, '$1')
    .replace(/[为是:：]$/, '')
    .replace(/[(（][类款项][)）]$/, '');
  return item.length > 40 ? '' : item;
}
