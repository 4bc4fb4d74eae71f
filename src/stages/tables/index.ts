import { type Diagnostic, diagnostic } from '../../diagnostics.js';
import type { PdfPage } from '../../formats/pdf.js';
import type { GridTable } from '../../formats/html-tables.js';
import { readGridTables } from './read-grid.js';
import { readPdfTables } from './read-pdf.js';

export type { CellRead, TableRead } from './model.js';

/** A document's tables as dataset rows (without doc_id), and what its reader found to say. */
export interface DocumentTables {
  readonly cells: Array<Record<string, unknown>>;
  readonly tables: Array<Record<string, unknown>>;
  readonly diagnostics: Diagnostic[];
}

/**
 * The standard tables of a PDF (from positions) or of an HTML page or Word document (from cells), every figure a cell (exact yuan) and every table a row: read or
 * not, and whether its own arithmetic closes. A table that does not close is still written, with
 * a warning naming its sums; one that cannot be read says why.
 */
export function documentTables(pages: readonly PdfPage[], grids: readonly GridTable[] = []): DocumentTables {
  const read = [...readPdfTables(pages), ...readGridTables(grids)];
  const cells: Array<Record<string, unknown>> = [];
  const tables: Array<Record<string, unknown>> = [];
  const diagnostics: Diagnostic[] = [];
  for (const t of read) {
    for (const c of t.cells) {
      cells.push({
        table: c.table,
        title: c.title,
        row: c.row,
        row_label: c.row_label,
        code: c.code,
        column: c.column,
        column_label: c.column_label,
        side: c.side,
        value: Number(c.yuan),
        raw: c.raw,
        unit: c.unit,
        page: c.page,
        x: c.x,
        y: c.y,
      });
    }
    tables.push({ table: t.table, title: t.title, pages: t.pages.join(','), rows: t.rows, cells: t.cells.length, status: t.status, closes: t.closes, reason: t.reason });
    if (t.status === 'unread')
      diagnostics.push(
        diagnostic('table.unread', 'warning', `${t.title}${t.pages.length ? ` (page ${t.pages.join(', ')})` : ''} not read: ${t.reason ?? ''}`, null, {
          table: t.table,
          pages: t.pages,
        }),
      );
    if (t.closes === false) {
      diagnostics.push(
        diagnostic(
          'table.not-closed',
          'warning',
          `${t.title}${t.pages.length ? ` (page ${t.pages.join(', ')})` : ''} does not add up: ${t.failures.slice(0, 3).join('; ')}${t.failures.length > 3 ? ' …' : ''}`,
          null,
          {
            table: t.table,
            pages: t.pages,
            sums: t.failures,
          },
        ),
      );
    }
  }
  return { cells, tables, diagnostics };
}
