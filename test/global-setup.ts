import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Builds dist/ (and its cache of compiled patterns) once before any test file runs: the command-line tests spawn bin/extract.js, and
 * test files building it side by side could read each other's half-written files.
 *
 * Tests make their corpora and output folders with mkdtemp under os.tmpdir(). For the run, that
 * is one scratch folder (TMPDIR, inherited by the test workers and the processes they spawn),
 * removed when the run ends: a run leaves nothing behind (it used to leave ≈ 14 MB per run), the
 * runs' resume state included.
 */
export default function setup(): () => void {
  const root = join(import.meta.dirname, '..');
  execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  // as `npm run build` does: the compiled patterns the workers read instead of loading XRegExp
  execFileSync(process.execPath, [join(root, 'scripts', 'cache-regexes.mjs')], { cwd: root, stdio: 'ignore' });
  const scratch = mkdtempSync(join(tmpdir(), 'fdx-test-'));
  process.env.TMPDIR = scratch;
  // runs keep their resume state outside --out (src/output/state-home.ts): here, in the scratch folder
  process.env.EXTRACT_STATE_HOME = join(scratch, 'state-home');
  return () => rmSync(scratch, { recursive: true, force: true });
}
