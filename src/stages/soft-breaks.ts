/*
 * Where a text's lines only wrap a paragraph (a PDF conversion wraps at a fixed width), and which
 * lines are page furniture (page numbers, running headers and footers): what normalisation joins
 * and drops.
 */

const LINE_START_MARKER = /^\s*(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d)|[①-⑳]|目\s*录|附[表件])/;

/**
 * Finds the width at which a PDF conversion wrapped its lines (display widths given), or null for
 * text whose lines are paragraphs. Wrapped text has many lines of nearly the same display width.
 */
function wrapWidthOf(allWidths: readonly number[]): number | null {
  const widths = allWidths.filter((w) => w >= 30);
  if (widths.length < 4) return null;
  const p80 = kthSmallest(widths, Math.floor(widths.length * 0.8));
  const near = widths.filter((w) => w >= p80 - 8 && w <= p80 + 4).length;
  return near >= widths.length * 0.3 ? p80 : null;
}

/** The k-th smallest (0-based) of whole numbers, by counting: widths are small integers. */
function kthSmallest(values: readonly number[], k: number): number {
  const max = values.reduce((m, v) => Math.max(m, v), 0);
  if (max > 1 << 16) return Float64Array.from(values).sort()[k] ?? 0;
  const counts = new Uint32Array(max + 1);
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
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
  for (const [i, l] of lines.entries()) {
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
  for (const at of edges.values()) if (at.length >= 3) for (const i of at) noise.add(i);
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
export function softBreaks(original: string): { joins: Set<number>; dropAt: Map<number, number> } {
  const joins = new Set<number>();
  const lines = scanLines(original);
  const noise = furniture(original, lines);
  /** Page furniture to drop: where each line starts → where its line feed ends. */
  const dropAt = new Map<number, number>();
  for (const i of noise) {
    const l = lines[i] as Line;
    dropAt.set(l.start, Math.min(original.length, l.end + 1));
  }
  const kept = lines.filter((_, i) => !noise.has(i));
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
