import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/**
 * What a user of the package does: pack it, install the tarball into an empty project (no .npmrc
 * of ours there, no terminal to answer a prompt), then run `npx extract` on a seed and import the
 * library. nodejieba's install script runs `npx @mapbox/node-pre-gyp`, which stops without a yes
 * unless that package sits in nodejieba's own folder: our dependency on another major version of
 * it keeps nodejieba's copy there.
 */
describe('the packed package', () => {
  it('installs into an empty project and runs there, as a command and as a library', () => {
    const work = mkdtempSync(join(tmpdir(), 'install-'));
    // dist/ is built by the test setup; pack it as it is
    execFileSync(npm, ['pack', '--ignore-scripts', '--pack-destination', work], { cwd: root, stdio: 'ignore' });
    const [tarball] = readdirSync(work).filter((f) => f.endsWith('.tgz'));
    const project = mkdtempSync(join(tmpdir(), 'project-'));
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'project', version: '1.0.0', type: 'module', private: true }));
    // no yes from our own .npmrc (npm passes its config to the scripts it runs as npm_config_*)
    const env = Object.fromEntries(Object.entries({ ...process.env, CI: 'true' }).filter(([k]) => k.toLowerCase() !== 'npm_config_yes'));
    const installed = spawnSync(npm, ['install', join(work, tarball as string), '--no-audit', '--no-fund'], { cwd: project, env, input: '', encoding: 'utf8', timeout: 600_000 });
    expect(installed.status, installed.stderr).toBe(0);
    const seed = readdirSync(join(root, 'corpus')).find((f) => f.endsWith('.txt')) as string;
    copyFileSync(join(root, 'corpus', seed), join(project, seed));
    const ran = spawnSync(npm, ['exec', '--', 'extract', seed, '--out', 'out', '--quiet'], { cwd: project, env, input: '', encoding: 'utf8', timeout: 120_000 });
    expect(ran.status, ran.stderr).toBe(0);
    expect(readFileSync(join(project, 'out', 'facts.csv'), 'utf8').split('\n').length).toBeGreaterThan(10);
    const script = "import { extractText } from 'fiscal-disclosure-extract'; console.log(extractText('某某局2019年度部门决算\\n收入总计100万元。\\n').facts[0].value)";
    const imported = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: project, encoding: 'utf8' });
    expect(imported.stdout.trim()).toBe('1000000');
  }, 900_000);
});
