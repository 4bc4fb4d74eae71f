import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readdir, readlink, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { whenMissing } from '../fs-util.js';
import { DATASETS, LEGACY_STATE, namesFor, TOOL_DIR, topLevelNames } from './names.js';
import { crashPoint } from './crash.js';
import type { Ledger } from '../write/ledger.js';
import { FolderLock } from './lock.js';
import { MANIFEST, makeManifest, readManifest, type RunManifest, STATE } from './manifest.js';

/**
 * The output folder. Every run writes a new generation folder `.extract/gen-…`; when it is
 * complete (datasets, data package, report, resume state and a manifest listing every file with
 * its sha256), one atomic rename switches the link `.extract/current` to it. The names a user
 * opens — `documents.csv`, `report.html`, `report/` … — are links to `.extract/current/<name>`,
 * made once: they always show one run's whole output set, the old one until the switch and the
 * new one after it. A kill at any point leaves one or the other, never a mix.
 *
 * Only what the tool wrote is ever removed: its generations, its links, its own-prefixed temps.
 * A file of another origin where the tool would write refuses the run, unless `overwrite`.
 */
const CURRENT = 'current';
const GEN = /^gen-[0-9a-z]+-[0-9a-f]{8}$/;
const TEMP = /^\.extract-(?:link|current)-[0-9a-f]{8}\.tmp$/;
const LEGACY_TEMP = new RegExp(`^\\.(?:${DATASETS.join('|')})\\.(?:csv|json|jsonl|rows\\.jsonl)\\.[0-9a-f]{8}\\.tmp$|^\\.report-\\d+-[0-9a-z]+\\.tmp$`);

/** The output folder holds files the tool did not write where it would write. */
export class ForeignFilesError extends Error {
  readonly code = 'EOUTFOREIGN';
}

const linkTarget = (name: string) => `${TOOL_DIR}/${CURRENT}/${name}`;
const tempName = (kind: 'link' | 'current') => `.extract-${kind}-${randomBytes(4).toString('hex')}.tmp`;

export class OutputFolder {
  private constructor(
    readonly root: string,
    private readonly lock: FolderLock,
    /** Entries of another origin the user allowed to be replaced (--overwrite). */
    private readonly replace: ReadonlySet<string>,
    private readonly legacy: boolean,
  ) {}

  get toolDir(): string {
    return join(this.root, TOOL_DIR);
  }

  /**
   * Opens (creating) an output folder for a run: takes its lock, checks that every name the tool
   * writes is free or the tool's own, and removes what an interrupted run left of its temps.
   */
  static async open(root: string, options: { format: string; overwrite?: boolean }): Promise<OutputFolder> {
    await mkdir(join(root, TOOL_DIR), { recursive: true });
    const lock = await FolderLock.acquire(join(root, TOOL_DIR, 'lock'), root);
    try {
      const legacy = await hasLegacyState(root);
      const foreign = await foreignEntries(root, namesFor(options.format), legacy);
      if (foreign.length && !options.overwrite) {
        throw new ForeignFilesError(
          `${root} holds ${foreign.length === 1 ? 'an entry' : 'entries'} this tool did not write where it writes its outputs: ` +
            `${foreign.join(', ')}; choose another --out, move them, or pass --overwrite to replace them`,
        );
      }
      await removeTemps(root);
      return new OutputFolder(root, lock, new Set(foreign), legacy);
    } catch (err) {
      await lock.release();
      throw err;
    }
  }

  /** Creates the folder of a new generation. */
  async begin(): Promise<string> {
    const gen = join(this.toolDir, `gen-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`);
    await mkdir(gen);
    return gen;
  }

  /** The generation the output folder shows, or null before its first complete run. */
  async current(): Promise<string | null> {
    const name = await readlink(join(this.toolDir, CURRENT)).catch(whenMissing(null));
    return name && GEN.test(name) ? join(this.toolDir, name) : null;
  }

  /** Generations of interrupted runs (not current), oldest first: their resume state can be reused. */
  async interrupted(): Promise<string[]> {
    const current = await this.current();
    const names = (await readdir(this.toolDir)).filter((n) => GEN.test(n)).sort();
    return names.map((n) => join(this.toolDir, n)).filter((g) => g !== current);
  }

  /** The manifest of the generation shown, or null. */
  async currentManifest(): Promise<RunManifest | null> {
    const gen = await this.current();
    return gen ? readManifest(gen) : null;
  }

  /**
   * Makes a complete generation the one shown: writes its manifest, makes the links its files
   * need, switches `current` to it in one rename, then removes what no longer belongs.
   */
  async commit(gen: string, info: { version: string; format: string; bom: boolean }, ledger: Ledger): Promise<RunManifest> {
    const manifest = await makeManifest(gen, info, ledger);
    await writeFile(join(gen, MANIFEST), `${JSON.stringify(manifest, null, 1)}\n`);
    crashPoint('manifest-written');
    const names = topEntries(manifest);
    // links made before the switch point at `current`: they show the new files when it switches
    await this.link(names);
    crashPoint('links-made');
    const temp = join(this.toolDir, tempName('current'));
    await symlink(gen.slice(this.toolDir.length + 1), temp);
    await rename(temp, join(this.toolDir, CURRENT));
    crashPoint('switched');
    await this.tidy(names);
    crashPoint('tidied');
    return manifest;
  }

  /**
   * Settles the generation shown as it is (a run that found nothing to do): puts back a link a user
   * removed, and removes what an interrupted commit or run left (other generations, stale links).
   */
  async settle(): Promise<void> {
    const m = await this.currentManifest();
    if (!m) return;
    await this.link(topEntries(m));
    await this.tidy(topEntries(m));
  }

  private async link(names: readonly string[]): Promise<void> {
    for (const name of names) {
      const path = join(this.root, name);
      const entry = await lstat(path).catch(whenMissing(null));
      if (entry?.isSymbolicLink() && (await readlink(path)) === linkTarget(name)) continue;
      // a folder (the old layout's report/, or one --overwrite allowed) cannot be renamed over
      if (entry?.isDirectory()) await rm(path, { recursive: true });
      const temp = join(this.root, tempName('link'));
      await symlink(linkTarget(name), temp);
      await rename(temp, path);
    }
  }

  /** Removes links to files the generation shown does not have, other generations, the old layout's state. */
  private async tidy(names: readonly string[]): Promise<void> {
    const keep = new Set(names);
    for (const name of topLevelNames()) {
      if (keep.has(name)) continue;
      const path = join(this.root, name);
      const entry = await lstat(path).catch(whenMissing(null));
      if (entry?.isSymbolicLink() && (await readlink(path)) === linkTarget(name)) await rm(path);
      else if (entry && (this.legacy || this.replace.has(name))) await rm(path, { recursive: true });
    }
    const current = await this.current();
    for (const name of await readdir(this.toolDir)) {
      const path = join(this.toolDir, name);
      if (GEN.test(name) && path !== current) await rm(path, { recursive: true, force: true });
    }
    if (this.legacy) {
      for (const name of LEGACY_STATE) await rm(join(this.root, name), { recursive: true, force: true });
      for (const name of await readdir(this.root)) if (LEGACY_TEMP.test(name)) await rm(join(this.root, name), { recursive: true, force: true });
    }
  }

  async release(): Promise<void> {
    await this.lock.release();
  }
}

/** The top-level names of a generation's files (report/… gives report). */
function topEntries(manifest: RunManifest): string[] {
  return [...new Set(manifest.files.map((f) => f.path.split('/')[0] as string))].filter((n) => n !== MANIFEST && n !== STATE);
}

async function hasLegacyState(root: string): Promise<boolean> {
  for (const name of LEGACY_STATE) if (await lstat(join(root, name)).catch(whenMissing(null))) return true;
  return false;
}

/** Entries at names the tool writes that are not its links (nor, in the old layout, its files). */
async function foreignEntries(root: string, names: readonly string[], legacy: boolean): Promise<string[]> {
  const foreign: string[] = [];
  for (const name of names) {
    const path = join(root, name);
    const entry = await lstat(path).catch(whenMissing(null));
    if (!entry) continue;
    if (entry.isSymbolicLink() && (await readlink(path)) === linkTarget(name)) continue;
    if (legacy && (await isLegacyOutput(path, name, entry.isDirectory()))) continue;
    foreign.push(entry.isDirectory() ? `${name}/` : name);
  }
  return foreign;
}

/** In the old layout: a regular file, or report/ holding only the report's own files. */
async function isLegacyOutput(path: string, name: string, isDir: boolean): Promise<boolean> {
  if (!isDir) return true;
  if (name !== 'report') return false;
  return (await readdir(path)).every((f) => /^(?:docs-\d+\.js|document\.html)$/.test(f));
}

/** Temps an interrupted commit left: links not yet renamed into place (only the tool's own names). */
async function removeTemps(root: string): Promise<void> {
  for (const dir of [root, join(root, TOOL_DIR)]) {
    for (const name of await readdir(dir)) if (TEMP.test(name)) await rm(join(dir, name), { force: true });
  }
}
