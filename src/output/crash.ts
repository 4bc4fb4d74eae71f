/**
 * Fault injection for the tests of the output folder: when EXTRACT_CRASH_AT names a point of the
 * commit, the process kills itself there with SIGKILL (as `kill -9` would), so a test can stop a
 * run at every step of the commit deterministically. Unset, it does nothing.
 */
export function crashPoint(name: string): void {
  if (process.env.EXTRACT_CRASH_AT === name) process.kill(process.pid, 'SIGKILL');
}
