/**
 * The browser side of report.html, second part: an organisation's page (report.html#org=<org_id>).
 * Its documents by year, then phase (预算 = approved before 决算 = executed), with the headline
 * figures side by side, each a link to the document at the fact it was read from; a figure that
 * changed by more than 30 % from the previous year of the same kind of document (the same phase
 * and scope: 部门预算 with 部门预算) is marked; and for each figure with values in at least two
 * years, a small SVG line chart across the years, one line per kind. Built with text nodes and
 * createElement(NS) only: names come from the documents. Uses the helpers of report-index.ts.
 */
export const ORGANISATION_SCRIPT = String.raw`
/** The headline figures an organisation's page shows, in its columns' order. */
const ORG_FIGURES = [['income', '收入'], ['expenditure', '支出'], ['three_public', '“三公”经费'], ['operating_costs', '机关运行经费']];
const PHASES = { '预算': 'approved', '决算': 'executed' };
const phaseOf = (r) => (r.doc_type ?? '').slice(2) || null;
/** The kind of document a row is compared with: the same phase and scope (its doc_type). */
const seriesOf = (r) => r.doc_type ?? '';
const SVG = 'http://www.w3.org/2000/svg';
/** Whether a figure moved by more than 30 % (exact for whole numbers: no 0.30000000000000004). */
const isJump = (prev, v) => prev === 0 ? v !== 0 : Math.abs(v - prev) * 10 > Math.abs(prev) * 3;
function changeText(prev, v) {
  if (prev === 0) return v > 0 ? '+∞' : '−∞';
  const pct = Math.round(((v - prev) / Math.abs(prev)) * 1000) / 10;
  return (pct > 0 ? '+' : pct < 0 ? '−' : '±') + Math.abs(pct) + '%';
}
function byYearAndPhase(a, b) {
  const ya = a.year ?? Infinity, yb = b.year ?? Infinity;
  if (ya !== yb) return ya - yb;
  const rank = (r) => ['预算', '决算'].indexOf(phaseOf(r)) >>> 0;
  const scope = (r) => ['部门', '单位'].indexOf(r.scope ?? (r.doc_type ?? '').slice(0, 2)) >>> 0;
  return rank(a) - rank(b) || scope(a) - scope(b) || (a.doc_id < b.doc_id ? -1 : a.doc_id > b.doc_id ? 1 : 0);
}
/**
 * For each row and figure, the figure it is compared with: that of the closest earlier year of the
 * same kind of document that states it (the first such document of that year).
 */
function previousFigures(docs) {
  const prev = new Map();
  for (const [k] of ORG_FIGURES) {
    const last = new Map(); // series → { year, value } of the latest earlier year seen
    const thisYear = new Map(); // series → { year, value } of the first document of the current year
    for (const r of docs) {
      if (!isSet(r.year) || !isSet(r[k])) continue;
      const s = seriesOf(r);
      const cur = thisYear.get(s);
      if (cur && cur.year !== r.year) { last.set(s, cur); thisYear.delete(s); }
      if (!thisYear.has(s)) thisYear.set(s, { year: r.year, value: r[k] });
      const before = last.get(s);
      if (before) prev.set(r.doc_id + '\u0000' + k, before);
    }
  }
  return prev;
}
function showOrganisation(orgId) {
  const docs = rows.filter((r) => r.org_id === orgId).sort(byYearAndPhase);
  const first = docs[0];
  const name = first ? first.org_name ?? first.org ?? orgId : orgId;
  document.title = name;
  document.getElementById('orgName').textContent = name;
  const info = [orgId];
  if (first) {
    for (const k of ['region_code', 'org_level', 'org_kind']) if (isSet(first[k])) info.push(first[k]);
    const names = [...new Set(docs.map((r) => r.org).filter(isSet))].filter((n) => n !== name);
    if (names.length) info.push('also named ' + names.join('、'));
    info.push(docs.length + (docs.length === 1 ? ' document' : ' documents'));
  } else info.push('no documents of this organisation in the report');
  document.getElementById('orgInfo').textContent = info.join(' · ');
  const prev = previousFigures(docs);
  const body = document.querySelector('#orgDocs tbody');
  body.replaceChildren();
  for (const r of docs) {
    const tr = body.insertRow();
    tr.dataset.doc = r.doc_id;
    const phase = phaseOf(r);
    tr.insertCell().textContent = isSet(r.year) ? String(r.year) : '';
    const ph = tr.insertCell(); ph.className = 'phase';
    ph.textContent = phase ? phase + (PHASES[phase] ? ' (' + PHASES[phase] + ')' : '') : '';
    tr.insertCell().textContent = r.doc_type ?? '';
    const a = document.createElement('a'); a.href = r.page; a.textContent = r.doc_id; tr.insertCell().append(a);
    for (const [k] of ORG_FIGURES) {
      const td = tr.insertCell(); td.dataset.k = k; td.className = 'num';
      if (!isSet(r[k])) continue;
      td.append(figureNode(r, k, fmtNum(r[k])));
      const before = prev.get(r.doc_id + '\u0000' + k);
      if (!before) continue;
      const change = changeText(before.value, r[k]);
      td.dataset.change = change;
      td.title = change + ' from ' + fmtNum(before.value) + ' in ' + before.year + ' (' + (r.doc_type ?? '') + ')';
      if (!isJump(before.value, r[k])) continue;
      td.classList.add('jump');
      const mark = document.createElement('span');
      mark.className = 'chg';
      mark.textContent = (r[k] > before.value ? '▲ ' : '▼ ') + change;
      td.append(mark);
    }
  }
  const charts = document.getElementById('charts');
  charts.replaceChildren();
  const series = [...new Set(docs.map(seriesOf))];
  for (const [k, label] of ORG_FIGURES) {
    const years = new Set(docs.filter((r) => isSet(r.year) && isSet(r[k])).map((r) => r.year));
    if (years.size >= 2) charts.append(chartOf(docs, k, label, series));
  }
  if (charts.childElementCount) charts.prepend(legendOf(series));
}
const colourOf = (s) => s.endsWith('决算') ? '#c0392b' : '#1f6fb4';
const dashOf = (s) => s.startsWith('单位') ? '4 3' : '';
function legendOf(series) {
  const p = document.createElement('p');
  p.className = 'legend';
  p.style.flexBasis = '100%';
  for (const s of series) {
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.borderTopColor = colourOf(s);
    if (dashOf(s)) swatch.style.borderTopStyle = 'dashed';
    p.append(swatch, s || '(kind unknown)');
  }
  return p;
}
function svg(tag, attrs) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}
/** A small line chart of one figure across the years: one line per kind of document, a point per year (a link to its fact). */
function chartOf(docs, k, label, series) {
  const W = 260, H = 96, L = 8, R = 8, T = 10, B = 20;
  const points = docs.filter((r) => isSet(r.year) && isSet(r[k]));
  const years = [...new Set(points.map((r) => r.year))].sort((a, b) => a - b);
  const y0 = years[0], y1 = years[years.length - 1];
  const values = points.map((r) => r[k]);
  const lo = Math.min(0, ...values), hi = Math.max(0, ...values);
  const x = (year) => L + ((year - y0) / (y1 - y0)) * (W - L - R);
  const y = (v) => T + (hi === lo ? 0.5 : (hi - v) / (hi - lo)) * (H - T - B);
  const fig = document.createElement('figure');
  fig.className = 'chart';
  fig.dataset.k = k;
  const caption = document.createElement('figcaption');
  caption.textContent = label;
  const chart = svg('svg', { width: W, height: H, viewBox: '0 0 ' + W + ' ' + H, role: 'img' });
  const title = svg('title', {});
  title.textContent = label + ', ' + y0 + '–' + y1;
  chart.append(title, svg('line', { x1: L, x2: W - R, y1: y(0), y2: y(0), stroke: '#bbb' }));
  for (const year of years.length <= 8 ? years : [y0, y1]) {
    const t = svg('text', { x: x(year), y: H - 5, 'text-anchor': year === y0 ? 'start' : year === y1 ? 'end' : 'middle', 'font-size': 10, fill: '#555' });
    t.textContent = String(year);
    chart.append(t);
  }
  for (const s of series) {
    const seen = new Set();
    const own = points.filter((r) => seriesOf(r) === s && !seen.has(r.year) && seen.add(r.year));
    if (!own.length) continue;
    const g = svg('g', { 'data-series': s });
    if (own.length > 1) {
      const line = svg('polyline', { points: own.map((r) => x(r.year) + ',' + y(r[k])).join(' '), fill: 'none', stroke: colourOf(s), 'stroke-width': 1.5 });
      if (dashOf(s)) line.setAttribute('stroke-dasharray', dashOf(s));
      g.append(line);
    }
    for (const r of own) {
      const dot = svg('circle', { cx: x(r.year), cy: y(r[k]), r: 3, fill: colourOf(s), 'data-year': r.year });
      const tip = svg('title', {});
      tip.textContent = r.year + ' ' + s + ': ' + fmtNum(r[k]);
      dot.append(tip);
      const href = factHref(r, k);
      if (href) { const a = svg('a', { href }); a.append(dot); g.append(a); } else g.append(dot);
    }
    chart.append(g);
  }
  fig.append(caption, chart);
  return fig;
}
`;
