/**
 * The previous release, built from git for the upgrade and crash-on-upgrade tests (test/e2e/upgrade.test.ts,
 * test/e2e/crash.test.ts): `git archive` of its commit, built with this checkout's node_modules, cached
 * per commit in the system's temporary folder.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './harness';

const run = promisify(execFile);

/** The previous release: release/previous.json names its tag and, for clones without tags, its commit. */
export const PREVIOUS = JSON.parse(readFileSync(join(ROOT, 'release/previous.json'), 'utf8')) as { tag: string; commit: string };

/** The commit of the previous release (LINKWATCH_PREVIOUS_RELEASE, else the tag, else the pinned commit). */
export async function previousReleaseCommit(): Promise<string> {
  const candidates = process.env.LINKWATCH_PREVIOUS_RELEASE ? [process.env.LINKWATCH_PREVIOUS_RELEASE] : [PREVIOUS.tag, PREVIOUS.commit];
  for (const revision of candidates) {
    try {
      const { stdout } = await run('git', ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`], { cwd: ROOT });
      return stdout.trim();
    } catch {
      // try the next way of naming it
    }
  }
  throw new Error(`The upgrade test needs the previous release (${candidates.join(' or ')}), which this clone does not have.`);
}

/** Build the previous release's Chrome package from git (cached per commit); returns its folder. */
export async function buildRelease(commit: string): Promise<string> {
  const cache = join(tmpdir(), `linkwatch-release-${commit}`);
  const built = join(cache, 'out', 'chrome-mv3');
  if (existsSync(join(built, 'manifest.json'))) return built;
  rmSync(cache, { recursive: true, force: true });
  const src = join(cache, 'src');
  mkdirSync(src, { recursive: true });
  await run('git', ['archive', '--format=tar', '-o', join(cache, 'src.tar'), commit], { cwd: ROOT });
  await run('tar', ['-xf', join(cache, 'src.tar'), '-C', src]);
  symlinkSync(join(ROOT, 'node_modules'), join(src, 'node_modules'), 'dir');
  const env: NodeJS.ProcessEnv = { ...process.env, LINKWATCH_OUT_DIR: join(cache, 'out') };
  for (const key of Object.keys(env)) if (key === 'NODE_ENV' || key.startsWith('VITEST') || key === 'TEST') delete env[key];
  await run(process.execPath, [join(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'build'], { cwd: src, env, maxBuffer: 16 * 1024 * 1024 });
  if (!existsSync(join(built, 'manifest.json'))) throw new Error(`building ${commit} gave no ${built}`);
  return built;
}
