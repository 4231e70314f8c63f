/**
 * The extensions the benchmark measures beside Linkwatch, in the same browser rounds (issue 14):
 *
 * - `none`: a service worker and nothing else; no content script, no popup. The page as it is without any
 *   extension touching it (the harness needs a service worker to find an extension, so it has an empty one).
 * - `floor`: the cheapest any content-script design can be: one empty content script on exactly Linkwatch's
 *   content-script matches, at `document_start`, and an empty popup. Whatever Linkwatch costs above this
 *   is Linkwatch's own doing; what the floor costs above `none` is the browser's price for any content
 *   script at all.
 * - `BENCH_COMPARE=DIR...` (space- or colon-separated): other unpacked MV3 extensions, measured the same
 *   way, so a user can hold Linkwatch against the extension they use now.
 *
 * Written into a temporary folder by the bench itself, so the floor always has Linkwatch's current matches.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { blockRules } from '../lib/protection';

export interface Contender {
  /** `none`, `floor`, `Linkwatch`, or the compared extension's folder name. */
  name: string;
  dir: string;
  /** Path of the action popup inside the extension (`popup.html`), when it has one. */
  popup?: string;
  /** Linkwatch with protection on for every bank (issue 23), switched on in its options page before measuring. */
  protect?: boolean;
}

interface Manifest {
  content_scripts?: { matches?: string[] }[];
  action?: { default_popup?: string };
}

/** Linkwatch's content-script match patterns, from its built manifest (the union of its scripts'). */
export function contentScriptMatches(buildDir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(buildDir, 'manifest.json'), 'utf8')) as Manifest;
  return [...new Set((manifest.content_scripts ?? []).flatMap((c) => c.matches ?? []))].sort();
}

function writeExtension(dir: string, manifest: object, files: Record<string, string>): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
}

/** Write `none` and `floor` under `root` for Linkwatch's build at `buildDir`; returns every contender. */
export function contenders(root: string, buildDir: string, compare = process.env.BENCH_COMPARE ?? ''): Contender[] {
  const none = join(root, 'none');
  writeExtension(none, { manifest_version: 3, name: 'none', version: '1.0', background: { service_worker: 'background.js' } }, { 'background.js': '' });
  const floor = join(root, 'floor');
  writeExtension(
    floor,
    {
      manifest_version: 3,
      name: 'floor',
      version: '1.0',
      // A service worker only so that the bench can call action.openPopup() from it, as for Linkwatch.
      background: { service_worker: 'background.js' },
      action: { default_popup: 'popup.html' },
      content_scripts: [{ matches: contentScriptMatches(buildDir), js: ['content.js'], run_at: 'document_start' }],
    },
    {
      'background.js': '',
      'content.js': '',
      // The same landmark the popup timer waits for in Linkwatch's popup.
      'popup.html': '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title></head><body><main class="popup"><section>floor</section></main></body></html>',
    },
  );
  // The floor of protection (issue 23): the floor plus the very rules protection installs for chase.com (a
  // static ruleset, no code): what the browser's blocking of those requests costs the page by itself.
  const floorBlock = join(root, 'floor-block');
  writeExtension(
    floorBlock,
    {
      manifest_version: 3,
      name: 'floor-block',
      version: '1.0',
      background: { service_worker: 'background.js' },
      permissions: ['declarativeNetRequest'],
      declarative_net_request: { rule_resources: [{ id: 'block', enabled: true, path: 'rules.json' }] },
      content_scripts: [{ matches: contentScriptMatches(buildDir), js: ['content.js'], run_at: 'document_start' }],
    },
    { 'background.js': '', 'content.js': '', 'rules.json': JSON.stringify(blockRules({ initiators: ['chase.com'], excluded: [] })) },
  );
  const popupOf = (dir: string) => (JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest).action?.default_popup;
  const others = compare
    .split(/[\s:]+/)
    .filter(Boolean)
    .map((d) => resolve(d))
    .filter((d) => {
      const ok = existsSync(join(d, 'manifest.json'));
      if (!ok) console.warn(`BENCH_COMPARE: no manifest.json in ${d}, skipped`);
      return ok;
    });
  return [
    { name: 'none', dir: none },
    { name: 'floor', dir: floor, popup: 'popup.html' },
    { name: 'floor-block', dir: floorBlock },
    { name: 'Linkwatch', dir: buildDir, popup: popupOf(buildDir) },
    // The same build with protection on (issue 23): its declarativeNetRequest rules block the page's platform requests.
    { name: 'Linkwatch+protection', dir: buildDir, popup: popupOf(buildDir), protect: true },
    ...others.map((dir) => ({ name: basename(dir), dir, popup: popupOf(dir) })),
  ];
}
