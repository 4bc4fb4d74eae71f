import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractText } from '../src/index.js';
import { encodeExtraction } from '../src/write/encode.js';
import { ReportWriter } from '../src/write/report-writer.js';

const root = join(import.meta.dirname, '..');
const CHROMIUM = '/usr/bin/chromium';
const shots = join(import.meta.dirname, 'output');
const out = mkdtempSync(join(tmpdir(), 'report-'));
let browser: Browser | null = null;

beforeAll(async () => {
  const input = mkdtempSync(join(tmpdir(), 'report-in-'));
  cpSync(join(root, 'corpus', '000_4390827485b68ec2.txt'), join(input, 'seed.txt'));
  writeFileSync(
    join(input, 'hostile.txt'),
    '某某局2019年度部门决算\n收入总计100万元。<script>window.__pwned = 1; alert(1)</script>\n<img src=x onerror="window.__pwned=2">支出总计90万元。\n',
  );
  const r = spawnSync(process.execPath, [join(root, 'bin', 'extract.js'), input, '--out', out, '--quiet'], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
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

  it.runIf(existsSync(CHROMIUM))('shows a PDF’s tables with their figures, and marks a cell the text states otherwise', async () => {
    const pdfOut = mkdtempSync(join(tmpdir(), 'report-pdf-'));
    const r = spawnSync(process.execPath, [join(root, 'bin', 'extract.js'), join(root, 'test', 'fixtures', 'pdf', 'full-003.pdf'), '--out', pdfOut, '--quiet'], {
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
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
});
