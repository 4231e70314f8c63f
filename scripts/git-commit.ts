/**
 * The short hash of the commit being built, for the build id (lib/build-id.ts). Build-time only
 * (wxt.config.ts). In a git checkout: `git rev-parse --short HEAD` (a work tree with uncommitted changes
 * still gives HEAD's hash: the id names the commit, not the files). Outside one (the sources package that
 * Firefox's reviewers rebuild from has no .git): the hash written into `build-commit.txt` when that package
 * was made (`writeCommitFile`), so their rebuild gives the same files. Otherwise "unknown".
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The file that carries the commit inside the sources package. */
export const COMMIT_FILE = 'build-commit.txt';

const HASH = /^[0-9a-f]{4,40}$/;

export function gitShortHash(cwd: string = process.cwd()): string {
  try {
    const out = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd, stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 }).toString().trim();
    if (HASH.test(out)) return out;
  } catch {
    // no git, or not a repository: fall through to the file
  }
  try {
    const saved = readFileSync(join(cwd, COMMIT_FILE), 'utf8').trim();
    return HASH.test(saved) ? saved : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Write `build-commit.txt` into `dir` (before the sources package is zipped); returns a function removing it. */
export function writeCommitFile(dir: string): () => void {
  const file = join(dir, COMMIT_FILE);
  const existed = existsSync(file);
  writeFileSync(file, `${gitShortHash(dir)}\n`);
  return () => {
    if (!existed) rmSync(file, { force: true });
  };
}
