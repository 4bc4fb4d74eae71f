import { Parser } from 'htmlparser2';

/** A table of an HTML page or a Word document: its cells' text by row (a cell spanning columns repeated), and what came before it. */
export interface GridTable {
  /** The table's caption, or else the last lines of text before it (where its title and unit are). */
  readonly before: string[];
  readonly rows: string[][];
}

/** Every <table> of a page (nested tables are read as their own), with the text printed before each. */
export function gridTablesOf(html: string): GridTable[] {
  const tables: GridTable[] = [];
  const stack: Array<{ rows: string[][]; before: string[]; caption: string }> = [];
  let recent: string[] = [];
  let text = '';
  let cell: { text: string; span: number } | null = null;
  let inCaption = false;
  const flushText = () => {
    const t = text.replace(/\s+/g, ' ').trim();
    if (t && !stack.length) recent = [...recent.slice(-4), t];
    text = '';
  };
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'table') {
          flushText();
          stack.push({ rows: [], before: recent, caption: '' });
          recent = [];
        } else if (name === 'tr') stack[stack.length - 1]?.rows.push([]);
        else if ((name === 'td' || name === 'th') && stack.length) cell = { text: '', span: Math.min(50, Math.max(1, Number(attrs.colspan) || 1)) };
        else if (name === 'caption') inCaption = true;
        else if (!stack.length && /^(?:p|div|br|h\d|li)$/.test(name)) flushText();
      },
      ontext(data) {
        if (cell) cell.text += data;
        else if (inCaption) {
          const t = stack[stack.length - 1];
          if (t) t.caption += data;
        } else if (!stack.length) text += data;
      },
      onclosetag(name) {
        if ((name === 'td' || name === 'th') && cell) {
          const row = stack[stack.length - 1]?.rows.at(-1);
          const value = cell.text.replace(/\s+/g, ' ').trim();
          for (let k = 0; k < cell.span; k++) row?.push(value);
          cell = null;
        } else if (name === 'caption') inCaption = false;
        else if (name === 'table') {
          const t = stack.pop();
          if (t) tables.push({ before: t.caption.trim() ? [t.caption.trim()] : t.before, rows: t.rows.filter((r) => r.length) });
        } else if (!stack.length && /^(?:p|div|h\d|li)$/.test(name)) flushText();
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return tables;
}
