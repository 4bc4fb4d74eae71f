import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectInputs, workersFor } from './inputs.js';
import type { InputFile } from './process-file.js';
import { MAX_JOBS, workerCount } from './pool.js';
import { Progress } from './progress.js';
import type { Format } from './write/formats.js';

const USAGE = `usage: extract <path...> [--out DIR] [--format csv|json|jsonl|parquet] [--jobs N] [--resume] [--timeout S] [--bom] [--overwrite] [--quiet]

Reads disclosure documents (files, folders walked recursively, or - for standard input) and writes the datasets
documents, facts, summary, org_units, glossary, diagnostics, table_cells and tables into --out (default output/).

options:
  --out DIR        where the datasets go (default output/)
  --format F       csv (default, with datapackage.json), json, jsonl or parquet
  --jobs N         worker threads (default: one per 6 MB of input, up to the number of cores)
  --resume         reuse the results of an earlier or interrupted run for unchanged files
  --timeout S      per-document time limit in seconds (default 60)
  --bom            CSV files begin with a UTF-8 byte-order mark (Excel)
  --overwrite      replace files this tool did not write where it writes (else the run is refused)
  --quiet          no progress and no summary on stderr
  --version        the version
  --help           this text

examples:
  extract corpus/
  extract corpus/ --resume
  extract corpus/ --bom                  # for Excel
  cat report.txt | extract - --format json
  extract corpus/ --out results --format jsonl
  extract a.txt b.txt --format json --quiet`;

class UsageError extends Error {}

/** Workers for this run: --jobs (or one per 6 MB of input), never more than documents nor MAX_JOBS. */
function jobsFor(inputs: readonly InputFile[], args: { jobs: number; jobsGiven: boolean }, warn: (m: string) => void): number {
  const wanted = args.jobsGiven ? args.jobs : workersFor(inputs, args.jobs);
  if (wanted > MAX_JOBS) warn(`--jobs ${wanted}: at most ${MAX_JOBS} workers on this machine (each holds ≈ 60 MB)`);
  return workerCount(wanted, inputs.length);
}

function parse(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string', default: 'output' },
      format: { type: 'string', default: 'csv' },
      jobs: { type: 'string' },
      resume: { type: 'boolean', default: false },
      timeout: { type: 'string', default: '60' },
      overwrite: { type: 'boolean', default: false },
      quiet: { type: 'boolean', short: 'q', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', short: 'v', default: false },
      bom: { type: 'boolean', default: false },
    },
  });
  if (values.help) return { help: true as const };
  if (values.version) return { help: true as const, version: true };
  if (positionals.length === 0) throw new UsageError('no input: give at least one file or folder');
  const format = values.format as string;
  if (!['csv', 'json', 'jsonl', 'parquet'].includes(format)) throw new UsageError(`--format must be csv, json, jsonl or parquet, not ${format}`);
  const out = values.out as string;
  if (out === '' || out === '-') throw new UsageError(`--out must be a folder, not ${JSON.stringify(out)} (- is standard input, which is only read)`);
  const jobs = values.jobs === undefined ? availableParallelism() : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs must be a whole number ≥ 1, not ${values.jobs}`);
  const timeout = Number(values.timeout);
  if (!(timeout > 0)) throw new UsageError(`--timeout must be a number of seconds > 0, not ${values.timeout}`);
  return {
    help: false as const,
    paths: positionals,
    out,
    overwrite: values.overwrite as boolean,
    format: format as Format,
    jobs,
    /** --jobs was given: exactly that many workers, whatever the size of the run. */
    jobsGiven: values.jobs !== undefined,
    quiet: values.quiet as boolean,
    resume: values.resume as boolean,
    bom: values.bom as boolean,
    timeoutMs: timeout * 1000,
  };
}

/** Standard input saved to a temp file (read like any other input; its doc_id is `stdin`). */
async function saveStdin(): Promise<{ path: string; dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'extract-'));
  const path = join(dir, 'stdin');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  await writeFile(path, Buffer.concat(chunks));
  return { path, dir };
}

/** Exit codes: 1 some documents failed (or the run failed), 2 a usage error, 3 the output folder is in use. */
function exitCode(err: NodeJS.ErrnoException): number {
  if (err.code === 'EOUTINUSE') return 3;
  return err.code === 'ENOENT' || err.code === 'EOUTFOREIGN' ? 2 : 1;
}

/** The command line: the only place that prints or sets the exit code. */
export async function main(argv: string[]): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (err) {
    process.stderr.write(`extract: ${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    if ('version' in args) {
      const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
      process.stdout.write(`extract ${pkg.version}\n`);
    } else process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const stdin = args.paths.includes('-') ? await saveStdin() : null;
  try {
    return await runCommand(args, stdin?.path);
  } finally {
    if (stdin) await rm(stdin.dir, { recursive: true, force: true });
  }
}

async function runCommand(args: Exclude<ReturnType<typeof parse>, { help: true }>, stdin: string | undefined): Promise<number> {
  const { quiet } = args;
  const progress = new Progress(process.stderr, quiet);
  const abort = new AbortController();
  const onSignal = () => abort.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const onWarning = (m: string) => process.stderr.write(`extract: warning: ${m}\n`);
  try {
    // the run starts its workers (and owns them); without --jobs it gets one, or more when the
    // inputs are many (inputs.ts, workersFor)
    const inputs = await collectInputs(args.paths, { onWarning, exclude: [args.out], ...(stdin ? { stdin } : {}) });
    const jobs = jobsFor(inputs, args, onWarning);
    const { run } = await import('./run.js');
    const summary = await run(args.paths, {
      out: args.out,
      format: args.format,
      jobs,
      inputs,
      workers: true,
      timeoutMs: args.timeoutMs,
      resume: args.resume,
      bom: args.bom,
      overwrite: args.overwrite,
      signal: abort.signal,
      onWarning,
      onDocument: (document, done, total) => {
        if (document.status === 'failed') process.stderr.write(`${process.stderr.isTTY && !quiet ? '\r\x1b[K' : ''}extract: failed: ${document.doc_id}: ${document.error}\n`);
        progress.update(done, total);
      },
    });
    if (!quiet) {
      const d = summary.diagnostics;
      process.stderr.write(
        `extract: ${summary.documents} documents (${summary.ok} ok, ${summary.partial} partial, ${summary.failed} failed` +
          `${summary.reused ? `, ${summary.reused} reused` : ''}), ${summary.facts} facts, ` +
          `diagnostics ${d.error} error / ${d.warning} warning / ${d.info} info, ` +
          `${summary.seconds.toFixed(2)} s (${(summary.documents / Math.max(summary.seconds, 1e-3)).toFixed(0)} docs/s` +
          `${summary.workers ? `, ${summary.workers} worker${summary.workers === 1 ? '' : 's'}` : ''}) → ${args.out}\n`,
      );
    }
    if (process.env.EXTRACT_STATS) {
      await writeFile(process.env.EXTRACT_STATS, JSON.stringify({ ...summary, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
    }
    return summary.failed > 0 ? 1 : 0;
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (abort.signal.aborted) {
      process.stderr.write(`\nextract: interrupted; the previous datasets in ${args.out} are untouched. Run again with --resume to go on.\n`);
      return 130;
    }
    process.stderr.write(`extract: ${e.code === 'ENOENT' ? `no such file or folder: ${e.path}` : e.message}\n`);
    return exitCode(e);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
