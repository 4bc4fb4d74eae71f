// The classification-code rows of a `pdftotext -layout` text, each with its first amount in yuan:
// (an amount has a decimal point or thousands separators: a bare number beside a name is the
// next column group's code) what the tables read from the same PDF must hold (scripts/table-coverage.mjs, test/tables.test.ts).
const POWER = { 元: 0, 千元: 3, 万元: 4, 亿元: 8 };
const CODE_ROW = /^\s*(\d{3})(?:\s+(\d{2}))?(?:\s+(\d{2}))?\s+(?=\S*[\u4e00-\u9fff])[^\d\s][^\d]*?\s((?:\d{1,3}(?:,\d{3})+|\d+)\.\d+|\d{1,3}(?:,\d{3})+)(?:\s|$)/;
const WHOLE_CODE_ROW = /^\s*(\d{3}(?:\d{2}){1,2})\s*(?=[\u4e00-\u9fff])[^\d\s][^\d]*?\s((?:\d{1,3}(?:,\d{3})+|\d+)\.\d+|\d{1,3}(?:,\d{3})+)(?:\s|$)/;

/** The code rows of a layout text: code, first amount in yuan (null where no unit was printed). */
export function layoutRows(text, scaleDecimal) {
  const rows = [];
  // a table's unit holds on its continuation pages, until another table prints its own
  let unit = null;
  for (const page of text.split('\f')) {
    for (const line of page.split('\n')) {
      const u = /单位[:：]?\s*(万元|千元|亿元|元)/.exec(line);
      if (u) unit = u[1];
      const m = CODE_ROW.exec(line);
      const w = m ? null : WHOLE_CODE_ROW.exec(line);
      if (!m && !w) continue;
      const code = m ? `${m[1]}${m[2] ?? ''}${m[3] ?? ''}` : w[1];
      const amount = (m ? m[4] : w[2]).replace(/,/g, '');
      rows.push({ code, raw: amount, yuan: unit ? scaleDecimal(amount, POWER[unit]) : null, line: line.trim() });
    }
  }
  return rows;
}
