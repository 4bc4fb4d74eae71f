import { createRequire } from 'node:module';
import { throughGate } from './native-gate.js';
import { PATTERNS_DIR } from './patterns.js';

/**
 * nodejieba, loaded once per process (or worker thread) with the domain and user dictionaries
 * built from patterns/ (item names and metric phrases stay whole words). Its dictionary is global to the process, so this module
 * is the only place that loads it; `cut` runs only on the short span before a quantity.
 */
interface Jieba {
  load(options?: { dict?: string; userDict?: string; idfDict?: string }): void;
  cut(text: string, hmm?: boolean): string[];
}

const require = createRequire(import.meta.url);
let jieba: Jieba | null = null;

function instance(): Jieba {
  if (!jieba) {
    // the addon is loaded and called only through the worker's gate (native-gate.ts)
    jieba = throughGate(() => {
      const j = require('nodejieba') as Jieba;
      // a domain dictionary built from patterns/ instead of jieba's default one (≈ 280 MB): jieba only
      // trims short item spans here, and every worker thread loads its own copy. The keyword
      // extractor's IDF table (6 MB of text, ≈ 20 MB in memory, 150 ms to load) is never used: a
      // one-word table stands in for it (load() reads one whatever we call).
      j.load({ dict: `${PATTERNS_DIR}jieba/dict.utf8`, userDict: `${PATTERNS_DIR}jieba/user.dict.utf8`, idfDict: `${PATTERNS_DIR}jieba/idf.utf8` });
      return j;
    });
  }
  return jieba;
}

/** Loads jieba now (a worker does it before it takes its first document, so that no time limit falls inside the native load). */
export function loadSegmenter(): void {
  instance();
}

/** Words of `text` with their offsets; the words always join back to the input. */
export function cutWithOffsets(text: string): Array<{ word: string; start: number; end: number }> {
  const j = instance();
  const words = throughGate(() => j.cut(text, true));
  const out: Array<{ word: string; start: number; end: number }> = [];
  let pos = 0;
  for (let k = 0; k < words.length; k++) {
    const word = words[k] as string;
    if (text.startsWith(word, pos)) {
      out.push({ word, start: pos, end: pos + word.length });
      pos += word.length;
    } else {
      // jieba dropped or changed characters (it should not): fall back to one token for the rest
      out.push({ word: text.slice(pos), start: pos, end: text.length });
      return out;
    }
  }
  if (pos < text.length) out.push({ word: text.slice(pos), start: pos, end: text.length });
  return out;
}
