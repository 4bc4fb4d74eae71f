import { MAX_BYTES } from '../limits.js';
import { type LoadedFile, loadFileSync, ReadError } from '../load-file.js';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type Chardet from 'chardet';
import type Iconv from 'iconv-lite';
import { type Diagnostic, diagnostic } from '../diagnostics.js';
import type { TextView } from '../formats/html.js';
import type { PdfPage } from '../formats/pdf.js';
import type { GridTable } from '../formats/html-tables.js';
import { loadCommonHanzi } from '../patterns.js';

const require = createRequire(import.meta.url);
let legacy: { chardet: typeof Chardet; iconv: typeof Iconv } | null = null;

/**
 * chardet and iconv-lite, loaded when a document is first not UTF-8 or UTF-16 (most are: a worker
 * that never meets another encoding saves ≈ 12 ms of start-up).
 */
function legacyDecoders(): { chardet: typeof Chardet; iconv: typeof Iconv } {
  legacy ??= { chardet: require('chardet') as typeof Chardet, iconv: require('iconv-lite') as typeof Iconv };
  return legacy;
}

/** Largest input read; a larger file is a failed row, not an out-of-memory crash. */
export { MAX_BYTES, type LoadedFile, loadFileSync, ReadError };

export interface ReadResult {
  readonly bytes: number;
  readonly sha256: string;
  readonly encoding: string | null;
  /** txt, html, docx or pdf: what the bytes are, whatever the file is called. */
  readonly format: string;
  /** The document as decoded (facts' offsets point into it), or null when it cannot be read. */
  readonly text: string | null;
  /** For HTML: the visible text and its map into `text`; the pipeline reads this. */
  readonly view: TextView | null;
  /** For PDF: where each page starts in `text`. */
  readonly pageStarts: number[] | null;
  /** For PDF: every page's pieces of text with their positions (its tables are read from them). */
  readonly pages: PdfPage[] | null;
  /** For HTML and Word: the cells of every table (its tables are read from them). */
  readonly grids: GridTable[] | null;
  readonly error: string | null;
  readonly diagnostics: Diagnostic[];
}

const SIGNATURES: ReadonlyArray<[string, number[]]> = [
  ['pdf', [0x25, 0x50, 0x44, 0x46]],
  ['zip', [0x50, 0x4b, 0x03, 0x04]],
  ['png', [0x89, 0x50, 0x4e, 0x47]],
  ['jpeg', [0xff, 0xd8, 0xff]],
  ['gif', [0x47, 0x49, 0x46, 0x38]],
  ['gzip', [0x1f, 0x8b]],
  ['ole2', [0xd0, 0xcf, 0x11, 0xe0]],
];

function sniff(buf: Uint8Array): string | null {
  for (let k = 0; k < SIGNATURES.length; k++) {
    const signature = SIGNATURES[k] as (typeof SIGNATURES)[number];
    if (signature[1].every((b, i) => buf[i] === b)) return signature[0];
  }
  return null;
}

const strictDecoders = new Map<string, { decode(input: Uint8Array): string }>();

function tryDecode(buf: Uint8Array, encoding: string): string | null {
  let decoder = strictDecoders.get(encoding);
  if (!decoder) {
    // one decoder per encoding, reused: decode() without { stream } starts afresh every time
    decoder = new TextDecoder(encoding, { fatal: true });
    strictDecoders.set(encoding, decoder);
  }
  try {
    return decoder.decode(buf);
  } catch (err) {
    if (err instanceof TypeError) return null; // not valid in this encoding
    throw err;
  }
}

/** Share of control characters (other than tab, line feed, carriage return, form feed) and U+FFFD. */
function controlShare(text: string): number {
  let n = 0;
  const len = Math.min(text.length, 65536);
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) n++;
  }
  return len ? n / len : 0;
}

/** UTF-16 without a BOM: decodes cleanly and reads as Chinese or ASCII text. */
function utf16WithoutBom(buf: Uint8Array): string | null {
  if (buf.length < 8 || buf.length % 2 !== 0) return null;
  for (const encoding of ['utf-16le', 'utf-16be']) {
    const text = tryDecode(buf, encoding);
    if (text && controlShare(text) < 0.001 && (text.match(/[\u4e00-\u9fff\d\s，。、：；（）]/g) ?? []).length > text.length * 0.7) return text;
  }
  return null;
}

const CONFIDENT = 60;

/** Length of the valid UTF-8 sequence starting at i, or 0. */
function utf8Length(buf: Uint8Array, i: number): number {
  const b = buf[i] as number;
  const n = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
  if (n === 0 || i + n > buf.length) return 0;
  for (let k = 1; k < n; k++) if (((buf[i + k] as number) & 0xc0) !== 0x80) return 0;
  return n;
}

/**
 * Mostly UTF-8 text with some runs of GB18030 bytes (pasted from another file): valid UTF-8 kept,
 * each invalid run decoded as GB18030. Null when a run does not decode cleanly or UTF-8 is a minority.
 */
function decodeMixed(buf: Uint8Array): { text: string; runs: number } | null {
  const parts: string[] = [];
  let runs = 0;
  let good = 0;
  let i = 0;
  let from = 0;
  // start of the latest run of two-byte UTF-8 sequences (U+0080–U+07FF: Greek, Hebrew, Arabic …),
  // which in a Chinese disclosure are GB18030 bytes that happen to look like UTF-8
  let suspicious = -1;
  while (i < buf.length) {
    const n = utf8Length(buf, i);
    if (n > 0) {
      if (n === 2) suspicious = suspicious < 0 ? i : suspicious;
      else suspicious = -1;
      good += n;
      i += n;
      continue;
    }
    if (suspicious >= from && suspicious >= 0) {
      good -= i - suspicious;
      i = suspicious;
    }
    suspicious = -1;
    parts.push(new TextDecoder('utf-8').decode(buf.subarray(from, i)));
    let j = i;
    while (j < buf.length && (buf[j] as number) >= 0x80) j++;
    const run = legacyDecoders().iconv.decode(Buffer.from(buf.subarray(i, j)), 'gb18030');
    if (run.includes('\ufffd')) return null;
    parts.push(run);
    runs++;
    i = j;
    from = j;
  }
  parts.push(new TextDecoder('utf-8').decode(buf.subarray(from)));
  return runs > 0 && good > buf.length / 2 ? { text: parts.join(''), runs } : null;
}

/** Whether decoded text is an HTML page rather than plain text. */
function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 20000);
  if (!head.includes('<')) return false;
  return (
    /^\s*(?:<!doctype html|<html[\s>]|<\?xml[^>]*>\s*<html)/i.test(text.slice(0, 2000)) || /<(?:body|div|p|table)[\s>][\s\S]*<\/(?:body|div|p|table)>/i.test(text.slice(0, 20000))
  );
}

/**
 * Decodes bytes to text: UTF-8 (with or without BOM), UTF-16 (BOM, or recognisable without),
 * else the encoding chardet detects, decoded with iconv-lite. A low-confidence guess and
 * undecodable bytes are reported, never silent.
 */
export function decodeBytes(buf: Uint8Array): { text: string; encoding: string; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  if (buf.length === 0) throw new ReadError('read.empty', 'empty file (0 bytes)');
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    const text = tryDecode(buf.subarray(3), 'utf-8');
    if (text !== null) return { text, encoding: 'utf-8-bom', diagnostics };
  }
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(buf.subarray(2)), encoding: 'utf-16le', diagnostics };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(buf.subarray(2)), encoding: 'utf-16be', diagnostics };
  const kind = sniff(buf);
  if (kind) throw new ReadError('read.binary', `not a text document: the bytes are a ${kind} file`);
  const utf8 = tryDecode(buf, 'utf-8');
  if (utf8 !== null) {
    if (buf.subarray(0, 8192).includes(0)) throw new ReadError('read.binary', 'not a text document: NUL bytes in the first 8 KB');
    return { text: utf8, encoding: 'utf-8', diagnostics };
  }
  const wide = utf16WithoutBom(buf);
  if (wide !== null) {
    diagnostics.push(diagnostic('read.encoding-guessed', 'warning', 'UTF-16 without a byte-order mark (recognised by its content)', null, { encoding: 'utf-16' }));
    return { text: wide, encoding: 'utf-16', diagnostics };
  }
  if (buf.subarray(0, 8192).includes(0)) throw new ReadError('read.binary', 'not a text document: NUL bytes in the first 8 KB');
  // cut off inside a character: the rest is valid UTF-8
  for (let cut = 1; cut <= 3 && cut < buf.length; cut++) {
    const head = tryDecode(buf.subarray(0, buf.length - cut), 'utf-8');
    if (head !== null) {
      diagnostics.push(diagnostic('read.truncated', 'warning', `the file ends inside a UTF-8 character: the last ${cut} byte(s) were dropped`, null, { dropped: cut }));
      return { text: head, encoding: 'utf-8', diagnostics };
    }
  }
  // UTF-8 with runs of another encoding pasted in (mixed encodings): each run decoded as GB18030
  const mixed = decodeMixed(buf);
  if (mixed) {
    diagnostics.push(diagnostic('read.mixed-encodings', 'warning', `UTF-8 with ${mixed.runs} run(s) of non-UTF-8 bytes, decoded as GB18030`, null, { runs: mixed.runs }));
    return { text: mixed.text, encoding: 'utf-8+gb18030', diagnostics };
  }
  // a few bad sequences in otherwise valid UTF-8 (corruption): keep UTF-8
  const lenient = new TextDecoder('utf-8').decode(buf);
  const bad = (lenient.match(/\ufffd/g) ?? []).length;
  if (bad / lenient.length < 0.002) {
    diagnostics.push(diagnostic('read.undecodable-bytes', 'error', `${bad} byte sequences are not valid UTF-8; replaced by U+FFFD`, null, { replaced: bad }));
    return { text: lenient, encoding: 'utf-8', diagnostics };
  }
  const { chardet, iconv } = legacyDecoders();
  const detected = chardet.analyse(buf).filter((c) => iconv.encodingExists(c.name));
  const top = detected[0];
  // chardet is unsure on short texts: the Chinese encodings compete by how Chinese they read
  const candidates = [...new Set([...detected.slice(0, 3).map((c) => c.name), 'GB18030', 'Big5'])];
  const scored = candidates
    .map((name) => {
      const text = iconv.decode(Buffer.from(buf), name);
      let good = 0;
      let hanzi = 0;
      for (const ch of text) {
        if (/[\u4e00-\u9fff]/.test(ch)) {
          hanzi++;
          if (loadCommonHanzi().has(ch)) good++;
        }
      }
      const replaced = (text.match(/\ufffd/g) ?? []).length;
      return { name, text, replaced, score: hanzi ? (good - 5 * replaced) / hanzi : 0 };
    })
    .sort((a, b) => b.score - a.score);
  const best = scored[0];
  if (best && best.score > 0.5) {
    const encoding = best.name.toLowerCase();
    const sure = top && top.name === best.name && top.confidence >= CONFIDENT;
    diagnostics.push(
      diagnostic(
        sure ? 'read.encoding-detected' : 'read.encoding-guessed',
        sure ? 'info' : 'warning',
        `not UTF-8; decoded as ${encoding} (${sure ? `chardet confidence ${top?.confidence}` : 'a guess'})`,
        null,
        { encoding, confidence: top?.name === best.name ? top.confidence : null },
      ),
    );
    if (best.replaced)
      diagnostics.push(
        diagnostic('read.undecodable-bytes', 'error', `${best.replaced} byte sequences are not valid ${encoding}; replaced by U+FFFD`, null, { replaced: best.replaced }),
      );
    return { text: best.text, encoding, diagnostics };
  }
  diagnostics.push(
    diagnostic('read.undecodable-bytes', 'error', `${bad} byte sequences are not valid UTF-8 and no other encoding fits; replaced by U+FFFD`, null, { replaced: bad }),
  );
  return { text: lenient, encoding: 'utf-8', diagnostics };
}

export function extensionOf(path: string): string {
  return (/\.([a-z0-9]+)$/i.exec(path)?.[1] ?? '').toLowerCase();
}

const docxEntry = (buf: Buffer) => buf.includes('word/document.xml');

/** Reads one input file whatever its format. Never throws for a bad file: the result carries the reason. */
export async function readDocument(path: string): Promise<ReadResult> {
  return decodeDocument(loadFileSync(path));
}

/** Bytes to the document as decoded, whatever the format (the CPU part of reading, done in a worker). */
export async function decodeDocument(file: LoadedFile): Promise<ReadResult> {
  const { path } = file;
  const base = {
    bytes: file.size,
    encoding: null,
    format: extensionOf(path) || 'txt',
    text: null,
    view: null,
    pageStarts: null,
    pages: null,
    grids: null,
    diagnostics: [] as Diagnostic[],
  };
  if (!file.bytes) return { ...base, sha256: '', error: file.error ?? 'no bytes' };
  const buf = Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength);
  const sha256 = createHash('sha256').update(buf).digest('hex');
  const kind = sniff(buf);
  try {
    if (kind === 'pdf') {
      const { extractPdfText } = await import('../formats/pdf.js'); // PDFium starts only when a PDF comes
      const pdf = await extractPdfText(buf);
      if (pdf.text.trim() === '') return { ...base, sha256, format: 'pdf', error: 'PDF without a text layer (scanned pages?): no text to read' };
      const diagnostics = pdf.unreadPages.length
        ? [diagnostic('read.pdf-page', 'warning', `page${pdf.unreadPages.length > 1 ? 's' : ''} ${pdf.unreadPages.join(', ')} could not be read (damaged): their text is missing`)]
        : [];
      return { ...base, sha256, format: 'pdf', text: pdf.text, pageStarts: pdf.pageStarts, pages: pdf.pages, error: null, diagnostics };
    }
    if (kind === 'zip' && docxEntry(buf)) {
      const { extractDocxText, extractDocxTables } = await import('../formats/docx.js');
      const docx = await extractDocxText(buf);
      const grids = await extractDocxTables(buf);
      const diagnostics = docx.messages.map((m) => diagnostic('read.docx-message', 'info', m));
      return { ...base, sha256, format: 'docx', text: docx.text, grids, error: null, diagnostics };
    }
    const { text, encoding, diagnostics } = decodeBytes(buf);
    if (text.trim() === '') return { ...base, sha256, encoding, error: 'empty document: only white space' };
    if (controlShare(text) > 0.05) return { ...base, sha256, encoding, error: 'not a text document: too many control characters' };
    if (base.format === 'html' || base.format === 'htm' || looksLikeHtml(text)) {
      const { extractHtmlText } = await import('../formats/html.js'); // htmlparser2 loads only when a page comes
      const view = extractHtmlText(text);
      if (view.text.trim() === '') return { ...base, sha256, encoding, format: 'html', error: 'HTML page without visible text' };
      return { ...base, sha256, encoding, format: 'html', text, view, grids: view.grids, error: null, diagnostics };
    }
    return { ...base, sha256, encoding, format: 'txt', text, error: null, diagnostics };
  } catch (err) {
    if (err instanceof ReadError) return { ...base, sha256, error: err.message };
    const e = err as Error;
    return { ...base, sha256, format: kind ?? base.format, error: `cannot read the ${kind ?? base.format} file: ${e.message}` };
  }
}
