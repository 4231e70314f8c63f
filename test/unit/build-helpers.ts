/**
 * Helpers for the unit tests that build the extension (manifest.test.ts, release.test.ts): run `wxt` in a
 * child process with a clean environment, one build at a time (builds in the same checkout share `.wxt/`,
 * and the machine has two cores), and list a folder's files.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const exec = promisify(execFile);
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** A child process environment without vitest's own settings (NODE_ENV=test would change the build). */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra, NO_UPDATE_NOTIFIER: '1' };
  for (const key of Object.keys(env)) if (key === 'NODE_ENV' || key.startsWith('VITEST') || key === 'TEST') delete env[key];
  return env;
}

/** Run `wxt <args>` from `cwd` (the checkout by default) with its output in `outDir`, holding the build lock. */
export async function wxt(args: string[], outDir: string, cwd = ROOT): Promise<void> {
  await withBuildLock(() =>
    exec(process.execPath, [join(ROOT, 'node_modules/wxt/bin/wxt.mjs'), ...args], {
      cwd,
      env: cleanEnv({ LINKWATCH_OUT_DIR: outDir }),
      maxBuffer: 16 * 1024 * 1024,
    }),
  );
}

/** Run a node script of a dev dependency (`web-ext`...) and give its standard output, even when it exits non-zero. */
export async function node(script: string, args: string[]): Promise<string> {
  const { stdout } = await exec(process.execPath, [join(ROOT, script), ...args], { cwd: ROOT, env: cleanEnv(), maxBuffer: 16 * 1024 * 1024 }).catch(
    (e: { stdout?: string }) => ({ stdout: e.stdout ?? '' }),
  );
  return stdout;
}

/** One build at a time across test files (a lock directory; a lock older than 10 minutes is stale). */
async function withBuildLock<T>(fn: () => Promise<T>): Promise<T> {
  const lock = join(tmpdir(), 'linkwatch-unit-build.lock');
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      try {
        if (Date.now() - statSync(lock).mtimeMs > 10 * 60_000) rmSync(lock, { recursive: true, force: true });
      } catch {
        // Removed meanwhile by its holder.
      }
      if (Date.now() > deadline) throw new Error(`waited 5 minutes for the build lock ${lock}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Every file under `dir`, as paths relative to it with `/`. */
export function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const rel = prefix ? `${prefix}/${name}` : name;
    if (statSync(join(dir, name)).isDirectory()) out.push(...listFiles(join(dir, name), rel));
    else out.push(rel);
  }
  return out;
}
