import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file atomically: chunks go to a temp file beside the target, which is flushed and
 * renamed over it only when complete. An interrupted run leaves the previous file whole.
 */
export class AtomicFile {
  private constructor(
    private readonly target: string,
    private readonly temp: string,
    private readonly handle: Awaited<ReturnType<typeof open>>,
  ) {}

  static async create(target: string): Promise<AtomicFile> {
    const temp = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
    return new AtomicFile(target, temp, await open(temp, 'w'));
  }

  async write(chunk: string): Promise<void> {
    await this.handle.write(chunk);
  }

  async commit(): Promise<void> {
    await this.handle.sync();
    await this.handle.close();
    await rename(this.temp, this.target);
  }

  async abort(): Promise<void> {
    await this.handle.close();
    await rm(this.temp, { force: true });
  }
}
