// @vitest-environment node
/**
 * Issue 7, permissions and Firefox: builds the three targets (Chrome MV3, Firefox MV2, Firefox MV3) into a
 * temporary folder and checks what each manifest asks for.
 *
 * - Pinned: permissions, host permissions, content-script matches and the other keys that widen what the
 *   extension can reach are compared with test/fixtures/manifest-permissions.json, so any change is a
 *   deliberate one (a new host permission disables the extension for existing Chrome users until they
 *   accept it). After a deliberate change, rewrite the pin with
 *   `LINKWATCH_PIN_PERMISSIONS=1 npx vitest run --project unit test/unit/manifest.test.ts`, review its diff,
 *   and update docs/permissions.md.
 * - Always true, whatever the pin says: no `<all_urls>` or wildcard host; `webRequest` only to observe
 *   (never `webRequestBlocking`, never declarativeNetRequest), with host permissions equal to the platform
 *   endpoint hosts (lib/request-watch `requestFilterUrls()`) plus the catalog's non-platform sites (the
 *   content scripts' matches: Chromium delivers a page's request only with access to the page too); the
 *   default content security policy; no remote code; content-script matches equal to the catalog's
 *   non-platform domains.
 * - Firefox: the fixed add-on id, `data_collection_permissions: none`, minimum versions that support
 *   every key used, and `web-ext lint` with zero errors, warnings and notices (Preact's own `innerHTML`
 *   write for `dangerouslySetInnerHTML`, which Linkwatch never uses, is removed at build time).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledDirectory, watchedSitePatterns } from '../../lib/directory';
import { requestFilterUrls } from '../../lib/request-watch';
import { listFiles, node, ROOT, wxt } from './build-helpers';

const PIN_FILE = join(ROOT, 'test/fixtures/manifest-permissions.json');

const TARGETS = {
  'chrome-mv3': [],
  'firefox-mv2': ['-b', 'firefox'],
  'firefox-mv3': ['-b', 'firefox', '--mv3'],
} as const;
type Target = keyof typeof TARGETS;
const TARGET_NAMES = Object.keys(TARGETS) as Target[];

/** Every permission Linkwatch may ask for; anything else fails even before the pin is looked at. */
const ALLOWED_PERMISSIONS = new Set(['storage', 'tabs', 'webNavigation', 'webRequest', 'scripting', 'declarativeNetRequestWithHostAccess']);
/** Hosts: the platform endpoints (observed requests) and the directory's sites (pages watched; lib/directory). */
const EXPECTED_HOSTS = [...requestFilterUrls(), ...watchedSitePatterns()];
const isHostPattern = (p: string) => p.includes('://');
const GECKO_ID = 'linkwatch@linkwatch.invalid';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Manifest = Record<string, any>;

let outDir: string;
const manifests = {} as Record<Target, Manifest>;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'linkwatch-manifest-'));
  // One build at a time: the machine has two cores and others may be building too.
  for (const target of TARGET_NAMES) {
    await wxt(['build', ...TARGETS[target]], outDir);
    manifests[target] = JSON.parse(readFileSync(join(outDir, target, 'manifest.json'), 'utf8')) as Manifest;
  }
}, 180_000);

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

/** What each build may reach, in a stable order: the part of the manifest that is pinned. */
function surface(m: Manifest) {
  const sorted = (xs: unknown) => (Array.isArray(xs) ? [...(xs as string[])].sort() : []);
  return {
    manifest_version: m.manifest_version,
    permissions: sorted(m.permissions),
    optional_permissions: sorted(m.optional_permissions),
    host_permissions: sorted(m.host_permissions),
    optional_host_permissions: sorted(m.optional_host_permissions),
    content_scripts: ((m.content_scripts ?? []) as Manifest[])
      .map((c) => ({
        js: sorted(c.js),
        css: sorted(c.css),
        run_at: c.run_at ?? 'document_idle',
        all_frames: c.all_frames ?? false,
        match_about_blank: c.match_about_blank ?? false,
        world: c.world ?? 'ISOLATED',
        exclude_matches: sorted(c.exclude_matches),
        matches: sorted(c.matches),
      }))
      .sort((a, b) => a.js.join().localeCompare(b.js.join())),
    web_accessible_resources: m.web_accessible_resources ?? [],
    externally_connectable: m.externally_connectable ?? null,
    content_security_policy: m.content_security_policy ?? null,
  };
}

describe('pinned permissions per build', () => {
  it('match test/fixtures/manifest-permissions.json exactly', () => {
    const actual = Object.fromEntries(TARGET_NAMES.map((t) => [t, surface(manifests[t])]));
    if (process.env.LINKWATCH_PIN_PERMISSIONS === '1') {
      writeFileSync(PIN_FILE, JSON.stringify(actual, null, 2) + '\n');
      console.log(`manifest permissions pinned in ${relative(ROOT, PIN_FILE)}`);
    }
    expect(existsSync(PIN_FILE), `${relative(ROOT, PIN_FILE)} is missing; create it with LINKWATCH_PIN_PERMISSIONS=1`).toBe(true);
    const pinned = JSON.parse(readFileSync(PIN_FILE, 'utf8')) as unknown;
    expect(
      actual,
      'A build asks for other permissions, hosts or content-script sites than the pin. If this is deliberate, ' +
        'run LINKWATCH_PIN_PERMISSIONS=1 npx vitest run --project unit test/unit/manifest.test.ts, review the diff ' +
        'and explain the change in docs/permissions.md.',
    ).toEqual(pinned);
  });

  it('docs/permissions.md explains every permission the builds ask for', () => {
    const doc = readFileSync(join(ROOT, 'docs/permissions.md'), 'utf8');
    for (const target of TARGET_NAMES) {
      // Host patterns (MV2 lists them as permissions) are explained as sites, not one by one.
      for (const p of manifests[target].permissions as string[]) if (!isHostPattern(p)) expect(doc, `permission ${p} (${target})`).toContain(`\`${p}\``);
    }
    // Every platform endpoint host is named; the catalog's sites are named by the rule that gives them.
    for (const pattern of requestFilterUrls()) expect(doc, pattern).toContain(pattern.replace(/^(?:\*|wss):\/\//, '').replace(/\/\*$/, ''));
    expect(doc).toContain('content script');
  });
});

describe.each(TARGET_NAMES)('%s: what the manifest never asks for', (target) => {
  const m = () => manifests[target];

  it('only the allowed permissions; webRequest to observe only; hosts exactly the platform endpoints, the directory sites and the notice\'s own sites; any other site only as an optional permission', () => {
    // "Watch this site" (issue 21): every other site is optional, granted one site at a time through the
    // browser's prompt (MV3 optional_host_permissions; MV2 optional_permissions), nothing at install.
    const optional = [...(m().optional_permissions ?? []), ...(m().optional_host_permissions ?? [])] as string[];
    expect(optional).toEqual(['*://*/*']);
    const all = [...(m().permissions ?? [])] as string[];
    const perms = all.filter((p) => !isHostPattern(p));
    for (const p of perms) expect(ALLOWED_PERMISSIONS.has(p), `permission ${p}`).toBe(true);
    // Protection blocks only through declarativeNetRequestWithHostAccess (no install warning, acts only on
    // hosts already granted): never the plain permission ("Block content on any page"), nor Feedback.
    expect(perms.filter((p) => /webRequestBlocking|^declarativeNetRequest$|declarativeNetRequestFeedback|proxy|debugger|cookies|history|<all_urls>/i.test(p))).toEqual([]);
    expect(m().declarative_net_request).toBeUndefined();
    // The notice's UI is injected only where it shows (scripting.executeScript), which needs host permission
    // for exactly the sites whose content scripts ask for it (the catalog's sites and Messenger's).
    const noticeSites = ((m().content_scripts ?? []) as Manifest[]).flatMap((c) => c.matches as string[]);
    expect(noticeSites).toContain('*://*.messenger.com/*');
    // MV2 lists hosts among `permissions`; MV3 in `host_permissions`.
    const hosts = [...new Set([...all.filter(isHostPattern), ...(m().host_permissions ?? [])])].sort();
    expect(hosts).toEqual([...new Set([...EXPECTED_HOSTS, ...noticeSites])].sort());
  });

  it('no <all_urls> and no wildcard host among what is granted at install', () => {
    const patterns = [
      ...((m().content_scripts ?? []) as Manifest[]).flatMap((c) => [...(c.matches ?? []), ...(c.exclude_matches ?? [])]),
      ...((m().permissions ?? []) as string[]).filter(isHostPattern),
      ...((m().host_permissions ?? []) as string[]),
    ] as string[];
    expect(patterns.length).toBeGreaterThan(0);
    for (const p of patterns) {
      expect(p).not.toBe('<all_urls>');
      // `*://host/*`, `*://*.host/*` (or `wss://` for WebSockets) with a real registrable host: never
      // `*://*/*` nor `*://*.com/*`.
      expect(p, p).toMatch(/^(?:\*|wss):\/\/(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+\/\*$/);
    }
    expect(JSON.stringify(m())).not.toContain('<all_urls>');
  });

  it('content scripts run only on catalog sites, top frame only; one script per page: the link watcher on exactly the non-platform sites, Messenger\'s own elsewhere', () => {
    const catalogDomains = new Set(bundledDirectory().flatMap((i) => i.domains.filter((d) => d.path === undefined).map((d) => d.domain)));
    const scripts = (m().content_scripts ?? []) as Manifest[];
    expect(scripts.length).toBeGreaterThan(0);
    for (const c of scripts) {
      for (const p of c.matches as string[]) expect(catalogDomains.has(p.replace(/^\*:\/\/(?:\*\.)?/, '').replace(/\/\*$/, '')), `${c.js}: ${p}`).toBe(true);
      expect(c.all_frames ?? false).toBe(false);
      expect(c.world ?? 'ISOLATED').toBe('ISOLATED');
    }
    const page = scripts.find((c) => (c.js as string[]).includes('content-scripts/page.js'));
    expect([...page!.matches].sort()).toEqual(watchedSitePatterns());
    const messenger = scripts.find((c) => (c.js as string[]).includes('content-scripts/notice.js'));
    expect([...messenger!.matches].sort()).toEqual(['*://*.messenger.com/*', '*://messenger.com/*']);
    // No page runs two of Linkwatch's scripts (each costs the page an evaluation; issue 14).
    const all = scripts.flatMap((c) => c.matches as string[]);
    expect(new Set(all).size).toBe(all.length);
    for (const c of scripts) expect(c.js).toHaveLength(1);
  });

  it('the default content security policy, nothing exposed to web pages or other extensions', () => {
    expect(m().content_security_policy).toBeUndefined();
    expect(m().externally_connectable).toBeUndefined();
    expect(m().web_accessible_resources ?? []).toEqual([]);
  });

  it('no remote code: every page loads only scripts and styles from the package', () => {
    const dir = join(outDir, target);
    const files = listFiles(dir);
    for (const html of files.filter((f) => f.endsWith('.html'))) {
      const text = readFileSync(join(dir, html), 'utf8');
      for (const [, src] of text.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]*)"/g)) {
        expect(src, `${html} loads ${src}`).toMatch(/^\/[A-Za-z0-9_./-]+$/);
        expect(existsSync(join(dir, src!)), `${html} loads ${src}, which is not in the package`).toBe(true);
      }
    }
    for (const js of files.filter((f) => f.endsWith('.js'))) {
      const text = readFileSync(join(dir, js), 'utf8');
      expect(text, `${js} imports remote code`).not.toMatch(/\bimport\s*\(\s*["'`]https?:|importScripts\s*\(\s*["'`]https?:|\bfrom\s*["'`]https?:/);
      expect(text, `${js} evaluates strings as code`).not.toMatch(/\beval\s*\(|\bnew\s+Function\s*\(/);
      expect(text, `${js} writes HTML from a string`).not.toMatch(/\.(?:inner|outer)HTML\s*=(?!=)|insertAdjacentHTML|document\.write\s*\(/);
    }
  });
});

describe.each(['firefox-mv2', 'firefox-mv3'] as const)('%s: Firefox specifics', (target) => {
  const m = () => manifests[target];

  it('fixed add-on id, no data collection, minimum versions that know every key', () => {
    const gecko = m().browser_specific_settings?.gecko;
    expect(gecko?.id).toBe(GECKO_ID);
    expect(gecko?.data_collection_permissions).toEqual({ required: ['none'] });
    // data_collection_permissions: Firefox 140 (desktop), 142 (Android); storage.session: 115.
    expect(Number.parseFloat(gecko?.strict_min_version)).toBeGreaterThanOrEqual(140);
    expect(Number.parseFloat(m().browser_specific_settings?.gecko_android?.strict_min_version)).toBeGreaterThanOrEqual(142);
  });

  it('the toolbar button and background the manifest version expects', () => {
    if (target === 'firefox-mv2') {
      expect(m().browser_action?.default_popup).toBe('popup.html');
      expect(m().action).toBeUndefined();
    } else {
      expect(m().action?.default_popup).toBe('popup.html');
      expect(m().browser_action).toBeUndefined();
    }
    // Firefox runs the background as an event page (scripts), not a service worker.
    expect(m().background?.scripts).toEqual(['background.js']);
    expect(m().background?.service_worker).toBeUndefined();
  });

  it('web-ext lint: no errors, no warnings, no notices', async () => {
    const dir = join(outDir, target);
    const stdout = await node('node_modules/web-ext/bin/web-ext.js', ['lint', '--source-dir', dir, '--output', 'json', '--no-input']);
    const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as {
      errors: LintMessage[];
      warnings: LintMessage[];
      notices: LintMessage[];
    };
    expect(report.errors.map(describeLint)).toEqual([]);
    // Preact's one innerHTML write is removed at build time (wxt.config.ts `preactWithoutInnerHtml`).
    expect(report.warnings.map(describeLint)).toEqual([]);
    expect(report.notices.map(describeLint)).toEqual([]);
  }, 60_000);
});

describe('our code never writes HTML from strings', () => {
  it('no innerHTML, outerHTML, insertAdjacentHTML, document.write or dangerouslySetInnerHTML in lib/, components/, entrypoints/', () => {
    const offenders: string[] = [];
    for (const folder of ['lib', 'components', 'entrypoints']) {
      for (const file of listFiles(join(ROOT, folder)).filter((f) => /\.(ts|tsx)$/.test(f))) {
        const text = readFileSync(join(ROOT, folder, file), 'utf8');
        if (/\.innerHTML\b|\.outerHTML\s*=|insertAdjacentHTML|document\.write\s*\(|dangerouslySetInnerHTML/.test(text)) offenders.push(`${folder}/${file}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
}

const describeLint = (m: LintMessage) => `${m.code} ${m.file ?? ''}:${m.line ?? ''} ${m.message}`;

/**
 * The one warning that is not ours: Preact's renderer assigns `innerHTML` for `dangerouslySetInnerHTML`
 * (a prop Linkwatch never uses, checked above). Recognised by Preact's own code in the flagged file.
 */
