import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { run } from './run.js';
import type { Format } from './write/formats.js';

const USAGE = `usage: extract <path...> [--out DIR] [--format csv|json|jsonl] [--jobs N] [--force] [--quiet]

Reads disclosure documents (files, or folders walked recursively) and writes the datasets
documents, facts, summary, org_units, glossary and diagnostics into --out (default output/).

examples:
  extract corpus/
  extract corpus/ --out results --format jsonl
  extract a.txt b.txt --format json --quiet`;

class UsageError extends Error {}

function parse(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string', default: 'output' },
      format: { type: 'string', default: 'csv' },
      jobs: { type: 'string' },
      force: { type: 'boolean', default: false },
      quiet: { type: 'boolean', short: 'q', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return { help: true as const };
  if (positionals.length === 0) throw new UsageError('no input: give at least one file or folder');
  const format = values.format as string;
  if (!['csv', 'json', 'jsonl'].includes(format)) throw new UsageError(`--format must be csv, json or jsonl, not ${format}`);
  const jobs = values.jobs === undefined ? availableParallelism() : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs must be a whole number ≥ 1, not ${values.jobs}`);
  return { help: false as const, paths: positionals, out: values.out as string, format: format as Format, jobs, quiet: values.quiet as boolean };
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
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const { quiet } = args;
  try {
    const summary = await run(args.paths, {
      out: args.out,
      format: args.format,
      jobs: args.jobs,
      onWarning: (m) => process.stderr.write(`extract: warning: ${m}\n`),
      onDocument: (x) => {
        if (x.document.status === 'failed') process.stderr.write(`extract: failed: ${x.document.doc_id}: ${x.document.error}\n`);
      },
    });
    if (!quiet) {
      const d = summary.diagnostics;
      process.stderr.write(
        `extract: ${summary.documents} documents (${summary.ok} ok, ${summary.partial} partial, ${summary.failed} failed), ` +
          `${summary.facts} facts, diagnostics ${d.error} error / ${d.warning} warning / ${d.info} info, ` +
          `${summary.seconds.toFixed(2)} s → ${args.out}\n`,
      );
    }
    return summary.failed > 0 ? 1 : 0;
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    process.stderr.write(`extract: ${e.code === 'ENOENT' ? `no such file or folder: ${e.path}` : e.message}\n`);
    return e.code === 'ENOENT' ? 2 : 1;
  }
}
