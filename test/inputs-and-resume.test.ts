import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { extractFiles, run } from '../src/index.js';
import { bundled, corpusOf, csvRows, extract, oneRunOf, root, scratch } from './output-helpers.js';

const [first, second] = bundled() as [string, string];
const docs = (out: string) => csvRows(join(out, 'documents.csv'));

describe('what is read as input', () => {
  it('gives a FIFO, given directly, through a link or inside a folder, a failed row, and never hangs', () => {
    const input = corpusOf([first]);
    spawnSync('mkfifo', [join(input, 'pipe.txt')]);
    symlinkSync(join(input, 'pipe.txt'), join(scratch('link-'), 'x'));
    const link = join(scratch('link-'), 'pipe-link.txt');
    symlinkSync(join(input, 'pipe.txt'), link);
    for (const args of [[input], [join(input, 'pipe.txt')], [link]]) {
      const out = scratch('out-');
      const r = extract([...args, '--out', out, '--quiet', '--timeout', '20']);
      expect(r.error).toBeUndefined(); // not killed by the 50 s limit: it ended on its own
      expect(r.status).toBe(1);
      const pipe = docs(out).find((d) => /pipe/.test(d.doc_id as string));
      expect(pipe).toMatchObject({ status: 'failed', error: expect.stringMatching(/named pipe \(FIFO\), not a file/) });
    }
  });

  it('reads a link to /dev/zero as a failed row, within memory', () => {
    const dir = scratch('in-');
    symlinkSync('/dev/zero', join(dir, 'zero.txt'));
    const out = scratch('out-');
    const stats = join(scratch('stats-'), 's.json');
    const r = extract([dir, '--out', out, '--quiet'], { EXTRACT_STATS: stats });
    expect(r.status).toBe(1);
    expect(docs(out)[0]).toMatchObject({ doc_id: 'zero.txt', status: 'failed', error: expect.stringMatching(/character device/) });
    expect((JSON.parse(readFileSync(stats, 'utf8')) as { maxRssMB: number }).maxRssMB).toBeLessThan(1024);
  });

  it('yields the good file beside a tree it cannot list, or too deep to walk, with a warning', () => {
    const dir = corpusOf([first]);
    // 20 folders of 250-character names: deeper than a path can be (ENAMETOOLONG), then 200 levels
    spawnSync('bash', ['-c', 'cd "$1" && n=$(printf "n%.0s" $(seq 250)) && for i in $(seq 20); do mkdir $n && cd $n || exit 1; done; echo 科目 > x.txt', '_', dir]);
    spawnSync('bash', ['-c', 'cd "$1" && for i in $(seq 200); do mkdir d && cd d || exit 1; done; echo 科目 > x.txt', '_', dir]);
    onTestFinished(() => void spawnSync('rm', ['-rf', dir]));
    const out = scratch('out-');
    const r = extract([dir, '--out', out, '--quiet']);
    expect(r.stderr).toMatch(/warning: skipped .*nnnn: cannot list it \((?:ENAMETOOLONG|name too long)/);
    expect(r.stderr).toMatch(/warning: skipped .*d\/d\/d: nested deeper than 128 folders/);
    expect(docs(out).map((d) => d.doc_id)).toEqual([first]);
  });

  it('quotes a carriage return in a name or a text: the CSV reads back strictly', () => {
    const dir = scratch('in-');
    writeFileSync(join(dir, 'a\rb.txt'), readFileSync(join(root, 'corpus', first), 'utf8').replace(/\n/g, '\r'));
    const out = scratch('out-');
    expect(extract([dir, '--out', out, '--quiet']).status).toBe(0);
    expect(docs(out).map((d) => d.doc_id)).toEqual(['a\rb.txt']);
    expect(csvRows(join(out, 'facts.csv')).every((f) => f.doc_id === 'a\rb.txt')).toBe(true);
  });

  it('gives unique, stable ids: the same name under two roots, a file given twice, standard input twice', () => {
    const parent = scratch('in-');
    for (const y of ['2019', '2020']) {
      mkdirSync(join(parent, y));
      cpSync(join(root, 'corpus', y === '2019' ? first : second), join(parent, y, 'a.txt'));
    }
    const out = scratch('out-');
    extract([join(parent, '2019'), join(parent, '2020'), '--out', out, '--quiet']);
    expect(oneRunOf(out)).toEqual(['2019/a.txt', '2020/a.txt']);
    extract([join(parent, '2019', 'a.txt'), join(parent, '2019'), '--out', out, '--quiet']);
    expect(oneRunOf(out)).toEqual(['a.txt']);
    const text = readFileSync(join(root, 'corpus', first), 'utf8');
    const r = extract(['-', '-', '--out', out], {}, text);
    expect(r.stderr).toMatch(/standard input \(-\) given twice: read once/);
    expect(docs(out).map((d) => [d.doc_id, d.path])).toEqual([['stdin', '<stdin>']]);
  });

  it('leaves no temp file of standard input behind, and never reads it for --out -', () => {
    const tmp = scratch('tmp-');
    const out = scratch('out-');
    expect(extract(['-', '--out', out, '--quiet'], { TMPDIR: tmp }, readFileSync(join(root, 'corpus', first), 'utf8')).status).toBe(0);
    expect(readdirSync(tmp)).toEqual([]);
    const r = extract(['-', '--out', '-'], { TMPDIR: tmp }, 'x');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--out must be a folder/);
  });

  it('starts no more workers than documents', () => {
    const stats = join(scratch('stats-'), 's.json');
    const r = extract([corpusOf([first, second]), '--out', scratch('out-'), '--jobs', '300', '--quiet'], { EXTRACT_STATS: stats });
    expect(r.status).toBe(0);
    expect((JSON.parse(readFileSync(stats, 'utf8')) as { workers: number }).workers).toBeLessThanOrEqual(2);
  });

  it('records the size and format of a document that timed out', () => {
    const out = scratch('out-');
    expect(extract([corpusOf([first]), '--out', out, '--timeout', '0.0001', '--jobs', '1', '--quiet']).status).toBe(1);
    const d = docs(out)[0];
    expect(d).toMatchObject({ status: 'failed', format: 'txt', error: expect.stringMatching(/timed out/) });
    expect(Number(d?.bytes)).toBe(statSync(join(root, 'corpus', first)).size);
  });
});

describe('--resume', () => {
  // the shown generation's state, kept outside --out (src/output/state-home.ts)
  const stateOf = (out: string) =>
    join(process.env.EXTRACT_STATE_HOME as string, createHash('sha256').update(realpathSync(out)).digest('hex').slice(0, 16), readlinkSync(join(out, '.extract', 'current')));

  it('does not reuse rows under another id when the input roots change', () => {
    const parent = scratch('in-');
    mkdirSync(join(parent, 'x'));
    cpSync(join(root, 'corpus', first), join(parent, 'x', 'a.txt'));
    const out = scratch('out-');
    extract([parent, '--out', out, '--quiet']);
    expect(oneRunOf(out)).toEqual(['x/a.txt']);
    extract([join(parent, 'x'), '--out', out, '--quiet', '--resume']);
    expect(oneRunOf(out)).toEqual(['a.txt']);
  });

  it('extracts again a file edited to the same size with its mtime restored', () => {
    const dir = corpusOf([first]);
    const path = join(dir, first);
    const out = scratch('out-');
    utimesSync(path, 1_700_000_000, 1_700_000_000);
    extract([dir, '--out', out, '--quiet']);
    const text = readFileSync(path, 'utf8');
    const digit = /\d(?=(?:\.\d+)?万元)/.exec(text) as RegExpExecArray;
    writeFileSync(path, text.slice(0, digit.index) + String((Number(digit[0]) + 1) % 10) + text.slice(digit.index + 1));
    utimesSync(path, 1_700_000_000, 1_700_000_000);
    expect(statSync(path).size).toBe(Buffer.byteLength(text));
    const r = extract([dir, '--out', out, '--resume']);
    expect(r.stderr).not.toMatch(/reused/);
    expect(docs(out)[0]?.sha256).toBe(createHash('sha256').update(readFileSync(path)).digest('hex'));
  });

  it('re-extracts records of a hand-edited state instead of trusting them', () => {
    const [, , third] = bundled() as [string, string, string];
    const dir = corpusOf([first, second]);
    const out = scratch('out-');
    extract([dir, '--out', out, '--quiet']);
    const manifest = join(stateOf(out), 'manifest.jsonl');
    const lines = readFileSync(manifest, 'utf8').trim().split('\n');
    const edited = JSON.parse(lines[0] as string) as { lengths: number[] };
    edited.lengths = edited.lengths.map((n) => n + 3);
    writeFileSync(manifest, `null\n${JSON.stringify(edited)}\n${lines[1]}\n`);
    // a new document: the datasets are written again from the state and the new extraction
    cpSync(join(root, 'corpus', third), join(dir, third));
    const r = extract([dir, '--out', out, '--resume']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/1 record\(s\) of the earlier state did not verify/);
    expect(r.stderr).toMatch(/3 documents .*1 reused/);
    const fresh = scratch('out-');
    extract([dir, '--out', fresh, '--quiet']);
    for (const name of ['documents', 'facts', 'summary']) expect(readFileSync(join(out, `${name}.csv`), 'utf8')).toBe(readFileSync(join(fresh, `${name}.csv`), 'utf8'));
  });

  it('merges the states of interrupted runs: a second kill loses nothing the first had done', () => {
    const dir = corpusOf(bundled(), 20);
    const out = scratch('out-');
    // two runs killed at the commit, each after extracting everything: their work stays for --resume
    expect(extract([dir, '--out', out, '--quiet'], { EXTRACT_CRASH_AT: 'outputs-written' }).signal).toBe('SIGKILL');
    appendFileSync(join(dir, `0-${first}`), '\n');
    expect(extract([dir, '--out', out, '--quiet', '--resume'], { EXTRACT_CRASH_AT: 'outputs-written' }).signal).toBe('SIGKILL');
    const r = extract([dir, '--out', out, '--resume']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/140 documents .*140 reused/);
    expect(oneRunOf(out)).toHaveLength(140);
  });

  it('puts back a report or data package a user deleted from an unchanged corpus', () => {
    const dir = corpusOf([first]);
    const out = scratch('out-');
    extract([dir, '--out', out, '--quiet']);
    rmSync(join(out, 'report.html'));
    rmSync(join(out, 'datapackage.json'));
    expect(extract([dir, '--out', out, '--quiet', '--resume']).status).toBe(0);
    expect(existsSync(join(out, 'report.html'))).toBe(true);
    expect(existsSync(join(out, 'datapackage.json'))).toBe(true);
    rmSync(join(out, '.extract', readlinkSync(join(out, '.extract', 'current')), 'report.html'));
    expect(extract([dir, '--out', out, '--quiet', '--resume']).status).toBe(0);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toMatch(/<html/i);
  });
});

describe('the library', () => {
  it('refuses bad options with a clear error before it opens anything', async () => {
    const out = join(scratch('out-'), 'o');
    await expect(run([join(root, 'corpus')], { out, format: 'xml' as 'csv', jobs: 1 })).rejects.toThrow(/format must be one of csv/);
    await expect(run([join(root, 'corpus')], { out, format: 'csv', jobs: Number.NaN })).rejects.toThrow(/jobs must be a whole number/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('HTML spans', () => {
  it('cover whole character references', async () => {
    const page = join(scratch('in-'), 'p.html');
    writeFileSync(page, '<html><body><p>一、收入支出决算总体情况</p><p>2023年度收入总计1&#x30;0&#19975;&#20803;，支出总计9&#57;&#19975;&#20803;。</p></body></html>');
    const found: string[] = [];
    for await (const x of extractFiles([page])) for (const f of x.facts) found.push(f.raw);
    expect(found).toEqual(expect.arrayContaining(['1&#x30;0&#19975;&#20803;', '9&#57;&#19975;&#20803;']));
    for (const raw of found) expect(raw).not.toMatch(/&[#\w]*$/);
  });
});
