import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsvStrict } from './csv-strict.js';

export const root = join(import.meta.dirname, '..');
export const bin = join(root, 'bin', 'extract.js');

/** Runs the command line (killed after 50 s: a hang fails the test instead of stalling it). */
export const extract = (args: string[], env: Record<string, string> = {}, input?: string) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root, timeout: 50_000, env: { ...process.env, ...env }, ...(input === undefined ? {} : { input }) });

export const scratch = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

/** A folder with the named bundled documents, copied `copies` times (`<i>-<name>`). */
export function corpusOf(names: readonly string[], copies = 1): string {
  const dir = scratch('out-in-');
  for (let i = 0; i < copies; i++) for (const f of names) cpSync(join(root, 'corpus', f), join(dir, copies === 1 ? f : `${i}-${f}`));
  return dir;
}

export const bundled = () => readdirSync(join(root, 'corpus')).sort();

/** A CSV dataset's records as objects (read strictly, as Python's csv module would). */
export function csvRows(path: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsvStrict(readFileSync(path, 'utf8').replace(/^\ufeff/, ''));
  return rows.map((r) => Object.fromEntries((header ?? []).map((h, i) => [h, r[i] ?? ''])));
}

/**
 * The doc_ids of the run an output folder shows, after checking that its CSV datasets, data
 * package and report all come from that one run: summary and report list exactly its documents,
 * facts and diagnostics only its documents, and every document's fact count is in facts.
 */
export function oneRunOf(out: string): string[] {
  const docs = csvRows(join(out, 'documents.csv'));
  const ids = docs.map((d) => d.doc_id as string).sort();
  const set = new Set(ids);
  if (set.size !== ids.length) throw new Error(`documents.csv repeats an id: ${ids.join(' ')}`);
  const summary = csvRows(join(out, 'summary.csv'))
    .map((r) => r.doc_id as string)
    .sort();
  if (summary.join('\n') !== ids.join('\n')) throw new Error(`summary ${summary.join(' ')} ≠ documents ${ids.join(' ')}`);
  const facts = new Map<string, number>();
  for (const f of csvRows(join(out, 'facts.csv'))) facts.set(f.doc_id as string, (facts.get(f.doc_id as string) ?? 0) + 1);
  for (const d of docs) {
    if ((facts.get(d.doc_id as string) ?? 0) !== Number(d.facts)) throw new Error(`${d.doc_id}: ${d.facts} facts in documents, ${facts.get(d.doc_id as string) ?? 0} in facts`);
  }
  for (const id of facts.keys()) if (!set.has(id)) throw new Error(`facts of ${id}, not a document of this run`);
  for (const d of csvRows(join(out, 'diagnostics.csv'))) if (!set.has(d.doc_id as string)) throw new Error(`a diagnostic of ${d.doc_id}, not a document of this run`);
  const report = readFileSync(join(out, 'report.html'), 'utf8');
  for (const id of ids) if (!report.includes(JSON.stringify(id).slice(1, -1))) throw new Error(`the report does not list ${id}`);
  if (!existsSync(join(out, 'datapackage.json'))) throw new Error('no datapackage.json');
  return ids;
}

export function mkdirs(...paths: string[]): void {
  for (const p of paths) mkdirSync(p, { recursive: true });
}
