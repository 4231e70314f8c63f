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
import { arrangementsForInstitution, bundledCatalog } from '../../lib/catalog';
import { BATCH_MS } from '../../lib/request-watch';
import { classifyUrl } from '../../lib/sites';
import type { TabState } from '../../lib/tab-state';
import { expectConsoleError, tEn } from './helpers';

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

/** Origins the fake browser grants beyond the manifest, and its permissions events' listeners. */
let granted: string[] = [];
let permissionListeners: Record<'onAdded' | 'onRemoved', (() => void)[]> = { onAdded: [], onRemoved: [] };

/** The fake declarativeNetRequest's dynamic rules. */
type DnrRule = { id: number; condition: { initiatorDomains?: string[]; excludedInitiatorDomains?: string[]; regexFilter?: string } };
let dnrRules: DnrRule[] = [];

/** The fake webRequest's listeners by event name (filters are not applied: each test sends what fits). */
let webRequestListeners: Record<string, ((d: unknown) => void)[]> = {};

let original: { action: unknown; browserAction: unknown; getMessage: unknown; getUILanguage: unknown; onReplaced: unknown; tabsGet: unknown };

beforeEach(() => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
  const b = fakeBrowser as unknown as Mutable;
  original = { action: b.action, browserAction: b.browserAction, getMessage: b.i18n.getMessage, getUILanguage: b.i18n.getUILanguage, onReplaced: b.tabs.onReplaced, tabsGet: b.tabs.get };
  // Not in the fake browser (nor in Firefox): the background registers it only where it exists.
  b.tabs.onReplaced = undefined;
  b.i18n.getMessage = (key: string, subs?: string | string[]) => tEn(key, subs);
  b.i18n.getUILanguage = () => 'en-US';
  // The fake browser has no webRequest: listeners that are never called (lib/request-watch has its own tests).
  // Their listeners are kept, so a test can play a main-frame request (a document load) as the browser would.
  webRequestListeners = {};
  const event = (name: string) => ({ addListener: (fn: (d: unknown) => void) => void (webRequestListeners[name] ??= []).push(fn) });
  b.webRequest = { onBeforeRequest: event('onBeforeRequest'), onBeforeRedirect: event('onBeforeRedirect'), onCompleted: event('onCompleted'), onErrorOccurred: event('onErrorOccurred') };
  // The fake browser's scripting API is not implemented: this one records what the background injects.
  scriptingCalls = vi.fn(async (_details: { target: Record<string, unknown>; files?: string[]; func?: unknown }) => [{ frameId: 0, result: undefined as unknown }]);
  b.scripting = { executeScript: scriptingCalls };
  // The fake browser's permissions API is not implemented: the manifest's hosts only (nothing granted at
  // the person's request), and events a test can fire.
  granted = [];
  permissionListeners = { onAdded: [], onRemoved: [] };
  const permEvent = (name: 'onAdded' | 'onRemoved') => ({ addListener: (fn: () => void) => void permissionListeners[name].push(fn) });
  b.permissions = { getAll: async () => ({ permissions: [], origins: [...granted] }), onAdded: permEvent('onAdded'), onRemoved: permEvent('onRemoved') };
  // The fake browser has no declarativeNetRequest: this one keeps the dynamic rules as the browser would.
  dnrRules = [];
  b.declarativeNetRequest = {
    getDynamicRules: async () => structuredClone(dnrRules),
    updateDynamicRules: async ({ removeRuleIds, addRules }: { removeRuleIds: number[]; addRules: DnrRule[] }) => {
      dnrRules = [...dnrRules.filter((r) => !removeRuleIds.includes(r.id)), ...structuredClone(addRules)];
    },
  };
  // The fake browser has no webNavigation: this one keeps each tab's shown document (address and, as
  // Chromium, a document id; Firefox gives none) and lets a test commit documents and navigate in-page.
  shown = new Map();
  closed.clear();
  navListeners = {};
  const navEvent = (name: string) => ({ addListener: (fn: (d: unknown) => void) => void (navListeners[name] ??= []).push(fn) });
  // A closed tab is gone for tabs.get too, as in the browser.
  const tabsGet = b.tabs.get.bind(b.tabs);
  b.tabs.get = async (tabId: number) => {
    if (closed.has(tabId)) throw new Error(`No tab with id: ${tabId}.`);
    return tabsGet(tabId);
  };
  b.webNavigation = {
    getFrame: async ({ tabId }: { tabId: number }) => {
      if (closed.has(tabId)) throw new Error(`No tab with id: ${tabId}.`); // as the browser does for a closed tab
      await fakeBrowser.tabs.get(tabId);
      const doc = shown.get(tabId);
      return doc ? { url: doc.url, frameId: 0, parentFrameId: -1, ...(IS_MV2 ? {} : { documentId: doc.documentId }) } : null;
    },
    // The top frame only, as the browser gives for a page without frames.
    getAllFrames: async ({ tabId }: { tabId: number }) => {
      if (closed.has(tabId)) throw new Error(`No tab with id: ${tabId}.`);
      const doc = shown.get(tabId);
      return doc ? [{ url: doc.url, frameId: 0, parentFrameId: -1 }] : [];
    },
    onCommitted: navEvent('onCommitted'),
    onHistoryStateUpdated: navEvent('onHistoryStateUpdated'),
    onReferenceFragmentUpdated: navEvent('onReferenceFragmentUpdated'),
  };
});

let scriptingCalls: ReturnType<typeof vi.fn<(details: { target: Record<string, unknown>; files?: string[]; func?: unknown }) => Promise<{ frameId: number; result: unknown }[]>>>;

/** Each tab's shown document in the fake browser. */
let shown = new Map<number, { url: string; documentId: string }>();
/** Tabs the test closed (the fake browser's own tabs.remove is not usable here). */
const closed = new Set<number>();
let navListeners: Record<string, ((d: unknown) => void)[]> = {};
let documentCount = 0;

/** A cross-document navigation of `tab` to `url` commits, as the browser reports it; the new document's id. */
async function commitDocument(tabId: number, url: string, documentId = `DOC-${++documentCount}`): Promise<string> {
  shown.set(tabId, { url, documentId });
  const tab = await fakeBrowser.tabs.update(tabId, { url });
  for (const fn of navListeners.onCommitted ?? []) fn({ tabId, frameId: 0, url, ...(IS_MV2 ? {} : { documentId }), transitionType: 'link', timeStamp: Date.now() });
  await fakeBrowser.tabs.onUpdated.trigger(tabId, { url, status: 'complete' }, tab!);
  return documentId;
}

/** The shown document changes its address in place (history.pushState). */
async function pushState(tabId: number, url: string): Promise<void> {
  const doc = shown.get(tabId)!;
  shown.set(tabId, { ...doc, url });
  const tab = await fakeBrowser.tabs.update(tabId, { url });
  for (const fn of navListeners.onHistoryStateUpdated ?? []) fn({ tabId, frameId: 0, url, ...(IS_MV2 ? {} : { documentId: doc.documentId }), timeStamp: Date.now() });
  await fakeBrowser.tabs.onUpdated.trigger(tabId, { url }, tab!);
}

afterEach(() => {
  const b = fakeBrowser as unknown as Mutable;
  b.action = original.action;
  b.browserAction = original.browserAction;
  b.i18n.getMessage = original.getMessage;
  b.i18n.getUILanguage = original.getUILanguage;
  b.tabs.onReplaced = original.onReplaced;
  b.tabs.get = original.tabsGet;
  vi.restoreAllMocks();
});

const stateOf = async (tabId: number) => (await fakeBrowser.storage.session.get(`tab:${tabId}`))[`tab:${tabId}`] as TabState | undefined;

/** The browser reports a request of `tabId`'s page to a platform (webRequest), with its outcome, for document `documentId`. */
function platformRequest(tabId: number, ev: string, outcome: 'completed' | 'failed' = 'completed', documentId = shown.get(tabId)?.documentId) {
  const d = { requestId: `${ev}-${Math.random()}`, url: `https://www.facebook.com/tr?id=1&ev=${ev}`, type: 'image', tabId, frameId: 0, initiator: 'https://www.chase.com', ...(IS_MV2 ? { documentUrl: shown.get(tabId)?.url } : { documentId }) };
  for (const fn of webRequestListeners.onBeforeRequest ?? []) fn(d);
  for (const fn of webRequestListeners[outcome === 'completed' ? 'onCompleted' : 'onErrorOccurred'] ?? []) fn({ ...d, ...(outcome === 'failed' ? { error: 'net::ERR_BLOCKED_BY_CLIENT' } : {}) });
}
/** The browser starts a main-frame request in `tabId` (a link, a download, a 204): webRequest only, no commit. */
function mainFrameRequest(tabId: number, url: string) {
  for (const fn of webRequestListeners.onBeforeRequest ?? []) fn({ requestId: `m${Math.random()}`, url, type: 'main_frame', tabId, frameId: 0 });
}
/** Meta's requests in a tab's stored state, as `event:completed`. */
const metaEvents = async (tabId: number) => (await stateOf(tabId))?.observed.flatMap((p) => p.requests.map((r) => `${r.event}:${r.completed}`)) ?? null;
const lastTitle = (api: ReturnType<typeof installToolbarApi>, tabId: number) => api.setTitle.mock.calls.filter(([c]) => c.tabId === tabId).at(-1)?.[0].title ?? '';
/** Lets the request batch (lib/request-watch BATCH_MS) reach the store. */
const batch = () => new Promise((r) => setTimeout(r, BATCH_MS + 50));

/** A Chase tab whose page sent a Meta PageView that completed, stored. */
async function openWithPixel() {
  const tab = await openProcessed('https://www.chase.com/');
  platformRequest(tab.id!, 'PageView');
  await batch();
  await vi.waitFor(async () => expect(await metaEvents(tab.id!)).toEqual(['PageView:1']));
  return tab;
}

describe('a whole visit: findings follow the document a person sees', () => {
  it('a served pixel stays told after pushState, replaceState, a fragment, a download link and a 204 link', async () => {
    const api = installToolbarApi();
    background.main();
    const tab = await openWithPixel();
    await pushState(tab.id!, 'https://www.chase.com/accounts');
    await pushState(tab.id!, 'https://www.chase.com/accounts?clean'); // replaceState gives the same event
    for (const fn of navListeners.onReferenceFragmentUpdated ?? []) fn({ tabId: tab.id, frameId: 0, url: 'https://www.chase.com/accounts?clean#top' });
    mainFrameRequest(tab.id!, 'https://www.chase.com/statement.pdf'); // a download: no commit follows
    mainFrameRequest(tab.id!, 'https://www.chase.com/noop'); // answered 204: no commit follows
    await batch();
    await vi.waitFor(async () => expect((await stateOf(tab.id!))?.inPageNavigations).toBe(3));
    expect(await metaEvents(tab.id!)).toEqual(['PageView:1']);
    expect(lastTitle(api, tab.id!)).toMatch(/Observed.*Meta/);
    const view = (await send({ type: 'get-tab-state', tabId: tab.id }, popupSender())) as { state: TabState };
    expect(view.state.observed[0]!.platform).toBe('meta');
  });

  it('a reload or a link to another page starts a new document', async () => {
    installToolbarApi();
    background.main();
    const tab = await openWithPixel();
    await commitDocument(tab.id!, 'https://www.chase.com/');
    await vi.waitFor(async () => expect(await metaEvents(tab.id!)).toEqual([]));
    platformRequest(tab.id!, 'Second');
    await batch();
    await commitDocument(tab.id!, 'https://online.citi.com/');
    await vi.waitFor(async () => expect((await stateOf(tab.id!))?.match?.site).toBe('citi.com'));
    expect(await metaEvents(tab.id!)).toEqual([]);
  });

  it('is described by its own address when it commits, never the previous site (a main-frame request alone changes nothing)', async () => {
    const api = installToolbarApi();
    background.main();
    const tab = await openProcessed('https://www.chase.com/');
    mainFrameRequest(tab.id!, 'https://online.citi.com/');
    await batch();
    expect((await stateOf(tab.id!))?.match?.site).toBe('chase.com');
    api.setTitle.mockClear();
    await commitDocument(tab.id!, 'https://online.citi.com/');
    await vi.waitFor(async () => expect((await stateOf(tab.id!))?.match?.site).toBe('citi.com'));
    for (const [call] of api.setTitle.mock.calls) expect(call.title).not.toMatch(/Chase/);
  });

  it('a closed tab leaves nothing in storage.session, not even for a beacon sent as it closed', async () => {
    installToolbarApi();
    background.main();
    const tab = await openWithPixel();
    closed.add(tab.id!);
    await fakeBrowser.tabs.onRemoved.trigger(tab.id!, { windowId: 0, isWindowClosing: false });
    platformRequest(tab.id!, 'Beacon');
    await batch();
    await batch();
    const all = await fakeBrowser.storage.session.get(null);
    expect(Object.keys(all).filter((k) => k.endsWith(`:${tab.id}`))).toEqual([]);
  });

  it('the first page after install (the worker starts after the page committed) shows its served pixel', async () => {
    const api = installToolbarApi();
    const tab = await fakeBrowser.tabs.create({ url: 'https://www.chase.com/' });
    shown.set(tab.id!, { url: 'https://www.chase.com/', documentId: 'DOC-BEFORE-INSTALL' });
    background.main();
    platformRequest(tab.id!, 'PageView');
    await batch();
    await vi.waitFor(async () => expect(await metaEvents(tab.id!)).toEqual(['PageView:1']));
    expect((await stateOf(tab.id!))?.match?.site).toBe('chase.com');
    expect(lastTitle(api, tab.id!)).toMatch(/Observed.*Meta/);
  });
});

describe(`background on the ${TARGET} target`, () => {
  it('runs for a target that is built', () => {
    expect(['chrome-mv3', 'firefox-mv2']).toContain(TARGET);
  });

  it('sets the badge of a bank tab through the toolbar API the browser has, with the catalog’s count', async () => {
    const api = installToolbarApi();
    background.main();
    const tab = await openProcessed('https://www.chase.com/');
    await vi.waitFor(() => expect(api.setTitle).toHaveBeenCalled(), { timeout: 5_000 });
    const text = api.setBadgeText.mock.calls.at(-1)![0];
    const title = api.setTitle.mock.calls.at(-1)![0];
    expect(text.tabId).toBe(tab.id);
    expect(text.text).toBe('i'); // the one mark (issue 15)
    // The count is the catalog's: arrangements naming Chase or its group, context entries left out.
    const catalog = bundledCatalog();
    const match = classifyUrl('https://www.chase.com/')!;
    const ids = new Set([...arrangementsForInstitution(catalog, match.institution)].filter((a) => a.kind !== 'context').map((a) => a.id));
    expect(ids.size).toBeGreaterThan(0);
    expect(title.title).toContain(`${ids.size} reported data arrangement${ids.size === 1 ? '' : 's'} involving JPMorgan Chase`);
    expect(api.setBadgeBackgroundColor).toHaveBeenCalledWith(expect.objectContaining({ tabId: tab.id }));
    if (IS_MV2) expect((fakeBrowser as unknown as Mutable).action).toBeUndefined();
  });

  it('keeps the tab state in storage.session under the tab’s key, with the host and not the address', async () => {
    installToolbarApi();
    background.main();
    const tab = await openProcessed('https://online.citi.com/US/login.do?secret=1');
    const state = await stateOf(tab.id!);
    expect(state!.host).toBe('online.citi.com');
    expect(JSON.stringify(state)).not.toContain('secret');
    expect(JSON.stringify(state)).not.toContain('login.do');
  });

  it('opens the first-run page on a new install only', async () => {
    installToolbarApi();
    background.main();
    const welcome = async () => (await fakeBrowser.tabs.query({})).filter((t) => t.url?.endsWith('/welcome.html')).length;
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.1.0', temporary: false });
    expect(await welcome()).toBe(0);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await vi.waitFor(async () => expect(await welcome()).toBe(1));
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await batch();
    expect(await welcome()).toBe(1);
  });

  it('records a recorded site’s document load, and keeps recording it after an in-page navigation', async () => {
    installToolbarApi();
    background.main();
    const tab = await openProcessed('https://www.chase.com/');
    expect(await send({ type: 'recording-start', site: 'chase.com', institution: 'chase' }, popupSender())).toEqual({ ok: true });
    platformRequest(tab.id!, 'PageView');
    await batch();
    await pushState(tab.id!, 'https://www.chase.com/accounts');
    platformRequest(tab.id!, 'AfterPush');
    await batch();
    await vi.waitFor(async () => {
      const { recordings } = (await send({ type: 'recording-list', site: 'chase.com' }, popupSender())) as { recordings: { loads: { path: string; observations: { event?: string }[] }[] }[] };
      expect(recordings[0]!.loads).toHaveLength(1);
      expect(recordings[0]!.loads[0]!.observations.map((o) => o.event)).toEqual(['PageView', 'AfterPush']);
      expect(recordings[0]!.loads[0]!.path).toBe('/accounts');
    });
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

/** Open a tab, commit its first document and wait until the background stored its state. */
async function openProcessed(url: string) {
  const tab = await fakeBrowser.tabs.create({ url: 'about:blank' });
  await commitDocument(tab.id!, url);
  const key = `tab:${tab.id}`;
  await vi.waitFor(async () => expect((await fakeBrowser.storage.session.get(key))[key]).toMatchObject({ host: new URL(url).hostname }), { timeout: 5_000 });
  return (await fakeBrowser.tabs.get(tab.id!)) as typeof tab;
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

  it('joins a links report to the sender’s own document: kept for a document not shown yet (Chromium’s document id), joined when it commits', async () => {
    installToolbarApi();
    background.main();
    const tab = await openProcessed('https://www.chase.com/');
    const report = { type: 'page-observations', report: { pageUrl: 'https://www.chase.com/cards', requests: [], links: [MESSENGER_LINK] } };
    const key = `tab:${tab.id}`;
    if (IS_MV2) {
      // Firefox gives no document id: a report from the tab's page joins the shown document (same origin).
      expect(await send(report, contentSender(tab, 'https://www.chase.com/cards'))).toEqual({ ok: true });
      await vi.waitFor(async () => expect((await stateOf(tab.id!))!.links.map((l) => l.platform)).toEqual(['messenger']));
      return;
    }
    // The next document already reports; its commit has not reached the worker yet.
    expect(await send(report, contentSender(tab, 'https://www.chase.com/cards', 0, 'DOC-NEXT'))).toEqual({ ok: true });
    const early = (await fakeBrowser.storage.session.get(`early:${tab.id}`))[`early:${tab.id}`] as { links: { platform: string }[] }[];
    expect(early).toHaveLength(1);
    expect(early[0]!.links.map((l) => l.platform)).toEqual(['messenger']);
    expect(JSON.stringify(early)).not.toContain('/cards');
    expect((await stateOf(tab.id!))!.links).toEqual([]);
    await commitDocument(tab.id!, 'https://www.chase.com/cards', 'DOC-NEXT');
    await vi.waitFor(async () => {
      const state = (await fakeBrowser.storage.session.get(key))[key] as { links: { platform: string }[] };
      expect(state.links.map((l) => l.platform)).toEqual(['messenger']);
    }, { timeout: 5_000 });
    expect((await fakeBrowser.storage.session.get(`early:${tab.id}`))[`early:${tab.id}`]).toBeUndefined();
  });

  it('processes the navigation at once when a cold worker gets the report first (no stored state)', async () => {
    installToolbarApi();
    background.main();
    const tab = await fakeBrowser.tabs.create({ url: 'https://www.chase.com/' });
    shown.set(tab.id!, { url: 'https://www.chase.com/', documentId: 'DOC-COLD' }); // committed before the worker ran
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
    expect(executeScript.mock.calls[0]![0].target).toEqual(IS_MV2 ? { tabId: tab.id, frameIds: [0] } : { tabId: tab.id, documentIds: [shown.get(tab.id!)!.documentId] });
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

  it('injects the notice’s UI into the asking document only where the notice shows', async () => {
    installToolbarApi();
    background.main();
    const tab = await openProcessed('https://www.chase.com/');
    const injected = () => scriptingCalls.mock.calls.filter(([d]) => d.files?.includes('/notice-ui.js')).map(([d]) => d.target);
    expect(await send({ type: 'get-notice' }, contentSender(tab, 'https://www.chase.com/', 0, 'DOC-A'))).toMatchObject({ show: true });
    expect(injected()).toEqual([{ tabId: tab.id, documentIds: ['DOC-A'] }]);
    // Shown and seen: the next page of the site gets no notice and no UI code.
    expect(await send({ type: 'notice-shown' }, contentSender(tab, 'https://www.chase.com/', 0, 'DOC-A'))).toEqual({ ok: true });
    await commitDocument(tab.id!, 'https://www.chase.com/next');
    expect(await send({ type: 'get-notice' }, contentSender(tab, 'https://www.chase.com/next', 0, 'DOC-B'))).toMatchObject({ show: false, reason: 'seen' });
    const quiet = await openProcessed('https://plain.example/');
    expect(await send({ type: 'get-notice' }, contentSender(quiet, 'https://plain.example/'))).toMatchObject({ show: false });
    expect(injected()).toHaveLength(1);
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
    expect(await send({ type: 'notice-action', action: 'hide' }, other)).toEqual({ ok: false });
    // The noticed document after history.pushState: same document id, new address.
    await pushState(tab.id!, 'https://www.chase.com/cards');
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
    const first = shown.get(tab.id!)!.documentId;
    await commitDocument(tab.id!, 'https://www.chase.com/next');
    expect(await send({ type: 'get-notice' }, contentSender(tab, 'https://www.chase.com/next', 0, 'DOC-B'))).toMatchObject({ show: true });
    // Back: the first document again, from the cache, with its notice still on screen.
    await commitDocument(tab.id!, 'https://www.chase.com/', first);
    expect(await send({ type: 'notice-action', action: 'hide' }, contentSender(tab, 'https://www.chase.com/', 0, 'DOC-A'))).toEqual({ ok: true });
    expect(await send({ type: 'notice-action', action: 'details' }, contentSender(tab, 'https://www.chase.com/', 0, 'DOC-C'))).toEqual({ ok: false });
  });

  it('refuses a notice-shown for a document the notice was not offered to (the tab moved on)', async () => {
    installToolbarApi();
    background.main();
    const tab = await openProcessed('https://www.chase.com/');
    expect(await send({ type: 'get-notice' }, contentSender(tab, 'https://www.chase.com/'))).toMatchObject({ show: true });
    await commitDocument(tab.id!, 'https://online.citi.com/');
    expect(await send({ type: 'notice-shown' }, contentSender(tab, 'https://online.citi.com/'))).toEqual({ ok: false });
    expect((await fakeBrowser.storage.local.get('noticeSeen')).noticeSeen).toBeUndefined();
  });

  it('takes notice actions only from the document its notice was injected into, and opens at most three Details tabs', async () => {
    installToolbarApi();
    const { PrefsStore } = await import('../../lib/prefs/db');
    background.main();
    // A page with no notice (a compromised renderer can send what its content script can): nothing happens.
    const quiet = await openProcessed('https://online.citi.com/');
    expect(await send({ type: 'notice-action', action: 'hide' }, contentSender(quiet, 'https://online.citi.com/'))).toEqual({ ok: false });
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
    expect(await send({ type: 'notice-action', action: 'hide' }, page)).toEqual({ ok: true });
    // Hiding is never a mute (issue 22): no decision is stored, and the badge still warns.
    expect(await new PrefsStore().getSiteDecision('chase.com')).toBeUndefined();
  });

  it('"Hide for this visit": no notice on that site in that tab until it leaves the site; other tabs and later visits get it; never a mute', async () => {
    installToolbarApi();
    const { PrefsStore } = await import('../../lib/prefs/db');
    await new PrefsStore().setPreference('alertStyle', 'notice-every-visit');
    background.main();
    const tab = await openProcessed('https://www.chase.com/');
    const page = contentSender(tab, 'https://www.chase.com/', 0, 'DOC-A');
    expect(await send({ type: 'get-notice' }, page)).toMatchObject({ show: true });
    expect(await send({ type: 'notice-action', action: 'hide' }, page)).toEqual({ ok: true });
    // The next page of the same site in the same tab: no notice.
    await commitDocument(tab.id!, 'https://www.chase.com/cards');
    expect(await send({ type: 'get-notice' }, contentSender(tab, 'https://www.chase.com/cards', 0, 'DOC-B'))).toMatchObject({ show: false, reason: 'hidden' });
    // Another tab on the same site: the notice shows.
    const other = await openProcessed('https://www.chase.com/');
    expect(await send({ type: 'get-notice' }, contentSender(other, 'https://www.chase.com/', 0, 'DOC-C'))).toMatchObject({ show: true });
    // The tab leaves the site, then comes back: a new visit, the notice shows again.
    await commitDocument(tab.id!, 'https://online.citi.com/');
    expect(await send({ type: 'get-notice' }, contentSender(tab, 'https://online.citi.com/', 0, 'DOC-D'))).toMatchObject({ show: true });
    await commitDocument(tab.id!, 'https://www.chase.com/');
    expect(await send({ type: 'get-notice' }, contentSender(tab, 'https://www.chase.com/', 0, 'DOC-E'))).toMatchObject({ show: true });
    expect(await new PrefsStore().getSiteDecision('chase.com')).toBeUndefined();
    // A site Linkwatch knows nothing about in between ends the visit too (it never asks for a notice).
    expect(await send({ type: 'notice-action', action: 'hide' }, contentSender(tab, 'https://www.chase.com/', 0, 'DOC-E'))).toEqual({ ok: true });
    await commitDocument(tab.id!, 'https://example.org/');
    await vi.waitFor(async () => expect((await fakeBrowser.storage.session.get(`noticeHidden:${tab.id}`))[`noticeHidden:${tab.id}`]).toBeUndefined());
    await commitDocument(tab.id!, 'https://www.chase.com/');
    expect(await send({ type: 'get-notice' }, contentSender(tab, 'https://www.chase.com/', 0, 'DOC-F'))).toMatchObject({ show: true });
    // The tab closes: its key goes with it.
    await fakeBrowser.tabs.onRemoved.trigger(tab.id!, { windowId: tab.windowId ?? 0, isWindowClosing: false });
    await vi.waitFor(async () => expect((await fakeBrowser.storage.session.get(`noticeHidden:${tab.id}`))[`noticeHidden:${tab.id}`]).toBeUndefined());
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
    shown.set(tab.id!, { url: 'https://www.chase.com/', documentId: 'DOC-G' });
    await fakeBrowser.storage.session.set({ [`tab:${tab.id}`]: { tabId: tab.id, navKey: 7, observed: 'x' }, [`early:${tab.id}`]: 'garbage' });
    const view = (await send({ type: 'get-tab-state', tabId: tab.id }, popupSender())) as { state: { host: string; observed: unknown[] } };
    expect(view.state.host).toBe('www.chase.com');
    expect(view.state.observed).toEqual([]);
    expect(api.setBadgeText).toHaveBeenCalledWith(expect.objectContaining({ tabId: tab.id, text: 'i' }));
  });

  it('still sets the badge and answers the popup when IndexedDB cannot be opened, and says so in both (logged too)', async () => {
    const api = installToolbarApi();
    // Logged as well as said: the failure reaches the console once per failed read.
    expectConsoleError(/Could not open Linkwatch's local database: UnknownError: The database is corrupted/);
    globalThis.indexedDB = { open: () => { throw new DOMException('The database is corrupted', 'UnknownError'); } } as unknown as IDBFactory;
    background.main();
    const tab = await openProcessed('https://www.chase.com/');
    await vi.waitFor(() => expect(api.setBadgeText).toHaveBeenCalledWith(expect.objectContaining({ tabId: tab.id, text: 'i' })), { timeout: 5_000 });
    expect(lastTitle(api, tab.id!)).toMatch(/cannot read its settings \(StorageError: .*The database is corrupted/);
    const view = (await send({ type: 'get-tab-state', tabId: tab.id }, popupSender())) as { arrangements: unknown[]; problem?: { kind: string } };
    expect(view.arrangements.length).toBeGreaterThan(0);
    expect(view.problem).toMatchObject({ kind: 'database' });
  });
});
