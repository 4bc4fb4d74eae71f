import { decodeHTML } from 'entities';
import { Parser } from 'htmlparser2';
import { GridCollector, type GridTable } from './html-tables.js';

/** Text read out of a page, with `map[i]` the offset in the HTML source that `text[i]` came from. */
export interface TextView {
  readonly text: string;
  readonly map: Int32Array;
  /** The page's tables, cell by cell (gathered in the same parse). */
  readonly grids: GridTable[];
}

/** Elements whose content is never part of the disclosure. */
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  'nav',
  'header',
  'footer',
  'aside',
  'select',
  'option',
  'button',
  'iframe',
  'svg',
  'form',
  'object',
]);
/** Elements that end a line of text. */
const BLOCK = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'tr',
  'table',
  'section',
  'article',
  'main',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'dd',
  'dt',
  'dl',
  'hr',
  'td',
  'th',
  'center',
  'body',
]);
/** class or id words of portal chrome: menus, breadcrumbs, share bars, footers. */
const CHROME = /(?:^|[\s_-])(?:nav|navbar|menu|breadcrumb|crumb|footer|header|sidebar|share|toolbar|topbar|banner|copyright|friendlink|links)(?:$|[\s_-])/i;
const ENTITY = /&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,31});/gi;

/**
 * The visible text of an HTML page in reading order: scripts, styles and navigation dropped,
 * entities decoded, white space folded, one line per block. Every character keeps its source offset.
 */
export function extractHtmlText(source: string): TextView {
  const out: string[] = [];
  const map: number[] = [];
  let skipDepth = 0;
  const stack: boolean[] = [];
  let pendingSpace = -1;
  const grids = new GridCollector();

  const newline = (at: number) => {
    pendingSpace = -1;
    if (out.length && out[out.length - 1] !== '\n') {
      out.push('\n');
      map.push(at);
    }
  };
  const emit = (ch: string, at: number) => {
    if (/\s/.test(ch)) {
      if (out.length && out[out.length - 1] !== '\n' && pendingSpace < 0) pendingSpace = at;
      return;
    }
    if (pendingSpace >= 0) {
      out.push(' ');
      map.push(pendingSpace);
      pendingSpace = -1;
    }
    out.push(ch);
    map.push(at);
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        grids.open(name, attrs);
        const chrome = CHROME.test(`${attrs.class ?? ''} ${attrs.id ?? ''}`) || attrs.role === 'navigation' || 'hidden' in attrs;
        const skip = SKIP.has(name) || chrome;
        stack.push(skip);
        if (skip) skipDepth++;
        if (BLOCK.has(name)) newline(parser.startIndex);
      },
      onclosetag(name, implied) {
        grids.close(name);
        if (BLOCK.has(name)) newline(parser.startIndex);
        if (name === 'br' || (implied && !stack.length)) return;
        const skip = stack.pop();
        if (skip) skipDepth--;
      },
      ontext(data) {
        if (skipDepth > 0) return;
        grids.textOf(data);
        const base = parser.startIndex;
        let last = 0;
        for (const m of data.matchAll(ENTITY)) {
          for (let i = last; i < m.index; i++) emit(data[i] as string, base + i);
          const decoded = decodeHTML(m[0]);
          for (const ch of decoded === m[0] ? m[0] : decoded) emit(ch === '\u00a0' ? ' ' : ch, base + m.index);
          last = m.index + m[0].length;
        }
        for (let i = last; i < data.length; i++) emit(data[i] as string, base + i);
      },
    },
    { decodeEntities: false, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(source);
  parser.end();
  map.push(source.length);
  return { text: out.join(''), map: Int32Array.from(map), grids: grids.tables };
}
