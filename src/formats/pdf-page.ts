import type { PdfItem, PdfPage } from './pdf.js';
import { type PageRules, rulesOf } from './pdf-rules.js';
import { type PageFrame, type Pdfium, shown, shownDirection } from './pdfium.js';

/** Byte offsets in the scratch block where PDFium writes what a character call hands back. */
const ORIGIN = 0;
const BOX = 16;
const MATRIX = 48;
const RECT = 72;
export const SCRATCH_BYTES = 96;

const NO_RULES: PageRules = { across: [], down: [] };

/** A run of characters being gathered: one direction, one baseline, no gap wider than the text allows. */
interface Run {
  str: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
  readonly y: number;
  readonly size: number;
  readonly across: boolean;
  /** Where the run's last character ends along its direction (x across, y down the page). */
  end: number;
}

/** Code points PDFium's text layer uses for what is not text (no character, a soft hyphen, a non-character). */
const NOT_TEXT = new Set([0, 0x02, 0xfffe, 0xffff]);

function frameOf(fn: Pdfium, heap: () => ArrayBuffer, page: number, scratch: number): PageFrame {
  const rect = new Float32Array(heap(), scratch + RECT, 4);
  const turns = fn.FPDFPage_GetRotation(page) & 3;
  if (fn.FPDF_GetPageBoundingBox(page, scratch + RECT)) {
    const [left, top, right, bottom] = rect as unknown as [number, number, number, number];
    return { left, top, right, bottom, turns };
  }
  return { left: 0, bottom: 0, right: fn.FPDF_GetPageWidthF(page), top: fn.FPDF_GetPageHeightF(page), turns };
}

/** One page's text and runs of characters, read through PDFium's text layer. */
export function readPage(fn: Pdfium, heap: () => ArrayBuffer, doc: number, n: number, scratch: number): { text: string; page: PdfPage; loaded: boolean } {
  const page = fn.FPDF_LoadPage(doc, n - 1);
  if (!page) return { text: '', page: { number: n, width: 0, height: 0, items: [], rules: NO_RULES }, loaded: false };
  try {
    const frame = frameOf(fn, heap, page, scratch);
    const wide = frame.right - frame.left;
    const high = frame.top - frame.bottom;
    const [width, height] = frame.turns % 2 ? [high, wide] : [wide, high];
    const textPage = fn.FPDFText_LoadPage(page);
    if (!textPage) return { text: '', page: { number: n, width, height, items: [], rules: NO_RULES }, loaded: false };
    try {
      const { text, items } = runsOf(fn, heap, textPage, frame, scratch);
      const rules = rulesOf(fn, heap, page, frame, scratch);
      return { text, page: { number: n, width, height, items, rules }, loaded: true };
    } finally {
      fn.FPDFText_ClosePage(textPage);
    }
  } finally {
    fn.FPDF_ClosePage(page);
  }
}

/** Whether a point as shown lies on the page (text set beyond its edges is not shown, and pdftotext leaves it out too). */
function onPage(frame: PageFrame, x: number, y: number): boolean {
  const [w, h] = frame.turns % 2 ? [frame.top - frame.bottom, frame.right - frame.left] : [frame.right - frame.left, frame.top - frame.bottom];
  return x >= 0 && y >= 0 && x <= w && y <= h;
}

function runsOf(fn: Pdfium, heap: () => ArrayBuffer, tp: number, frame: PageFrame, scratch: number): { text: string; items: PdfItem[] } {
  const items: PdfItem[] = [];
  let text = '';
  let run: Run | null = null;
  let f64 = new Float64Array(heap(), scratch, 6);
  let f32 = new Float32Array(heap(), scratch + MATRIX, 6);
  const count = fn.FPDFText_CountChars(tp);
  for (let i = 0; i < count; i++) {
    const u = fn.FPDFText_GetUnicode(tp, i);
    if (u === 13 || NOT_TEXT.has(u) || u > 0x10ffff) continue;
    const ch = String.fromCodePoint(u);
    if (fn.FPDFText_IsGenerated(tp, i) === 1 || /\s/u.test(ch)) {
      text += ch;
      if (run) items.push(itemOf(run));
      run = null;
      continue;
    }
    if (f64.length === 0) {
      // the module's memory grew: views of the old buffer are detached
      f64 = new Float64Array(heap(), scratch, 6);
      f32 = new Float32Array(heap(), scratch + MATRIX, 6);
    }
    const hasOrigin = fn.FPDFText_GetCharOrigin(tp, i, scratch + ORIGIN, scratch + ORIGIN + 8) !== 0;
    const hasBox = fn.FPDFText_GetCharBox(tp, i, scratch + BOX, scratch + BOX + 8, scratch + BOX + 16, scratch + BOX + 24) !== 0;
    if (!hasOrigin && !hasBox) {
      // PDFium cannot place the character: its text is kept, no run is made of it
      text += ch;
      if (run) items.push(itemOf(run));
      run = null;
      continue;
    }
    // one of the two missing: the other stands in (a box's left and bottom are near the origin)
    if (!hasOrigin) f64.set([f64[2] ?? 0, f64[4] ?? 0], 0);
    if (!hasBox) f64.set([f64[0] ?? 0, f64[0] ?? 0, f64[1] ?? 0, f64[1] ?? 0], 2);
    const [ox, oy] = shown(frame, f64[0] ?? 0, f64[1] ?? 0);
    if (!onPage(frame, ox, oy)) continue;
    text += ch;
    if (!fn.FPDFText_GetMatrix(tp, i, scratch + MATRIX)) f32.set([1, 0, 0, 1, 0, 0]);
    const size = fn.FPDFText_GetFontSize(tp, i) * Math.hypot(f32[2] ?? 0, f32[3] ?? 1);
    const [ax, ay] = shown(frame, f64[2] ?? 0, f64[4] ?? 0);
    const [bx, by] = shown(frame, f64[3] ?? 0, f64[5] ?? 0);
    const [dx, dy] = shownDirection(frame.turns, f32[0] ?? 1, f32[1] ?? 0);
    const across = Math.abs(dx) >= Math.abs(dy);
    const box = { left: Math.min(ax, bx), right: Math.max(ax, bx), top: Math.min(ay, by), bottom: Math.max(ay, by) };
    const along = across ? ox : oy;
    if (run && continues(run, across, across ? oy : ox, along)) {
      run.str += ch;
      run.left = Math.min(run.left, box.left);
      run.right = Math.max(run.right, box.right);
      run.top = Math.min(run.top, box.top);
      run.bottom = Math.max(run.bottom, box.bottom);
      run.end = across ? box.right : box.bottom;
    } else {
      if (run) items.push(itemOf(run));
      run = { str: ch, ...box, y: across ? oy : ox, size: size || box.bottom - box.top, across, end: across ? box.right : box.bottom };
    }
  }
  if (run) items.push(itemOf(run));
  return { text, items };
}

/** Whether a character goes on with a run: same direction, same baseline, no step back and no wide gap. */
function continues(run: Run, across: boolean, base: number, along: number): boolean {
  return run.across === across && Math.abs(base - run.y) < 0.3 * run.size && along >= run.end - 0.3 * run.size && along - run.end < 1.5 * run.size;
}

/** A run as the table reader takes it: across the page, x and width along the run; down it, the run's length as its height. */
function itemOf(r: Run): PdfItem {
  if (r.across) return { str: r.str, x: r.left, y: r.y, w: r.right - r.left, h: r.size };
  return { str: r.str, x: r.left, y: r.bottom, w: r.right - r.left, h: r.bottom - r.top };
}
