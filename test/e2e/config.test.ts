/**
 * Issue 5 in the real browser: preferences set in the options page survive export, clear and import; a
 * popup mute shows in the options page; a hostile file changes nothing; a custom list's entries show apart.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSiteDecision, launch, openOptions, openPopupForTab, openTab, preferencesOnScreen, ROOT, tabIdOf, waitForBadge } from './harness';

type S = Awaited<ReturnType<typeof launch>>;
const fixture = (name: string) => join(ROOT, 'test/fixtures/config', name);

describe('export, clear, import', () => {
  let session: S;
  beforeAll(async () => {
    session = await launch();
  });
  afterAll(async () => session?.close());

  it('finds every preference and per-site decision back', async () => {
    const settings = await openOptions(session, 'settings');
    await settings.getByLabel('Badge, and a small notice on every visit').check();
    await settings.getByRole('status').waitFor();
    await settings.getByLabel('The page only links to Messenger or Facebook').check();
    await settings.getByLabel("Reported arrangements involving the site's owner").uncheck();
    await expect.poll(() => settings.getByLabel("Reported arrangements involving the site's owner").isChecked()).toBe(false);

    const sites = await openOptions(session, 'sites');
    await addSiteDecision(sites, 'https://www.chase.com/login');
    await sites.locator('tr[data-site="chase.com"]').waitFor();
    await addSiteDecision(sites, 'citi.com', '2099-12-31');
    await sites.locator('tr[data-site="citi.com"]').waitFor();
    const before = await preferencesOnScreen(session);
    expect(before.alertStyle).toBe('notice-every-visit');
    expect(before.decisions).toHaveLength(2);

    const data = await openOptions(session, 'data');
    const [download] = await Promise.all([data.waitForEvent('download'), data.getByRole('button', { name: 'Download a file' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^linkwatch-config-\d{4}-\d{2}-\d{2}\.json$/);
    const file = await download.path();
    const exported = JSON.parse(readFileSync(file, 'utf8'));
    expect(exported).toMatchObject({ format: 'linkwatch-config', version: 1, preferences: { alertStyle: 'notice-every-visit' } });
    expect(exported.siteDecisions.map((d: { site: string }) => d.site).sort()).toEqual(['chase.com', 'citi.com']);
    // No browsing data: nothing but the format's keys.
    expect(Object.keys(exported).sort()).toEqual(['createdAt', 'customLists', 'format', 'preferences', 'siteDecisions', 'version']);

    const clear = await openOptions(session, 'settings');
    await clear.getByRole('button', { name: 'Clear all local data…' }).click();
    await clear.getByRole('button', { name: 'Yes, delete everything' }).click();
    await clear.getByText('All local data was deleted; the defaults apply.').waitFor();
    const cleared = await preferencesOnScreen(session);
    expect(cleared.alertStyle).toBe('notice-first-visit');
    expect(cleared.decisions).toEqual([]);

    const importPage = await openOptions(session, 'data');
    await importPage.locator('input[type=file]').setInputFiles(file);
    await importPage.locator('.preview').waitFor();
    const preview = await importPage.locator('.preview').textContent();
    expect(preview).toContain('Alerts: Badge, and a small notice on my first visit to each site (default) → Badge, and a small notice on every visit');
    expect(preview).toContain('chase.com: Muted (new)');
    await importPage.getByRole('button', { name: 'Apply these changes' }).click();
    await importPage.getByText('Imported: the changes are applied.').waitFor();
    expect(await preferencesOnScreen(session)).toEqual(before);
  });

  it('a hostile file shows an error and changes nothing', async () => {
    const before = await preferencesOnScreen(session);
    const data = await openOptions(session, 'data');
    // Refused files: each shows its own reason.
    for (const [name, reason] of [
      ['newer-version.json', 'made by a newer Linkwatch (format version 2)'],
      ['not-json.json', 'this is not JSON'],
      ['other-schemes.json', 'must be an https:// URL without credentials'],
    ]) {
      await data.locator('input[type=file]').setInputFiles(fixture(name!));
      await expect.poll(() => data.locator('.import-errors').textContent().catch(() => '')).toContain(reason);
      expect(await data.locator('.import-errors').textContent()).toContain('This file cannot be imported; nothing was changed.');
    }
    // `__proto__`, `constructor` and `prototype` keys are dropped and listed; nothing happens without Apply.
    await data.locator('input[type=file]').setInputFiles(fixture('proto-keys.json'));
    await expect.poll(() => data.locator('.preview .dropped').textContent().catch(() => '')).toContain('$.__proto__');
    await data.getByRole('button', { name: 'Cancel' }).click();
    await data.locator('textarea').fill('{"format":"linkwatch-config","version":99}');
    await data.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => data.locator('.import-errors').textContent()).toContain('made by a newer Linkwatch (format version 99)');
    expect(await preferencesOnScreen(session)).toEqual(before);
  });

  it('a mute set in the popup shows in the options page', async () => {
    const page = await openTab(session, 'https://www.usbank.com/');
    const tabId = await tabIdOf(session, page);
    await waitForBadge(session, tabId, (b) => b.title.length > 0 && b.title !== 'Linkwatch');
    const popup = await openPopupForTab(session, tabId);
    await popup.getByRole('button', { name: 'Mute Linkwatch on usbank.com' }).click();
    await popup.getByRole('status').waitFor();
    const sites = await openOptions(session, 'sites');
    expect(await sites.locator('tr[data-site="usbank.com"]').textContent()).toContain('Muted');
  });
});

describe('a custom list', () => {
  let session: S;
  beforeAll(async () => {
    session = await launch({ routes: { 'https://www.example.com/': { file: 'bank.html' } } });
  });
  afterAll(async () => session?.close());

  it('is imported, shown apart under its name, switched off and removed', async () => {
    const data = await openOptions(session, 'data');
    await data.locator('input[type=file]').setInputFiles(fixture('v1-list.json'));
    expect(await data.locator('.preview').textContent()).toContain('New list “Advocate\'s test list” by Example Privacy Group (2025-06-01)');
    await data.getByRole('button', { name: 'Apply these changes' }).click();
    await data.locator('li[data-list="advocate-test-list"]').waitFor();

    const page = await openTab(session, 'https://www.example.com/');
    const tabId = await tabIdOf(session, page);
    await waitForBadge(session, tabId, (b) => b.text !== '');
    const popup = await openPopupForTab(session, tabId);
    expect(await popup.textContent('.owner')).toBe('This site belongs to Example Bank.');
    const section = popup.locator('section.from-list[data-list="advocate-test-list"]');
    expect(await section.locator('h2').textContent()).toBe("From the list “Advocate's test list” by Example Privacy Group (2025-06-01), not from Linkwatch's catalog");
    expect(await section.locator('article').count()).toBeGreaterThanOrEqual(1);
    // Never mixed into the bundled catalog's section.
    expect(await popup.locator('section.arrangements article').count()).toBe(0);

    await data.getByRole('checkbox', { name: /Advocate's test list/ }).uncheck();
    await data.getByRole('status').waitFor();
    await page.reload();
    await waitForBadge(session, tabId, (b) => b.title.includes('no information'));
    await data.getByRole('button', { name: "Remove the list Advocate's test list" }).click();
    await data.getByText('Removed the list “Advocate\'s test list”.').waitFor();
    expect(await data.locator('li[data-list]').count()).toBe(0);
  });
});

describe('a custom list, first-class (issue 16)', () => {
  let session: S;
  beforeAll(async () => {
    session = await launch();
  });
  afterAll(async () => session?.close());

  const ENTRY = 'li[data-arrangement="example-bank-platform-2025"]';

  it('shows its sites before import, its entries in the catalog under its name and filter, and a corrected re-import everywhere with the switch kept off', async () => {
    // 1. Import: the file field names the file; the preview lists every site the list claims and every entry.
    const data = await openOptions(session, 'data');
    expect(await data.getByTestId('import-file-name').textContent()).toBe('No file chosen yet');
    await data.locator('input[type=file]').setInputFiles(fixture('v1-list.json'));
    await data.locator('.preview').waitFor();
    expect(await data.getByTestId('import-file-name').textContent()).toBe('Chosen file: v1-list.json');
    expect(await data.locator('.preview .list-sites li').allTextContents()).toEqual([
      'example.com (Example Bank)',
      'example.net (Example Platform)',
      'example.org/chat (Example Platform)',
    ]);
    expect(await data.locator('.preview .list-entries li').allTextContents()).toEqual(['Test fixture: Example Bank and Example Platform']);
    await data.getByRole('button', { name: 'Apply these changes' }).click();
    await data.locator('li[data-list="advocate-test-list"]').waitFor();

    // 2. The options catalog: the entry, with its list's name, and the source filter.
    const catalog = await openOptions(session, 'catalog');
    await catalog.locator(ENTRY).waitFor();
    expect(await catalog.locator(ENTRY).textContent()).toContain('From the list “Advocate\'s test list” by Example Privacy Group');
    const source = catalog.getByLabel('Source');
    await source.selectOption({ label: 'List “Advocate\'s test list”' });
    await expect.poll(() => catalog.locator('ul.entries li').count()).toBe(1);
    await source.selectOption({ label: 'Linkwatch catalog' });
    await expect.poll(() => catalog.locator(ENTRY).count()).toBe(0);
    expect(await catalog.locator('ul.entries li').count()).toBeGreaterThan(20);

    // 3. Switched off.
    await data.getByRole('checkbox', { name: /Advocate's test list/ }).uncheck();
    await data.getByRole('status').waitFor();

    // 4. A corrected version under the same id, date and sizes: the preview says it stays off.
    await data.locator('input[type=file]').setInputFiles(fixture('v1-list-corrected.json'));
    await expect.poll(() => data.locator('.preview').textContent().catch(() => '')).toContain('You switched this list off; it stays off.');
    expect(await data.locator('.preview .list-sites li').first().textContent()).toBe('example.com (Example Bank (corrected))');
    await data.getByRole('button', { name: 'Apply these changes' }).click();
    await data.getByText('Imported: the changes are applied.').waitFor();
    expect(await data.getByRole('checkbox', { name: /Advocate's test list/ }).isChecked()).toBe(false);

    // The new text everywhere in the options page: the catalog list, its filter, the entry's own page.
    const after = await openOptions(session, 'catalog');
    await after.locator(ENTRY).waitFor();
    const line = await after.locator(ENTRY).textContent();
    expect(line).toContain('Test fixture, corrected: Example Bank and Example Platform');
    expect(line).toContain('Example Bank (corrected)');
    expect(line).toContain('(list switched off)');
    const entry = await openOptions(session, 'arrangement/example-bank-platform-2025');
    expect(await entry.locator('main').textContent()).toContain("Fictional entry used by Linkwatch's tests, corrected; it reports nothing.");
    expect(await entry.locator('main').textContent()).not.toContain("Fictional entry used by Linkwatch's tests; it reports nothing.");
  });

  it('refuses a list whose name hides a right-to-left override, saying where and why', async () => {
    const data = await openOptions(session, 'data');
    await data.locator('input[type=file]').setInputFiles(fixture('hostile-rlo-name.json'));
    await expect.poll(() => data.locator('.import-errors').textContent().catch(() => '')).toContain(
      'The list › field “name”: It contains invisible characters (U+202E, U+202C) that can make text display differently from what it says',
    );
    const text = await data.locator('.import-errors').textContent();
    expect(text).toContain('This file cannot be imported; nothing was changed.');
    expect(text).toContain('$.list.name');
    expect(await data.locator('li[data-list="hostile-name-list"]').count()).toBe(0);
  });

  it('shows the build id and the catalog counts in diagnostics', async () => {
    const page = await openOptions(session, 'diagnostics');
    const text = (await page.getByTestId('diagnostics').textContent()) ?? '';
    expect(text).toMatch(/^build: \d+\.\d+\.\d+\+[0-9a-f]{7,}$/m);
    expect(text).toMatch(/^catalog: \d+ arrangements and \d+ context entries$/m);
  });
});
