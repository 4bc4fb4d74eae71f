import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { decodeHTML as DecodeHTML } from 'entities/decode';
import { PATTERNS_DIR } from '../patterns.js';

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

/**
 * Simplified code of each Chinese character U+3400–U+9FFF: patterns/simplified.tsv (OpenCC's Hong
 * Kong traditional → mainland simplified, one character for one, built by
 * scripts/build-fold-table.mjs); every other character stands for itself.
 */
const SIMPLIFIED = (() => {
  const table = new Uint16Array(0x9fff - 0x3400 + 1);
  for (let k = 0; k < table.length; k++) table[k] = 0x3400 + k;
  const rows = readFileSync(`${PATTERNS_DIR}simplified.tsv`, 'utf8').split('\n').slice(1);
  for (let rowAt = 0; rowAt < rows.length; rowAt++) {
    const row = rows[rowAt] as (typeof rows)[number];
    if (row.length !== 3) continue; // `經\t经`; the last line is empty
    table[row.charCodeAt(0) - 0x3400] = row.charCodeAt(2);
  }
  return table;
})();

/**
 * Every UTF-16 code unit folded (full-width ASCII and spaces to half-width, traditional to
 * simplified, the rest as it is): one look-up per character in the hot loop (128 KB per thread).
 */
const FOLD = (() => {
  const t = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xff01 && c <= 0xff5e) t[c] = c - 0xfee0;
    else if (c === 0x3000 || c === 0xa0 || c === 0x2002 || c === 0x2003 || c === 0x2009) t[c] = 0x20;
    else if (c >= 0x3400 && c <= 0x9fff) t[c] = SIMPLIFIED[c - 0x3400] as number;
    else t[c] = c;
  }
  return t;
})();

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

const LINE_START_MARKER =
  /^\s*(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d)|[①-⑳]|目\s*录|附[表件])/;

/**
 * Finds the width at which a PDF conversion wrapped its lines (display widths given), or null for
 * text whose lines are paragraphs. Wrapped text has many lines of nearly the same display width.
 */
function wrapWidthOf(allWidths: readonly number[]): number | null {
  const widths = allWidths.filter((w) => w >= 30);
  if (widths.length < 4) return null;
  const p80 = kthSmallest(widths, Math.floor(widths.length * 0.8));
  let near = 0;
  for (let k = 0; k < widths.length; k++) {
    const w = widths[k] as number;
    if (w >= p80 - 8 && w <= p80 + 4) near++;
  }
  return near >= widths.length * 0.3 ? p80 : null;
}

/** The k-th smallest (0-based) of whole numbers, by counting: widths are small integers. */
function kthSmallest(values: readonly number[], k: number): number {
  let max = 0;
  for (let i = 0; i < values.length; i++) if ((values[i] as number) > max) max = values[i] as number;
  if (max > 1 << 16) return Float64Array.from(values).sort()[k] ?? 0;
  const counts = new Uint32Array(max + 1);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    counts[v] = (counts[v] ?? 0) + 1;
  }
  let seen = 0;
  for (let v = 0; v <= max; v++) {
    seen += counts[v] ?? 0;
    if (seen > k) return v;
  }
  return max;
}

const PAGE_MARKER = /^[\s\f]*(?:[-—–―]\s*\d{1,4}\s*[-—–―]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|[-—–―]\s*\d{1,4}|\d{1,4}\s*[-—–―])[\s\f]*$/u;

/** White space as lines are trimmed here: space, tab, form feed, carriage return, ideographic space. */
function isBlank(c: number): boolean {
  return c === 0x20 || c === 9 || c === 12 || c === 13 || c === 0x3000 || c === 0xa0;
}

/** A line of the original: where it starts and ends (without its line feed), trimmed bounds, width. */
interface Line {
  readonly start: number;
  readonly end: number;
  /** First and one-past-last non-blank offsets (equal when the line is blank). */
  readonly from: number;
  readonly to: number;
  readonly width: number;
  readonly pageStart: boolean;
}

function scanLines(original: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const nl = original.indexOf('\n', start);
    const end = nl < 0 ? original.length : nl;
    let from = start;
    while (from < end && isBlank(original.charCodeAt(from))) from++;
    let to = end;
    while (to > from && isBlank(original.charCodeAt(to - 1))) to--;
    // display width: Chinese characters count two, as a PDF lays them out
    let width = 0;
    for (let i = from; i < to; i++) width += original.charCodeAt(i) > 0x2e80 ? 2 : 1;
    // (an empty last line starts at the end of the text: not read past it)
    const pageStart = (start < end && original.charCodeAt(start) === 12) || (from > start && original.slice(start, from).includes('\f'));
    lines.push({ start, end, from, to, width, pageStart });
    if (nl < 0) return lines;
    start = nl + 1;
  }
}

/**
 * Lines that are page furniture, not text: page numbers (—5—, - 3 -, 第 3 页), a bare number at
 * a page break, and running headers or footers (the same short line at the edge of three or more pages).
 */
function furniture(original: string, lines: readonly Line[]): Set<number> {
  const noise = new Set<number>();
  const edges = new Map<string, number[]>();
  let pageFirst = true;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as Line;
    if (l.pageStart) pageFirst = true;
    const n = l.to - l.from;
    if (n === 0) continue;
    if (n <= 20) {
      const t = original.slice(l.from, l.to);
      if (PAGE_MARKER.test(t)) noise.add(i);
      else if (n <= 3 && /^\d+$/.test(t)) {
        const next = lines[i + 1];
        const after = next && next.to === next.from ? lines[i + 2] : next;
        if (l.pageStart || after?.pageStart) noise.add(i); // a bare page number at a page break
      }
    }
    if (pageFirst) {
      pageFirst = false;
      if (n <= 40) {
        const key = original.slice(l.from, l.to).replace(/\s+/g, '');
        const at = edges.get(key);
        if (at) at.push(i);
        else edges.set(key, [i]);
      }
    }
  }
  edges.forEach((at) => {
    if (at.length >= 3) for (let k = 0; k < at.length; k++) noise.add(at[k] as number);
  });
  return noise;
}

const isCjk = (c: number) => c >= 0x3400 && c <= 0x9fff;
/** Characters a wrapped line may end with, and a continued line start with, besides Chinese. */
const WRAP_END = new Set([...'0123456789%）)”"、，,.'].map((ch) => ch.charCodeAt(0)));
const WRAP_START = new Set([...'0123456789（(“"%万元'].map((ch) => ch.charCodeAt(0)));
const CLOSING_START = new Set([...'。，,；;、）)%'].map((ch) => ch.charCodeAt(0)));
const SENTENCE_END_CODES = new Set([...'。；;！!？?'].map((ch) => ch.charCodeAt(0)));

/**
 * Offsets (into `original`) of line breaks that only wrap a paragraph and should be joined, and
 * the ranges of page furniture to drop. One pass over the lines, code-point tests only, the
 * rare regex checks last.
 */
function softBreaks(original: string): { joins: Set<number>; dropAt: Map<number, number> } {
  const joins = new Set<number>();
  const lines = scanLines(original);
  const noise = furniture(original, lines);
  /** Page furniture to drop: where each line starts → where its line feed ends. */
  const dropAt = new Map<number, number>();
  noise.forEach((i) => {
    const l = lines[i] as Line;
    dropAt.set(l.start, Math.min(original.length, l.end + 1));
  });
  const kept: Line[] = [];
  for (let i = 0; i < lines.length; i++) if (!noise.has(i)) kept.push(lines[i] as Line);
  const width = wrapWidthOf(kept.map((l) => l.width));
  for (let k = 0; k < kept.length - 1; k++) {
    const line = kept[k] as Line;
    const next = kept[k + 1] as Line;
    if (line.to === line.from || next.to === next.from) continue;
    const last = original.charCodeAt(line.to - 1);
    const first = original.charCodeAt(next.from);
    const offset = line.end; // the '\n' ending this line
    // no line starts with a closing mark; a 类/款/项 path broken after its 类 or 款 goes on
    if (CLOSING_START.has(first) || ((last === 0x29 || last === 0xff09) && isCjk(first) && /[（(](?:类|款)[)）]$/.test(original.slice(line.to - 3, line.to)))) {
      joins.add(offset);
      continue;
    }
    if (width === null || line.width < width - 8 || SENTENCE_END_CODES.has(last)) continue;
    if (!(isCjk(last) || WRAP_END.has(last)) || !(isCjk(first) || WRAP_START.has(first))) continue;
    if (LINE_START_MARKER.test(original.slice(next.from, next.from + 12))) continue;
    joins.add(offset);
  }
  return { joins, dropAt };
}

/** Builds the matching text of a document, with its offset map and what it changed. */
export function normalizeText(original: string): { normal: NormalText; report: NormalizeReport } {
  const report: NormalizeReport = { traditional: 0, pinyin: 0, joinedLines: 0, splitHeadings: 0, furniture: 0, entities: 0 };
  const { joins, dropAt } = softBreaks(original);
  const n = original.length;
  // a hot loop over every character: output code units and the map go to typed arrays. No
  // closures over them: captured variables would live in a context object, read through it on
  // every character (and TurboFan does not inline here: bin/extract.js)
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

/**
 * A short text that takes every branch of normalizeText: a CR LF, a zero-width space, traditional
 * characters (one after 。), an HTML entity, inline pinyin, brackets after Chinese, a heading run
 * into the text after 。, 第N部分 glued to a line, a paragraph wrapped as a PDF wraps it (an
 * indented continuation, a page number inside it and one after it), a bare number at a page break. normalizeText runs on it a
 * few times when the module loads (eight: V8 records what a function meets only once it has run
 * for a while), so that V8 has seen every branch before it optimises the
 * function: a branch first taken by some later document would throw the optimised code away
 * ("insufficient type feedback") and have it compiled again, ≈ 12 ms of a worker's CPU, five or
 * six times per worker. A test checks that it still takes every branch.
 */
export const WARM_UP_TEXT = [
  '第一部分 部门概况\r',
  '經費收入１２萬元\u200b，占&nbsp;5%。經費(jīng)支出(万元)。二、支出情况',
  '本部门二零二三年度一般公共预算财政拨款支出主要用于保障机关正常运转和',
  '履行职能所需的各项支出其中基本支出主要用于人员经费和公用经费的开支项目',
  '  支出主要用于完成特定行政工作任务和事业发展目标所发生的各项支出情况说明',
  '- 3 -',
  '政府性基金预算财政拨款支出主要用于城乡社区建设和其他相关领域的支出项目',
  '国有资本经营预算财政拨款支出本年度无此项支出因此本表为空表特此说明情况。',
  '- 4 -',
  '\f5',
  '以上为部门决算情况说明。第四部分 名词解释',
].join('\n');

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

for (let k = 0; k < 8; k++) normalizeText(WARM_UP_TEXT);
