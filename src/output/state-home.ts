import { createHash } from 'node:crypto';
import { mkdir, readdir, realpath, rm } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';

/**
 * Where the resume state of an output folder lives: outside it, so that nothing a user publishes
 * from `--out` carries it. `EXTRACT_STATE_HOME` if set, else `$XDG_CACHE_HOME/fiscal-disclosure-extract`
 * (`~/.cache/…`), one folder per output folder (named by a hash of its real path), one sub-folder
 * per generation of it.
 */
export async function stateHome(out: string): Promise<string> {
  const base = process.env.EXTRACT_STATE_HOME ?? join(process.env.XDG_CACHE_HOME ?? join(homedir() || tmpdir(), '.cache'), 'fiscal-disclosure-extract');
  const real = await realpath(out).catch(() => resolve(out));
  const home = join(base, createHash('sha256').update(real).digest('hex').slice(0, 16));
  await mkdir(home, { recursive: true });
  return home;
}

/** The state folder of one generation of an output folder. */
export const generationState = (home: string, generation: string): string => join(home, basename(generation));

/** Removes the states of generations the output folder no longer has. */
export async function pruneStates(home: string, generations: readonly string[]): Promise<void> {
  const live = new Set(generations.map((g) => basename(g)));
  for (const name of await readdir(home)) if (!live.has(name)) await rm(join(home, name), { recursive: true, force: true });
}
