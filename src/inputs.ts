import { type Dirent, statSync } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { dirname, join, parse, relative, resolve, sep } from 'node:path';
import { isOwnName, LEGACY_STATE, TOOL_DIR } from './output/names.js';
import type { InputFile } from './process-file.js';

const SKIP_DIRS = new Set(['node_modules', '.git']);
/** Folders nested deeper than this below an input folder are not walked (a warning says so). */
export const MAX_DEPTH = 128;
/** What standard input is called in the datasets. */
export const STDIN_ID = 'stdin';

export interface CollectOptions {
  readonly onWarning?: (message: string) => void;
  /** Output folders: never read as input (a run's --out may lie inside an input folder). */
  readonly exclude?: readonly string[];
  /** The file standard input was saved to, read where the paths say `-`. */
  readonly stdin?: string;
}

const warnOf = (options: CollectOptions) => options.onWarning ?? (() => {});
const message = (err: unknown) => (err as Error).message;
const isFsError = (err: unknown) => typeof (err as NodeJS.ErrnoException).code === 'string';

/**
 * Files under the given paths (folders walked recursively, sorted), each with its doc_id: its path
 * relative to the common folder of the inputs, so that ids are unique (a.txt in two folders gives
 * 2019/a.txt and 2020/a.txt) and stable for the same command. A file given twice, or reached twice
 * through links, is read once. Anything that is not a folder is an input, pipes and devices too: their
 * read fails with the reason (a failed row), nothing is dropped in silence. A folder that cannot be
 * listed is a warning and the walk goes on; output folders of this tool are never walked.
 */
export async function collectInputs(paths: readonly string[], options: CollectOptions = {}): Promise<InputFile[]> {
  const warn = warnOf(options);
  const excluded = new Set<string>();
  for (const p of options.exclude ?? []) {
    const real = await realpath(p).catch((err: unknown) => (isFsError(err) ? null : Promise.reject(err)));
    if (real) excluded.add(real);
  }
  const roots = await rootsOf(paths, options, warn);
  const base = commonFolder(roots.filter((r) => r.kind !== 'stdin').map((r) => (r.kind === 'dir' ? r.abs : dirname(r.abs))));
  const found: Found[] = [];
  const walker = new Walker(warn, excluded, (path, real) => found.push({ path, abs: resolve(path), real }));
  for (const r of roots) {
    if (r.kind === 'stdin') found.push({ path: r.path, abs: r.abs, real: r.abs, shown: STDIN_ID });
    else if (r.kind === 'dir') await walker.walk(r.path, 0);
    else found.push({ path: r.path, abs: r.abs, real: await realpath(r.path).catch(() => r.abs) });
  }
  return uniqueInputs(found, base, warn);
}

/** A file found: as given or walked, its absolute path (for its id), its real path (to read it once). */
interface Found {
  readonly path: string;
  readonly abs: string;
  readonly real: string;
  readonly shown?: string;
}

interface Root {
  readonly kind: 'dir' | 'file' | 'stdin';
  readonly path: string;
  readonly abs: string;
}

/** The paths as given: folders, files (a missing one is an error) and `-` (standard input, once). */
async function rootsOf(paths: readonly string[], options: CollectOptions, warn: (m: string) => void): Promise<Root[]> {
  const roots: Root[] = [];
  let stdinSeen = false;
  for (const p of paths) {
    if (p === '-') {
      if (!options.stdin) throw new Error('standard input (-) was given but not saved: pass its file as `stdin`');
      if (stdinSeen) warn('standard input (-) given twice: read once');
      else roots.push({ kind: 'stdin', path: options.stdin, abs: resolve(options.stdin) });
      stdinSeen = true;
      continue;
    }
    const info = await lstat(p);
    const isDir = info.isDirectory() || (info.isSymbolicLink() && (await stat(p).catch(() => null))?.isDirectory() === true);
    roots.push({ kind: isDir ? 'dir' : 'file', path: p, abs: resolve(p) });
  }
  return roots;
}

/** The deepest folder holding all of `dirs` (absolute); the working folder when there are none. */
function commonFolder(dirs: readonly string[]): string {
  if (!dirs.length) return process.cwd();
  const split = (d: string) => d.split(sep).filter((s, i) => i === 0 || s !== '');
  let common = split(dirs[0] as string);
  for (const d of dirs.slice(1)) {
    const parts = split(d);
    let k = 0;
    while (k < common.length && k < parts.length && common[k] === parts[k]) k++;
    common = common.slice(0, k);
  }
  return common.length <= 1 ? parse(dirs[0] as string).root : common.join(sep);
}

/** Walks folders in name order; each file found is handed to `found` with its real path. */
class Walker {
  private readonly seen = new Set<string>();

  constructor(
    private readonly warn: (m: string) => void,
    private readonly excluded: ReadonlySet<string>,
    private readonly found: (path: string, real: string) => void,
  ) {}

  async walk(dir: string, depth: number): Promise<void> {
    const isRoot = depth === 0;
    if (depth > MAX_DEPTH) {
      this.warn(`skipped ${dir}: nested deeper than ${MAX_DEPTH} folders`);
      return;
    }
    let real: string;
    let entries: Dirent[];
    try {
      real = await realpath(dir);
      if (this.seen.has(real)) {
        this.warn(`skipped ${dir}: a link back to a folder already read`);
        return;
      }
      this.seen.add(real);
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      if (!isFsError(err)) throw err;
      this.warn(`skipped ${dir}: cannot list it (${message(err)})`);
      return;
    }
    const output = this.excluded.has(real) || entries.some((e) => (e.name === TOOL_DIR || e.name === LEGACY_STATE[0]) && e.isDirectory());
    if (output && !isRoot) {
      this.warn(`skipped ${dir}: an output folder of this tool`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.') || SKIP_DIRS.has(e.name)) continue;
      const p = join(dir, e.name);
      // in an output folder given as input, the tool's own outputs are not documents
      if (output && isOwnName(e.name)) continue;
      if (!e.isSymbolicLink()) {
        if (e.isDirectory()) await this.walk(p, depth + 1);
        else this.found(p, join(real, e.name));
        continue;
      }
      const target = await stat(p).catch((err: unknown) => (isFsError(err) ? null : Promise.reject(err)));
      if (target?.isDirectory()) await this.walk(p, depth + 1);
      // a broken link is an input too: its read fails with the reason
      else this.found(p, target ? await realpath(p).catch(() => resolve(p)) : resolve(p));
    }
  }
}

/** Inputs with unique ids, each real file once (the first time it is met). */
function uniqueInputs(found: readonly Found[], base: string, warn: (m: string) => void): InputFile[] {
  const out: InputFile[] = [];
  const reals = new Set<string>();
  const ids = new Set<string>();
  for (const f of found) {
    const real = f.real;
    if (reals.has(real)) {
      warn(`${f.path}: the same file as an earlier input; read once`);
      continue;
    }
    reals.add(real);
    let id = f.shown ?? relative(base, f.abs).split(sep).join('/');
    if (ids.has(id)) {
      let k = 2;
      while (ids.has(`${id}~${k}`)) k++;
      warn(`${f.path}: its id ${id} is taken; it is ${id}~${k}`);
      id = `${id}~${k}`;
    }
    ids.add(id);
    out.push(f.shown ? { path: f.path, docId: id, shownPath: '<stdin>' } : { path: f.path, docId: id });
  }
  return out;
}
/**
 * Input bytes worth one more worker thread. Each worker pays its own start-up and warm-up (its
 * isolate compiles the hot code on its own, ≈ 1 s of CPU on this two-core machine), so a short run
 * finishes sooner on fewer workers. Measured with the corpus mix (≈ 10.5 KB a document),
 * alternating --jobs 1 and --jobs 2: one worker is faster up to ≈ 500 documents (100: 0.65 against
 * 0.76 s; 300: 1.10 against 1.23 s), even at 500 (1.33 against 1.36 s), two from ≈ 700 (1.57
 * against 1.50 s). docs/performance.md.
 */
export const BYTES_PER_WORKER = 6 * 1024 * 1024;

/**
 * How many workers a run of these inputs should have, at most `most`: one per BYTES_PER_WORKER of
 * input (rounded up), at least one. Sizes are read with one stat per file, only until there is
 * enough for `most` workers (a corpus of 100,000 files stats a thousand or so); a file that cannot
 * be stat'ed counts for nothing here (its read will fail with the reason).
 */
export function workersFor(inputs: readonly InputFile[], most: number): number {
  if (most <= 1) return 1;
  const enough = (most - 1) * BYTES_PER_WORKER;
  let bytes = 0;
  for (let k = 0; k < inputs.length && bytes <= enough; k++) bytes += sizeOf((inputs[k] as InputFile).path);
  return Math.max(1, Math.min(most, Math.ceil(bytes / BYTES_PER_WORKER)));
}

function sizeOf(path: string): number {
  try {
    const s = statSync(path, { throwIfNoEntry: false });
    return s?.isFile() ? s.size : 0;
  } catch (err) {
    // (no access, a name too long …) the worker's read of it gives the failed row and its reason
    if ((err as NodeJS.ErrnoException).code) return 0;
    throw err;
  }
}
