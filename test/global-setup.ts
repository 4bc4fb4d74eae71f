import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Builds dist/ once before any test file runs: the command-line tests spawn bin/extract.js, and
 * test files building it side by side could read each other's half-written files.
 */
export default function setup(): void {
  const root = join(import.meta.dirname, '..');
  execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
}
