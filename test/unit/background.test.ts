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
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
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

/** The fake webRequest's listeners by event name (filters are not applied: each test sends what fits). */
let webRequestListeners: Record<string, ((d: unknown) => void)[]> = {};

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
  // The fake browser has no webRequest: listeners that are never called (lib/request-watch has its own tests).
  // Their listeners are kept, so a test can play a main-frame request (a document load) as the browser would.
  webRequestListeners = {};
  const event = (name: string) => ({ addListener: (fn: (d: unknown) => void) => void (webRequestListeners[name] ??= []).push(fn) });
  b.webRequest = { onBeforeRequest: event('onBeforeRequest'), onBeforeRedirect: event('onBeforeRedirect'), onCompleted: event('onCompleted'), onErrorOccurred: event('onErrorOccurred') };
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

describe('a new document in a tab', () => {
  const stateOf = async (tabId: number) => (await fakeBrowser.storage.session.get(`tab:${tabId}`))[`tab:${tabId}`] as { navKey: string; match: { site: string } | null } | undefined;
  const mainFrame = (tabId: number, url: string, extra: Record<string, unknown> = {}) => {
    for (const fn of webRequestListeners.onBeforeRequest ?? []) fn({ requestId: `r${Math.random()}`, url, type: 'main_frame', tabId, frameId: 0, ...extra });
  };

  it('is described by its own address from its first request: never the previous site under the new key', async () => {
    const api = installToolbarApi();
    background.main();
    const tab = await fakeBrowser.tabs.create({ url: 'https://www.chase.com/' });
    await fakeBrowser.tabs.onUpdated.trigger(tab.id!, { url: tab.url, status: 'complete' }, tab);
    await vi.waitFor(async () => expect((await stateOf(tab.id!))?.match?.site).toBe('chase.com'), { timeout: 5_000 });
    // The tab starts loading Citi; the tab's address still reads Chase until the new document commits.
    api.setTitle.mockClear();
    mainFrame(tab.id!, 'https://online.citi.com/');
    await vi.waitFor(async () => expect((await stateOf(tab.id!))?.match?.site).toBe('citi.com'), { timeout: 5_000 });
    for (const [call] of api.setTitle.mock.calls) expect(call.title).not.toMatch(/Chase/);
  });
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

/** A message as the browser would deliver it from `sender`; resolves with the background's answer or rejects with its refusal. */
async function send(message: unknown, sender: Record<string, unknown>): Promise<unknown> {
  const answers = await fakeBrowser.runtime.onMessage.trigger(message, sender as never);
  return (answers as unknown[]).find((a) => a !== undefined);
}
const ORIGIN = () => fakeBrowser.runtime.getURL('/').replace(/\/$/, '');
const popupSender = () => ({ id: fakeBrowser.runtime.id, url: `${ORIGIN()}/popup.html`, origin: ORIGIN() });
const contentSender = (tab: { id?: number; index?: number }, url: string, frameId = 0, documentId?: string) => ({
  id: fakeBrowser.runtime.id,
  url,
  origin: new URL(url).origin,
  tab: { id: tab.id, index: tab.index ?? 0, url },
  frameId,
  ...(documentId ? { documentId } : {}),
});
const PIXEL = { url: 'https://connect.facebook.net/en_US/fbevents.js', type: 'script', outcome: 'completed' as const };
// Content scripts report links only (requests come from webRequest); a link to Messenger is what they send.
const MESSENGER_LINK = 'https://m.me/chase';

/** Open a tab and wait until the background stored its state. */
async function openProcessed(url: string) {
  const tab = await fakeBrowser.tabs.create({ url });
  await fakeBrowser.tabs.onUpdated.trigger(tab.id!, { url, status: 'complete' }, tab);
  const key = `tab:${tab.id}`;
  await vi.waitFor(async () => expect((await fakeBrowser.storage.session.get(key))[key]).toMatchObject({ host: new URL(url).hostname }), { timeout: 5_000 });
  return tab;
}

describe(`the router in the background (${TARGET})`, () => {
  it('refuses a content script asking for another tab’s state, and its prefs-changed; answers the popup', async () => {
    installToolbarApi();
    background.main();
    const victim = await openProcessed('https://online.citi.com/US/login.do');
    const attacker = await openProcessed('https://www.chase.com/');
    const fromContent = contentSender(attacker, 'https://www.chase.com/');
    await expect(send({ type: 'get-tab-state', tabId: victim.id }, fromContent)).rejects.toThrow(/refused get-tab-state from a sender of class top-frame-content-script/);
    await expect(send({ type: 'get-tab-state', tabId: attacker.id }, fromContent)).rejects.toThrow(/refused/);
    await expect(send({ type: 'prefs-changed' }, fromContent)).rejects.toThrow(/refused prefs-changed/);
    await expect(send({ type: 'get-notice-seen' }, contentSender(attacker, 'https://www.chase.com/', 3))).rejects.toThrow(/frame-content-script/);
    const view = (await send({ type: 'get-tab-state', tabId: victim.id }, popupSender())) as { state: { host: string }; arrangements: unknown[] };
    expect(view.state.host).toBe('online.citi.com');
    expect(view.arrangements.length).toBeGreaterThan(0);
  });

  it('keeps a report that arrives before its navigation and joins it when the navigation is processed', async () => {
    installToolbarApi();
    background.main();
    const tab = await openProcessed('https://www.chase.com/');
    // The page has already moved to /cards and reports; the background has not processed the navigation yet.
    const answer = await send({ type: 'page-observations', report: { pageUrl: 'https://www.chase.com/cards', requests: [], links: [MESSENGER_LINK] } }, contentSender(tab, 'https://www.chase.com/cards'));
    expect(answer).toEqual({ ok: true });
    const early = (await fakeBrowser.storage.session.get(`early:${tab.id}`))[`early:${tab.id}`] as { links: { platform: string }[] }[];
    expect(early).toHaveLength(1);
    expect(early[0]!.links.map((l) => l.platform)).toEqual(['messenger']);
    expect(JSON.stringify(early)).not.toContain('/cards');
    await fakeBrowser.tabs.update(tab.id!, { url: 'https://www.chase.com/cards' });
    const key = `tab:${tab.id}`;
    await vi.waitFor(async () => {
      const state = (await fakeBrowser.storage.session.get(key))[key] as { links: { platform: string }[] };
      expect(state.links.map((l) => l.platform)).toEqual(['messenger']);
    }, { timeout: 5_000 });
    expect((await fakeBrowser.storage.session.get(`early:${tab.id}`))[`early:${tab.id}`]).toBeUndefined();
  });

  it('processes the navigation at once when a cold worker gets the report first (no stored state)', async () => {
    installToolbarApi();
    background.main();
    const tab = await fakeBrowser.tabs.create({ url: 'https://www.chase.com/' }); // no onUpdated processed
    const answer = await send({ type: 'page-observations', report: { pageUrl: 'https://www.chase.com/', requests: [], links: [MESSENGER_LINK] } }, contentSender(tab, 'https://www.chase.com/'));
    expect(answer).toEqual({ ok: true });
    const view = (await send({ type: 'get-tab-state', tabId: tab.id }, popupSender())) as { state: { links: { platform: string }[] } };
    expect(view.state.links.map((l) => l.platform)).toEqual(['messenger']);
  });

  it('refuses a report about another page than the sender’s own', async () => {
    installToolbarApi();
    background.main();
    const tab = await openProcessed('https://www.chase.com/');
    const answer = await send({ type: 'page-observations', report: { pageUrl: 'https://online.citi.com/', requests: [PIXEL], links: [] } }, contentSender(tab, 'https://www.chase.com/'));
    expect(answer).toEqual({ ok: false });
    expect((await fakeBrowser.storage.session.get(`early:${tab.id}`))[`early:${tab.id}`]).toBeUndefined();
  });

  it('asks a page to watch its links as it loads only where they must be known then (the opt-in links badge level)', async () => {
    installToolbarApi();
    const { PrefsStore } = await import('../../lib/prefs/db');
    background.main();
    const tab = await openProcessed('https://www.chase.com/');
    expect(await send({ type: 'get-notice' }, contentSender(tab, 'https://www.chase.com/'))).toMatchObject({ watchLinks: false });
    await new PrefsStore().setPreference('badgeLevels', { reported: true, owned: true, observed: true, linked: true });
    expect(await send({ type: 'get-notice' }, contentSender(tab, 'https://www.chase.com/'))).toMatchObject({ watchLinks: true });
  });

  it('collects the page’s links when the popup asks for the tab (scripting, top frame, this document only)', async () => {
    installToolbarApi();
    const b = fakeBrowser as unknown as Mutable;
    const executeScript = vi.fn(async (_details: { target: { tabId: number; frameIds: number[] }; args: unknown[] }) => [{ frameId: 0, result: { pageUrl: 'https://www.chase.com/', links: [MESSENGER_LINK] } }]);
    const originalScripting = b.scripting;
    b.scripting = { executeScript };
    onTestFinished(() => void (b.scripting = originalScripting));
    background.main();
    const tab = await openProcessed('https://www.chase.com/');
    const view = (await send({ type: 'get-tab-state', tabId: tab.id }, popupSender())) as { state: { links: { platform: string }[] } };
    expect(view.state.links.map((l) => l.platform)).toEqual(['messenger']);
    expect(executeScript.mock.calls[0]![0].target).toEqual({ tabId: tab.id, frameIds: [0] });
    // Opening the popup again reads the same link: not a new finding.
    const again = (await send({ type: 'get-tab-state', tabId: tab.id }, popupSender())) as { state: { links: { count: number }[] } };
    expect(again.state.links.map((l) => l.count)).toEqual([1]);
    // An answer about another document (the page moved on meanwhile) is not taken.
    const other = await openProcessed('https://online.citi.com/');
    executeScript.mockImplementation(async () => [{ frameId: 0, result: { pageUrl: 'https://www.chase.com/', links: [MESSENGER_LINK] } }]);
    const otherView = (await send({ type: 'get-tab-state', tabId: other.id }, popupSender())) as { state: { links: unknown[] } };
    expect(otherView.state.links).toEqual([]);
    expect((await fakeBrowser.storage.session.get(`early:${other.id}`))[`early:${other.id}`]).toBeUndefined();
    // A page that never answers does not hold the popup.
    executeScript.mockImplementation(() => new Promise(() => undefined));
    const started = Date.now();
    expect(await send({ type: 'get-tab-state', tabId: other.id }, popupSender())).not.toBeNull();
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('counts a first-visit site as seen only when its notice reports it was on screen, and holds it for a second tab meanwhile', async () => {
    installToolbarApi();
    background.main();
    const seen = async () => (await fakeBrowser.storage.local.get('noticeSeen')).noticeSeen;
    const first = await openProcessed('https://www.chase.com/');
    const page = contentSender(first, 'https://www.chase.com/');
    expect(await send({ type: 'get-notice' }, page)).toMatchObject({ show: true });
    // Offered is not seen: a page that removed the notice on sight would otherwise silence it for good.
    expect(await seen()).toBeUndefined();
    // Another tab opening the site meanwhile gets no second notice.
    const second = await openProcessed('https://www.chase.com/');
    expect(await send({ type: 'get-notice' }, contentSender(second, 'https://www.chase.com/'))).toMatchObject({ show: false, reason: 'seen' });
    // Only the tab it was offered to can report it shown, once.
    expect(await send({ type: 'notice-shown' }, contentSender(second, 'https://www.chase.com/'))).toEqual({ ok: false });
    expect(await send({ type: 'notice-shown' }, page)).toEqual({ ok: true });
    expect(await seen()).toEqual(['chase.com']);
    expect(await send({ type: 'notice-shown' }, page)).toEqual({ ok: false });
  });

  it('a tab closed before its notice was on screen holds nothing: the next tab shows the notice', async () => {
    installToolbarApi();
    background.main();
    const first = await openProcessed('https://www.chase.com/');
    expect(await send({ type: 'get-notice' }, contentSender(first, 'https://www.chase.com/'))).toMatchObject({ show: true });
    await fakeBrowser.tabs.onRemoved.trigger(first.id!, { windowId: first.windowId ?? 0, isWindowClosing: false });
    await vi.waitFor(async () => expect((await fakeBrowser.storage.session.get(`notice:${first.id}`))[`notice:${first.id}`]).toBeUndefined());
    const second = await openProcessed('https://www.chase.com/');
    expect(await send({ type: 'get-notice' }, contentSender(second, 'https://www.chase.com/'))).toMatchObject({ show: true });
  });

  it('refuses a notice-shown and notice actions from another document of the same page (its document id differs), and keeps them across an in-page navigation', async () => {
    installToolbarApi();
    background.main();
    const tab = await openProcessed('https://www.chase.com/');
    expect(await send({ type: 'get-notice' }, contentSender(tab, 'https://www.chase.com/', 0, 'DOC-A'))).toMatchObject({ show: true });
    const other = contentSender(tab, 'https://www.chase.com/', 0, 'DOC-B');
    expect(await send({ type: 'notice-shown' }, other)).toEqual({ ok: false });
    expect(await send({ type: 'notice-action', action: 'not-on-this-site' }, other)).toEqual({ ok: false });
    // The noticed document after history.pushState: same document id, new address.
    await fakeBrowser.tabs.update(tab.id!, { url: 'https://www.chase.com/cards' });
    await fakeBrowser.tabs.onUpdated.trigger(tab.id!, { url: 'https://www.chase.com/cards' }, { ...tab, url: 'https://www.chase.com/cards' });
    expect(await send({ type: 'notice-shown' }, contentSender(tab, 'https://www.chase.com/cards', 0, 'DOC-A'))).toEqual({ ok: true });
    expect((await fakeBrowser.storage.local.get('noticeSeen')).noticeSeen).toEqual(['chase.com']);
  });

  it('a page restored by Back keeps its notice’s buttons: each of the tab’s recent documents keeps its record', async () => {
    installToolbarApi();
    const { PrefsStore } = await import('../../lib/prefs/db');
    await new PrefsStore().setPreference('alertStyle', 'notice-every-visit');
    background.main();
    const tab = await openProcessed('https://www.chase.com/');
    expect(await send({ type: 'get-notice' }, contentSender(tab, 'https://www.chase.com/', 0, 'DOC-A'))).toMatchObject({ show: true });
    await fakeBrowser.tabs.update(tab.id!, { url: 'https://www.chase.com/next' });
    await fakeBrowser.tabs.onUpdated.trigger(tab.id!, { url: 'https://www.chase.com/next', status: 'complete' }, { ...tab, url: 'https://www.chase.com/next' });
    expect(await send({ type: 'get-notice' }, contentSender(tab, 'https://www.chase.com/next', 0, 'DOC-B'))).toMatchObject({ show: true });
    // Back: the first document again, from the cache, with its notice still on screen.
    await fakeBrowser.tabs.update(tab.id!, { url: 'https://www.chase.com/' });
    await fakeBrowser.tabs.onUpdated.trigger(tab.id!, { url: 'https://www.chase.com/', status: 'complete' }, { ...tab, url: 'https://www.chase.com/' });
    expect(await send({ type: 'notice-action', action: 'not-on-this-site' }, contentSender(tab, 'https://www.chase.com/', 0, 'DOC-A'))).toEqual({ ok: true });
    expect(await send({ type: 'notice-action', action: 'details' }, contentSender(tab, 'https://www.chase.com/', 0, 'DOC-C'))).toEqual({ ok: false });
  });

  it('refuses a notice-shown for a document the notice was not offered to (the tab moved on)', async () => {
    installToolbarApi();
    background.main();
    const tab = await openProcessed('https://www.chase.com/');
    expect(await send({ type: 'get-notice' }, contentSender(tab, 'https://www.chase.com/'))).toMatchObject({ show: true });
    await fakeBrowser.tabs.update(tab.id!, { url: 'https://online.citi.com/' });
    await fakeBrowser.tabs.onUpdated.trigger(tab.id!, { url: 'https://online.citi.com/', status: 'complete' }, { ...tab, url: 'https://online.citi.com/' });
    expect(await send({ type: 'notice-shown' }, contentSender(tab, 'https://online.citi.com/'))).toEqual({ ok: false });
    expect((await fakeBrowser.storage.local.get('noticeSeen')).noticeSeen).toBeUndefined();
  });

  it('takes notice actions only from the document its notice was injected into, and opens at most three Details tabs', async () => {
    installToolbarApi();
    const { PrefsStore } = await import('../../lib/prefs/db');
    background.main();
    // A page with no notice (a compromised renderer can send what its content script can): nothing happens.
    const quiet = await openProcessed('https://online.citi.com/');
    expect(await send({ type: 'notice-action', action: 'not-on-this-site' }, contentSender(quiet, 'https://online.citi.com/'))).toEqual({ ok: false });
    expect(await send({ type: 'notice-action', action: 'details' }, contentSender(quiet, 'https://online.citi.com/'))).toEqual({ ok: false });
    expect(await new PrefsStore().getSiteDecision('citi.com')).toBeUndefined();
    // The page its notice was injected into: Details opens a tab three times, then no more.
    const tab = await openProcessed('https://www.chase.com/');
    const page = contentSender(tab, 'https://www.chase.com/');
    expect(await send({ type: 'get-notice' }, page)).toMatchObject({ show: true });
    const before = (await fakeBrowser.tabs.query({})).length;
    // Sent at once, as a loop in a compromised renderer would: three pass, whatever the interleaving.
    const answers = await Promise.all(Array.from({ length: 6 }, () => send({ type: 'notice-action', action: 'details' }, page)));
    expect(answers.filter((a) => (a as { ok: boolean }).ok)).toHaveLength(3);
    expect((await fakeBrowser.tabs.query({})).length).toBe(before + 3);
    // Asking again (every-visit mode, a repeated question) does not reset the count.
    expect(await send({ type: 'get-notice' }, page)).toMatchObject({ show: true });
    expect(await send({ type: 'notice-action', action: 'details' }, page)).toEqual({ ok: false });
    expect(await send({ type: 'notice-action', action: 'not-on-this-site' }, page)).toEqual({ ok: true });
    expect(await new PrefsStore().getSiteDecision('chase.com')).toMatchObject({ decision: 'muted' });
  });

  it('rebuilds the list classifier when a list is re-imported corrected under the same id, date and sizes', async () => {
    installToolbarApi();
    const { PrefsStore } = await import('../../lib/prefs/db');
    const listDoc = (await import('../fixtures/config/v1-list.json')).default as { list: Mutable };
    const store = new PrefsStore();
    const list = structuredClone(listDoc.list);
    await store.putCustomList(list as never);
    background.main();
    const wrong = await openProcessed('https://www.example.com/');
    const before = (await send({ type: 'get-tab-state', tabId: wrong.id }, popupSender())) as { state: { ownerName: string | null } };
    expect(before.state.ownerName).toBe('Example Bank');
    // The corrected list: the bank's domain was wrong; same id, date and number of entries.
    const corrected = structuredClone(listDoc.list);
    corrected.institutions[0].domains[0].domain = 'examplebank.test';
    await store.putCustomList(corrected as never);
    await send({ type: 'prefs-changed' }, popupSender());
    const right = await openProcessed('https://www.examplebank.test/');
    const after = (await send({ type: 'get-tab-state', tabId: right.id }, popupSender())) as { state: { ownerName: string | null } };
    expect(after.state.ownerName).toBe('Example Bank');
    const old = (await send({ type: 'get-tab-state', tabId: wrong.id }, popupSender())) as { state: { ownerName: string | null } };
    expect(old.state.ownerName).toBeNull();
  });

  it('reads garbage in storage.session as no state and computes the tab again', async () => {
    const api = installToolbarApi();
    background.main();
    const tab = await fakeBrowser.tabs.create({ url: 'https://www.chase.com/' });
    await fakeBrowser.storage.session.set({ [`tab:${tab.id}`]: { tabId: tab.id, navKey: 7, observed: 'x' }, [`early:${tab.id}`]: 'garbage' });
    const view = (await send({ type: 'get-tab-state', tabId: tab.id }, popupSender())) as { state: { host: string; observed: unknown[] } };
    expect(view.state.host).toBe('www.chase.com');
    expect(view.state.observed).toEqual([]);
    expect(api.setBadgeText).toHaveBeenCalledWith(expect.objectContaining({ tabId: tab.id, text: 'i' }));
  });

  it('still sets the badge and answers the popup when IndexedDB cannot be opened', async () => {
    const api = installToolbarApi();
    globalThis.indexedDB = { open: () => { throw new DOMException('The database is corrupted', 'UnknownError'); } } as unknown as IDBFactory;
    background.main();
    const tab = await openProcessed('https://www.chase.com/');
    await vi.waitFor(() => expect(api.setBadgeText).toHaveBeenCalledWith(expect.objectContaining({ tabId: tab.id, text: 'i' })), { timeout: 5_000 });
    const view = (await send({ type: 'get-tab-state', tabId: tab.id }, popupSender())) as { arrangements: unknown[] };
    expect(view.arrangements.length).toBeGreaterThan(0);
  });
});
