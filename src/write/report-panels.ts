/**
 * The browser side of report/document.html, second part: the panels beside the text. The facts
 * as a table (sortable by any column, filtered by the page's filters and a text box; a click on a
 * row selects the fact in the text), the diagnostics as sentences (errors first, their evidence
 * behind a toggle; a click on one with a span shows it in the text) and the tables read. Text
 * nodes only. Uses what report-viewer.ts defines (data, $, fmt, the fact columns, selectFact …).
 */
export const PANELS_SCRIPT = String.raw`
/** The facts table's columns: key, header, the fact's column (-1: the diagnostics that name it). */
const COLUMNS = [['metric', 'metric', METRIC], ['item', 'item', ITEM], ['code', 'code', CODE], ['role', 'role', ROLE], ['value', 'value', VALUE], ['raw', 'raw', RAW], ['page', 'page', PAGE], ['basis', 'basis', BASIS], ['flag', '⚠', -1]];
/** Rows shown at most: more are narrowed down with the filters. */
const ROW_LIMIT = 2000;
const RANK = { error: 0, warning: 1, info: 2 };
let shownColumns = [], flags = [], sortKey = '', sortDir = 1;
/**
 * The severities of the diagnostics that name each fact: by their span, or a figure of their
 * evidence with the fact's span ({"start":…,"end":…}).
 */
function flagFacts(entry) {
  const bySpan = new Map();
  entry.facts.forEach((f, i) => {
    const k = f[START] + '-' + f[END];
    if (!bySpan.has(k)) bySpan.set(k, []);
    bySpan.get(k).push(i);
  });
  const out = entry.facts.map(() => []);
  const walk = (v, spans) => {
    if (!v || typeof v !== 'object') return;
    if (typeof v.start === 'number' && typeof v.end === 'number') spans.add(v.start + '-' + v.end);
    for (const x of Object.values(v)) walk(x, spans);
  };
  for (const [, severity, , evidence, start, end] of entry.diagnostics) {
    const spans = new Set();
    if (isSet(start) && isSet(end)) spans.add(start + '-' + end);
    if (evidence) walk(JSON.parse(evidence), spans);
    for (const k of spans) for (const i of bySpan.get(k) ?? []) if (!out[i].includes(severity)) out[i].push(severity);
  }
  return out.map((s) => s.sort((a, b) => RANK[a] - RANK[b]));
}
function factsTable(entry) {
  flags = flagFacts(entry);
  const pdf = entry.facts.some((f) => isSet(f[PAGE]));
  shownColumns = COLUMNS.filter(([key]) => key !== 'page' || pdf);
  const head = document.querySelector('#facts thead tr');
  for (const [key, label] of shownColumns) {
    const th = document.createElement('th');
    th.dataset.k = key;
    th.dataset.label = label;
    th.textContent = label;
    th.title = 'sort by ' + key;
    th.addEventListener('click', () => { sortDir = sortKey === key ? -sortDir : 1; sortKey = key; renderFacts(); });
    head.append(th);
  }
  renderFacts();
}
/** A fact's value in a column, for sorting. */
function sortValue(i, key) {
  if (key === 'flag') return flags[i].length ? RANK[flags[i][0]] : null;
  const v = data.facts[i][COLUMNS.find((c) => c[0] === key)[2]];
  return v === '' ? null : v ?? null;
}
/** The facts the filters leave, sorted, as rows. */
function renderFacts() {
  if (!data) return;
  const q = $('fq').value.trim().toLowerCase(), sev = $('severity').value;
  const shown = data.facts.map((_, i) => i).filter((i) => {
    if (!factShown(i) || (sev && !flags[i].includes(sev))) return false;
    if (!q) return true;
    const f = data.facts[i];
    return [f[METRIC], f[ITEM], f[CODE], f[ROLE], f[RAW], f[BASIS], f[SECTION], fmt(f[VALUE]), String(f[VALUE])].join(' ').toLowerCase().includes(q);
  });
  if (sortKey) {
    shown.sort((a, b) => {
      const x = sortValue(a, sortKey), y = sortValue(b, sortKey);
      const c = x === y ? 0 : x === null ? 1 : y === null ? -1 : (x < y ? -1 : 1) * sortDir;
      return c || data.facts[a][START] - data.facts[b][START] || a - b;
    });
  }
  for (const th of document.querySelectorAll('#facts th')) th.textContent = th.dataset.label + (th.dataset.k === sortKey ? (sortDir > 0 ? ' ▲' : ' ▼') : '');
  const body = document.createElement('tbody');
  for (const i of shown.slice(0, ROW_LIMIT)) {
    const f = data.facts[i];
    const tr = body.insertRow();
    tr.dataset.i = i;
    tr.title = factId(i);
    for (const [key, , c] of shownColumns) {
      const td = tr.insertCell();
      td.className = 'c-' + key;
      if (key === 'value') {
        td.textContent = fmt(f[VALUE]) + ' ' + f[UNIT];
        td.dataset.v = f[VALUE];
        td.className += ' num';
      } else if (key === 'flag') {
        if (!flags[i].length) continue;
        td.textContent = '⚠';
        td.className += ' sev-' + flags[i][0];
        td.title = 'named by a diagnostic: ' + flags[i].join(', ');
      } else td.textContent = f[c] ?? '';
    }
  }
  $('facts').tBodies[0].replaceWith(body);
  $('factCount').textContent = '(' + (shown.length === data.facts.length ? shown.length : shown.length + ' of ' + data.facts.length) + (shown.length > ROW_LIMIT ? ', the first ' + ROW_LIMIT + ' shown: narrow them with the filters' : '') + ')';
}
/** Highlights the rows of these facts; scrollRows: the first one scrolled to, in the facts box only. */
function markRows(ids, scrollRows) {
  let first = null;
  for (const i of ids) {
    const tr = document.querySelector('#facts tr[data-i="' + Number(i) + '"]');
    if (!tr) continue;
    tr.classList.add('sel');
    first ??= tr;
  }
  if (!first || !scrollRows) return;
  const box = $('factsbox');
  box.scrollTop += first.getBoundingClientRect().top - box.getBoundingClientRect().top - box.clientHeight / 2;
}
$('facts').addEventListener('click', (e) => {
  const tr = e.target.closest('tbody tr');
  if (tr) selectFact(Number(tr.dataset.i), { scrollRows: false });
});
$('fq').addEventListener('input', renderFacts);
/** The diagnostics as sentences: errors, then warnings, then infos (each in text order), the evidence behind a toggle. */
function diagnosticsOf(entry) {
  const d = entry.diagnostics;
  const order = d.map((_, i) => i).sort((a, b) => RANK[d[a][1]] - RANK[d[b][1]] || (d[a][4] ?? Infinity) - (d[b][4] ?? Infinity) || a - b);
  return order.map((i) => {
    const [rule, severity, message, evidence, start] = d[i];
    const li = document.createElement('li');
    li.className = 'diag';
    li.id = 'd' + i;
    li.dataset.sev = severity;
    li.dataset.d = i;
    const sev = document.createElement('span');
    sev.className = 'sev sev-' + severity;
    sev.textContent = severity;
    const msg = document.createElement('span');
    msg.className = 'msg';
    msg.textContent = message;
    const code = document.createElement('code');
    code.textContent = rule;
    li.append(sev, ' ', msg, ' ', code);
    if (isSet(start)) {
      li.classList.add('at');
      li.title = 'show it in the text';
    }
    if (evidence) {
      const box = document.createElement('details');
      const summary = document.createElement('summary');
      summary.textContent = 'evidence';
      const pre = document.createElement('pre');
      // evidence is JSON text: laid out here, shown as text
      pre.textContent = JSON.stringify(JSON.parse(evidence), null, 1);
      box.append(summary, pre);
      li.append(box);
    }
    return li;
  });
}
$('diags').addEventListener('click', (e) => {
  const li = e.target.closest('li.diag');
  if (!li || e.target.closest('details')) return;
  const d = Number(li.dataset.d);
  const [, , , , start, end] = data.diagnostics[d];
  if (!isSet(start)) return;
  clearSel();
  li.classList.add('sel');
  const until = isSet(end) && end > start ? end : start + 1;
  const marks = [...document.querySelectorAll('#text mark')].filter((m) => Number(m.dataset.s) < until && Number(m.dataset.e) > start);
  const a = document.querySelector('#text a.dmark[data-d="' + d + '"]');
  for (const m of marks) m.classList.add('sel');
  a?.classList.add('sel');
  (marks[0] ?? a)?.scrollIntoView({ block: 'center' });
});
/**
 * Each table read: its title, pages and whether it closes, and its figures laid out by row and
 * column; a cell a diagnostic points at (a sum that does not hold, a figure the text states
 * otherwise) is marked.
 */
function tablesOf(entry) {
  const flagged = new Set();
  for (const [rule, , , evidence] of entry.diagnostics) {
    if (!evidence || !rule.startsWith('table.')) continue;
    const e = JSON.parse(evidence);
    if (e.cell) flagged.add(e.cell.table + '|' + (e.cell.code || e.cell.row_label) + '|' + e.cell.column);
    for (const sum of e.sums ?? []) for (const m of sum.matchAll(/ (\d{3,7}) /g)) flagged.add(e.table + '|' + m[1] + '|*');
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
`;
