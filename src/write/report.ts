import type { Extraction } from '../extract.js';
import { INDEX_SCRIPT } from './report-index.js';
import { ORGANISATION_SCRIPT } from './report-organisation.js';
import { PANELS_SCRIPT } from './report-panels.js';
import { VIEWER_SCRIPT } from './report-viewer.js';

/**
 * The review report: report.html lists the documents with their headline figures (each a link to
 * the fact it was read from); report.html#org=<org_id> is an organisation's page (its documents by
 * year and phase, a change of more than 30 % marked, a chart per figure); report/document.html shows one document's text with every fact
 * highlighted in place and every diagnostic marked, its facts as a sortable table, its
 * diagnostics as sentences (errors first) and its tables. The documents' entries
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
#text{flex:5;white-space:pre-wrap;word-break:break-all;border:1px solid #ddd;padding:12px;max-height:85vh;overflow:auto}
aside{flex:4;max-height:85vh;overflow:auto}
mark{background:#fff3a3;cursor:pointer;border-radius:2px}mark.unmapped{background:#e4e4e4}mark.sel{outline:2px solid #d33}
mark.hidden{background:none;cursor:auto}
.dmark{font-size:11px;vertical-align:super;text-decoration:none;cursor:pointer}
.sev-error{color:#c00}.sev-warning{color:#b60}.sev-info{color:#08a}
#details{border:1px solid #ccc;padding:8px;margin-bottom:12px;background:#fafafa;min-height:3em}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #ddd;padding:3px 6px;text-align:left;font-size:13px}
th{background:#f0f0f0;cursor:pointer;position:sticky;top:0}td.num{text-align:right}
#factsbox{max-height:45vh;overflow:auto;border:1px solid #ddd}#facts tbody tr{cursor:pointer}
#facts{table-layout:fixed;border-collapse:separate;border-spacing:0}#facts td,#facts th{font-size:12px;border-width:0 0 1px 0;overflow-wrap:anywhere;padding:2px 4px}
#facts th[data-k=metric]{width:22%}#facts th[data-k=item]{width:17%}#facts th[data-k=code]{width:7%}#facts th[data-k=role]{width:13%}#facts th[data-k=value]{width:16%}
#facts th[data-k=raw]{width:12%}#facts th[data-k=page]{width:5%}#facts th[data-k=basis]{width:11%}#facts th[data-k=flag]{width:4%}
tr.sel td{background:#fff3a3}li.diag.at{cursor:pointer}li.sel{background:#fff8d0}a.dmark.sel{outline:2px solid #d33}
.sev{font-weight:bold}li.diag code{font-size:11px;color:#666}li.diag summary{font-size:12px;color:#555;cursor:pointer}
.filters{margin:8px 0}.filters>*{margin-right:8px}
li.diag{margin-bottom:6px}li.diag pre{font-size:11px;background:#f6f6f6;padding:4px;white-space:pre-wrap;margin:2px 0}
.hiddenrow{display:none}
td.flagged{background:#fde2d8;outline:1px solid #d33}details{margin-bottom:6px}
#organisation{padding:0 20px}#orgInfo{color:#555}td.jump{background:#fde2d8}td.jump .chg{color:#c00;font-weight:bold;margin-left:4px;font-size:12px}
#charts{display:flex;flex-wrap:wrap;gap:16px;margin-top:12px}figure.chart{margin:0}figure.chart figcaption{font-size:12px;color:#444}
.legend{font-size:12px;color:#555}.legend .swatch{display:inline-block;width:18px;margin:0 4px 3px 10px;border-top:2px solid}
`;

/**
 * The part of the report a document brings, as one JSON text: its text as it was read, its facts
 * (with their offsets, PDF page and fact_id) and diagnostics (with their spans). The viewer lays
 * the text out and marks the facts in the browser, with text nodes only: nothing of a document is
 * ever parsed as HTML, and a batch run spends nothing on escaping and marking up text that may
 * never be opened.
 */
export function documentEntry(x: Extraction, text: string): string {
  const d = x.document;
  const ownId = d.doc_id + '#';
  return JSON.stringify({
    id: d.doc_id,
    head: [d.org, d.year, d.doc_type, d.status, d.facts, d.errors, d.warnings, d.infos, d.org_id],
    // the metrics present, once each, sorted
    metrics: [...new Set(x.facts.map((f) => f.metric))].sort(),
    text,
    // a fact_id is the document's id and the fact's span: the entry keeps what follows the id (#120-131)
    facts: x.facts.map((f) => [
      f.section,
      f.metric,
      f.item,
      f.code,
      f.role,
      f.value,
      f.unit,
      f.raw,
      f.start,
      f.end,
      f.basis,
      f.page,
      f.fact_id.startsWith(ownId) ? f.fact_id.slice(d.doc_id.length) : f.fact_id,
    ]),
    diagnostics: x.diagnostics.map((g) => [g.rule, g.severity, g.message, g.evidence, g.start, g.end]),
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
<span id="nav" hidden><button id="prev" title="previous match">◀</button> <span id="hits"></span> <button id="next" title="next match">▶</button></span>
</div>
<main><div id="text"></div>
<aside><div id="details">Click a highlighted figure or a fact's row to see what it was read as.</div>
<h3>Facts <span id="factCount"></span></h3>
<div class="filters"><input id="fq" placeholder="find: metric, item, code, figure …" size="32"></div>
<div id="factsbox"><table id="facts"><thead><tr></tr></thead><tbody></tbody></table></div>
<h3>Diagnostics</h3><ul id="diags"></ul>
<h3>Tables</h3><div id="tables"></div></aside></main>
<script>${VIEWER_SCRIPT}${PANELS_SCRIPT}</script>
</body></html>
`;
}

/** What the index shows of a document. */
export interface ReportRow {
  readonly page: string;
  readonly doc_id: string;
  readonly status: string;
  readonly org: string | null;
  /** The organisation (src/stages/organisation.ts): the index links it to its page, report.html#org=<org_id>. */
  readonly org_id: string | null;
  readonly org_name: string | null;
  readonly region_code: string | null;
  readonly org_level: string | null;
  readonly org_kind: string | null;
  readonly scope: string | null;
  readonly year: number | null;
  readonly doc_type: string | null;
  readonly facts: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly income: number | null;
  readonly expenditure: number | null;
  readonly three_public: number | null;
  readonly operating_costs: number | null;
  /** The fact_id each headline figure was read from (the summary's sources): the index links to it. */
  readonly income_fact: string | null;
  readonly expenditure_fact: string | null;
  readonly three_public_fact: string | null;
  readonly operating_costs_fact: string | null;
}

export function reportRow(x: Extraction, page = ''): ReportRow {
  const d = x.document;
  const s = x.summary;
  const num = (v: unknown) => (typeof v === 'number' ? v : null);
  const sources = (typeof s.sources === 'string' ? JSON.parse(s.sources) : {}) as Record<string, unknown>;
  const source = (column: string) => (typeof sources[column] === 'string' ? sources[column] : null);
  return {
    page,
    doc_id: d.doc_id,
    status: d.status,
    org: d.org,
    org_id: d.org_id ?? null,
    org_name: d.org_name ?? null,
    region_code: d.region_code ?? null,
    org_level: d.org_level ?? null,
    org_kind: d.org_kind ?? null,
    scope: d.scope ?? null,
    year: d.year,
    doc_type: d.doc_type,
    facts: d.facts,
    errors: d.errors,
    warnings: d.warnings,
    infos: d.infos,
    income: num(s.income_total),
    expenditure: num(s.expenditure_total),
    three_public: num(s.three_public_total),
    operating_costs: num(s.operating_costs_total),
    income_fact: source('income_total'),
    expenditure_fact: source('expenditure_total'),
    three_public_fact: source('three_public_total'),
    operating_costs_fact: source('operating_costs_total'),
  };
}

/** The index page: every document, filterable and sortable; a headline figure opens the document at the fact it was read from; an organisation opens its page (report.html#org=<org_id>). */
export function indexPage(rows: ReportRow[]): string {
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>Extraction report</title><style>${STYLE}</style></head>
<body><header><strong>Extraction report</strong> · ${rows.length} documents · ${rows.filter((r) => r.status === 'failed').length} failed</header>
<div id="index"><div class="filters" style="padding:0 20px"><input id="q" placeholder="filter: document, organisation, year …" size="40">
<label>status <select id="status"><option value="">all</option><option>ok</option><option>partial</option><option>failed</option></select></label>
<label><input type="checkbox" id="withErrors"> with errors or warnings</label></div>
<div style="padding:0 20px"><table id="docs"><thead><tr>
<th data-k="doc_id">document</th><th data-k="status">status</th><th data-k="org">organisation</th><th data-k="year">year</th><th data-k="doc_type">kind</th>
<th data-k="income">收入总计 (元)</th><th data-k="expenditure">支出总计 (元)</th><th data-k="three_public">“三公”经费 (元)</th>
<th data-k="facts">facts</th><th data-k="errors">errors</th><th data-k="warnings">warnings</th><th data-k="infos">infos</th></tr></thead><tbody></tbody></table></div></div>
<section id="organisation" hidden><p><a href="#" id="back">← all documents</a></p><h2 id="orgName"></h2><p id="orgInfo"></p>
<table id="orgDocs"><thead><tr><th>year</th><th>phase</th><th>kind</th><th>document</th><th>收入 (元)</th><th>支出 (元)</th><th>“三公”经费 (元)</th><th>机关运行经费 (元)</th></tr></thead><tbody></tbody></table>
<p class="legend">▲ ▼ a change of more than 30 % from the previous year of the same kind (预算 = approved, 决算 = executed)</p>
<div id="charts"></div></section>
<script type="application/json" id="data">${scriptJson(rows)}</script>
<script>${INDEX_SCRIPT}${ORGANISATION_SCRIPT}route();</script></body></html>
`;
}
