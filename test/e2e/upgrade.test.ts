/**
 * Issue 7, upgrades, in the real browser: the previous release is built from its git tag, loaded, and
 * given preferences and per-site decisions through its own options page and popup; then the current build
 * replaces it in the same profile, as an update does, and every preference and decision is found unchanged,
 * in the database and on screen, and still applies.
 *
 * The previous release is the git tag `v0.1.0` (LINKWATCH_PREVIOUS_RELEASE names another revision, for
 * trying a candidate by hand). Its sources come from `git archive` (read-only: no checkout, no worktree)
 * into a temporary folder that borrows this checkout's node_modules; the build is cached per commit in the
 * system's temporary folder.
 *
 * IndexedDB belongs to the extension id, and an unpacked extension's id derives from its folder path, so
 * both builds are loaded from one fixed folder: the old build is copied there, run, and closed; then the
 * folder's contents are replaced with the current build and the browser relaunched on the same profile.
 * Each copy is marked (manifest `version_name`, and a global set at the end of its worker script) and the
 * test checks which build's worker runs; the current copy gets a version above the previous one when they
 * are equal, so the browser sees an update.
 *
 * One thing an update does that a relaunch does not: Chromium keeps an unpacked extension's registered
 * service-worker script across restarts even when the folder's files changed, so the old worker would go on
 * running beside the new pages (a state no real update produces: an update registers the new worker). The
 * test therefore deletes the profile's service-worker registrations (`Default/Service Worker`) before the
 * relaunch; the extension's IndexedDB, storage and settings live elsewhere and are untouched.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_NAME, DB_VERSION } from '../../lib/prefs/db';
import { buildRelease, PREVIOUS, previousReleaseCommit } from './release-build';
import { EXTENSION_DIR, launch, openOptions, openPopupForTab, openTab, preferencesOnScreen, ROOT, tabIdOf, waitForBadge, type Session } from './harness';
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const chrome: any;

/** Replace `dir`'s contents with `build`, marking the copy's manifest and worker script. */
function install(build: string, dir: string, mark: { versionName: string; version?: string }): void {
  rmSync(dir, { recursive: true, force: true });
  cpSync(build, dir, { recursive: true });
  const file = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { version_name?: string; version?: string; background: { service_worker: string } };
  manifest.version_name = mark.versionName;
  if (mark.version) manifest.version = mark.version;
  writeFileSync(file, JSON.stringify(manifest, null, 2));
  const worker = join(dir, manifest.background.service_worker);
  writeFileSync(worker, `${readFileSync(worker, 'utf8')}\n;globalThis.__linkwatchBuild = ${JSON.stringify(mark.versionName)};\n`);
}

/** Compare dotted versions: negative, zero or positive. */
function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}


/** The raw records of the preference and decision stores, and the database version, read in an extension page. */
async function inDatabase(session: Session) {
  const page = await openOptions(session, 'diagnostics');
  const raw = await page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = (store: string) =>
      new Promise<{ keys: IDBValidKey[]; values: unknown[] }>((resolve, reject) => {
        const tx = db.transaction(store);
        const keys = tx.objectStore(store).getAllKeys();
        const values = tx.objectStore(store).getAll();
        tx.oncomplete = () => resolve({ keys: keys.result, values: values.result });
        tx.onerror = () => reject(tx.error);
      });
    const prefs = await all('prefs');
    const decisions = await all('siteDecisions');
    const version = db.version;
    db.close();
    return { version, prefs: Object.fromEntries(prefs.keys.map((k, i) => [String(k), prefs.values[i]])), siteDecisions: decisions.values };
  }, DB_NAME);
  await page.close();
  return raw;
}

/** Which build's worker runs, and which manifest it reads: both must name the same build. */
async function runningBuild(session: Session): Promise<{ worker: string; manifest: string }> {
  const sw = await session.serviceWorker();
  return sw.evaluate(() => ({
    worker: (globalThis as unknown as { __linkwatchBuild: string }).__linkwatchBuild,
    manifest: chrome.runtime.getManifest().version_name as string,
  }));
}

describe(`upgrade from the previous release (${PREVIOUS.tag}) to the current build`, () => {
  const work = mkdtempSync(join(tmpdir(), 'linkwatch-upgrade-'));
  const extensionDir = join(work, 'linkwatch');
  const profileDir = join(work, 'profile');
  let previousBuild: string;
  let commit: string;

  beforeAll(async () => {
    if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`No current build at ${EXTENSION_DIR}: run "npx wxt build" first`);
    commit = await previousReleaseCommit();
    previousBuild = await buildRelease(commit);
  }, 120_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('keeps every preference and per-site decision, in the database and on screen', async () => {
    const previousVersion = (JSON.parse(readFileSync(join(previousBuild, 'manifest.json'), 'utf8')) as { version: string }).version;
    const currentVersion = (JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { version: string }).version;
    install(previousBuild, extensionDir, { versionName: `previous ${PREVIOUS.tag} ${commit.slice(0, 7)}` });

    let session: (Session & { cdpPort: number }) | undefined = await launch({ profileDir, extensionDir });
    let before: Awaited<ReturnType<typeof preferencesOnScreen>>;
    let beforeDb: Awaited<ReturnType<typeof inDatabase>>;
    let extensionId: string;
    try {
      const previous = `previous ${PREVIOUS.tag} ${commit.slice(0, 7)}`;
      expect(await runningBuild(session)).toEqual({ worker: previous, manifest: previous });
      extensionId = session.extensionId;

      // Preferences and decisions, set through the previous release's own popup and options page.
      const page = await openTab(session, 'https://www.wellsfargo.com/');
      const tabId = await tabIdOf(session, page);
      await waitForBadge(session, tabId, (b) => b.title !== '' && b.title !== 'Linkwatch');
      const popup = await openPopupForTab(session, tabId);
      // The previous release's own name for the switch (renamed "Mute Linkwatch on …" in issue 22).
      await popup.getByRole('button', { name: "Don't warn me on wellsfargo.com" }).click();
      await waitForBadge(session, tabId, (b) => b.title.includes('muted'));
      const settings = await openOptions(session, 'settings');
      await settings.getByLabel('Badge, and a small notice on every visit').check();
      await settings.getByRole('status').waitFor();
      await settings.getByLabel("Reported arrangements involving the site's owner").uncheck();
      await expect.poll(() => settings.getByLabel("Reported arrangements involving the site's owner").isChecked()).toBe(false);
      await settings.getByLabel('The page only links to Messenger or Facebook').check();
      await expect.poll(() => settings.getByLabel('The page only links to Messenger or Facebook').isChecked()).toBe(true);
      const sites = await openOptions(session, 'sites');
      await sites.getByLabel('Site', { exact: true }).fill('chase.com');
      await sites.getByRole('button', { name: 'Mute', exact: true }).click();
      await sites.locator('tr[data-site="chase.com"]').waitFor();
      await sites.getByLabel('Site', { exact: true }).fill('www.citi.com');
      await sites.getByLabel('Until (leave empty to mute for good)').fill('2099-12-31');
      await sites.getByRole('button', { name: 'Snooze' }).click();
      await sites.locator('tr[data-site="citi.com"]').waitFor();

      before = await preferencesOnScreen(session);
      expect(before).toEqual({
        alertStyle: 'notice-every-visit',
        badgeLevels: { 'badge-reported': false, 'badge-owned': true, 'badge-observed': true, 'badge-linked': true },
        decisions: [
          ['chase.com', 'Muted'],
          ['citi.com', 'Snoozed until December 31, 2099'],
          ['wellsfargo.com', 'Muted'],
        ],
      });
      beforeDb = await inDatabase(session);
      expect(beforeDb.siteDecisions).toHaveLength(3);
    } finally {
      await session.close();
      session = undefined;
    }

    // The update: same folder, same profile, the current build (and its worker registered anew).
    rmSync(join(profileDir, 'Default', 'Service Worker'), { recursive: true, force: true });
    install(EXTENSION_DIR, extensionDir, {
      versionName: 'current',
      ...(compareVersions(currentVersion, previousVersion) > 0 ? {} : { version: `${previousVersion}.1` }),
    });
    session = await launch({ profileDir, extensionDir });
    try {
      expect(await runningBuild(session)).toEqual({ worker: 'current', manifest: 'current' });
      expect(session.extensionId).toBe(extensionId);

      expect(await preferencesOnScreen(session)).toEqual(before);
      const afterDb = await inDatabase(session);
      expect(afterDb.version).toBe(DB_VERSION);
      expect(afterDb.prefs).toEqual(beforeDb.prefs);
      expect(afterDb.siteDecisions).toEqual(beforeDb.siteDecisions);

      // And they still apply in the current build.
      for (const url of ['https://www.chase.com/', 'https://online.citi.com/', 'https://www.wellsfargo.com/']) {
        const page = await openTab(session, url);
        const badge = await waitForBadge(session, await tabIdOf(session, page), (b) => b.title.includes('muted'));
        expect(badge.text).toBe('');
      }
    } finally {
      await session.close();
    }
  });
});
