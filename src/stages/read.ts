import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { type Diagnostic, diagnostic } from '../diagnostics.js';

/** Largest input read; a larger file is a failed row, not an out-of-memory crash. */
export const MAX_BYTES = 64 * 1024 * 1024;

export interface ReadResult {
  readonly bytes: number;
  readonly sha256: string;
  readonly encoding: string | null;
  readonly format: string;
  /** The decoded text, or null when the file cannot be read (then `error` says why). */
  readonly text: string | null;
  readonly error: string | null;
  readonly diagnostics: Diagnostic[];
}

/** Thrown for input that cannot be read at all; the message becomes the documents row's error. */
export class ReadError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
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

function sniffBinary(buf: Uint8Array): string | null {
  for (const [name, sig] of SIGNATURES) if (sig.every((b, i) => buf[i] === b)) return name;
  return null;
}

function tryDecode(buf: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(buf);
  } catch (err) {
    if (err instanceof TypeError) return null; // not valid in this encoding
    throw err;
  }
}

/** Share of control characters other than tab, line feed, carriage return and form feed. */
function controlShare(text: string): number {
  let n = 0;
  const len = Math.min(text.length, 65536);
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) n++;
  }
  return len ? n / len : 0;
}

/** Decodes bytes to text: UTF-8 (BOM or not), UTF-16 with BOM, else GB18030 or Big5 as a guess. */
export function decodeBytes(buf: Uint8Array): { text: string; encoding: string; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  if (buf.length === 0) throw new ReadError('read.empty', 'empty file (0 bytes)');
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    const text = tryDecode(buf.subarray(3), 'utf-8');
    if (text !== null) return { text, encoding: 'utf-8-bom', diagnostics };
  }
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(buf.subarray(2)), encoding: 'utf-16le', diagnostics };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(buf.subarray(2)), encoding: 'utf-16be', diagnostics };
  const kind = sniffBinary(buf);
  if (kind) throw new ReadError('read.binary', `not a text document: the bytes are a ${kind} file`);
  const head = buf.subarray(0, 8192);
  if (head.includes(0)) throw new ReadError('read.binary', 'not a text document: NUL bytes in the first 8 KB');
  const utf8 = tryDecode(buf, 'utf-8');
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', diagnostics };
  // cut off inside a character: the rest is valid UTF-8
  for (let cut = 1; cut <= 3 && cut < buf.length; cut++) {
    const head = tryDecode(buf.subarray(0, buf.length - cut), 'utf-8');
    if (head !== null) {
      diagnostics.push(
        diagnostic('read.truncated', 'warning', `the file ends inside a UTF-8 character: the last ${cut} byte(s) were dropped`, null, { dropped: cut }),
      );
      return { text: head, encoding: 'utf-8', diagnostics };
    }
  }
  // a few bad sequences in otherwise valid UTF-8 (mixed encodings, corruption): keep UTF-8
  const lenient = new TextDecoder('utf-8').decode(buf);
  const bad = (lenient.match(/\ufffd/g) ?? []).length;
  if (bad > 0 && bad / lenient.length < 0.002) {
    diagnostics.push(
      diagnostic('read.undecodable-bytes', 'error', `${bad} byte sequences are not valid UTF-8; replaced by U+FFFD`, null, { replaced: bad }),
    );
    return { text: lenient, encoding: 'utf-8', diagnostics };
  }
  for (const encoding of ['gb18030', 'big5']) {
    const text = tryDecode(buf, encoding);
    if (text !== null && controlShare(text) < 0.01) {
      diagnostics.push(
        diagnostic('read.encoding-guessed', 'warning', `not valid UTF-8; decoded as ${encoding} (a guess)`, null, { encoding }),
      );
      return { text, encoding, diagnostics };
    }
  }
  diagnostics.push(
    diagnostic('read.undecodable-bytes', 'error', `${bad} byte sequences are not valid UTF-8, GB18030 or Big5; replaced by U+FFFD`, null, {
      replaced: bad,
    }),
  );
  return { text: lenient, encoding: 'utf-8', diagnostics };
}

function formatOf(path: string): string {
  const m = /\.([a-z0-9]+)$/i.exec(path);
  return (m?.[1] ?? 'txt').toLowerCase();
}

/** Reads one input file. Never throws for a bad file: the result carries the reason instead. */
export async function readDocument(path: string): Promise<ReadResult> {
  const info = await stat(path);
  const format = formatOf(path);
  const base = { bytes: info.size, encoding: null, format, text: null, diagnostics: [] as Diagnostic[] };
  if (info.size > MAX_BYTES) {
    return { ...base, sha256: '', error: `file too large: ${info.size} bytes (limit ${MAX_BYTES})` };
  }
  const buf = await readFile(path);
  const sha256 = createHash('sha256').update(buf).digest('hex');
  if (!['txt', 'text', 'md'].includes(format)) {
    return { ...base, sha256, error: `unsupported format .${format}: this version reads plain-text disclosures (.txt)` };
  }
  try {
    const { text, encoding, diagnostics } = decodeBytes(buf);
    if (text.trim() === '') return { ...base, sha256, encoding, error: 'empty document: only white space' };
    if (controlShare(text) > 0.05) return { ...base, sha256, encoding, error: 'not a text document: too many control characters' };
    return { ...base, sha256, encoding, text, error: null, diagnostics };
  } catch (err) {
    if (err instanceof ReadError) return { ...base, sha256, error: err.message };
    throw err;
  }
}
