/**
 * Which build this is: the extension's version plus the git commit it was built from, e.g. `0.2.0+1a2b3c4`
 * (`0.2.0+unknown` when built outside a git checkout). Shown in the options diagnostics page and meant for
 * every exported report, so a finding can be traced to the exact code that made it.
 *
 * The commit is injected at build time by a Vite `define` in wxt.config.ts (`__LINKWATCH_COMMIT__`, from
 * scripts/git-commit.ts); where nothing injects it (unit tests), it is "unknown". Pure.
 */
declare const __LINKWATCH_COMMIT__: string | undefined;

/** The short commit hash of this build, or "unknown". */
export const BUILD_COMMIT: string = typeof __LINKWATCH_COMMIT__ === 'string' && __LINKWATCH_COMMIT__ !== '' ? __LINKWATCH_COMMIT__ : 'unknown';

/** `version+commit`, e.g. `buildId('0.2.0', '1a2b3c4')` is `0.2.0+1a2b3c4` (SemVer build metadata). */
export function buildId(version: string, commit: string = BUILD_COMMIT): string {
  const safe = /^[0-9a-f]{4,40}$/.test(commit) ? commit : 'unknown';
  return `${version}+${safe}`;
}
