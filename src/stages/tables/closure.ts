import { scaleDecimal } from '../../decimal.js';
import type { CellRead, TableRead } from './model.js';

const TOTAL_ROW = /^(?:合计|总计|支出合计|本年支出合计)$/;

/** The fraction digits a table prints (the most any of its figures has). */
function decimalsOf(cells: readonly CellRead[]): number {
  return Math.max(0, ...cells.map((c) => /\.(\d+)$/.exec(c.raw)?.[1]?.length ?? 0));
}

/** A figure in units of its table's last printed decimal: exact. */
const unitsOf = (c: CellRead, decimals: number) => BigInt(scaleDecimal(c.raw.replace(/,/g, '').replace('−', '-'), decimals));

/** Sums that may differ by the rounding of their parts: half a unit of the last decimal per part. */
const withinRounding = (sum: bigint, total: bigint, parts: number) => {
  const d = sum > total ? sum - total : total - sum;
  return d * 2n <= BigInt(Math.max(2, parts));
};

/** Units of the last decimal printed as the table prints its figures (7.00, not 7). */
const show = (units: bigint, decimals: number) => {
  const [whole, fraction = ''] = scaleDecimal(units.toString(), -decimals).split('.');
  return decimals ? `${whole}.${fraction.padEnd(decimals, '0')}` : (whole as string);
};

/**
 * A table's own arithmetic: children sum to their parent (项 → 款 → 类), the 类 rows to the 合计
 * row, and 合计 = 基本支出 + 项目支出 on every row that prints these three and no other figure. Only what the table prints
 * is checked; `closes` is null when nothing could be.
 */
export function checkTable(cells: readonly CellRead[]): { closes: boolean | null; failures: string[] } {
  const decimals = decimalsOf(cells);
  const failures: string[] = [];
  let checked = 0;
  const groups = new Map<string, CellRead[]>();
  for (const c of cells) {
    const key = `${c.side}|${c.column}|${c.column_label}`;
    const list = groups.get(key);
    if (list) list.push(c);
    else groups.set(key, [c]);
  }
  for (const group of groups.values()) {
    const byCode = new Map(group.filter((c) => c.code).map((c) => [c.code, c]));
    for (const [code, parent] of byCode) {
      if (code.length > 5) continue;
      const children = [...byCode.values()].filter((c) => c.code.length === code.length + 2 && c.code.startsWith(code));
      if (!children.length) continue;
      checked++;
      const sum = children.reduce((a, c) => a + unitsOf(c, decimals), 0n);
      if (!withinRounding(sum, unitsOf(parent, decimals), children.length)) {
        failures.push(
          `${parent.column_label || parent.column} ${code} ${parent.row_label}: ${parent.raw} printed, its ${children.length} rows below sum to ${show(sum, decimals)}`,
        );
      }
    }
    const total = group.find((c) => !c.code && TOTAL_ROW.test(c.row_label));
    const tops = [...byCode.values()].filter((c) => c.code.length === 3);
    if (total && tops.length) {
      checked++;
      const sum = tops.reduce((a, c) => a + unitsOf(c, decimals), 0n);
      if (!withinRounding(sum, unitsOf(total, decimals), tops.length))
        failures.push(`${total.column_label || total.column} ${total.row_label}: ${total.raw} printed, its ${tops.length} 类 rows sum to ${show(sum, decimals)}`);
    }
  }
  const rows = new Map<number, CellRead[]>();
  for (const c of cells) {
    const list = rows.get(c.row);
    if (list) list.push(c);
    else rows.set(c.row, [c]);
  }
  for (const row of rows.values()) {
    const [total, basic, project] = ['total', 'basic', 'project'].map((id) => row.filter((c) => c.column === id));
    // only a row of these three alone: other columns (机动经费, 结转下年 …) may be parts too
    if (total?.length !== 1 || basic?.length !== 1 || project?.length !== 1 || row.length !== 3) continue;
    checked++;
    const sum = unitsOf(basic[0] as CellRead, decimals) + unitsOf(project[0] as CellRead, decimals);
    const t = total[0] as CellRead;
    if (!withinRounding(sum, unitsOf(t, decimals), 2)) failures.push(`${t.code} ${t.row_label}: 合计 ${t.raw} printed, 基本支出 + 项目支出 = ${show(sum, decimals)}`);
  }
  return { closes: checked ? failures.length === 0 : null, failures };
}

/** A table read, with its cells checked on their own sums: whether it closes, and which sums do not. */
export function readTable(base: Pick<TableRead, 'table' | 'title' | 'pages' | 'rows'>, cells: CellRead[]): TableRead {
  const check = checkTable(cells);
  const reason = check.failures.length ? `does not close: ${check.failures.length} sum(s) differ` : null;
  return { ...base, cells, status: 'read', reason, closes: check.closes, failures: check.failures };
}
