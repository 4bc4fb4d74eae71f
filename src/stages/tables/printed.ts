import { loadTableVocabulary } from '../../patterns.js';
import type { TableRead } from './model.js';

/**
 * What a disclosure's tables print, whatever they are read from (a PDF's positions, an HTML
 * page's or a Word document's cells): amounts, blank cells, codes, titles, units.
 */

/** An amount as printed: digits with thousands separators and a fraction, a sign. */
export const AMOUNT = /^[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
/** A cell printed empty: a dash or a slash. */
export const BLANK = /^[-—－–/／]+$/;
/** A whole classification code: 类 (3 digits), 款 (5) or 项 (7). */
export const WHOLE_CODE = /^\d{3}(?:\d{2}){0,2}$/;
/** The row of column numbers under a header (栏次 1 2 3 …), or a column of row numbers. */
export const LINE_NUMBERS = /^(?:栏次|行次)$/;
/** A line of prose: the table has ended (or a note under it). */
export const PROSE = /[。；]|^(?:注|说明|备注)\d?[:：]/;

const UNIT = /(?:单位|金额)[:：]?\s*(万元|千元|亿元|元)/;
const POWER: Record<string, number> = { 元: 0, 千元: 3, 万元: 4, 亿元: 8 };
/** A list number or year before a title: 五、 表一 附表3 1. 公开06表 …  */
const TITLE_LEAD = /^[:：、\s]*(?:[一二三四五六七八九十]+、|(?:附)?表[一二三四五六七八九十\d]+[、:：]?|\d+[、.．]|公开\d+表)?/;
/** What may follow a title: （经济科目）, (续) …  */
const TITLE_TAIL = /[（(][^）)]{1,10}[）)]$/;

/** The unit a line prints (单位：万元), or null. */
export function unitOf(text: string): string | null {
  return UNIT.exec(text)?.[1] ?? null;
}

/** The power of ten of a unit in yuan (万元: 4); 0 for 元 and for what is not a unit. */
export function unitPower(unit: string): number {
  return POWER[unit] ?? (/亿/.test(unit) ? 8 : /万/.test(unit) ? 4 : /千/.test(unit) ? 3 : 0);
}

/** A standard table's title, when a line is one: the vocabulary's id and the title as printed. */
export function tableTitle(line: string): { id: string; title: string } | null {
  const text = line.replace(/\s+/g, '').replace(TITLE_LEAD, '').replace(TITLE_TAIL, '');
  if (text.length > 45 || PROSE.test(text) || !text.endsWith('表')) return null;
  const found = loadTableVocabulary().tables.find((t) => t.pattern.test(text));
  return found ? { id: found.id, title: text } : null;
}

/** Why a table under a title is not read. */
const UNREAD = {
  noFigures: 'no figures printed as text under its title (an image of a table, or a table left empty)',
  noUnit: 'no unit printed (单位：万元 or 元): its figures cannot be given in yuan',
} as const;

/** A table found but not read, and why. */
export function unreadTable(base: Pick<TableRead, 'table' | 'title' | 'pages' | 'rows'>, reason: keyof typeof UNREAD): TableRead {
  return { ...base, cells: [], status: 'unread', reason: UNREAD[reason], closes: null, failures: [] };
}

/** Whether a column's figures are figures: the vocabulary marks codes and row numbers as not. */
export function holdsFigures(column: string): boolean {
  return !loadTableVocabulary().notFigures.has(column);
}
