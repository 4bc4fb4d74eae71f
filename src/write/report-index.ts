/**
 * The browser side of report.html, first part: the documents' table (filtered, sorted; a headline
 * figure a link to the document at the fact it was read from, an organisation a link to its page)
 * and the address that says which view is shown: `#org=<org_id>` an organisation's page
 * (report-organisation.ts), anything else the table. Text nodes only: names and figures come from
 * the documents and are never parsed as HTML. Plain JavaScript in a string (String.raw: written as
 * the browser reads it).
 */
export const INDEX_SCRIPT = String.raw`
const rows = JSON.parse(document.getElementById('data').textContent);
const tbody = document.querySelector('#docs tbody');
const numeric = new Set(['year', 'income', 'expenditure', 'three_public', 'operating_costs', 'facts', 'errors', 'warnings', 'infos']);
const isSet = (v) => v !== null && v !== undefined;
/** A figure as the tables show it. */
const fmtNum = (v) => v.toLocaleString('zh-CN');
/** The address of a document at the fact a figure of its row was read from, or null. */
function factHref(r, k) {
  const fact = r[k + '_fact'];
  return typeof fact === 'string' ? r.page + '#fact=' + encodeURIComponent(fact) : null;
}
/** A row's figure: a link to its fact when the summary names one, else text. */
function figureNode(r, k, text) {
  const href = factHref(r, k);
  if (!text || !href) return document.createTextNode(text);
  const link = document.createElement('a');
  link.href = href; link.textContent = text; link.title = 'open the document at this figure';
  return link;
}
/** The address of an organisation's page. */
const orgHref = (orgId) => '#org=' + encodeURIComponent(orgId);
function orgNode(r) {
  const text = r.org ?? r.org_name ?? r.org_id ?? '';
  if (!isSet(r.org_id)) return document.createTextNode(text);
  const link = document.createElement('a');
  link.href = orgHref(r.org_id); link.textContent = text; link.className = 'orglink';
  link.title = 'the documents of ' + (r.org_name ?? r.org_id);
  return link;
}
let sortKey = 'doc_id', dir = 1;
function render() {
  const q = document.getElementById('q').value.trim().toLowerCase();
  const st = document.getElementById('status').value, bad = document.getElementById('withErrors').checked;
  const shown = rows.filter((r) => (!q || [r.doc_id, r.org, r.org_name, r.org_id, r.year, r.doc_type].join(' ').toLowerCase().includes(q)) && (!st || r.status === st) && (!bad || r.errors + r.warnings > 0));
  shown.sort((a, b) => { const x = a[sortKey] ?? null, y = b[sortKey] ?? null; return (x === y ? 0 : x === null ? 1 : y === null ? -1 : x < y ? -1 : 1) * dir; });
  tbody.replaceChildren();
  for (const r of shown) {
    const tr = tbody.insertRow();
    const a = document.createElement('a'); a.href = r.page; a.textContent = r.doc_id; tr.insertCell().append(a);
    for (const k of ['status', 'org', 'year', 'doc_type', 'income', 'expenditure', 'three_public', 'facts', 'errors', 'warnings', 'infos']) {
      const td = tr.insertCell(); const v = r[k];
      td.dataset.k = k;
      if (k === 'org') td.append(orgNode(r));
      else td.append(figureNode(r, k, !isSet(v) ? '' : numeric.has(k) && k !== 'year' ? fmtNum(v) : String(v)));
      if (numeric.has(k)) td.className = 'num';
    }
  }
}
document.querySelectorAll('#docs th').forEach((th) => th.addEventListener('click', () => { const k = th.dataset.k; dir = sortKey === k ? -dir : 1; sortKey = k; render(); }));
for (const id of ['q', 'status', 'withErrors']) document.getElementById(id).addEventListener('input', render);
/** The organisation the address names (#org=<org_id>), or null: the documents' table. */
function orgInAddress() {
  const m = /^#org=(.*)$/s.exec(location.hash);
  if (!m) return null;
  try { return decodeURIComponent(m[1]); } catch { return m[1]; }
}
function route() {
  const org = orgInAddress();
  document.getElementById('index').hidden = org !== null;
  document.getElementById('organisation').hidden = org === null;
  if (org === null) { document.title = 'Extraction report'; render(); }
  else { showOrganisation(org); window.scrollTo(0, 0); }
}
window.addEventListener('hashchange', route);
`;
