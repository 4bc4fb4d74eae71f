/**
 * The browser side of report/document.html, first part: loading the document's entry, laying out
 * its text with the facts marked, selecting a fact (its mark highlighted and scrolled to, its row
 * in the facts table, its details), the filters and the metric's matches, and an address that
 * names a fact (`#fact=<fact_id>`: the page opens at it). Text nodes only: nothing of a document is
 * parsed as HTML. Plain JavaScript in a string (String.raw: written as the browser reads it).
 */
export const VIEWER_SCRIPT = String.raw`
let data = null;
const $ = (id) => document.getElementById(id);
const details = $('details');
const fmt = (v) => typeof v === 'number' ? v.toLocaleString('zh-CN', { maximumFractionDigits: 2 }) : String(v);
const query = new URLSearchParams(location.search);
const bundle = query.get('bundle') ?? '', wanted = query.get('doc');
/** Where a fact's columns are in its entry (documentEntry). */
const SECTION = 0, METRIC = 1, ITEM = 2, CODE = 3, ROLE = 4, VALUE = 5, UNIT = 6, RAW = 7, START = 8, END = 9, BASIS = 10, PAGE = 11, FID = 12;
/** Each fact's mark in the text: a fact whose span lies inside (or across) an earlier mark is that mark's. */
const markOf = [];
/** A fact's fact_id: the entry keeps what follows the document's id (#120-131). */
const factId = (i) => {
  const f = data.facts[i];
  const s = f[FID] ?? '#' + f[START] + '-' + f[END];
  return s.startsWith('#') ? data.id + s : s;
};
const isSet = (v) => v !== null && v !== undefined;
window.fdxDocument = (entry) => {
  if (entry.id !== wanted || data) return;
  data = entry;
  document.title = entry.id;
  const [org, year, docType, status, nFacts, errors, warnings, infos, orgId] = entry.head;
  const strong = document.createElement('strong');
  strong.textContent = entry.id;
  // the organisation, a link to its page (report.html#org=<org_id>) when it is known
  let orgNode = document.createTextNode(org ?? '');
  if (isSet(orgId)) {
    orgNode = document.createElement('a');
    orgNode.id = 'orgLink'; orgNode.href = '../report.html#org=' + encodeURIComponent(orgId); orgNode.textContent = org ?? orgId;
  }
  $('head').replaceChildren(strong, ' · ', orgNode, ' ' + (year ?? '') + ' ' + (docType ?? '') + ' · ' + status + ' · ' + nFacts + ' facts · diagnostics ' + errors + ' error / ' + warnings + ' warning / ' + infos + ' info');
  $('text').replaceChildren(layOut(entry));
  $('diags').replaceChildren(...diagnosticsOf(entry));
  $('tables').replaceChildren(...tablesOf(entry));
  for (const m of entry.metrics) $('metric').add(new Option(m, m));
  document.querySelectorAll('#text mark').forEach((m) => { m.title = m.dataset.f.split(',').map((i) => data.facts[i][METRIC] + ' ' + data.facts[i][ROLE] + ' ' + fmt(data.facts[i][VALUE])).join('\n'); });
  factsTable(entry);
  openAt(location.hash);
};
/**
 * The document's text with its facts marked (one mark per span, the facts read from it listed in
 * data-f, with those of spans inside it) and a ⚠ where each diagnostic points.
 */
function layOut(entry) {
  const text = entry.text, facts = entry.facts, diags = entry.diagnostics;
  const marks = new Map();
  facts.forEach((f, i) => {
    const key = f[START] + ':' + f[END];
    if (!marks.has(key)) marks.set(key, { start: f[START], end: f[END], facts: [] });
    marks.get(key).facts.push(i);
  });
  const sorted = [...marks.values()].sort((a, b) => a.start - b.start || b.end - a.end);
  const diagAt = new Map();
  diags.forEach((d, i) => {
    if (!isSet(d[4])) return;
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
  let last = null;
  for (const m of sorted) {
    if (m.start < pos) {
      last.dataset.f += ',' + m.facts.join(',');
      for (const i of m.facts) markOf[i] = last;
      continue;
    }
    textUntil(m.start);
    const mark = document.createElement('mark');
    mark.dataset.f = m.facts.join(',');
    mark.dataset.s = m.start;
    mark.dataset.e = m.end;
    mark.textContent = text.slice(m.start, m.end);
    for (const i of m.facts) markOf[i] = mark;
    out.append(mark);
    last = mark;
    pos = m.end;
  }
  textUntil(text.length);
  for (const [, list] of diagAt) for (const d of list) out.append(warn(d));
  for (const mark of out.querySelectorAll('mark')) mark.className = mark.dataset.f.split(',').every((i) => facts[i][METRIC] === 'unmapped') ? 'unmapped' : 'fact';
  return out;
}
if (/^docs-[0-9]+\.js$/.test(bundle)) {
  const s = document.createElement('script');
  s.src = bundle;
  s.onload = () => { if (!data) $('head').textContent = 'document not found in ' + bundle; };
  s.onerror = () => { $('head').textContent = 'cannot read ' + bundle; };
  document.body.append(s);
} else $('head').textContent = 'no document named in the address';
/** What the facts were read as: a table of each one's columns. */
function show(ids) {
  details.replaceChildren();
  for (const i of ids) {
    const [section, metric, item, code, role, value, unit, raw, , , basis, page] = data.facts[i];
    const table = document.createElement('table');
    const rows = [['metric', metric], ['item', item], ['code', code], ['role', role], ['value', fmt(value) + ' ' + unit], ['section', section], ['raw', raw]];
    if (isSet(page)) rows.push(['page', page]);
    rows.push(['basis', basis], ['fact_id', factId(i)]);
    for (const [k, v] of rows) {
      const tr = table.insertRow(); tr.insertCell().textContent = k; const td = tr.insertCell(); td.textContent = v ?? ''; td.className = 'v-' + k;
    }
    details.append(table);
  }
}
function clearSel() {
  document.querySelectorAll('.sel').forEach((x) => x.classList.remove('sel'));
}
/** Selects facts: their mark highlighted (and scrolled to), their rows in the facts table, their details. */
function selectFacts(ids, mark, { scrollText = true, scrollRows = true } = {}) {
  clearSel();
  if (mark) {
    mark.classList.add('sel');
    if (scrollText) mark.scrollIntoView({ block: 'center' });
  }
  markRows(ids, scrollRows);
  show(ids);
}
const selectFact = (i, how) => selectFacts([i], markOf[i], how);
$('text').addEventListener('click', (e) => {
  const a = e.target.closest('a.dmark');
  if (a) {
    clearSel();
    a.classList.add('sel');
    $('d' + a.dataset.d)?.classList.add('sel');
    return;
  }
  const m = e.target.closest('mark');
  if (!m || m.classList.contains('hidden')) return;
  selectFacts(m.dataset.f.split(',').map(Number), m, { scrollText: false });
});
/** Whether fact i passes the section and metric filters. */
function factShown(i) {
  const s = $('section').value, me = $('metric').value, f = data.facts[i];
  return (!s || f[SECTION] === s) && (!me || f[METRIC] === me);
}
function filter() {
  const sev = $('severity').value;
  document.querySelectorAll('#text mark').forEach((m) => m.classList.toggle('hidden', !m.dataset.f.split(',').some(factShown)));
  document.querySelectorAll('li.diag').forEach((li) => li.classList.toggle('hiddenrow', !!sev && li.dataset.sev !== sev));
  document.querySelectorAll('.dmark').forEach((a) => { a.style.display = !sev || data.diagnostics[a.dataset.d][1] === sev ? '' : 'none'; });
  renderFacts();
}
/** The chosen metric's marks in the text, in order, and which one is shown. */
let hits = [], hit = 0;
function findHits() {
  const me = $('metric').value;
  $('nav').hidden = !me;
  hits = me ? [...document.querySelectorAll('#text mark:not(.hidden)')] : [];
  if (me) goHit(0);
}
function goHit(k) {
  if (!hits.length) { $('hits').textContent = 'no match'; return; }
  hit = (k + hits.length) % hits.length;
  const m = hits[hit];
  selectFacts(m.dataset.f.split(',').map(Number).filter(factShown), m);
  $('hits').textContent = hit + 1 + ' / ' + hits.length;
}
$('prev').addEventListener('click', () => goHit(hit - 1));
$('next').addEventListener('click', () => goHit(hit + 1));
$('severity').addEventListener('change', filter);
for (const id of ['section', 'metric']) $(id).addEventListener('change', () => { filter(); findHits(); });
/** An address #fact=<fact_id> opens the document at that fact. */
function openAt(hash) {
  const id = new URLSearchParams(hash.slice(1)).get('fact');
  if (!id || !data) return;
  const i = data.facts.findIndex((_, j) => factId(j) === id);
  if (i < 0) details.textContent = 'this document has no fact ' + id;
  else selectFact(i);
}
window.addEventListener('hashchange', () => openAt(location.hash));
`;
