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
  const items = seg.body.filter((h) => h.section === 'glossary' && h.ownSection !== 'glossary' && h.level >= 1);
  for (let i = 0; i < items.length; i++) {
    const h = items[i];
    if (!h) continue;
    const next = seg.body.find((x) => x.start > h.start);
    const end = Math.min(next ? next.start : text.length, h.start + 2000);
    const body = text.slice(h.start, end).replace(MARKER, '');
    const m = SPLIT.exec(body);
    if (!m || m.index < 1 || m.index > 40) continue;
    const term = body.slice(0, m.index).replace(/^["“]|["”]$/g, '').trim();
    const definition = body.slice(m.index + m[0].length).replace(/\s*\n\s*/g, '').trim();
    if (!term || /[。；]/.test(term)) continue;
    entries.push({ term, definition, start: h.start, end });
  }
  return entries;
}
