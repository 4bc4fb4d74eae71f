import type { Segmentation } from './segment.js';

export interface GlossaryEntry {
  readonly term: string;
  readonly definition: string;
  readonly start: number;
  readonly end: number;
}

const MARKER = /^\s*(?:[(（]?\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[)）]|\d{1,2}\s*[.、．]|[一二三四五六七八九十]{1,3}\s*[、.．]|[①-⑳])\s*/u;
const SPLIT = /[:：]|是指|系指|指的是|(?<=^[^，,。]{2,12})(?:是|指|通过|包括|反映)/u;

/** 名词解释 entries, wherever the glossary part stands: `1.财政拨款收入：指…`. */
export function extractGlossary(text: string, seg: Segmentation): GlossaryEntry[] {
  const entries: GlossaryEntry[] = [];
  const { body } = seg;
  for (const [i, h] of body.entries()) {
    if (h.section !== 'glossary' || h.ownSection === 'glossary' || h.level < 1) continue;
    // the next heading of the body (in order: a forward look, not a search from the start)
    let k = i + 1;
    while ((body[k]?.start ?? Infinity) <= h.start) k++;
    const next = body[k];
    const end = Math.min(next ? next.start : text.length, h.start + 2000);
    const entry = text.slice(h.start, end).replace(MARKER, '');
    const m = SPLIT.exec(entry);
    if (!m || m.index < 1 || m.index > 40) continue;
    const term = entry
      .slice(0, m.index)
      .replace(/^["“]|["”]$/g, '')
      .trim();
    const definition = entry
      .slice(m.index + m[0].length)
      .replace(/\s*\n\s*/g, '')
      .trim();
    if (!term || /[。；]/.test(term)) continue;
    entries.push({ term, definition, start: h.start, end });
  }
  return entries;
}
