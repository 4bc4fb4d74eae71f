import { cutWithOffsets } from '../segmenter.js';

/** Words that open a listed line without being part of its name. */
const LEAD_WORDS = new Set([
  '其中', '包括', '主要', '主要是', '主要包括', '具体', '具体包括', '分别', '为', '是', '有', '共', '共有', '共计', '合计',
  '项目', '主要项目', '本', '本年', '今年', '当年', '全年', '年', '年度', '本单位', '本部门', '我', '单位', '部门', '和', '及', '以及', '用于',
]);
/** Words that close the span before a number without being part of the name. */
const TAIL_WORDS = new Set(['为', '是', '共计', '合计', '计', '约', '达', '达到', '金额', '决算', '决算数', '预算', '预算数', '安排', '支出决算', '累计']);
const MARK = /^[\s,，:：;；、。.()（）“”"'①-⑳\d一二三四五六七八九十]+$/;

/**
 * The name of a listed line from the text before its number: list markers, cue words
 * (其中, 包括 …) and closing words (为, 共计 …) removed. `①12345租赁费` → `12345租赁费`.
 */
export function cleanItem(span: string): string {
  const s = span.replace(/^[\s,，:：;；、。]+/, '').replace(/^(?:[(（]?\d{1,2}[)）.、]|[(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|[①-⑳])/, '');
  const words = cutWithOffsets(s.replace(/[(（][类款项][)）]\s*$/, ''));
  let a = 0;
  let b = words.length;
  while (a < b) {
    const w = words[a]?.word ?? '';
    if (LEAD_WORDS.has(w) || (/^[\s,，:：;；、。()（）“”"①-⑳]+$/.test(w))) a++;
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
  let item = s.replace(/[(（][类款项][)）]\s*$/, '').slice(start, end).trim();
  item = item.replace(/(费)支出$/, '$1').replace(/[为是:：]$/, '').replace(/[(（][类款项][)）]$/, '');
  return item.length > 40 ? '' : item;
}
