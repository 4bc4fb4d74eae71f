import { decodeHTML } from 'entities';
import { Parser } from 'htmlparser2';

/** A table of an HTML page or a Word document: its cells' text by row (a cell spanning columns repeated), and what came before it. */
export interface GridTable {
  /** The table's caption, or else the last lines of text before it (where its title and unit are). */
  readonly before: string[];
  readonly rows: string[][];
}

const BLOCK = /^(?:p|div|br|h\d|li)$/;

/**
 * Gathers the <table>s of a page as a parser walks it (nested tables read as their own), with
 * the text printed before each; text arrives as the source has it and is decoded here. The page
 * reader (html.ts) feeds it from its own parse, so a page is parsed once.
 */
export class GridCollector {
  readonly tables: GridTable[] = [];
  private readonly stack: Array<{ rows: string[][]; before: string[]; caption: string }> = [];
  private recent: string[] = [];
  private text = '';
  private cell: { text: string; span: number } | null = null;
  private inCaption = false;

  private flushText(): void {
    const t = decodeHTML(this.text).replace(/\s+/g, ' ').trim();
    if (t && !this.stack.length) this.recent = [...this.recent.slice(-4), t];
    this.text = '';
  }

  open(name: string, attrs: Record<string, string>): void {
    if (name === 'table') {
      this.flushText();
      this.stack.push({ rows: [], before: this.recent, caption: '' });
      this.recent = [];
    } else if (name === 'tr') this.stack[this.stack.length - 1]?.rows.push([]);
    else if ((name === 'td' || name === 'th') && this.stack.length) this.cell = { text: '', span: Math.min(50, Math.max(1, Number(attrs.colspan) || 1)) };
    else if (name === 'caption') this.inCaption = true;
    else if (!this.stack.length && BLOCK.test(name)) this.flushText();
  }

  textOf(data: string): void {
    if (this.cell) this.cell.text += data;
    else if (this.inCaption) {
      const t = this.stack[this.stack.length - 1];
      if (t) t.caption += data;
    } else if (!this.stack.length) this.text += data;
  }

  close(name: string): void {
    if ((name === 'td' || name === 'th') && this.cell) {
      const row = this.stack[this.stack.length - 1]?.rows.at(-1);
      const value = decodeHTML(this.cell.text).replace(/\s+/g, ' ').trim();
      for (let k = 0; k < this.cell.span; k++) row?.push(value);
      this.cell = null;
    } else if (name === 'caption') this.inCaption = false;
    else if (name === 'table') {
      const t = this.stack.pop();
      const caption = decodeHTML(t?.caption ?? '').trim();
      if (t) this.tables.push({ before: caption ? [caption] : t.before, rows: t.rows.filter((r) => r.length) });
    } else if (!this.stack.length && BLOCK.test(name)) this.flushText();
  }
}

/** Every <table> of an HTML text (a Word document's, as mammoth writes it). */
export function gridTablesOf(html: string): GridTable[] {
  const grids = new GridCollector();
  const parser = new Parser(
    { onopentag: (name, attrs) => grids.open(name, attrs), ontext: (data) => grids.textOf(data), onclosetag: (name) => grids.close(name) },
    { decodeEntities: false, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return grids.tables;
}
