import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PDFiumModule } from '@hyzyla/pdfium';

/** The PDFium functions this reader calls, straight from the WebAssembly module's exports. */
export interface Pdfium {
  readonly FPDF_LoadMemDocument: (data: number, size: number, password: number) => number;
  readonly FPDF_CloseDocument: (doc: number) => void;
  readonly FPDF_GetLastError: () => number;
  readonly FPDF_GetPageCount: (doc: number) => number;
  readonly FPDF_LoadPage: (doc: number, index: number) => number;
  readonly FPDF_ClosePage: (page: number) => void;
  readonly FPDF_GetPageWidthF: (page: number) => number;
  readonly FPDF_GetPageHeightF: (page: number) => number;
  readonly FPDFPage_GetRotation: (page: number) => number;
  readonly FPDFPage_CountObjects: (page: number) => number;
  readonly FPDFPage_GetObject: (page: number, index: number) => number;
  readonly FPDFPageObj_GetType: (obj: number) => number;
  readonly FPDFText_LoadPage: (page: number) => number;
  readonly FPDFText_ClosePage: (textPage: number) => void;
  readonly FPDFText_CountChars: (textPage: number) => number;
  readonly FPDFText_GetUnicode: (textPage: number, index: number) => number;
  readonly FPDFText_IsGenerated: (textPage: number, index: number) => number;
  readonly FPDFText_GetFontSize: (textPage: number, index: number) => number;
  readonly FPDFText_GetCharOrigin: (textPage: number, index: number, x: number, y: number) => number;
  readonly FPDFText_GetCharBox: (textPage: number, index: number, l: number, r: number, b: number, t: number) => number;
  readonly FPDF_GetPageBoundingBox: (page: number, rect: number) => number;
  readonly FPDFText_GetMatrix: (textPage: number, index: number, matrix: number) => number;
  readonly FPDFPageObj_GetMatrix: (obj: number, matrix: number) => number;
  readonly FPDFFormObj_CountObjects: (form: number) => number;
  readonly FPDFFormObj_GetObject: (form: number, index: number) => number;
  readonly FPDFPath_GetDrawMode: (path: number, fillMode: number, stroke: number) => number;
  readonly FPDFPath_CountSegments: (path: number) => number;
  readonly FPDFPath_GetPathSegment: (path: number, index: number) => number;
  readonly FPDFPathSegment_GetPoint: (segment: number, x: number, y: number) => number;
  readonly FPDFPathSegment_GetType: (segment: number) => number;
  readonly FPDFPathSegment_GetClose: (segment: number) => number;
  readonly malloc: (size: number) => number;
  readonly free: (ptr: number) => void;
}

export interface PdfiumRuntime {
  readonly fn: Pdfium;
  /** The module's memory (its buffer changes when memory grows: read views through it each time). */
  readonly memory: () => ArrayBuffer;
}

const require = createRequire(import.meta.url);
let runtime: Promise<PdfiumRuntime> | null = null;

/**
 * PDFium compiled to WebAssembly, started once per worker and kept for the worker's life (each
 * start compiles ≈ 4 MB of code). The exports are called directly: the package's own wrappers
 * add an assertion per call, which a reader calling a few functions per character cannot afford.
 */
export function pdfium(): Promise<PdfiumRuntime> {
  runtime ??= (async () => {
    const wasmBinary = readFileSync(require.resolve('@hyzyla/pdfium/pdfium.wasm'));
    const mod = (await PDFiumModule({ wasmBinary: wasmBinary.buffer.slice(wasmBinary.byteOffset, wasmBinary.byteOffset + wasmBinary.byteLength) })) as unknown as {
      wasmExports: Pdfium & { FPDF_InitLibrary: () => void; memory: { readonly buffer: ArrayBuffer } };
    };
    const fn = mod.wasmExports;
    fn.FPDF_InitLibrary();
    return { fn, memory: () => fn.memory.buffer };
  })();
  return runtime;
}

/**
 * Forgets the running PDFium after it failed inside (a trap leaves a WebAssembly module in no
 * state to go on): the next PDF starts a fresh one, and the old one's memory is collected.
 */
export function restartPdfium(): void {
  runtime = null;
}

/** Why PDFium could not open a document (its FPDF_ERR_ codes), in words. */
export const LOAD_ERRORS: Readonly<Record<number, string>> = {
  1: 'the PDF could not be parsed',
  2: 'the file could not be opened',
  3: 'the file is not a PDF or is damaged',
  4: 'the PDF is encrypted with a password',
  5: 'the PDF uses an unsupported security scheme',
  6: 'a page is missing or damaged',
};

/** A page's box and rotation: what takes a point of the page's space to the page as shown. */
export interface PageFrame {
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  readonly top: number;
  /** Quarter turns clockwise (0–3). */
  readonly turns: number;
}

/** A point of the page's space (y up) on the page as shown: top-left origin, y down, rotation applied. */
export function shown(f: PageFrame, x: number, y: number): [number, number] {
  switch (f.turns) {
    case 1:
      return [y - f.bottom, x - f.left];
    case 2:
      return [f.right - x, y - f.bottom];
    case 3:
      return [f.top - y, f.right - x];
    default:
      return [x - f.left, f.top - y];
  }
}

/** A direction of the page's space as shown (the linear part of `shown`). */
export function shownDirection(turns: number, dx: number, dy: number): [number, number] {
  switch (turns) {
    case 1:
      return [dy, dx];
    case 2:
      return [-dx, dy];
    case 3:
      return [-dy, -dx];
    default:
      return [dx, -dy];
  }
}
