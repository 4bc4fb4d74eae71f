import { scaleDecimal } from '../../decimal.js';
import { loadTableVocabulary } from '../../patterns.js';
import type { Quantity } from '../extract-quantities.js';
import { compactText } from '../phrases.js';
import { AMOUNT, BLANK, tableTitle, unitOf, unitPower } from '../tables/printed.js';
import { plainAmount } from '../tables/tokens.js';
import type { SubjectMaker } from './subjects.js';
import type { DocContext, Placed, Role } from './types.js';

/**
 * The figures of a small “三公” table that a web page or converter flattened into the text, one
 * cell a line (`合 计 |⏎246 |⏎167.37 |`). Its header names each column (预算数, 决算数,
 * 2016年预算数), its first cell each row (合计, 公务接待费); a figure whose row or column the
 * vocabulary does not know is left out, and so is a table without a unit or a simple header.
 */

interface Cell {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const YEAR = /((?:19|20)\d{2})年/u;
/** A header needs between one and four columns of figures. */
const MAX_COLUMNS = 4;

/** The cells of a range, in order: every `|` closes one (an empty one too), offsets into the text. */
function cellsOf(text: string, from: number, to: number): Cell[] {
  const cells: Cell[] = [];
  let start = from;
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c !== '|' && c !== '\n') continue;
    const raw = text.slice(start, i);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    // a line break closes a cell only when the line held one without its bar
    if (c === '|' || body !== '') cells.push({ text: body, start: start + lead, end: start + lead + body.length });
    start = i + 1;
  }
  return cells;
}

/** The role of a column for a document of this kind and year, from its header; null when it holds no figure the tool reads. */
function roleOfColumn(label: string, ctx: DocContext): Role | null {
  const plain = label.replace(/\s+/g, '');
  const columns = loadTableVocabulary().columns;
  const id = columns.find((c) => ['prior_year', 'budget', 'final'].includes(c.id) && c.pattern.test(plain))?.id;
  if (!id) return null;
  const year = YEAR.exec(plain);
  if (year && ctx.year !== null) {
    const y = Number(year[1]);
    if (y < ctx.year) return 'prior_year';
    if (y > ctx.year) return null;
  }
  if (id === 'prior_year') return 'prior_year';
  if (id === 'final') return ctx.kind === '预算' ? null : 'value';
  return ctx.kind === '预算' ? 'value' : 'budget';
}

/** Reads the figures of the flattened “三公” tables in `ranges` as facts. */
export function flattenedTableFacts(text: string, ranges: ReadonlyArray<readonly [number, number]>, maker: SubjectMaker, ctx: DocContext): Placed[] {
  const out: Placed[] = [];
  for (const [from, to] of ranges) {
    // the first table of a range may have its title and unit on the lines before it
    const before = text
      .slice(Math.max(0, from - 200), from)
      .split('\n')
      .slice(-3);
    for (const [n, cells] of tablesOf(cellsOf(text, from, to)).entries()) {
      const lines = [...(n === 0 ? before : []), ...cells.slice(0, 8).map((c) => c.text)];
      const titled = lines.some((l) => tableTitle(l)?.id === 'three_public');
      const unit = lines.map(unitOf).find(Boolean) ?? cells.map((c) => unitOf(c.text)).find(Boolean);
      if (titled && unit) out.push(...tableFacts(cells, unit, maker, ctx));
    }
  }
  return out;
}

/** The cells of a range split where a title opens another table (…决算表). */
function tablesOf(cells: readonly Cell[]): Cell[][] {
  const tables: Cell[][] = [[]];
  for (const c of cells) {
    if (tableTitle(c.text) && (tables[tables.length - 1] ?? []).length) tables.push([]);
    tables[tables.length - 1]?.push(c);
  }
  return tables;
}

/** The facts of one flattened table with its unit: header 项目 and its columns, then a row label and one cell a column. */
function tableFacts(cells: readonly Cell[], unit: string, maker: SubjectMaker, ctx: DocContext): Placed[] {
  const out: Placed[] = [];
  const power = unitPower(unit);
  const head = cells.findIndex((c) => c.text.replace(/\s+/g, '') === '项目');
  if (head < 0) return out;
  const roles: Role[] = [];
  let k = head + 1;
  for (; k < cells.length && roles.length < MAX_COLUMNS; k++) {
    const role = roleOfColumn(cells[k]?.text ?? '', ctx);
    if (role === null) break;
    roles.push(role);
  }
  if (!roles.length) return out;
  while (k < cells.length) {
    const label = cells[k] as Cell;
    k++;
    if (label.text === '' || AMOUNT.test(label.text)) continue;
    const values = cells.slice(k, k + roles.length);
    // a cell printed empty (blank, a dash) holds no figure
    const empty = (v: Cell) => v.text === '' || BLANK.test(v.text);
    if (values.length < roles.length || values.some((v) => !empty(v) && !AMOUNT.test(v.text))) continue;
    k += roles.length;
    const name = compactText(label.text).replace(/^(?:其中[:：]?)?(?:[(（]?\d{1,2}[)）、.]|[一二三四五六七八九十]+、)?/u, '');
    const metric = /^(?:合计|总计)$/.test(name) ? 'three_public.total' : rowMetric(name, maker);
    if (!metric) continue;
    for (const [i, v] of values.entries()) {
      if (empty(v)) continue;
      const quantity = cellQuantity(v, unit, power);
      out.push({ quantity, metric, item: '', code: '', role: roles[i] as Role, value: quantity.value, section: 'three_public', basis: 'table' });
    }
  }
  return out;
}

/** A cell's figure as a quantity: exact yuan from the digits and the table's unit. */
function cellQuantity(cell: Cell, unit: string, power: number): Quantity {
  const number = plainAmount(cell.text);
  const value = scaleDecimal(number, power);
  return {
    kind: 'money',
    number,
    value,
    unit: 'CNY',
    writtenUnit: unit,
    start: cell.start,
    end: cell.end,
    inheritedUnit: false,
    none: false,
    list: null,
    patternId: 'flattened-table',
  };
}

/** The “三公” metric a row's name gives, or null. */
function rowMetric(name: string, maker: SubjectMaker): string | null {
  const q: Quantity = {
    kind: 'money',
    number: '0',
    value: '0',
    unit: 'CNY',
    writtenUnit: '元',
    start: 0,
    end: 0,
    inheritedUnit: false,
    none: false,
    list: null,
    patternId: 'flattened-table',
  };
  const found = maker.pickLast(name, { q, family: 'expenditure', group: 'three_public', classKind: null }, false, 'table');
  const metric = found?.metrics.length === 1 ? found.metrics[0] : undefined;
  return metric?.startsWith('three_public.') ? metric : null;
}
