/** A figure of a table as read: where it is, what row and column it belongs to, its value in yuan. */
export interface CellRead {
  readonly table: string;
  readonly title: string;
  readonly row_label: string;
  /** The row's 功能分类/经济分类 code ('' when it has none). */
  readonly code: string;
  /** The column's canonical id ('' when the vocabulary does not know its header). */
  readonly column: string;
  readonly column_label: string;
  /** The amount as printed. */
  readonly raw: string;
  /** Exact yuan, as a decimal string. */
  readonly yuan: string;
  /** The table's unit as printed: 万元, 元 … */
  readonly unit: string;
  /** Page and position of the figure (PDF); null for tables read from HTML or Word cells. */
  readonly page: number | null;
  readonly x: number | null;
  readonly y: number | null;
  /** The row's number in its table (from 1), for putting rows back together. */
  readonly row: number;
  /** Which side of a table printed as two column groups side by side (0: the left one). */
  readonly side: number;
}

/** A table found in a document, read or not. */
export interface TableRead {
  readonly table: string;
  readonly title: string;
  readonly pages: number[];
  readonly rows: number;
  readonly cells: CellRead[];
  readonly status: 'read' | 'unread';
  /** Why the table was not read, or what its checks found. */
  readonly reason: string | null;
  /** Whether its own arithmetic closes (null: nothing to check). */
  readonly closes: boolean | null;
  /** The cells that do not add up, described (for the diagnostic). */
  readonly failures: string[];
}
