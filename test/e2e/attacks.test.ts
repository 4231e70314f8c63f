/**
 * Issue 12, the message attacks, in real Chromium. Code runs as Linkwatch's own content script: in the
 * content script's isolated world on a bank page (found through CDP `Runtime.enable`, the world named after
 * the extension), so the background sees the very `sender` a compromised renderer would produce.
 *
 * - a content script asks `get-tab-state` for another tab (and for its own): refused;
 * - a content script sends `prefs-changed` in a loop: every one refused, the background still answers;
 * - a report that comes before the background knows the navigation (a stopped worker): kept and shown;
 * - a custom list re-imported corrected under the same id, date and sizes: its new domains match at once.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgeOf, launch, openOptions, openPopupForTab, openTab, pollUntil, ROOT, stopServiceWorker, tabIdOf, waitForBadge } from './harness';

type S = Awaited<ReturnType<typeof launch>>;
declare const chrome: any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A handle on Linkwatch's content-script world in `page`'s top frame. */
async function contentScriptWorld(session: S, page: Page): Promise<{ cdp: CDPSession; contextId: number }> {
  const cdp = await session.context.newCDPSession(page);
  const contexts: { id: number; origin: string; auxData?: { type?: string; frameId?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context as never));
  await cdp.send('Runtime.enable');
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const ours = await pollUntil(
    async () => contexts.find((c) => c.origin === `chrome-extension://${session.extensionId}` && c.auxData?.type === 'isolated' && c.auxData.frameId === frameTree.frame.id),
    (c) => c !== undefined,
    'the content script world',
  );
  return { cdp, contextId: ours!.id };
}

/** Send `message` from the content script: `{ ok, value }` with the answer, or `{ ok: false, error }` with the rejection. */
async function sendAsContentScript(world: { cdp: CDPSession; contextId: number }, message: unknown): Promise<{ ok: boolean; value?: unknown; error?: string }> {
  const { result, exceptionDetails } = await world.cdp.send('Runtime.evaluate', {
    contextId: world.contextId,
    awaitPromise: true,
    returnByValue: true,
    expression: `chrome.runtime.sendMessage(${JSON.stringify(message)}).then((value) => ({ ok: true, value }), (e) => ({ ok: false, error: String(e && e.message || e) }))`,
  });
  if (exceptionDetails) throw new Error(exceptionDetails.text);
  return result.value as { ok: boolean; value?: unknown; error?: string };
}

/**
 * A refusal, as the router words it: `Linkwatch refused TYPE from a sender of class CLASS (REASON)`. Only our
 * own words are matched, never the browser's: how the rejection reaches the sender differs between versions
 * (Chromium 150 prefixes "Uncaught RefusedMessage: ", Chromium 156 gives the message alone).
 */
function refusal(type: string | null, senderClass: string, reason?: 'sender-not-allowed' | 'not-a-request'): RegExp {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`Linkwatch refused ${type === null ? 'a message' : escape(type)} from a sender of class ${escape(senderClass)} \\(${reason ?? '[a-z-]+'}\\)`);
}

// Content scripts report links only (requests are seen by webRequest): a link to Messenger is what a page's report carries.
const MESSENGER_LINK = 'https://m.me/chase';

/** The popup's "Observed on this page" text for a tab (the popup is opened and closed again). */
async function observedInPopup(session: Parameters<typeof openPopupForTab>[0], tabId: number): Promise<string> {
  const popup = await openPopupForTab(session, tabId);
  try {
    return (await popup.locator('section.observed').textContent()) ?? '';
  } finally {
    await popup.close();
  }
}

describe('a content script (or a renderer speaking as one)', () => {
  let session: S;
  beforeAll(async () => {
    session = await launch();
  });
  afterAll(async () => session?.close());

  it('cannot read another tab’s state, nor its own through get-tab-state', async () => {
    const victim = await openTab(session, 'https://online.citi.com/');
    const victimId = await tabIdOf(session, victim);
    const attacker = await openTab(session, 'https://www.chase.com/');
    const attackerId = await tabIdOf(session, attacker);
    const world = await contentScriptWorld(session, attacker);
    // The world really is the content script's: its own messages are answered.
    const notice = await sendAsContentScript(world, { type: 'get-notice-content' });
    expect(notice).toMatchObject({ ok: true, value: { site: 'chase.com' } });

    const other = await sendAsContentScript(world, { type: 'get-tab-state', tabId: victimId });
    expect(other.ok).toBe(false);
    expect(other.error).toMatch(refusal('get-tab-state', 'top-frame-content-script', 'sender-not-allowed'));
    expect(JSON.stringify(other)).not.toMatch(/citi/i);
    const own = await sendAsContentScript(world, { type: 'get-tab-state', tabId: attackerId });
    expect(own.ok).toBe(false);
    expect(own.error).toMatch(refusal('get-tab-state', 'top-frame-content-script', 'sender-not-allowed'));
    // The popup, an extension page, still gets it.
    const popup = await openPopupForTab(session, victimId);
    expect(await popup.textContent('.owner')).toContain('Citi');
    await Promise.all([popup.close(), victim.close(), attacker.close()]);
  });

  it('cannot send prefs-changed, however often; the background keeps answering', async () => {
    const page = await openTab(session, 'https://www.chase.com/');
    const tabId = await tabIdOf(session, page);
    const before = await waitForBadge(session, tabId, (b) => b.text === 'i');
    const world = await contentScriptWorld(session, page);
    const { result } = await world.cdp.send('Runtime.evaluate', {
      contextId: world.contextId,
      awaitPromise: true,
      returnByValue: true,
      expression: `Promise.all(Array.from({ length: 500 }, () => chrome.runtime.sendMessage({ type: 'prefs-changed' }).then(() => 'answered', (e) => String(e.message))))`,
    });
    const answers = result.value as string[];
    expect(answers).toHaveLength(500);
    // Every one rejected (none 'answered'), each with the same refusal naming the type and the sender's class.
    expect(new Set(answers).size).toBe(1);
    expect(answers[0]).toMatch(refusal('prefs-changed', 'top-frame-content-script', 'sender-not-allowed'));
    // Other refused shapes and types.
    const others: [unknown, RegExp][] = [
      [{ type: 'clear-notice-seen' }, refusal('clear-notice-seen', 'top-frame-content-script', 'sender-not-allowed')],
      [{ type: 'get-notice-seen' }, refusal('get-notice-seen', 'top-frame-content-script', 'sender-not-allowed')],
      [{ type: 'get-all-tabs' }, refusal('get-all-tabs', 'top-frame-content-script')],
      [{ type: 'get-tab-state', tabId: -1 }, refusal('get-tab-state', 'top-frame-content-script')],
      ['prefs-changed', refusal(null, 'top-frame-content-script', 'not-a-request')],
    ];
    for (const [message, expected] of others) {
      const answer = await sendAsContentScript(world, message);
      expect(answer.ok, JSON.stringify(message)).toBe(false);
      expect(answer.error, JSON.stringify(message)).toMatch(expected);
    }
    expect(await badgeOf(session, tabId)).toEqual(before);
    const popup = await openPopupForTab(session, tabId);
    expect(await popup.textContent('.owner')).toContain('Chase');
    await Promise.all([popup.close(), page.close()]);
  });

  it('a report that comes before the background knows the page is kept and shown (stopped worker, no state yet)', async () => {
    const page = await openTab(session, 'https://www.chase.com/');
    const tabId = await tabIdOf(session, page);
    await waitForBadge(session, tabId, (b) => b.text === 'i');
    const world = await contentScriptWorld(session, page);
    // The worker forgets the tab (as after a crash of its session data) and is stopped, as when idle.
    const sw = await session.serviceWorker();
    await sw.evaluate((id) => chrome.storage.session.remove(`tab:${id}`), tabId);
    await stopServiceWorker(session);
    // The page's report wakes the worker: it comes before any navigation event.
    const answer = await sendAsContentScript(world, { type: 'page-observations', report: { pageUrl: 'https://www.chase.com/', requests: [], links: [MESSENGER_LINK] } });
    expect(answer).toEqual({ ok: true, value: { ok: true } });
    // Links raise no badge by default (badge levels), so the popup is where the kept report shows.
    await pollUntil(() => observedInPopup(session, tabId), (text) => text.includes('m.me'), 'the popup of the reporting tab');
    await page.close();
  });

  it('a report sent with the in-page navigation it belongs to, to a stopped worker, is kept and shown', async () => {
    const page = await openTab(session, 'https://www.chase.com/');
    const tabId = await tabIdOf(session, page);
    await waitForBadge(session, tabId, (b) => b.text === 'i');
    const world = await contentScriptWorld(session, page);
    await stopServiceWorker(session);
    // pushState (a tabs.onUpdated event) and the report leave together; whichever the worker gets first,
    // the report belongs to /cards and must be shown there.
    await page.evaluate(() => history.pushState(null, '', '/cards'));
    const answer = await sendAsContentScript(world, { type: 'page-observations', report: { pageUrl: 'https://www.chase.com/cards', requests: [], links: [MESSENGER_LINK] } });
    expect(answer).toEqual({ ok: true, value: { ok: true } });
    // Links raise no badge by default (badge levels), so the popup is where the kept report shows.
    await pollUntil(() => observedInPopup(session, tabId), (text) => text.includes('m.me'), 'the popup of the reporting tab');
    await page.close();
  });

  it('a report about another page than its own is refused and not kept', async () => {
    const page = await openTab(session, 'https://www.chase.com/');
    const tabId = await tabIdOf(session, page);
    await waitForBadge(session, tabId, (b) => b.text === 'i');
    const world = await contentScriptWorld(session, page);
    const answer = await sendAsContentScript(world, { type: 'page-observations', report: { pageUrl: 'https://online.citi.com/', requests: [], links: [MESSENGER_LINK] } });
    expect(answer).toEqual({ ok: true, value: { ok: false } });
    const sw = await session.serviceWorker();
    expect(await sw.evaluate(async (id) => (await chrome.storage.session.get(`early:${id}`))[`early:${id}`] ?? null, tabId)).toBeNull();
    await page.close();
  });
});

describe('a corrected list re-imported under the same id, date and sizes', () => {
  let session: S;
  beforeAll(async () => {
    session = await launch({ routes: { 'https://www.example.com/': { file: 'bank.html' }, 'https://www.examplebank.com/': { file: 'bank.html' } } });
  });
  afterAll(async () => session?.close());

  it('matches its new domains at once, and no longer the old ones', async () => {
    const original = readFileSync(join(ROOT, 'test/fixtures/config/v1-list.json'), 'utf8');
    const corrected = JSON.parse(original);
    corrected.list.institutions[0].domains[0].domain = 'examplebank.com';
    const dir = mkdtempSync(join(tmpdir(), 'linkwatch-list-'));
    const correctedFile = join(dir, 'v1-list-corrected.json');
    writeFileSync(correctedFile, JSON.stringify(corrected, null, 2));

    const data = await openOptions(session, 'data');
    await data.locator('input[type=file]').setInputFiles(join(ROOT, 'test/fixtures/config/v1-list.json'));
    await data.getByRole('button', { name: 'Apply these changes' }).click();
    await data.locator('li[data-list="advocate-test-list"]').waitFor();
    const wrong = await openTab(session, 'https://www.example.com/');
    const wrongId = await tabIdOf(session, wrong);
    await waitForBadge(session, wrongId, (b) => b.text !== '');

    await data.locator('input[type=file]').setInputFiles(correctedFile);
    await expect.poll(async () => (await data.locator('.preview, .import-errors').first().textContent().catch(() => '')) ?? '').not.toBe('');
    expect(await data.locator('.import-errors').count()).toBe(0);
    await data.getByRole('button', { name: 'Apply these changes' }).click();
    await data.getByText('Imported: the changes are applied.').waitFor();

    const right = await openTab(session, 'https://www.examplebank.com/');
    const rightId = await tabIdOf(session, right);
    const badge = await waitForBadge(session, rightId, (b) => b.text !== '', 5_000);
    expect(badge.text).toBe('i');
    const popup = await openPopupForTab(session, rightId);
    expect(await popup.textContent('.owner')).toBe('This site belongs to Example Bank.');
    await wrong.reload();
    await waitForBadge(session, wrongId, (b) => b.text === '', 5_000);
  });
});
