import { createRequire } from 'node:module';
import type { decodeHTML as DecodeHTML } from 'entities/decode';
import { loadFoldTable } from '../patterns.js';
import { softBreaks } from './soft-breaks.js';

const require = createRequire(import.meta.url);
let entities: typeof DecodeHTML | null = null;

/** An HTML entity decoded by `entities`, loaded when a text first holds one (≈ 10 ms of a worker's start-up otherwise). */
function decodeHTML(entity: string): string {
  entities ??= (require('entities/decode') as { decodeHTML: typeof DecodeHTML }).decodeHTML;
  return entities(entity);
}

/**
 * The text the extractors match on, with a map back to the decoded original.
 *
 * `text[i]` came from `original[map[i]]`; `map[text.length] === original.length`. Folding
 * (full-width → half-width, traditional → simplified) is one character for one character;
 * deletions (zero-width characters, inline pinyin `經(jīng)`, soft line breaks of PDF text)
 * are the only steps that change length, and the map records them.
 */
export interface NormalText {
  readonly text: string;
  readonly map: Int32Array;
}

export interface NormalizeReport {
  /** Characters changed from traditional to simplified. */
  traditional: number;
  /** Inline pinyin annotations removed. */
  pinyin: number;
  /** Soft line breaks joined. */
  joinedLines: number;
  /** Part headings (第四部分) glued to the text before them, given a line of their own. */
  splitHeadings: number;
  /** Page numbers, running headers and footers dropped. */
  furniture: number;
  /** HTML entities decoded. */
  entities: number;
}

/** Every UTF-16 code unit folded: one look-up per character (patterns.ts, loadFoldTable). */
const FOLD = loadFoldTable();

/** One character folded: full-width ASCII and spaces to half-width, traditional to simplified. */
export function foldChar(ch: string): string {
  return ch ? String.fromCharCode(FOLD[ch.charCodeAt(0)] as number) : ch;
}

const ENTITY = /^&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,10});/i;
const INLINE_HEADING = /^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）])/;
const PART_HEADING = /^第[一二三四五六七八九十]{1,3}部分/;
/** `(jīng)` after a Chinese character: lower-case latin letters, at least one with a tone mark or ü. */
const PINYIN = /^\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê]{1,7}\)/;
const PINYIN_PLAIN = /^\([a-z]{1,6}\)/;

/** Builds the matching text of a document, with its offset map and what it changed. */
export function normalizeText(original: string): { normal: NormalText; report: NormalizeReport } {
  const report: NormalizeReport = { traditional: 0, pinyin: 0, joinedLines: 0, splitHeadings: 0, furniture: 0, entities: 0 };
  const { joins, dropAt } = softBreaks(original);
  const n = original.length;
  // one pass over every character: output code units and the map go to typed arrays
  let codes = new Uint16Array(n + 64);
  let map = new Int32Array(n + 65);
  let len = 0;
  let i = 0;
  while (i < n) {
    // room for what one step writes at most (an entity's characters, a line break, a character)
    if (len + 8 > codes.length) {
      const bigger = new Uint16Array(codes.length * 2);
      bigger.set(codes);
      codes = bigger;
      const biggerMap = new Int32Array(map.length * 2);
      biggerMap.set(map);
      map = biggerMap;
    }
    const c = original.charCodeAt(i);
    if (i === 0 || original.charCodeAt(i - 1) === 10) {
      const dropEnd = dropAt.get(i);
      if (dropEnd !== undefined) {
        report.furniture++;
        i = dropEnd;
        continue;
      }
    }
    if (c < 0x80 && c !== 0x26 && c !== 0x28 && c !== 10 && c !== 13) {
      // ASCII other than & ( and line ends: as it is (the most frequent case)
      codes[len] = c;
      map[len++] = i++;
      continue;
    }
    if (c === 0x200b || c === 0x200c || c === 0x200d || c === 0x2060 || c === 0xfeff || c === 0xad) {
      i++;
      continue;
    }
    if (c >= 0x80 && c !== 0x7b2c && (len === 0 || codes[len - 1] !== 0x3002)) {
      // any other character beyond ASCII (Chinese, full-width punctuation …), folded, without the
      // tests below: none applies to it, save 第 (a part heading glued to the line before) and any
      // character after 。 (an inline heading), which go on to them
      const folded = FOLD[c] as number;
      if (folded !== c && c >= 0x3400 && c <= 0x9fff) report.traditional++;
      codes[len] = folded;
      map[len++] = i++;
      continue;
    }
    if (c === 13 && original.charCodeAt(i + 1) === 10) {
      i++;
      continue;
    }
    if (c === 10 && joins.has(i)) {
      // drop the break, any page furniture after it, and the indentation that follows
      report.joinedLines++;
      i++;
      for (let end = dropAt.get(i); end !== undefined; end = dropAt.get(i)) {
        report.furniture++;
        i = end;
      }
      while (i < n) {
        const w = original.charCodeAt(i);
        if (w !== 0x20 && w !== 9 && w !== 12 && w !== 0x3000) break;
        i++;
      }
      continue;
    }
    if (c === 0x26) {
      const m = ENTITY.exec(original.slice(i, i + 12));
      const decoded = m ? decodeHTML(m[0]) : null;
      // an entity stands for at most two code points (four code units): within the room kept above
      if (m && decoded && decoded !== m[0] && decoded.length <= 4) {
        // an HTML entity left in text (&nbsp; &amp; &#20803;): its characters stand at the entity
        for (let k = 0; k < decoded.length; k++) {
          codes[len] = FOLD[decoded.charCodeAt(k)] as number;
          map[len++] = i;
        }
        report.entities++;
        i += m[0].length;
        continue;
      }
    }
    const prev = len > 0 ? (codes[len - 1] as number) : -1;
    if (c === 0x28 && prev >= 0x3400 && prev <= 0x9fff) {
      const rest = original.slice(i, i + 10);
      const m = PINYIN.exec(rest) ?? (report.pinyin > 0 ? PINYIN_PLAIN.exec(rest) : null);
      if (m) {
        report.pinyin++;
        i += m[0].length;
        continue;
      }
    }
    if (prev === 0x3002 && INLINE_HEADING.test(original.slice(i, i + 8))) {
      // a heading run into the text after a sentence (a whole document on one line): a line of its own
      codes[len] = 10;
      map[len++] = i;
      report.splitHeadings++;
    } else if (c === 0x7b2c && len > 0 && prev !== 10 && PART_HEADING.test(original.slice(i, i + 8))) {
      // 第四部分 glued to the line before it (…。第四部分 名词解释): it starts a line of its own
      let lineLen = 0;
      while (lineLen < len && codes[len - 1 - lineLen] !== 10) lineLen++;
      if (prev === 0x3002 || lineLen < 30) {
        codes[len] = 10;
        map[len++] = i;
        report.splitHeadings++;
      }
    }
    const folded = FOLD[c] as number;
    if (folded !== c && c >= 0x3400 && c <= 0x9fff) report.traditional++;
    codes[len] = folded;
    map[len++] = i++;
  }
  map[len] = n;
  return { normal: { text: fromCodeUnits(codes, len), map: map.slice(0, len + 1) }, report };
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The string of the first `len` UTF-16 code units (lone surrogates kept as they are). */
function fromCodeUnits(codes: Uint16Array, len: number): string {
  // Node decodes UTF-16LE natively, code unit for code unit: ~20× faster than String.fromCharCode(...chunk)
  if (LITTLE_ENDIAN) return Buffer.from(codes.buffer, codes.byteOffset, len * 2).toString('utf16le');
  let text = '';
  for (let k = 0; k < len; k += 8192) text += String.fromCharCode(...codes.subarray(k, Math.min(len, k + 8192)));
  return text;
}

/** The original span of `[start, end)` in the normal text. */
export function toOriginal(normal: NormalText, start: number, end: number): { start: number; end: number } {
  const s = normal.map[start] ?? 0;
  const e = end > start ? (normal.map[end - 1] ?? 0) + 1 : s;
  return { start: s, end: e };
}
