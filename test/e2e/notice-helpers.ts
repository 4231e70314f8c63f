/**
 * Helpers for the in-page notice in real-browser tests.
 *
 * The notice lives in a CLOSED shadow root (issue 12): `host.shadowRoot` is null for the page, and
 * Playwright's selectors, which descend only through `shadowRoot`, cannot reach it either. The test
 * reaches in the way DevTools does: CDP's DOM domain sees closed roots (`pierce: true`), and
 * `exposeNotice` gives the host a `shadowRoot` property in the page's main world and in Playwright's
 * utility world only (each world has its own wrapper of the element), so `linkwatch-notice .lw-notice`
 * locators, page.evaluate and axe work as with an open root. The shipped build is what runs: nothing in
 * it opens the root. Tests that play the attacker never call this, and check `shadowRoot` is null.
 */
import type { Locator, Page } from 'playwright-core';
import type { Session } from './harness';
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const chrome: any;

export const NOTICE = 'linkwatch-notice .lw-notice';

interface DomNode {
  nodeName: string;
  backendNodeId: number;
  frameId?: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

function findHost(node: DomNode): DomNode | undefined {
  if (node.nodeName === 'LINKWATCH-NOTICE' && node.shadowRoots?.length) return node;
  for (const child of node.children ?? []) {
    const found = findHost(child);
    if (found) return found;
  }
  return undefined;
}

/**
 * Test-only: make the notice's closed shadow root reachable to the test (main and Playwright utility
 * worlds of the top frame) through CDP. Returns false while there is no notice host in the page.
 */
export async function exposeNotice(page: Page): Promise<boolean> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts: { id: number; name: string; auxData?: { isDefault?: boolean; frameId?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context as (typeof contexts)[number]));
    await cdp.send('Runtime.enable');
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as unknown as { root: DomNode & { children?: DomNode[] } };
    const host = findHost(root);
    if (!host) return false;
    const frameId = root.frameId ?? root.children?.find((c) => c.frameId)?.frameId;
    const worlds = contexts.filter((c) => (!frameId || c.auxData?.frameId === frameId) && (c.auxData?.isDefault || c.name.startsWith('__playwright_utility_world')));
    for (const world of worlds) {
      const resolve = async (backendNodeId: number) =>
        ((await cdp.send('DOM.resolveNode', { backendNodeId, executionContextId: world.id })) as { object: { objectId?: string } }).object.objectId;
      const hostId = await resolve(host.backendNodeId);
      const rootId = await resolve(host.shadowRoots![0]!.backendNodeId);
      await cdp.send('Runtime.callFunctionOn', {
        objectId: hostId,
        functionDeclaration: 'function (root) { Object.defineProperty(this, "shadowRoot", { get: () => root, configurable: true }); }',
        arguments: [{ objectId: rootId }],
      });
    }
    return true;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Wait until the notice is placed and its entrance animation is over; returns the card (see exposeNotice). */
export async function waitForNotice(page: Page, timeout = 10_000): Promise<Locator> {
  const deadline = Date.now() + timeout;
  while (!(await exposeNotice(page))) {
    if (Date.now() > deadline) throw new Error('no notice appeared');
    await page.waitForTimeout(50);
  }
  await page.waitForSelector(`${NOTICE}:not([data-measuring])`, { timeout: Math.max(1_000, deadline - Date.now()) });
  await page.waitForFunction(() => document.querySelector('linkwatch-notice')?.shadowRoot?.querySelector('.lw-notice')?.getAnimations().length === 0);
  // A click counts only on a notice that has stayed where it is for 0.7 s (clickjacking; notice-ui STILL_MS,
  // counted from the end of its entrance), as it has by the time a person has read it.
  await page.waitForTimeout(1_100);
  return page.locator(NOTICE);
}

/**
 * True when no notice appeared within `ms` after the page loaded. The content script asks the background
 * once the document is idle and gets its answer in milliseconds; a second is a wide margin.
 */
export async function noNoticeWithin(page: Page, ms = 1_500): Promise<boolean> {
  await page.waitForLoadState('load');
  await page.waitForTimeout(ms);
  return (await page.locator('linkwatch-notice').count()) === 0;
}

/** The sites in the notice's "seen" list, read in the service worker. */
export async function noticeSeen(session: Session): Promise<unknown> {
  const sw = await session.serviceWorker();
  return sw.evaluate(async () => (await chrome.storage.local.get('noticeSeen')).noticeSeen);
}

/**
 * Wait until the "seen" list is `expected`: a first-visit site joins it only once its notice has been on
 * screen for a second (`notice-shown`), not when the notice is offered.
 */
export async function waitForSeen(session: Session, expected: string[], timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < until) {
    last = await noticeSeen(session);
    if (JSON.stringify(last) === JSON.stringify(expected)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the seen list stayed ${JSON.stringify(last)}, expected ${JSON.stringify(expected)}`);
}

/** Choose the alert style on the options page, as a person would. */
export async function chooseAlertStyle(session: Session, label: string | RegExp): Promise<void> {
  const options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/options.html#/settings`);
  const radio = options.getByRole('radio', { name: label });
  // The page may still be reading the stored choice when the click lands: wait for the saved state.
  await radio.click();
  await options.getByRole('status').waitFor();
  const deadline = Date.now() + 5_000;
  while (!(await radio.isChecked())) {
    if (Date.now() > deadline) throw new Error(`alert style ${label} was not saved`);
    await options.waitForTimeout(50);
  }
  await options.close();
}

/**
 * How many of the notice's buttons axe checked (its `button-name` rule, run on the host after
 * `exposeNotice`): proof that an axe run on the notice reached inside its closed shadow root. axe must
 * already be injected in the page (test/e2e/axe.ts `axeCheck` does it).
 */
export async function axeButtonsChecked(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const run = (globalThis as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ passes: { nodes: unknown[] }[] }> } }).axe.run;
    const result = await run(document.querySelector('linkwatch-notice'), { runOnly: ['button-name'], resultTypes: ['passes'] });
    return result.passes[0]?.nodes.length ?? 0;
  });
}
