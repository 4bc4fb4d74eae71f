import { type PageFrame, type Pdfium, shown } from './pdfium.js';

/** A ruling line as the page shows it: across at a height (`at` = y) or down at a place (`at` = x), from one end to the other. */
export interface Rule {
  readonly at: number;
  readonly from: number;
  readonly to: number;
}

export interface PageRules {
  readonly across: Rule[];
  readonly down: Rule[];
}

/** PDFium's page object types. */
const PATH = 2;
const FORM = 5;
/** Path segment types. */
const LINE_TO = 0;
const MOVE_TO = 2;
/** A rule is at most this thick (points): thicker fills are shading, not lines. */
const THIN = 2.5;
/** A rule is at least this long (points). */
const LONG = 4;

type Matrix = readonly [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const times = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

interface Reader {
  readonly fn: Pdfium;
  readonly heap: () => ArrayBuffer;
  readonly scratch: number;
  readonly frame: PageFrame;
  readonly out: { across: Rule[]; down: Rule[] };
}

/**
 * The ruling lines of a page, drawn either way exporters draw them: stroked path segments
 * (lines, and the sides of stroked rectangles) and thin filled rectangles (Word, WPS 表格 and
 * PScript exports draw no stroked lines at all). A wide fill is shading, not a rule. Form XObjects
 * are read through.
 */
export function rulesOf(fn: Pdfium, heap: () => ArrayBuffer, page: number, frame: PageFrame, scratch: number): PageRules {
  const r: Reader = { fn, heap, scratch, frame, out: { across: [], down: [] } };
  const count = fn.FPDFPage_CountObjects(page);
  for (let i = 0; i < count; i++) visit(r, fn.FPDFPage_GetObject(page, i), IDENTITY, 0);
  return r.out;
}

function visit(r: Reader, obj: number, parent: Matrix, depth: number): void {
  const type = r.fn.FPDFPageObj_GetType(obj);
  if (type === FORM && depth < 8) {
    const m = times(matrixOf(r, obj), parent);
    const n = r.fn.FPDFFormObj_CountObjects(obj);
    for (let i = 0; i < n; i++) visit(r, r.fn.FPDFFormObj_GetObject(obj, i), m, depth + 1);
  } else if (type === PATH) pathRules(r, obj, parent);
}

function matrixOf(r: Reader, obj: number): Matrix {
  if (!r.fn.FPDFPageObj_GetMatrix(obj, r.scratch)) return IDENTITY;
  const f = new Float32Array(r.heap(), r.scratch, 6);
  return [f[0] ?? 1, f[1] ?? 0, f[2] ?? 0, f[3] ?? 1, f[4] ?? 0, f[5] ?? 0];
}

function stroked(r: Reader, obj: number): boolean {
  if (!r.fn.FPDFPath_GetDrawMode(obj, r.scratch, r.scratch + 4)) return false;
  return new Int32Array(r.heap(), r.scratch + 4, 1)[0] !== 0;
}

const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** A segment between two points as shown: a rule when it runs across or down the page and is long enough. */
function add(r: Reader, a: [number, number], b: [number, number], thick = 0.5): void {
  const [ax, ay] = shown(r.frame, a[0], a[1]);
  const [bx, by] = shown(r.frame, b[0], b[1]);
  const [w, h] = [Math.abs(bx - ax), Math.abs(by - ay)];
  if (h <= thick && w >= LONG) r.out.across.push({ at: (ay + by) / 2, from: Math.min(ax, bx), to: Math.max(ax, bx) });
  else if (w <= thick && h >= LONG) r.out.down.push({ at: (ax + bx) / 2, from: Math.min(ay, by), to: Math.max(ay, by) });
}

function pathRules(r: Reader, obj: number, parent: Matrix): void {
  const { fn, scratch } = r;
  const m = times(matrixOf(r, obj), parent);
  const n = fn.FPDFPath_CountSegments(obj);
  const points: Array<[number, number]> = [];
  const types: number[] = [];
  for (let i = 0; i < n; i++) {
    const seg = fn.FPDFPath_GetPathSegment(obj, i);
    if (!fn.FPDFPathSegment_GetPoint(seg, scratch, scratch + 4)) return;
    const f = new Float32Array(r.heap(), scratch, 2);
    points.push(apply(m, f[0] ?? 0, f[1] ?? 0));
    types.push(fn.FPDFPathSegment_GetType(seg) | (fn.FPDFPathSegment_GetClose(seg) ? 0x100 : 0));
  }
  if (!points.length) return;
  // a thin filled rectangle (or any thin shape): one rule along its length
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const lo: [number, number] = [Math.min(...xs), Math.min(...ys)];
  const hi: [number, number] = [Math.max(...xs), Math.max(...ys)];
  const [sx1, sy1] = shown(r.frame, lo[0], lo[1]);
  const [sx2, sy2] = shown(r.frame, hi[0], hi[1]);
  if (Math.abs(sy2 - sy1) <= THIN || Math.abs(sx2 - sx1) <= THIN) {
    add(r, lo, hi, THIN);
    return;
  }
  // otherwise, when the path is stroked, each straight side of it, closing sides included (a wide fill is shading)
  if (!stroked(r, obj)) return;
  let start: [number, number] = points[0] as [number, number];
  for (let i = 1; i < points.length; i++) {
    const type = (types[i] ?? 0) & 0xff;
    const p = points[i] as [number, number];
    if (type === MOVE_TO) start = p;
    else if (type === LINE_TO) add(r, points[i - 1] as [number, number], p);
    if ((types[i] ?? 0) & 0x100) add(r, p, start);
  }
}
