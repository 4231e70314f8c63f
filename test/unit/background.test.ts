/**
 * The background against each build target's browser API (issue 7: unit tests against the Firefox target
 * where it differs). This file runs twice: in the `unit` project (Chrome MV3: `browser.action`) and in
 * the `unit-firefox` project (WXT configured for Firefox MV2, `LINKWATCH_TARGET=firefox-mv2`): there the
 * fake browser has no `browser.action`, only `browser.browserAction`, as Firefox's MV2 API. The background
 * must set the toolbar badge through whichever exists. (`import.meta.env.BROWSER` is not defined under
 * vitest 4 here, so the project says its target through the environment.)
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import background from '../../entrypoints/background';
import { tEn } from './helpers';

const TARGET = process.env.LINKWATCH_TARGET ?? 'chrome-mv3';
const IS_MV2 = TARGET.endsWith('mv2');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Mutable = Record<string, any>;

/** The toolbar button API as the target's browser has it, with spies in place of the badge calls. */
function installToolbarApi() {
  const api = {
    setBadgeText: vi.fn(async (_details: { tabId: number; text: string }) => undefined),
    setBadgeBackgroundColor: vi.fn(async (_details: { tabId: number; color: string }) => undefined),
    setTitle: vi.fn(async (_details: { tabId: number; title: string }) => undefined),
  };
  const b = fakeBrowser as unknown as Mutable;
  if (IS_MV2) {
    // Firefox MV2: `browser.action` does not exist.
    b.action = undefined;
    b.browserAction = { ...b.browserAction, ...api };
  } else {
    b.action = { ...b.action, ...api };
  }
  return api;
}

let original: { action: unknown; browserAction: unknown; getMessage: unknown; getUILanguage: unknown; onReplaced: unknown };

beforeEach(() => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
  const b = fakeBrowser as unknown as Mutable;
  original = { action: b.action, browserAction: b.browserAction, getMessage: b.i18n.getMessage, getUILanguage: b.i18n.getUILanguage, onReplaced: b.tabs.onReplaced };
  // Not in the fake browser (nor in Firefox): the background registers it only where it exists.
  b.tabs.onReplaced = undefined;
  b.i18n.getMessage = (key: string, subs?: string | string[]) => tEn(key, subs);
  b.i18n.getUILanguage = () => 'en-US';
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(() => {
  const b = fakeBrowser as unknown as Mutable;
  b.action = original.action;
  b.browserAction = original.browserAction;
  b.i18n.getMessage = original.getMessage;
  b.i18n.getUILanguage = original.getUILanguage;
  b.tabs.onReplaced = original.onReplaced;
  vi.restoreAllMocks();
});

describe(`background on the ${TARGET} target`, () => {
  it('runs for a target that is built', () => {
    expect(['chrome-mv3', 'firefox-mv2']).toContain(TARGET);
  });

  it('sets the badge of a bank tab through the toolbar API the browser has', async () => {
    const api = installToolbarApi();
    background.main();
    const tab = await fakeBrowser.tabs.create({ url: 'https://www.chase.com/' });
    await fakeBrowser.tabs.onUpdated.trigger(tab.id!, { url: tab.url, status: 'complete' }, tab);

    await vi.waitFor(() => expect(api.setTitle).toHaveBeenCalled(), { timeout: 5_000 });
    const text = api.setBadgeText.mock.calls.at(-1)![0];
    const title = api.setTitle.mock.calls.at(-1)![0];
    expect(text.tabId).toBe(tab.id);
    expect(text.text).toBe('i'); // the one mark (issue 15)
    expect(title.title).toMatch(/reported data arrangements? involving JPMorgan Chase/);
    expect(api.setBadgeBackgroundColor).toHaveBeenCalledWith(expect.objectContaining({ tabId: tab.id }));
    if (IS_MV2) expect((fakeBrowser as unknown as Mutable).action).toBeUndefined();
  });

  it('keeps the tab state in storage.session under the tab’s key, with the host and not the address', async () => {
    installToolbarApi();
    background.main();
    const tab = await fakeBrowser.tabs.create({ url: 'https://online.citi.com/US/login.do?secret=1' });
    await fakeBrowser.tabs.onUpdated.trigger(tab.id!, { url: tab.url }, tab);
    const key = `tab:${tab.id}`;
    await vi.waitFor(async () => expect((await fakeBrowser.storage.session.get(key))[key]).toBeDefined(), { timeout: 5_000 });
    const state = (await fakeBrowser.storage.session.get(key))[key] as { host: string };
    expect(state.host).toBe('online.citi.com');
    expect(JSON.stringify(state)).not.toContain('secret');
    expect(JSON.stringify(state)).not.toContain('login.do');
  });
});
