/**
 * The short hash of the commit being built (`git rev-parse --short HEAD`), for the build id
 * (lib/build-id.ts); "unknown" when there is no git or no repository. Build-time only (wxt.config.ts).
 * A work tree with uncommitted changes still gives HEAD's hash: the id names the commit, not the files.
 */
import { execFileSync } from 'node:child_process';

export function gitShortHash(cwd: string = process.cwd()): string {
  try {
    const out = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd, stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 }).toString().trim();
    return /^[0-9a-f]{4,40}$/.test(out) ? out : 'unknown';
  } catch {
    return 'unknown';
  }
}
