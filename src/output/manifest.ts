import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Ledger } from '../write/ledger.js';

/** The file of a generation that lists its files; written last, before the generation is switched in. */
export const MANIFEST = 'manifest.json';
/** The generation's resume state: kept with it, never listed among its outputs. */
export const STATE = 'state';

const ManifestSchema = z.object({
  tool: z.literal('fiscal-disclosure-extract'),
  version: z.string(),
  format: z.string(),
  bom: z.boolean(),
  created: z.string(),
  files: z.array(z.object({ path: z.string(), bytes: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
});
export type RunManifest = z.infer<typeof ManifestSchema>;

/** A file's sha256 and size, read through once. */
async function digest(path: string): Promise<{ bytes: number; sha256: string }> {
  const h = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    h.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { bytes, sha256: h.digest('hex') };
}

/** The output files of a generation folder (its state and manifest aside), relative, sorted. */
async function outputFiles(gen: string): Promise<string[]> {
  const all: string[] = [];
  for (const e of await readdir(gen, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const rel = join(e.parentPath, e.name).slice(gen.length + 1).split('\\').join('/');
    if (rel === MANIFEST || rel.startsWith(`${STATE}/`)) continue;
    all.push(rel);
  }
  return all.sort();
}

/**
 * Lists every output file of a generation with its size and sha256: as its writer recorded them
 * in `ledger`, or read (a file no writer recorded).
 */
export async function makeManifest(gen: string, info: { version: string; format: string; bom: boolean }, ledger: Ledger): Promise<RunManifest> {
  const files = [];
  for (const path of await outputFiles(gen)) files.push({ path, ...(ledger.get(join(gen, path)) ?? (await digest(join(gen, path)))) });
  return { tool: 'fiscal-disclosure-extract', ...info, created: new Date().toISOString(), files };
}

/** A generation's manifest, or null when it has none or it does not parse. */
export async function readManifest(gen: string): Promise<RunManifest | null> {
  const text = await readFile(join(gen, MANIFEST), 'utf8').catch((err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? null : Promise.reject(err)));
  if (text === null) return null;
  try {
    const parsed = ManifestSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch (err) {
    if (err instanceof SyntaxError) return null;
    throw err;
  }
}

/**
 * Whether every file a manifest lists is there with its size (a removed or truncated file; the
 * sha256 is for readers and auditors, not read back on every --resume).
 */
export async function verifyManifest(gen: string, manifest: RunManifest): Promise<boolean> {
  for (const f of manifest.files) {
    const s = await stat(join(gen, f.path)).catch((err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? null : Promise.reject(err)));
    if (!s?.isFile() || s.size !== f.bytes) return false;
  }
  return true;
}
