import type { Extraction } from '../extract.js';

/**
 * The review report: report.html lists the documents; report/document.html shows one document's
 * text with every fact highlighted in place and every diagnostic marked. The documents' entries
 * (their text and facts as data) are bundled into report/docs-<n>.js files of about a megabyte
 * (one file per document would cost a file creation each, the dearest part of a batch run on a
 * busy file system). Static, self-contained (no network); document text only ever becomes text
 * nodes: a `<script>` in a document is shown, never run.
 */

/** JSON safe inside a <script type="application/json"> element. */
export function scriptJson(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const STYLE = `
body{font:14px/1.6 system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0;color:#222}
header{padding:12px 20px;background:#1f3b57;color:#fff}header a{color:#cde}
main{display:flex;gap:16px;padding:12px 20px}
#text{flex:3;white-space:pre-wrap;word-break:break-all;border:1px solid #ddd;padding:12px;max-height:85vh;overflow:auto}
aside{flex:2;max-height:85vh;overflow:auto}
mark{background:#fff3a3;cursor:pointer;border-radius:2px}mark.unmapped{background:#e4e4e4}mark.sel{outline:2px solid #d33}
mark.hidden{background:none;cursor:auto}
.dmark{font-size:11px;vertical-align:super;text-decoration:none;cursor:pointer}
.sev-error{color:#c00}.sev-warning{color:#b60}.sev-info{color:#08a}
#details{border:1px solid #ccc;padding:8px;margin-bottom:12px;background:#fafafa;min-height:3em}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #ddd;padding:3px 6px;text-align:left;font-size:13px}
th{background:#f0f0f0;cursor:pointer;position:sticky;top:0}td.num{text-align:right}
.filters{margin:8px 0}.filters>*{margin-right:8px}
li.diag{margin-bottom:6px}li.diag pre{font-size:11px;background:#f6f6f6;padding:4px;white-space:pre-wrap;margin:2px 0}
.hiddenrow{display:none}
td.flagged{background:#fde2d8;outline:1px solid #d33}details{margin-bottom:6px}
`;

/**
 * The part of the report a document brings, as one JSON text: its text as it was read, its facts
 * (with their offsets) and diagnostics. The viewer lays the text out and marks the facts in the
 * browser, with text nodes only: nothing of a document is ever parsed as HTML, and a batch run
 * spends nothing on escaping and marking up text that may never be opened.
 */
export function documentEntry(x: Extraction, text: string): string {
  const d = x.document;
  return JSON.stringify({
    id: d.doc_id,
    head: [d.org, d.year, d.doc_type, d.status, d.facts, d.errors, d.warnings, d.infos],
    // the metrics present, once each, sorted
    metrics: [...new Set(x.facts.map((f) => f.metric))].sort(),
    text,
    facts: x.facts.map((f) => [f.section, f.metric, f.item, f.code, f.role, f.value, f.unit, f.raw, f.start, f.end, f.basis]),
    diagnostics: x.diagnostics.map((g) => [g.rule, g.severity, g.message, g.evidence, g.start]),
    tables: x.tables.map((t) => [t.table, t.title, t.pages, t.status, t.closes, t.reason]),
    cells: x.table_cells.map((c) => [c.table, c.title, c.row, c.row_label, c.code, c.column_label || c.column, c.side, c.raw, c.page, c.column]),
  });
}

/** How a document's entry stands in a report bundle: a call the viewer answers, `fdxDocument(<entry>);`, one per line. */
export const BUNDLE_LINE = { before: 'fdxDocument(', after: ');\n' } as const;

/** A bundle's file name; bundles are report/docs-<n>.js. */
export function bundleFile(n: number): string {
  return `docs-${n}.js`;
}

/**
 * report/document.html: one viewer for every document. Its address says the bundle and the
 * document (document.html?bundle=docs-<n>.js&doc=<doc_id>); it loads that bundle and lays out the
 * document's text with its facts marked, as text nodes (no document text is parsed as HTML).
 */
export function viewerPage(): string {
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>document</title><style>${STYLE}</style></head>
<body>
<header><a href="../report.html">← all documents</a> · <span id="head">loading…</span></header>
<div class="filters" style="padding:0 20px">
<label>section <select id="section"><option value="">all</option>${['overview', 'income', 'expenditure', 'three_public', 'other', 'glossary'].map((s) => `<option>${s}</option>`).join('')}</select></label>
<label>metric <select id="metric"><option value="">all</option></select></label>
<label>severity <select id="severity"><option value="">all</option><option>error</option><option>warning</option><option>info</option></select></label>
</div>
<main><div id="text"></div>
<aside><div id="details">Click a highlighted figure to see what it was read as.</div>
<h3>Diagnostics</h3><ul id="diags"></ul>
<h3>Tables</h3><div id="tables"></div></aside></main>
<script>
let data = null;
const details = document.getElementById('details');
const fmt = (v) => typeof v === 'number' ? v.toLocaleString('zh-CN', { maximumFractionDigits: 2 }) : String(v);
const query = new URLSearchParams(location.search);
const bundle = query.get('bundle') ?? '', wanted = query.get('doc');
window.fdxDocument = (entry) => {
  if (entry.id !== wanted || data) return;
  data = entry;
  document.title = entry.id;
  const [org, year, docType, status, nFacts, errors, warnings, infos] = entry.head;
  const head = document.getElementById('head');
  const strong = document.createElement('strong');
  strong.textContent = entry.id;
  head.replaceChildren(strong, \` · \${org ?? ''} \${year ?? ''} \${docType ?? ''} · \${status} · \${nFacts} facts · diagnostics \${errors} error / \${warnings} warning / \${infos} info\`);
  document.getElementById('text').replaceChildren(layOut(entry));
  const list = document.getElementById('diags');
  entry.diagnostics.forEach(([rule, severity, message, evidence], i) => {
    const li = document.createElement('li');
    li.className = 'diag';
    li.id = 'd' + i;
    li.dataset.sev = severity;
    const sev = document.createElement('span');
    sev.className = 'sev-' + severity;
    sev.textContent = severity;
    const code = document.createElement('code');
    code.textContent = rule;
    li.append(sev, ' ', code, ' ' + message);
    if (evidence) {
      // evidence is JSON text: laid out here, shown as text
      const pre = document.createElement('pre');
      pre.textContent = JSON.stringify(JSON.parse(evidence), null, 1);
      li.append(pre);
    }
    list.append(li);
  });
  document.getElementById('tables').replaceChildren(...tablesOf(entry));
  const metric = document.getElementById('metric');
  for (const m of entry.metrics) metric.add(new Option(m, m));
  document.querySelectorAll('mark').forEach((m) => { m.title = m.dataset.f.split(',').map((i) => data.facts[i][1] + ' ' + data.facts[i][4] + ' ' + fmt(data.facts[i][5])).join('\\n'); });
};
/**
 * Each table read: its title, pages and whether it closes, and its figures laid out by row and
 * column; a cell a diagnostic points at (a sum that does not hold, a figure the text states
 * otherwise) is marked. Text nodes only.
 */
function tablesOf(entry) {
  const flagged = new Set();
  for (const [rule, , , evidence] of entry.diagnostics) {
    if (!evidence || !rule.startsWith('table.')) continue;
    const e = JSON.parse(evidence);
    if (e.cell) flagged.add(e.cell.table + '|' + (e.cell.code || e.cell.row_label) + '|' + e.cell.column);
    for (const sum of e.sums ?? []) for (const m of sum.matchAll(/ (\\d{3,7}) /g)) flagged.add(e.table + '|' + m[1] + '|*');
  }
  return (entry.tables ?? []).map(([table, title, pages, status, closes, reason]) => {
    const box = document.createElement('details');
    const summary = document.createElement('summary');
    summary.textContent = title + ' (p. ' + (pages || '–') + ') · ' + (status === 'read' ? (closes === false ? '✗ does not close' : closes ? '✓ closes' : 'read') : 'unread: ' + reason);
    summary.className = closes === false || status === 'unread' ? 'sev-warning' : '';
    box.append(summary);
    const cells = entry.cells.filter((c) => c[0] === table && c[1] === title);
    if (!cells.length) return box;
    const columns = [...new Set(cells.map((c) => c[6] + '|' + c[5]))];
    const grid = document.createElement('table');
    const head = grid.insertRow();
    for (const h of ['code', 'row', ...columns.map((c) => c.split('|').slice(1).join('|'))]) head.insertCell().textContent = h;
    const rows = [...new Set(cells.map((c) => c[2] + '|' + c[6]))];
    for (const r of rows) {
      const inRow = cells.filter((c) => c[2] + '|' + c[6] === r);
      const tr = grid.insertRow();
      tr.insertCell().textContent = inRow[0][4];
      tr.insertCell().textContent = inRow[0][3];
      for (const col of columns) {
        const td = tr.insertCell();
        td.className = 'num';
        const c = inRow.find((x) => x[6] + '|' + x[5] === col);
        if (!c) continue;
        td.textContent = c[7];
        td.title = 'page ' + c[8];
        const key = c[0] + '|' + (c[4] || c[3]);
        if (flagged.has(key + '|' + c[9]) || flagged.has(key + '|*')) td.className = 'num flagged';
      }
    }
    box.append(grid);
    return box;
  });
}
/**
 * The document's text with its facts marked (one mark per span, the facts read from it listed in
 * data-f; a span inside an earlier one is not marked again) and a ⚠ where each diagnostic points.
 */
function layOut(entry) {
  const text = entry.text, facts = entry.facts, diags = entry.diagnostics;
  const marks = new Map();
  facts.forEach((f, i) => {
    const key = f[8] + ':' + f[9];
    if (!marks.has(key)) marks.set(key, { start: f[8], end: f[9], facts: [] });
    marks.get(key).facts.push(i);
  });
  const sorted = [...marks.values()].sort((a, b) => a.start - b.start || b.end - a.end);
  const diagAt = new Map();
  diags.forEach((d, i) => {
    if (d[4] === null) return;
    if (!diagAt.has(d[4])) diagAt.set(d[4], []);
    diagAt.get(d[4]).push(i);
  });
  const cuts = [...diagAt.keys()].sort((a, b) => a - b);
  const out = document.createDocumentFragment();
  const warn = (d) => {
    const a = document.createElement('a');
    a.className = 'dmark sev-' + diags[d][1];
    a.dataset.d = d;
    a.href = '#d' + d;
    a.textContent = '⚠';
    return a;
  };
  let pos = 0, nextCut = 0;
  const textUntil = (until) => {
    if (until <= pos) return;
    while (nextCut < cuts.length && cuts[nextCut] < pos) nextCut++;
    while (nextCut < cuts.length && cuts[nextCut] < until) {
      const c = cuts[nextCut++];
      out.append(text.slice(pos, c));
      for (const d of diagAt.get(c)) out.append(warn(d));
      diagAt.delete(c);
      pos = c;
    }
    out.append(text.slice(pos, until));
    pos = until;
  };
  for (const m of sorted) {
    if (m.start < pos) continue;
    textUntil(m.start);
    const mark = document.createElement('mark');
    mark.className = m.facts.every((i) => facts[i][1] === 'unmapped') ? 'unmapped' : 'fact';
    mark.dataset.f = m.facts.join(',');
    mark.textContent = text.slice(m.start, m.end);
    out.append(mark);
    pos = m.end;
  }
  textUntil(text.length);
  for (const [, list] of diagAt) for (const d of list) out.append(warn(d));
  return out;
}
if (/^docs-[0-9]+\\.js$/.test(bundle)) {
  const s = document.createElement('script');
  s.src = bundle;
  s.onload = () => { if (!data) document.getElementById('head').textContent = 'document not found in ' + bundle; };
  s.onerror = () => { document.getElementById('head').textContent = 'cannot read ' + bundle; };
  document.body.append(s);
} else document.getElementById('head').textContent = 'no document named in the address';
function show(ids) {
  details.replaceChildren();
  for (const i of ids) {
    const [section, metric, item, code, role, value, unit, raw, , , basis] = data.facts[i];
    const table = document.createElement('table');
    for (const [k, v] of [['metric', metric], ['item', item], ['code', code], ['role', role], ['value', fmt(value) + ' ' + unit], ['section', section], ['raw', raw], ['basis', basis]]) {
      const tr = table.insertRow(); tr.insertCell().textContent = k; const td = tr.insertCell(); td.textContent = v; td.className = 'v-' + k;
    }
    details.append(table);
  }
}
document.getElementById('text').addEventListener('click', (e) => {
  const m = e.target.closest('mark');
  if (!m || m.classList.contains('hidden')) return;
  document.querySelectorAll('mark.sel').forEach((x) => x.classList.remove('sel'));
  m.classList.add('sel');
  show(m.dataset.f.split(',').map(Number));
});
function filter() {
  const s = document.getElementById('section').value, me = document.getElementById('metric').value, sev = document.getElementById('severity').value;
  document.querySelectorAll('mark').forEach((m) => {
    const ok = m.dataset.f.split(',').some((i) => (!s || data.facts[i][0] === s) && (!me || data.facts[i][1] === me));
    m.classList.toggle('hidden', !ok);
  });
  document.querySelectorAll('li.diag').forEach((li) => li.classList.toggle('hiddenrow', !!sev && li.dataset.sev !== sev));
  document.querySelectorAll('.dmark').forEach((a) => { a.style.display = !sev || data.diagnostics[a.dataset.d][1] === sev ? '' : 'none'; });
}
for (const id of ['section', 'metric', 'severity']) document.getElementById(id).addEventListener('change', filter);
</script>
</body></html>
`;
}

/** What the index shows of a document. */
export interface ReportRow {
  readonly page: string;
  readonly doc_id: string;
  readonly status: string;
  readonly org: string | null;
  readonly year: number | null;
  readonly doc_type: string | null;
  readonly facts: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly income: number | null;
  readonly expenditure: number | null;
  readonly three_public: number | null;
}

export function reportRow(x: Extraction, page = ''): ReportRow {
  const d = x.document;
  const s = x.summary;
  const num = (v: unknown) => (typeof v === 'number' ? v : null);
  return {
    page,
    doc_id: d.doc_id,
    status: d.status,
    org: d.org,
    year: d.year,
    doc_type: d.doc_type,
    facts: d.facts,
    errors: d.errors,
    warnings: d.warnings,
    infos: d.infos,
    income: num(s.income_total),
    expenditure: num(s.expenditure_total),
    three_public: num(s.three_public_total),
  };
}

/** The index page: every document, filterable and sortable. */
export function indexPage(rows: ReportRow[]): string {
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>Extraction report</title><style>${STYLE}</style></head>
<body><header><strong>Extraction report</strong> · ${rows.length} documents · ${rows.filter((r) => r.status === 'failed').length} failed</header>
<div class="filters" style="padding:0 20px"><input id="q" placeholder="filter: document, organisation, year …" size="40">
<label>status <select id="status"><option value="">all</option><option>ok</option><option>partial</option><option>failed</option></select></label>
<label><input type="checkbox" id="withErrors"> with errors or warnings</label></div>
<div style="padding:0 20px"><table id="docs"><thead><tr>
<th data-k="doc_id">document</th><th data-k="status">status</th><th data-k="org">organisation</th><th data-k="year">year</th><th data-k="doc_type">kind</th>
<th data-k="income">收入总计 (元)</th><th data-k="expenditure">支出总计 (元)</th><th data-k="three_public">“三公”经费 (元)</th>
<th data-k="facts">facts</th><th data-k="errors">errors</th><th data-k="warnings">warnings</th><th data-k="infos">infos</th></tr></thead><tbody></tbody></table></div>
<script type="application/json" id="data">${scriptJson(rows)}</script>
<script>
const rows = JSON.parse(document.getElementById('data').textContent);
const tbody = document.querySelector('#docs tbody');
const numeric = new Set(['year', 'income', 'expenditure', 'three_public', 'facts', 'errors', 'warnings', 'infos']);
let sortKey = 'doc_id', dir = 1;
function render() {
  const q = document.getElementById('q').value.trim().toLowerCase();
  const st = document.getElementById('status').value, bad = document.getElementById('withErrors').checked;
  const shown = rows.filter((r) => (!q || [r.doc_id, r.org, r.year, r.doc_type].join(' ').toLowerCase().includes(q)) && (!st || r.status === st) && (!bad || r.errors + r.warnings > 0));
  shown.sort((a, b) => { const x = a[sortKey], y = b[sortKey]; return (x === y ? 0 : x === null ? 1 : y === null ? -1 : x < y ? -1 : 1) * dir; });
  tbody.replaceChildren();
  for (const r of shown) {
    const tr = tbody.insertRow();
    const a = document.createElement('a'); a.href = r.page; a.textContent = r.doc_id; tr.insertCell().append(a);
    for (const k of ['status', 'org', 'year', 'doc_type', 'income', 'expenditure', 'three_public', 'facts', 'errors', 'warnings', 'infos']) {
      const td = tr.insertCell(); const v = r[k];
      td.textContent = v === null || v === undefined ? '' : numeric.has(k) && k !== 'year' ? v.toLocaleString('zh-CN') : String(v);
      if (numeric.has(k)) td.className = 'num';
    }
  }
}
document.querySelectorAll('th').forEach((th) => th.addEventListener('click', () => { const k = th.dataset.k; dir = sortKey === k ? -dir : 1; sortKey = k; render(); }));
for (const id of ['q', 'status', 'withErrors']) document.getElementById(id).addEventListener('input', render);
render();
</script></body></html>
`;
}
