import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractText } from '../src/index.js';
import { encodeExtraction } from '../src/write/encode.js';
import { ReportWriter } from '../src/write/report-writer.js';

const root = join(import.meta.dirname, '..');
const CHROMIUM = '/usr/bin/chromium';
const shots = join(import.meta.dirname, 'output');
const out = mkdtempSync(join(tmpdir(), 'report-'));
const pdfOut = mkdtempSync(join(tmpdir(), 'report-pdf-'));
let browser: Browser | null = null;
const withChromium = it.runIf(existsSync(CHROMIUM));

/** A document's report entry, as its bundle holds it (the columns of documentEntry). */
interface Entry {
  id: string;
  text: string;
  facts: Array<[string | null, string, string, string, string, number, string, string, number, number, string, number | null, string]>;
  diagnostics: Array<[string, string, string, string | null, number | null, number | null]>;
}

function entryOf(dir: string, id: string): Entry {
  const lines = readFileSync(join(dir, 'report', 'docs-0.js'), 'utf8')
    .trimEnd()
    .split('\n');
  const entry = lines.map((l) => JSON.parse(l.replace(/^fdxDocument\(/, '').replace(/\);$/, '')) as Entry).find((e) => e.id === id);
  if (!entry) throw new Error(`no entry ${id}`);
  return entry;
}

async function openDocument(dir: string, id: string): Promise<Page> {
  const page = await (browser as Browser).newPage();
  await page.goto(`${pathToFileURL(join(dir, 'report', 'document.html')).href}?bundle=docs-0.js&doc=${encodeURIComponent(id)}`);
  await page.waitForSelector('#facts tbody tr');
  return page;
}

/** Whether the element is shown inside the text's box and the window (scrolled to). */
async function inTextView(page: Page, selector: string): Promise<boolean> {
  const [box, text] = await Promise.all([page.locator(selector).boundingBox(), page.locator('#text').boundingBox()]);
  const height = page.viewportSize()?.height ?? 0;
  return !!box && !!text && box.y >= text.y && box.y + box.height <= text.y + text.height && box.y >= 0 && box.y + box.height <= height;
}

const textScroll = (page: Page) => page.evaluate('document.getElementById("text").scrollTop') as Promise<number>;

beforeAll(async () => {
  const input = mkdtempSync(join(tmpdir(), 'report-in-'));
  cpSync(join(root, 'corpus', '000_4390827485b68ec2.txt'), join(input, 'seed.txt'));
  writeFileSync(
    join(input, 'hostile.txt'),
    '某某局2019年度部门决算\n收入总计100万元。<script>window.__pwned = 1; alert(1)</script>\n<img src=x onerror="window.__pwned=2">支出总计90万元。\n',
  );
  const r = spawnSync(process.execPath, [join(root, 'bin', 'extract.js'), input, '--out', out, '--quiet'], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  const pdf = spawnSync(process.execPath, [join(root, 'bin', 'extract.js'), join(root, 'test', 'fixtures', 'pdf', 'full-003.pdf'), '--out', pdfOut, '--quiet'], {
    encoding: 'utf8',
  });
  expect(pdf.status, pdf.stderr).toBe(0);
  mkdirSync(shots, { recursive: true });
  if (existsSync(CHROMIUM)) {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe('report.html', () => {
  it('is written with every run, a viewer and bundles of documents, with no network references', () => {
    const index = readFileSync(join(out, 'report.html'), 'utf8');
    expect(index).toContain('Extraction report');
    expect(index).not.toMatch(/(?:src|href)=["']https?:/);
    expect(readFileSync(join(out, 'report', 'document.html'), 'utf8')).not.toMatch(/(?:src|href)=["']https?:/);
  });

  it("keeps a hostile document's text as data, never as HTML", () => {
    const bundle = readFileSync(join(out, 'report', 'docs-0.js'), 'utf8');
    const entries = bundle
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l.replace(/^fdxDocument\(/, '').replace(/\);$/, '')) as { id: string; text: string });
    expect(entries.find((e) => e.id === 'hostile.txt')?.text).toContain('<script>window.__pwned = 1; alert(1)</script>');
    // the viewer lays text out as text nodes: it never assigns HTML
    expect(readFileSync(join(out, 'report', 'document.html'), 'utf8')).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).not.toContain('<script>window.__pwned');
  });

  it.runIf(existsSync(CHROMIUM))('opens in Chromium: the table lists the documents, a click on a fact shows its details', async () => {
    const page = await (browser as Browser).newPage();
    await page.goto(pathToFileURL(join(out, 'report.html')).href);
    await expect.poll(() => page.locator('#docs tbody tr').count()).toBe(2);
    await page.locator('#q').fill('seed');
    await expect.poll(() => page.locator('#docs tbody tr').count()).toBe(1);
    await page.locator('#docs tbody a').first().click();
    await page.waitForSelector('mark.fact');
    const fact = page.locator('mark.fact', { hasText: '3446.12万元' }).first();
    await fact.click();
    await expect.poll(() => page.locator('#details .v-metric').first().textContent()).toBe('income.total');
    expect(await page.locator('#details .v-value').first().textContent()).toMatch(/34,461,200/);
    const evidence = await page.locator('li.diag pre').first().textContent();
    expect(JSON.parse(evidence ?? '')).toBeTypeOf('object'); // evidence laid out as JSON text
    await page.selectOption('#severity', 'warning');
    expect(await page.locator('li.diag:not(.hiddenrow)').count()).toBeGreaterThan(0);
    expect(await page.locator('li.diag.hiddenrow').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(shots, 'report-document.png'), fullPage: false });
    await page.close();
  });

  it('bundles documents into files of about a megabyte, each row linking to the bundle that holds it', async () => {
    const bundled = mkdtempSync(join(tmpdir(), 'report-bundles-'));
    const seed = readFileSync(join(root, 'corpus', '000_4390827485b68ec2.txt'), 'utf8');
    const writer = await ReportWriter.open(bundled);
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const id = `d${i}/名 称&?#.txt`; // a doc_id that needs escaping in an address
      ids.push(id);
      await writer.add(encodeExtraction(extractText(seed.repeat(1 + (i % 3) * 16), { docId: id }), 'csv'));
    }
    await writer.commit();
    const bundles = readdirSync(join(bundled, 'report')).filter((f) => f.endsWith('.js'));
    expect(bundles.length).toBeGreaterThan(1);
    expect(bundles.length).toBeLessThan(6);
    const index = readFileSync(join(bundled, 'report.html'), 'utf8');
    const rows = JSON.parse(index.match(/<script type="application\/json" id="data">(.*?)<\/script>/s)?.[1] ?? '[]') as Array<{ doc_id: string; page: string }>;
    expect(rows.map((r) => r.doc_id)).toEqual(ids);
    for (const row of rows) {
      const url = new URL(row.page, 'file:///out/');
      expect(url.pathname).toBe('/out/report/document.html');
      expect(url.searchParams.get('doc')).toBe(row.doc_id);
      const bundle = readFileSync(join(bundled, 'report', url.searchParams.get('bundle') as string), 'utf8');
      const entries = bundle
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l.replace(/^fdxDocument\(/, '').replace(/\);$/, '')) as { id: string });
      expect(entries.map((e) => e.id)).toContain(row.doc_id);
    }
  });

  it.runIf(existsSync(CHROMIUM))('runs nothing from a hostile document', async () => {
    const page = await (browser as Browser).newPage();
    let dialogs = 0;
    page.on('dialog', async (d) => {
      dialogs++;
      await d.dismiss();
    });
    await page.goto(pathToFileURL(join(out, 'report.html')).href);
    await page.locator('#docs tbody a', { hasText: 'hostile' }).click();
    await page.waitForSelector('#text');
    expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('#text').textContent()).toContain('<script>window.__pwned = 1');
    expect(dialogs).toBe(0);
    await page.close();
  });

  withChromium('shows a PDF’s tables with their figures, and marks a cell the text states otherwise', async () => {
    // a narrative mismatch planted in the bundle: the viewer must mark the cell it names
    const bundlePath = join(pdfOut, 'report', 'docs-0.js');
    const entry = JSON.parse(
      readFileSync(bundlePath, 'utf8')
        .trim()
        .replace(/^fdxDocument\(/, '')
        .replace(/\);$/, ''),
    ) as { diagnostics: unknown[] };
    const cell = { table: 'general_budget_by_function', code: '20139', row_label: '社会工作事务', column: 'total' };
    entry.diagnostics.push(['table.narrative-mismatch', 'warning', 'planted', JSON.stringify({ cell }), null]);
    writeFileSync(bundlePath, `fdxDocument(${JSON.stringify(entry)});\n`);
    const page = await (browser as Browser).newPage();
    await page.goto(`${pathToFileURL(join(pdfOut, 'report', 'document.html')).href}?bundle=docs-0.js&doc=full-003.pdf`);
    await page.waitForSelector('#tables details');
    expect(await page.locator('#tables summary', { hasText: '一般公共预算财政拨款支出决算表' }).textContent()).toMatch(/✓ closes/);
    await page.locator('#tables summary', { hasText: '一般公共预算财政拨款支出决算表' }).click();
    const flagged = page.locator('#tables td.flagged');
    await expect.poll(() => flagged.count()).toBe(1);
    expect(await flagged.textContent()).toBe('264.87');
    await page.screenshot({ path: join(shots, 'report-tables.png'), fullPage: false });
    await page.close();
  });

  withChromium('lists the facts in a table, one row per fact, sorted by value when its header is clicked and narrowed by the filters', async () => {
    const entry = entryOf(out, 'seed.txt');
    const page = await openDocument(out, 'seed.txt');
    expect(await page.locator('#facts tbody tr').count()).toBe(entry.facts.length);
    expect(await page.locator('#facts th[data-k="page"]').count()).toBe(0); // a text file has no pages
    const values = async () => (await page.locator('#facts tbody td.c-value').allTextContents()).map((t) => Number(t.split(' ')[0]?.replace(/,/g, '')));
    const ascending = (v: number[]) => v.every((x, i) => i === 0 || (v[i - 1] as number) <= x);
    expect(ascending(await values())).toBe(false); // in text order at first
    await page.locator('#facts th[data-k="value"]').click();
    const sorted = await values();
    expect(sorted).toHaveLength(entry.facts.length);
    expect(ascending(sorted)).toBe(true);
    expect(sorted).toEqual(entry.facts.map((f) => Number(f[5].toFixed(2))).sort((a, b) => a - b));
    await page.locator('#facts th[data-k="value"]').click();
    expect(ascending((await values()).reverse())).toBe(true);
    await page.selectOption('#section', 'three_public');
    expect(await page.locator('#facts tbody tr').count()).toBe(entry.facts.filter((f) => f[0] === 'three_public').length);
    await page.selectOption('#section', '');
    await page.locator('#fq').fill('3446.12万元');
    expect(await page.locator('#facts tbody td.c-raw').allTextContents()).toEqual(entry.facts.filter((f) => f[7] === '3446.12万元').map((f) => f[7]));
    await page.close();
  });

  withChromium('a click on a fact’s row highlights its mark in the text, scrolled to', async () => {
    const entry = entryOf(out, 'seed.txt');
    // the last fact in the text that has a mark of its own (no other fact's span holds it)
    const own = entry.facts.map((f, i) => ({ f, i })).filter(({ f }) => !entry.facts.some((g) => g !== f && g[8] <= f[8] && g[9] >= f[9] && g[9] - g[8] > f[9] - f[8]));
    const { f, i } = own.sort((a, b) => b.f[8] - a.f[8])[0] as (typeof own)[number];
    expect(f[8]).toBeGreaterThan(entry.text.length / 2);
    const page = await openDocument(out, 'seed.txt');
    expect(await textScroll(page)).toBe(0);
    await page.locator(`#facts tbody tr[data-i="${i}"]`).click();
    const mark = page.locator('#text mark.sel');
    expect(await mark.count()).toBe(1);
    expect((await mark.getAttribute('data-f'))?.split(',')).toContain(String(i));
    expect(await mark.textContent()).toBe(entry.text.slice(f[8], f[9]));
    expect(await textScroll(page)).toBeGreaterThan(0);
    expect(await inTextView(page, '#text mark.sel')).toBe(true);
    expect(await page.locator(`#facts tbody tr[data-i="${i}"]`).getAttribute('class')).toContain('sel');
    expect(await page.locator('#details .v-fact_id').textContent()).toBe(`seed.txt#${f[8]}-${f[9]}`);
    expect(await page.locator('#details .v-metric').textContent()).toBe(f[1]);
    await page.close();
  });

  withChromium('choosing a metric scrolls to its first match in the text, highlighted, with the count and next/previous', async () => {
    const entry = entryOf(out, 'seed.txt');
    // the metric that first appears furthest into the text
    const first = new Map<string, number>();
    for (const f of entry.facts) if (f[1] !== 'unmapped' && !first.has(f[1])) first.set(f[1], Math.min(...entry.facts.filter((g) => g[1] === f[1]).map((g) => g[8])));
    const [metric, start] = [...first].sort((a, b) => b[1] - a[1])[0] as [string, number];
    const page = await openDocument(out, 'seed.txt');
    expect(await page.locator('#nav').isVisible()).toBe(false);
    await page.selectOption('#metric', metric);
    const mark = page.locator('#text mark.sel');
    await expect.poll(() => mark.count()).toBe(1);
    expect(Number(await mark.getAttribute('data-s'))).toBeLessThanOrEqual(start);
    expect(Number(await mark.getAttribute('data-e'))).toBeGreaterThan(start);
    expect(await textScroll(page)).toBeGreaterThan(0);
    expect(await inTextView(page, '#text mark.sel')).toBe(true);
    expect(await page.locator('#details .v-metric').first().textContent()).toBe(metric);
    const matches = await page.locator('#text mark:not(.hidden)').count();
    expect(await page.locator('#hits').textContent()).toBe(`1 / ${matches}`);
    await page.locator('#prev').click(); // from the first, back to the last
    expect(await page.locator('#hits').textContent()).toBe(`${matches} / ${matches}`);
    expect(await mark.getAttribute('data-s')).toBe(await page.locator('#text mark:not(.hidden)').last().getAttribute('data-s'));
    await page.close();
  });

  withChromium('lists diagnostics as sentences, errors before warnings before infos, their JSON behind a closed toggle; a click shows one in the text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-diags-'));
    const seed = readFileSync(join(root, 'corpus', '000_4390827485b68ec2.txt'), 'utf8');
    const text = `${seed}\n其中：财政拨款收入80万元，占收入总计的120%。\n`;
    const x = extractText(text, { docId: 'errors.txt' });
    // the worst last: the page must put them in order
    const rank = { error: 0, warning: 1, info: 2 };
    const diagnostics = [...x.diagnostics].sort((a, b) => rank[b.severity] - rank[a.severity]);
    expect(diagnostics.at(-1)?.severity).toBe('error');
    expect(diagnostics[0]?.severity).toBe('info');
    const writer = await ReportWriter.open(dir);
    await writer.add(encodeExtraction({ ...x, text, diagnostics }, 'csv'));
    await writer.commit();
    const page = await openDocument(dir, 'errors.txt');
    const severities = await page.locator('li.diag').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-sev') as 'error' | 'warning' | 'info'));
    expect(severities).toHaveLength(diagnostics.length);
    expect(severities).toEqual([...severities].sort((a, b) => rank[a] - rank[b]));
    expect(severities[0]).toBe('error');
    const error = page.locator('li.diag').first();
    const message = diagnostics.find((d) => d.severity === 'error');
    expect(await error.locator('.msg').textContent()).toBe(message?.message);
    expect(await page.locator('li.diag > pre').count()).toBe(0);
    const evidence = error.locator('details');
    expect(await evidence.getAttribute('open')).toBeNull();
    expect(await evidence.locator('pre').isVisible()).toBe(false);
    expect(JSON.parse((await evidence.locator('pre').textContent()) ?? '')).toEqual(JSON.parse(message?.evidence ?? ''));
    await evidence.locator('summary').click();
    expect(await evidence.locator('pre').isVisible()).toBe(true);
    // the error is at the end of the text: a click on its sentence scrolls there
    expect(await textScroll(page)).toBe(0);
    await error.locator('.msg').click();
    const d = await error.getAttribute('data-d');
    expect(await page.locator('#text a.dmark.sel').getAttribute('data-d')).toBe(d);
    expect(await textScroll(page)).toBeGreaterThan(0);
    expect(await inTextView(page, '#text mark.sel')).toBe(true);
    expect(Number(await page.locator('#text mark.sel').first().getAttribute('data-s'))).toBe(message?.start);
    await page.screenshot({ path: join(shots, 'report-diagnostics.png'), fullPage: false });
    await page.close();
  });

  withChromium('shows the page of a PDF’s fact, in its row and in its details', async () => {
    const entry = entryOf(pdfOut, 'full-003.pdf');
    const i = entry.facts.findIndex((f) => f[1] !== 'unmapped' && (f[11] ?? 0) > 1);
    const fact = entry.facts[i];
    expect(fact?.[11]).toBeGreaterThan(1);
    const page = await openDocument(pdfOut, 'full-003.pdf');
    expect(await page.locator('#facts th[data-k="page"]').count()).toBe(1);
    const row = page.locator(`#facts tbody tr[data-i="${i}"]`);
    expect(await row.locator('td.c-page').textContent()).toBe(String(fact?.[11]));
    await row.click();
    expect(await page.locator('#details .v-page').textContent()).toBe(String(fact?.[11]));
    // and the same from its mark in the text
    await page.locator('#text mark').first().click();
    const first = Number((await page.locator('#text mark.sel').getAttribute('data-f'))?.split(',')[0]);
    expect(await page.locator('#details .v-page').first().textContent()).toBe(String(entry.facts[first]?.[11]));
    await page.close();
  });

  withChromium('the index shows each document’s income and expenditure totals, each a link that opens the document at its fact', async () => {
    const entry = entryOf(out, 'seed.txt');
    const headline = (metric: string) => entry.facts.find((f) => f[1] === metric && f[4] === 'value' && f[2] === '') as Entry['facts'][number];
    const income = headline('income.total');
    const expenditure = headline('expenditure.total');
    const page = await (browser as Browser).newPage();
    await page.goto(pathToFileURL(join(out, 'report.html')).href);
    const row = page.locator('#docs tbody tr', { hasText: 'seed.txt' });
    const link = row.locator('td[data-k="income"] a');
    expect(await link.textContent()).toBe(income[5].toLocaleString('zh-CN'));
    const factOf = async (a: typeof link) => new URL((await a.getAttribute('href')) ?? '', 'file:///x/').hash;
    expect(await factOf(link)).toBe(`#fact=${encodeURIComponent(`seed.txt#${income[8]}-${income[9]}`)}`);
    expect(await factOf(row.locator('td[data-k="expenditure"] a'))).toBe(`#fact=${encodeURIComponent(`seed.txt#${expenditure[8]}-${expenditure[9]}`)}`);
    await link.click();
    await page.waitForSelector('#text mark.sel');
    expect(await page.locator('#text mark.sel').textContent()).toBe(entry.text.slice(income[8], income[9]));
    expect(await page.locator('#details .v-fact_id').textContent()).toBe(`seed.txt#${income[8]}-${income[9]}`);
    expect(await page.locator('#details .v-metric').textContent()).toBe('income.total');
    expect(await inTextView(page, '#text mark.sel')).toBe(true);
    await page.screenshot({ path: join(shots, 'report-headline.png'), fullPage: false });
    await page.close();
  });
});

describe('an organisation’s page (report.html#org=<org_id>)', () => {
  const orgOut = mkdtempSync(join(tmpdir(), 'report-org-'));
  /** One organisation's budgets for 2018 and 2019 and its 2019 final accounts, and another organisation's budget. */
  const disclosure = (org: string, year: number, kind: '预算' | '决算', income: number, expenditure: number, threePublic?: number, operating?: number) =>
    `${org}${year}年部门${kind}\n一、收入支出${kind}总体情况\n收入总计${income}万元，支出总计${expenditure}万元。\n` +
    (threePublic === undefined ? '' : `二、“三公”经费${kind}情况\n“三公”经费${kind}${threePublic}万元。\n`) +
    (operating === undefined ? '' : `三、机关运行经费\n机关运行经费${kind}${operating}万元。\n`);
  interface Row {
    doc_id: string;
    page: string;
    org_id: string | null;
    org_name: string | null;
    year: number | null;
    doc_type: string | null;
    income: number | null;
    income_fact: string | null;
    operating_costs: number | null;
  }
  let rows: Row[] = [];
  const rowOf = (id: string) => rows.find((r) => r.doc_id === id) as Row;
  const orgPage = async (orgId: string) => {
    const page = await (browser as Browser).newPage();
    await page.goto(`${pathToFileURL(join(orgOut, 'report.html')).href}#org=${encodeURIComponent(orgId)}`);
    await page.waitForSelector('#organisation:not([hidden])');
    return page;
  };

  beforeAll(() => {
    const input = mkdtempSync(join(tmpdir(), 'report-org-in-'));
    // 2019's budget against 2018's: income +50 % (marked), expenditure +10 %, “三公” exactly +30 % (not marked), 机关运行经费 −40 % (marked)
    writeFileSync(join(input, 'a.txt'), disclosure('江苏省人民检察院', 2018, '预算', 100, 100, 20, 30));
    writeFileSync(join(input, 'b.txt'), disclosure('江苏省人民检察院', 2019, '预算', 150, 110, 26, 18));
    // the final accounts have no earlier year of their own: compared with a budget, 65 would be a jump
    writeFileSync(join(input, 'c.txt'), disclosure('江苏省人民检察院', 2019, '决算', 65, 95));
    writeFileSync(join(input, 'd.txt'), disclosure('江苏省财政厅', 2019, '预算', 500, 500));
    const r = spawnSync(process.execPath, [join(root, 'bin', 'extract.js'), input, '--out', orgOut, '--quiet'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const index = readFileSync(join(orgOut, 'report.html'), 'utf8');
    rows = JSON.parse(index.match(/<script type="application\/json" id="data">(.*?)<\/script>/s)?.[1] ?? '[]') as Row[];
  }, 60_000);

  it('the corpus: one organisation in three documents, each with its income', () => {
    const ids = ['a.txt', 'b.txt', 'c.txt'].map((id) => rowOf(id).org_id);
    expect(ids[0]).toBe('320000:人民检察院');
    expect(new Set(ids).size).toBe(1);
    expect(rowOf('d.txt').org_id).not.toBe(ids[0]);
    expect(['a.txt', 'b.txt', 'c.txt'].map((id) => rowOf(id).income)).toEqual([1_000_000, 1_500_000, 650_000]);
    expect(rowOf('b.txt').operating_costs).toBe(180_000);
    // the page is built from text nodes only
    expect(readFileSync(join(orgOut, 'report.html'), 'utf8')).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });

  withChromium('lists its documents by year, then phase, with their figures side by side; a change of more than 30 % is marked', async () => {
    const page = await orgPage(rowOf('a.txt').org_id as string);
    expect(await page.locator('#orgName').textContent()).toBe('江苏省人民检察院');
    expect(await page.locator('#index').isVisible()).toBe(false);
    const trs = page.locator('#orgDocs tbody tr');
    expect(await trs.evaluateAll((list) => list.map((tr) => tr.getAttribute('data-doc')))).toEqual(['a.txt', 'b.txt', 'c.txt']); // not d.txt
    expect(await trs.evaluateAll((list) => list.map((tr) => tr.firstElementChild?.textContent))).toEqual(['2018', '2019', '2019']);
    expect(await page.locator('#orgDocs td.phase').allTextContents()).toEqual(['预算 (approved)', '预算 (approved)', '决算 (executed)']);
    const cell = (doc: string, k: string) => page.locator(`#orgDocs tbody tr[data-doc="${doc}"] td[data-k="${k}"]`);
    const figure = async (doc: string, k: string) => cell(doc, k).locator('a').textContent();
    expect([await figure('a.txt', 'income'), await figure('a.txt', 'expenditure'), await figure('a.txt', 'three_public'), await figure('a.txt', 'operating_costs')]).toEqual([
      '1,000,000',
      '1,000,000',
      '200,000',
      '300,000',
    ]);
    expect([await figure('b.txt', 'income'), await figure('c.txt', 'income'), await figure('c.txt', 'expenditure')]).toEqual(['1,500,000', '650,000', '950,000']);
    expect(await cell('c.txt', 'three_public').textContent()).toBe('');
    // the marks: more than 30 % either way, from the previous year of the same phase
    expect(await page.locator('#orgDocs td.jump').evaluateAll((tds) => tds.map((td) => `${td.closest('tr')?.getAttribute('data-doc')} ${td.getAttribute('data-k')}`))).toEqual([
      'b.txt income',
      'b.txt operating_costs',
    ]);
    expect(await cell('b.txt', 'income').locator('.chg').textContent()).toBe('▲ +50%');
    expect(await cell('b.txt', 'operating_costs').locator('.chg').textContent()).toBe('▼ −40%');
    expect(await cell('b.txt', 'three_public').getAttribute('data-change')).toBe('+30%'); // exactly 30 %: not more
    expect(await cell('b.txt', 'expenditure').getAttribute('data-change')).toBe('+10%');
    expect(await page.locator('#orgDocs tr[data-doc="a.txt"] td[data-change], #orgDocs tr[data-doc="c.txt"] td[data-change]').count()).toBe(0);
    // a chart per figure across the years: a line for the budgets, a point for the final accounts
    expect(await page.locator('#charts figure.chart').evaluateAll((fs) => fs.map((f) => f.getAttribute('data-k')))).toEqual([
      'income',
      'expenditure',
      'three_public',
      'operating_costs',
    ]);
    const income = page.locator('#charts figure[data-k="income"] svg');
    expect(await income.locator('g[data-series="部门预算"] polyline').count()).toBe(1);
    expect(await income.locator('g[data-series="部门预算"] circle').evaluateAll((cs) => cs.map((c) => c.getAttribute('data-year')))).toEqual(['2018', '2019']);
    expect(await income.locator('g[data-series="部门决算"] circle').count()).toBe(1);
    const heights = await income.locator('g[data-series="部门预算"] circle').evaluateAll((cs) => cs.map((c) => Number(c.getAttribute('cy'))));
    expect(heights[1]).toBeLessThan(heights[0] as number); // 2019's income is higher: drawn above
    await page.screenshot({ path: join(shots, 'report-organisation.png'), fullPage: true });
    // one year only: no chart
    await page.goto(`${pathToFileURL(join(orgOut, 'report.html')).href}#org=${encodeURIComponent(rowOf('d.txt').org_id as string)}`);
    await expect.poll(() => page.locator('#orgName').textContent()).toBe('江苏省财政厅');
    expect(await page.locator('#orgDocs tbody tr').count()).toBe(1);
    expect(await page.locator('#charts figure').count()).toBe(0);
    await page.close();
  });

  withChromium('the index links each document’s organisation to its page, and back', async () => {
    const orgId = rowOf('b.txt').org_id as string;
    const page = await (browser as Browser).newPage();
    await page.goto(pathToFileURL(join(orgOut, 'report.html')).href);
    const link = page.locator('#docs tbody tr', { hasText: 'b.txt' }).locator('td[data-k="org"] a');
    expect(await link.textContent()).toBe('江苏省人民检察院');
    expect(await link.getAttribute('href')).toBe(`#org=${encodeURIComponent(orgId)}`);
    expect(await page.locator('#docs tbody tr', { hasText: 'd.txt' }).locator('td[data-k="org"] a').getAttribute('href')).toBe(
      `#org=${encodeURIComponent(rowOf('d.txt').org_id as string)}`,
    );
    await link.click();
    await page.waitForSelector('#organisation:not([hidden])');
    expect(await page.locator('#docs').isVisible()).toBe(false);
    expect(await page.locator('#orgDocs tbody tr').count()).toBe(3);
    await page.locator('#back').click();
    await page.waitForSelector('#organisation', { state: 'hidden' });
    expect(await page.locator('#docs tbody tr').count()).toBe(4);
    // and a document's page links to its organisation's
    await page.locator('#docs tbody a', { hasText: 'c.txt' }).click();
    await page.waitForSelector('#orgLink');
    await page.locator('#orgLink').click();
    await page.waitForSelector('#organisation:not([hidden])');
    expect(await page.locator('#orgName').textContent()).toBe('江苏省人民检察院');
    await page.close();
  });

  withChromium('a figure opens its document at the fact it was read from', async () => {
    const row = rowOf('b.txt');
    const page = await orgPage(row.org_id as string);
    const link = page.locator('#orgDocs tr[data-doc="b.txt"] td[data-k="income"] a');
    expect(new URL((await link.getAttribute('href')) ?? '', 'file:///x/').hash).toBe(`#fact=${encodeURIComponent(row.income_fact as string)}`);
    await link.click();
    await page.waitForSelector('#text mark.sel');
    expect(await page.locator('#text mark.sel').textContent()).toBe('150万元');
    expect(await page.locator('#details .v-fact_id').textContent()).toBe(row.income_fact);
    expect(await page.locator('#details .v-metric').textContent()).toBe('income.total');
    await page.close();
  });

  withChromium('shows an organisation’s name and id as text, whatever they hold', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-org-hostile-'));
    const name = '<img src=x onerror="window.__pwned=1">局';
    const orgId = '320000:<script>window.__pwned=2</script>&a=#b/?c%';
    const writer = await ReportWriter.open(dir);
    for (const [id, year] of [
      ['x1.txt', 2018],
      ['x2.txt', 2019],
    ] as const) {
      const x = extractText(disclosure('江苏省人民检察院', year, '预算', year === 2018 ? 100 : 200, 100), { docId: id });
      await writer.add(encodeExtraction({ ...x, document: { ...x.document, org: name, org_name: name, org_id: orgId } }, 'csv'));
    }
    await writer.commit();
    const page = await (browser as Browser).newPage();
    let dialogs = 0;
    page.on('dialog', async (d) => {
      dialogs++;
      await d.dismiss();
    });
    await page.goto(pathToFileURL(join(dir, 'report.html')).href);
    await page.locator('#docs tbody td[data-k="org"] a').first().click();
    await page.waitForSelector('#organisation:not([hidden])');
    expect(await page.locator('#orgName').textContent()).toBe(name);
    expect(await page.locator('#orgInfo').textContent()).toContain(orgId);
    expect(await page.locator('#orgDocs tbody tr').count()).toBe(2);
    expect(await page.locator('#orgDocs td.jump .chg').textContent()).toBe('▲ +100%');
    expect(await page.locator('#organisation img, #organisation script').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toBe(0);
    await page.close();
  });
});
