import { type Diagnostic, diagnostic } from '../diagnostics.js';
import { derivedFrom, type Patterns } from '../patterns.js';

export type Section = 'overview' | 'income' | 'expenditure' | 'three_public' | 'other' | 'glossary';

export interface Heading {
  readonly styleId: string;
  readonly level: number;
  /** The heading's number (一 → 1, ③ → 3). */
  readonly n: number;
  readonly title: string;
  /** Offsets of the heading line in the normal text. */
  readonly start: number;
  readonly end: number;
  /** A row label of a flattened table (numbers on the lines around it), not a heading of the text. */
  readonly inTable: boolean;
  /** Numbered in another style than its siblings (（3） among （一）（二）). */
  readonly misStyled: boolean;
  /** The section this heading's own title names, if any. */
  readonly ownSection: Section | null;
  /** The section in force under this heading (inherited when the title names none). */
  readonly section: Section | null;
  readonly inToc: boolean;
}

export interface Segmentation {
  readonly headings: Heading[];
  /** Body headings only (the table of contents left out), in order. */
  readonly body: Heading[];
  readonly tocRanges: Array<[number, number]>;
  /** Flattened tables (cells one per line, or between | separators), kept out of the narrative. */
  readonly tableRanges: Array<[number, number]>;
  readonly diagnostics: Diagnostic[];
  /** The section in force at a normal-text offset. */
  sectionAt(offset: number): Section | null;
  /** The body heading in force at an offset, innermost first, with its ancestors. */
  headingsAt(offset: number): readonly Heading[];
}

const GLOSSARY_ENTRY = /^\s*(?:[(（]?\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[)）.、．]|[①-⑳])\s*[^。；]{1,40}?(?:[:：]|是指|是对|通过)/u;

const CN: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

export function parseHeadingNumber(n: string): number {
  if (/^\d+$/.test(n)) return Number(n);
  const circled = n.codePointAt(0) ?? 0;
  if (circled >= 0x2460 && circled <= 0x2473) return circled - 0x245f;
  if (n === '十') return 10;
  if (n.length === 2 && n.startsWith('十')) return 10 + (CN[n[1] ?? ''] ?? 0);
  if (n.length === 2 && n.endsWith('十')) return (CN[n[0] ?? ''] ?? 0) * 10;
  if (n.length === 3 && n[1] === '十') return (CN[n[0] ?? ''] ?? 0) * 10 + (CN[n[2] ?? ''] ?? 0);
  return CN[n] ?? 0;
}

/** Titles seen and their sections (cleared when full: memory stays flat). */
const sectionCache = derivedFrom(() => new Map<string, Section | null>());

export function sectionOfTitle(title: string, patterns: Patterns): Section | null {
  // the same titles (部门概况, 名词解释 …) come back in document after document
  const cache = sectionCache(patterns);
  let section = cache.get(title);
  if (section !== undefined) return section;
  section = null;
  const t = (title.split(/[,，。；;：:\d]/)[0] ?? '').replace(/["“”'‘’\s]/g, '');
  for (const s of patterns.sections) {
    if (s.keywords.some((k) => t.includes(k))) {
      section = s.section as Section;
      break;
    }
  }
  if (cache.size >= 4096) cache.clear();
  cache.set(title, section);
  return section;
}

/** A character JavaScript's `\s` matches (and `trim()` removes). */
function isSpace(c: number): boolean {
  return c <= 0x20
    ? c === 0x20 || (c >= 9 && c <= 13)
    : c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** First and one-past-last offsets of `s` without its leading and trailing `\s` (as `trim()` cuts). */
function firstSolid(s: string): number {
  let i = 0;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  return i;
}
function endSolid(s: string): number {
  let i = s.length;
  while (i > 0 && isSpace(s.charCodeAt(i - 1))) i--;
  return i;
}

/** Characters a numbered heading begins with (after white space): 第, Chinese numerals 一–十, brackets, digits, ①–⑳. */
const HEADING_FIRST = new Set([...'第一二三四五六七八九十(（0123456789'].map((ch) => ch.charCodeAt(0)));
/** Endings of an unnumbered title (then white space only). */
const TITLE_ENDINGS = ['说明', '解释', '职能', '设置', '概况'];
const TITLE_LAST = new Set(TITLE_ENDINGS.map((w) => w.charCodeAt(1)));

/** The line begins (after white space) as a numbered heading may: one character code tested, no regex. */
function headingStart(line: string): boolean {
  const i = firstSolid(line);
  if (i >= line.length) return false;
  const c = line.charCodeAt(i);
  return HEADING_FIRST.has(c) || (c >= 0x2460 && c <= 0x2473);
}

/** The line ends (before white space) with a title ending: 说明, 解释, 职能, 设置 or 概况. */
function titleEnd(line: string): boolean {
  const e = endSolid(line);
  if (e < 2 || !TITLE_LAST.has(line.charCodeAt(e - 1))) return false;
  const pair = line.slice(e - 2, e);
  return TITLE_ENDINGS.includes(pair);
}

/** Matches a line against the heading styles; null when the line is not a heading. */
export function matchHeading(line: string, patterns: Patterns): { styleId: string; level: number; n: number; title: string } | null {
  // most lines are neither: two character tests before any regex
  const numbered = headingStart(line);
  if (!numbered && !titleEnd(line)) return null;
  for (const style of patterns.headings) {
    // numbered styles begin as headingStart allows; an unnumbered title ends as titleEnd says
    if (style.id === 'title' ? !titleEnd(line) : !numbered) continue;
    const m = style.regex.exec(line);
    if (!m) continue;
    const rest = line.slice(m[0].length).trim();
    if (rest === '' && style.level > 0) return null;
    const title = (style.id === 'title' ? line.trim() : (rest.split(/[。；;：:]/)[0] ?? ''))
      .replace(/\s*(?:PAGEREF.*|_Toc\d+.*|\.{3,}.*|…{2,}.*|·{3,}.*|\s\d{1,3})\s*$/u, '')
      .slice(0, 60)
      .trim();
    return { styleId: style.id, level: style.level, n: parseHeadingNumber(m.groups?.n ?? ''), title };
  }
  return null;
}

/** A line of the normal text and its offsets. */
interface Line {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Finds table-of-contents blocks: a 目录 line and the heading-like lines under it. */
function findToc(lines: Line[], patterns: Patterns): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const isTitle = patterns.tocTitle.test(line.text);
    if (!isTitle && !patterns.tocEntry.test(line.text)) continue;
    let j = i + (isTitle ? 1 : 0);
    let first: { styleId: string; n: number } | null = null;
    let last = line.end;
    for (; j < lines.length; j++) {
      const l = lines[j];
      if (!l) break;
      const t = l.text.trim();
      if (t === '' || t === '|') continue;
      const h = matchHeading(t, patterns);
      const entry = patterns.tocEntry.test(t);
      if (!h && !entry) {
        if (t.length <= 30 && !/[。；;，,]/.test(t) && /[表说明况]$/.test(t)) {
          last = l.end; // a wrapped entry (情况说明 / 决算表) continuing the one above
          continue;
        }
        break;
      }
      // the body begins where the first entry's heading comes again (same style and number)
      if (h && first !== null && h.styleId === first.styleId && h.n === first.n && !entry) break;
      if (h && first === null) first = h;
      if (!entry && /[。；]/.test(t)) break;
      last = l.end;
    }
    if (isTitle || last > line.end) {
      ranges.push([line.start, last]);
      while (i + 1 < lines.length && (lines[i + 1]?.end ?? 0) <= last) i++;
    }
  }
  return ranges;
}

const CELL = /^[\s\f|]*(?:-?[\d,]+(?:\.\d+)?|\|)?[\s\f|]*$/;

/**
 * Flattened tables: runs of at least eight short lines of which most are lone numbers or `|`
 * separators. Their numbers are cells, not sentences.
 */
function findTables(lines: Line[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let first: Line | undefined;
  let cells = 0;
  let count = 0;
  const close = (last: Line | undefined) => {
    if (first && last && count >= 8 && cells >= count * 0.5) ranges.push([first.start, last.end]);
    first = undefined;
    cells = 0;
    count = 0;
  };
  for (const [k, line] of lines.entries()) {
    const t = line.text;
    const from = firstSolid(t);
    const solid = from < t.length ? endSolid(t) - from : 0;
    const short = solid <= 24 && t.indexOf('。') < 0 && t.indexOf('；') < 0;
    if (!short) {
      close(lines[k - 1]);
      continue;
    }
    if (solid === 0) continue;
    first ??= line;
    count++;
    if (CELL.test(t)) cells++;
  }
  close(lines.at(-1));
  return ranges;
}

function checkSequence(body: Heading[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const lastAt = new Map<string, Heading>();
  const stack: Heading[] = [];
  for (const h of body) {
    while (stack.length && (stack[stack.length - 1]?.level ?? -1) >= h.level) stack.pop();
    // numbering restarts under a new parent
    const parent = stack[stack.length - 1];
    const key = `${parent ? parent.start : -1}|${h.level}`;
    const prev = lastAt.get(key);
    const expected = prev ? prev.n + 1 : 1;
    if (h.styleId === 'title' || h.inTable) continue;
    if (h.misStyled) {
      out.push(
        diagnostic(
          'structure.heading-style',
          'warning',
          `标题“${h.title}”的编号（${h.n}）与同级标题的编号样式不一致`,
          { start: h.start, end: h.end },
          {
            style: h.styleId,
            n: h.n,
          },
        ),
      );
    }
    // parts and 一、 sections only: list numbering inside flattened tables is no structure
    const structural = h.level === 0 || (h.level === 1 && !/\d/.test(h.title));
    if (structural && h.n !== expected && !(prev && h.n === prev.n)) {
      const missing = h.n > expected;
      const where = prev ? `“${prev.title || prev.n}”之后` : '开头';
      out.push(
        diagnostic(
          'structure.heading-sequence',
          h.level === 0 && missing && prev ? 'warning' : 'info',
          missing ? `标题编号不连续：${where}应为第 ${expected} 项，却是第 ${h.n} 项（缺少或错编了一部分）` : `标题编号顺序不对：${where}出现第 ${h.n} 项，应为第 ${expected} 项`,
          { start: h.start, end: h.end },
          { style: h.styleId, found: h.n, expected },
        ),
      );
    }
    lastAt.set(key, h);
    stack.push(h);
  }
  return out;
}

/** Splits a document into headings and canonical sections. */
export function segmentSections(text: string, patterns: Patterns): Segmentation {
  const lines: Line[] = [];
  let pos = 0;
  for (const t of text.split('\n')) {
    lines.push({ text: t, start: pos, end: pos + t.length });
    pos += t.length + 1;
  }
  const tocRanges = findToc(lines, patterns);
  const tableRanges = findTables(lines);
  const inToc = (offset: number) => tocRanges.some(([from, to]) => offset >= from && offset < to);
  const headings: Heading[] = [];
  /** Where the last （n） heading so far starts (headings come in order). */
  let lastNumParen = -1;
  const stack: Heading[] = [];
  // entries of a 名词解释 part stay in the glossary whatever their numbering style
  let inGlossary = false;
  const numberLine = (k: number) => /^\s*-?[\d,]+(?:\.\d+)?\s*$/.test(lines[k]?.text ?? '');
  const nearNumbers = (k: number) => {
    let seen = 0;
    for (const step of [-1, 1]) {
      for (let j = k + step, n = 0; j >= 0 && j < lines.length && n < 2; j += step) {
        if ((lines[j]?.text ?? '').trim() === '') continue;
        n++;
        if (numberLine(j)) seen++;
      }
    }
    return seen > 0;
  };
  for (const [k, line] of lines.entries()) {
    const m = matchHeading(line.text, patterns);
    if (!m) continue;
    let level = m.level;
    let misStyled = false;
    const inTable = m.level > 0 && nearNumbers(k);
    const toc = inToc(line.start);
    if (!toc && m.styleId === 'num-paren' && m.n > 1) {
      // （3） among （一）（二）（四）: a sibling numbered in the wrong style, not a child
      const lastParen = stack.findLast((x) => x.level === 2); // the innermost open （n） heading
      const childSince = lastParen && lastNumParen > lastParen.start;
      if (lastParen && lastParen.n === m.n - 1 && !childSince) {
        level = 2;
        misStyled = true;
      }
    }
    const ownSection = sectionOfTitle(m.title, patterns);
    let section = ownSection;
    if (!toc) {
      while (stack.length && (stack[stack.length - 1]?.level ?? -1) >= level) stack.pop();
      const inherited = stack.length ? (stack[stack.length - 1]?.section ?? null) : null;
      if (inherited === 'glossary' || !section) section = inherited ?? section;
      if (ownSection === 'glossary') inGlossary = true;
      else if (inGlossary && GLOSSARY_ENTRY.test(line.text)) section = 'glossary';
      else inGlossary = false;
    }
    const h: Heading = {
      styleId: m.styleId,
      level,
      n: m.n,
      title: m.title,
      inTable,
      misStyled,
      start: line.start,
      end: line.end,
      ownSection,
      section,
      inToc: toc,
    };
    headings.push(h);
    if (h.styleId === 'num-paren') lastNumParen = h.start;
    if (!toc) stack.push(h);
  }
  const body = headings.filter((h) => !h.inToc);
  const starts = body.map((h) => h.start);
  // each body heading's enclosing one: the nearest before it of a lower level (-1: none); a level-0
  // heading encloses everything after it, so a chain stops there
  const parents = new Int32Array(body.length);
  const open: Array<{ k: number; level: number }> = [];
  for (const [k, { level }] of body.entries()) {
    while (open.length && (open.at(-1)?.level ?? -1) >= level) open.pop();
    parents[k] = open.at(-1)?.k ?? -1;
    open.push({ k, level });
  }
  /** The chains asked for, by heading index (quantities under one heading share it). */
  const chains: Array<readonly Heading[] | undefined> = [];
  const indexAt = (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    let ans = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((starts[mid] ?? 0) <= offset) {
        ans = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return ans;
  };
  return {
    headings,
    body,
    tocRanges,
    tableRanges,
    diagnostics: checkSequence(body),
    sectionAt(offset) {
      const i = indexAt(offset);
      return i >= 0 ? (body[i]?.section ?? null) : null;
    },
    headingsAt(offset) {
      const i = indexAt(offset);
      if (i < 0) return [];
      let chain = chains[i];
      if (!chain) {
        // the heading at the offset, then each enclosing one (the nearest before it of a lower level)
        const list: Heading[] = [];
        for (let k = i; k >= 0; k = parents[k] as number) list.push(body[k] as Heading);
        chain = list;
        chains[i] = chain;
      }
      return chain;
    },
  };
}
