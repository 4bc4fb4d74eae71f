import fc from 'fast-check';
import { extractText } from '../src/extract.js';
import { DiagnosticRow, FactRow, GlossaryRow, OrgUnitRow } from '../src/schema.js';

/** Words and pieces disclosures are made of, for random texts that look like them. */
const PIECES = [
  '收入总计',
  '支出总计',
  '财政拨款',
  '基本支出',
  '项目支出',
  '“三公”经费',
  '公务接待费',
  '因公出国（境）费',
  '机关运行经费',
  '其中：',
  '占',
  '%',
  '万元',
  '元',
  '亿元',
  '万',
  '增加',
  '减少',
  '增长',
  '下降',
  '完成年初预算的',
  '比上年',
  '与上年相比',
  '，',
  '。',
  '；',
  '、',
  '\n',
  '\n\n',
  '\f',
  '一、',
  '（一）',
  '1.',
  '（1）',
  '①',
  '第一部分',
  '名词解释',
  '辆',
  '人',
  '个',
  '批次',
  '无',
  '(jīng)',
  '萬',
  '經費',
  '&nbsp;',
  '&amp;',
  '　',
  '\u200b',
  '１２３',
  '．',
  '-',
  '|',
  '……',
  'PAGEREF _Toc1 h 3',
  '—5—',
  '（类）',
  '（款）',
  '（项）',
];

export const disclosureLike = fc
  .array(
    fc.oneof(
      fc.constantFrom(...PIECES),
      fc.integer({ min: 0, max: 99999 }).map(String),
      fc.double({ min: 0, max: 1e7, noNaN: true }).map((d) => d.toFixed(2)),
      fc.string({ maxLength: 6 }),
    ),
    {
      maxLength: 120,
    },
  )
  .map((parts) => parts.join(''));

/** Random edits of a real text: characters deleted, duplicated, swapped; digits and units inserted. */
export function edited(text: string) {
  const edit = fc.oneof(
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 5 }) }),
    fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 20 }) }),
    fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), n: fc.constant(2) }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), n: fc.constant(0), what: fc.constantFrom('9', '0.', '万元', '%', '元', '\n', '。', '（一）', '无', '亿') }),
  );
  return fc.array(edit, { minLength: 1, maxLength: 12 }).map((edits) => {
    let t = text;
    for (const e of edits) {
      const at = t.length ? e.at % t.length : 0;
      if (e.kind === 'delete') t = t.slice(0, at) + t.slice(at + e.n);
      else if (e.kind === 'duplicate') t = t.slice(0, at + e.n) + t.slice(at, at + e.n) + t.slice(at + e.n);
      else if (e.kind === 'swap') t = t.slice(0, at) + t.slice(at + 1, at + 2) + t.slice(at, at + 1) + t.slice(at + 2);
      else t = t.slice(0, at) + ('what' in e ? e.what : '') + t.slice(at);
    }
    return t;
  });
}

/** The properties every extraction keeps, whatever the text: throws when one is broken. */
export function assertSound(text: string): void {
  const x = extractText(text, { docId: 'fuzz' });
  for (const f of x.facts) {
    FactRow.parse(f);
    if (!Number.isFinite(f.value)) throw new Error(`non-finite value ${f.value}`);
    if (text.slice(f.start, f.end) !== f.raw) throw new Error(`span ${f.start}-${f.end} does not slice back to ${JSON.stringify(f.raw)}`);
  }
  for (const d of x.diagnostics) {
    DiagnosticRow.parse(d);
    if (d.start !== null && (d.start < 0 || (d.end ?? 0) > text.length)) throw new Error(`diagnostic span out of the text: ${d.rule}`);
  }
  for (const u of x.org_units) OrgUnitRow.parse(u);
  for (const g of x.glossary) GlossaryRow.parse(g);
}
