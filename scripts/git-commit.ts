/**
 * The short hash of the commit being built (`git rev-parse --short HEAD`), for the build id
 * (lib/build-id.ts); "unknown" when there is no git or no repository. Build-time only (wxt.config.ts).
 * A work tree with uncommitted changes still gives HEAD's hash: the id names the commit, not the files.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where `npm run zip` records the hash inside the sources package (written by the `zip:sources:start`
 * hook, removed after): a reviewer's rebuild from the sources has no git, and must give the same files.
 */
export const BUILD_COMMIT_FILE = 'release/build-commit.txt';

export function gitShortHash(cwd: string = process.cwd()): string {
  const recorded = join(cwd, BUILD_COMMIT_FILE);
  if (existsSync(recorded)) {
    const hash = readFileSync(recorded, 'utf8').trim();
    if (/^[0-9a-f]{4,40}$/.test(hash)) return hash;
  }
  try {
    const out = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd, stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 }).toString().trim();
    return /^[0-9a-f]{4,40}$/.test(out) ? out : 'unknown';
  } catch {
    return 'unknown';
  }
}
