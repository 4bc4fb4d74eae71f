import { hostname } from 'node:os';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';

/** What a lock file holds: who took it. */
interface Holder {
  readonly pid: number;
  readonly host: string;
  readonly started: string;
}

/** The output folder is being written by another run (this or another process). */
export class FolderInUseError extends Error {
  readonly code = 'EOUTINUSE';
}

/** Whether a process of this machine is alive (EPERM: alive, but someone else's). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parseHolder(text: string): Holder | null {
  try {
    const h = JSON.parse(text) as Partial<Holder>;
    return Number.isInteger(h.pid) && typeof h.host === 'string' ? (h as Holder) : null;
  } catch (err) {
    if (err instanceof SyntaxError) return null;
    throw err;
  }
}

/** Locks held by this process, by path: a second run in the same process is refused too. */
const held = new Set<string>();

/**
 * A lock on an output folder: a file created exclusively, holding the pid, the host and the start
 * time. A lock whose process is gone (same host, pid not alive) is stale and taken over; a lock
 * of a live process, or of another host (which cannot be checked), refuses the run.
 */
export class FolderLock {
  private constructor(private readonly path: string) {}

  static async acquire(path: string, folder: string): Promise<FolderLock> {
    const me: Holder = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
    for (let attempt = 0; attempt < 3; attempt++) {
      if (held.has(path)) throw new FolderInUseError(`${folder} is in use by another run of this process`);
      try {
        const fh = await open(path, 'wx');
        try {
          await fh.writeFile(JSON.stringify(me));
        } finally {
          await fh.close();
        }
        held.add(path);
        return new FolderLock(path);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      const text = await readFile(path, 'utf8').catch((err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? null : Promise.reject(err)));
      if (text === null) continue; // released meanwhile
      const holder = parseHolder(text);
      // a lock file being written right now is empty for a moment: that holder is alive
      if (holder === null && text === '') throw new FolderInUseError(`${folder} is in use by another run (its lock is being taken)`);
      if (holder && (holder.host !== me.host || alive(holder.pid))) {
        throw new FolderInUseError(
          `${folder} is in use by another run (pid ${holder.pid} on ${holder.host}, since ${holder.started}); ` +
            `wait for it to finish${holder.host !== me.host ? `, or remove ${path} if that run is gone` : ''}`,
        );
      }
      // stale (its process is gone) or unreadable: moved aside under a name of its own, so that two
      // runs taking over the same stale lock do not remove each other's new one
      const aside = `${path}.stale.${randomBytes(4).toString('hex')}`;
      try {
        await rename(path, aside);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
        continue;
      }
      const moved = await readFile(aside, 'utf8');
      if (moved !== text) {
        // another run took the lock between our read and the rename: give it back
        await rename(aside, path);
        throw new FolderInUseError(`${folder} is in use by another run`);
      }
      await rm(aside, { force: true });
    }
    throw new FolderInUseError(`${folder}: could not take the lock ${path}`);
  }

  async release(): Promise<void> {
    held.delete(this.path);
    await rm(this.path, { force: true });
  }
}
