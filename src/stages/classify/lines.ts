import { compact, offsetOf, type PhraseMatcher } from '../phrases.js';
import type { Heading } from '../segment.js';
import type { SubjectMaker } from './subjects.js';

const PATH_NAME = '((?:[\\u4e00-\\u9fff、]|\\((?![类款项]\\))[\\u4e00-\\u9fff]{1,3}\\))+?)';
/** A 类/款/项 path: 一般公共服务(类)人大事务(款)行政运行(项); a name may hold a bracket of its own (党委办公厅(室)及相关机构事务). */
export const PATH = new RegExp(`${PATH_NAME}\\((?:类)\\)${PATH_NAME}\\((?:款)\\)(?:${PATH_NAME}\\((?:项)\\))?`, 'gu');

export interface PathHit {
  readonly end: number;
  readonly names: readonly string[];
}

/** What one line says once for all its quantities: family markers, 类/款/项 paths, classification cues. */
export interface LineScan {
  readonly families: ReadonlyArray<{ end: number; family: string }>;
  readonly paths: readonly PathHit[];
  readonly economic: readonly number[];
  readonly functional: readonly number[];
}

export const EMPTY_SCAN: LineScan = { families: [], paths: [], economic: [], functional: [] };

/** Family markers and 类/款/项 paths of one line of `text`, with their ends in the text. */
export function scanLine(text: string, lineStart: number, lineEnd: number, phrases: PhraseMatcher, maker: SubjectMaker): LineScan {
  const line = text.slice(lineStart, lineEnd);
  const at = (word: string) => {
    const found: number[] = [];
    for (let i = line.indexOf(word); i >= 0; i = line.indexOf(word, i + 1)) found.push(lineStart + i);
    return found;
  };
  const c = compact(line);
  const endOf = (i: number) => (i > 0 ? lineStart + offsetOf(c, i - 1) : lineStart) + 1;
  const families: Array<{ end: number; family: string }> = [];
  // a line without a word every family phrase holds names no family: the phrases are not looked for
  const triggers = maker.familyTriggers();
  if (!triggers || triggers.some((t) => c.text.includes(t))) {
    for (const m of phrases.find(c.text)) {
      const family = maker.familyOf(m);
      if (family) families.push({ end: endOf(m.end), family });
    }
  }
  const paths: PathHit[] = [];
  if (c.text.includes('(类)')) {
    for (const m of c.text.matchAll(PATH)) {
      const names = [m[1], m[2], m[3]].filter((n): n is string => Boolean(n));
      paths.push({ end: endOf(m.index + m[0].length), names });
    }
  }
  return { families, paths, economic: at('经济分类'), functional: at('功能分类') };
}

/** The expenditure family the headings above name (innermost first, each worked out once), else plain expenditure. */
export class HeadingFamilies {
  private readonly known = new Map<Heading, string | null>();
  /** The answer for each chain, by its innermost heading (a heading has one chain above it). */
  private readonly byChain = new Map<Heading, string>();

  constructor(private readonly maker: SubjectMaker) {}

  of(headings: readonly Heading[]): string {
    const inner = headings[0];
    if (!inner) return 'expenditure';
    let family = this.byChain.get(inner);
    if (family === undefined) {
      family = this.ofChain(headings);
      this.byChain.set(inner, family);
    }
    return family;
  }

  private ofChain(headings: readonly Heading[]): string {
    for (const h of headings) {
      let f = this.known.get(h);
      if (f === undefined) {
        f = this.maker.familyIn(h.title);
        this.known.set(h, f);
      }
      if (f !== null) return f;
    }
    return 'expenditure';
  }
}
