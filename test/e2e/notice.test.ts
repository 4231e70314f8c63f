/**
 * Issue 6, the in-page notice in the real browser: shown once per site by default, never again after
 * "not on this site", on every visit when so set, never over the sign-in form, untouched by the page's CSS,
 * and "Details" opening the popup's view of the tab.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgeOf, launch, openPopupForTab, openTab, tabIdOf, waitForBadge, type Fixture } from './harness';
import { chooseAlertStyle, NOTICE, noNoticeWithin, noticeSeen, waitForNotice, waitForSeen } from './notice-helpers';

type S = Awaited<ReturnType<typeof launch>>;

const page = (body: string, head = ''): Fixture => ({ body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fixture</title>${head}</head><body>${body}</body></html>` });
const LOGIN = '<label>User ID <input name="user"></label> <label>Password <input name="password" type="password"></label> <button>Sign in</button>';
const ROUTES: Record<string, Fixture> = {
  // The sign-in form sits exactly where the card would go by default.
  'https://www.usbank.com/login-corner': page(`<h1>Bank</h1><form id="login" style="position:fixed;right:16px;bottom:16px;width:380px;height:200px">${LOGIN}</form>`),
  // A single-page app that shows its sign-in form later, in the bottom-right corner: when the test says so
  // (after the notice is on screen), not after a fixed delay that a busy machine can outlast.
  'https://www.usbank.com/late-login': page(
    '<h1>Bank</h1>',
    `<script>window.showLogin = () => { const f = document.createElement('form'); f.id = 'login'; f.style.cssText = 'position:fixed;right:0;bottom:0;width:420px;height:260px'; f.innerHTML = ${JSON.stringify(LOGIN)}; document.body.append(f); };</script>`,
  ),
  // A page whose CSS tries to restyle or hide everything, the notice included.
  'https://www.wellsfargo.com/hostile-css': page(
    '<h1>Bank</h1>',
    '<style>linkwatch-notice{display:none!important} *{font-family:serif!important;font-size:40px!important;color:red!important} button{background:red!important}</style>',
  ),
};

async function boxes(p: import('playwright-core').Page) {
  const notice = await p.locator(NOTICE).boundingBox();
  const form = await p.locator('form#login').boundingBox();
  if (!notice || !form) throw new Error('notice or form not found');
  const overlap = notice.x < form.x + form.width && form.x < notice.x + notice.width && notice.y < form.y + form.height && form.y < notice.y + notice.height;
  return { notice, form, overlap };
}

describe('first visit per site (the default)', () => {
  let session: S;
  beforeAll(async () => {
    session = await launch({ routes: ROUTES });
  });
  afterAll(async () => session?.close());

  it('shows on the first visit to chase.com: the owner, a one-line summary, and three actions', async () => {
    const p = await openTab(session, 'https://www.chase.com/');
    const notice = await waitForNotice(p);
    expect(await notice.getAttribute('aria-label')).toBe('Linkwatch notice');
    expect(await notice.locator('.lw-owner').textContent()).toBe('This site belongs to Chase (JPMorgan Chase).');
    expect(await notice.locator('.lw-summary').textContent()).toMatch(/^Reported \d+ data arrangements involving JPMorgan Chase\. Most relevant report: “.+”\.$/);
    // How well the most relevant report is sourced (issue 13: confidence in every view).
    expect(await notice.locator('.lw-sourcing').textContent()).toMatch(/^Well sourced: \d+ publishers/);
    for (const name of ['Details', 'Hide for this visit', 'Close the Linkwatch notice']) expect(await notice.getByRole('button', { name }).count()).toBe(1);
    // Only the registrable domain is kept, never the address.
    await waitForSeen(session, ['chase.com']);
  });

  it('does not show again on chase.com: not in a new tab, not after a reload', async () => {
    const again = await openTab(session, 'https://www.chase.com/');
    expect(await noNoticeWithin(again)).toBe(true);
    await again.reload();
    expect(await noNoticeWithin(again)).toBe(true);
  });

  it('shows on another bank, and on Messenger (first party, no tracking claim)', async () => {
    await waitForNotice(await openTab(session, 'https://online.citi.com/'));
    const messenger = await waitForNotice(await openTab(session, 'https://www.messenger.com/t/1'));
    expect(await messenger.locator('.lw-owner').textContent()).toBe('This site is Messenger itself, part of Meta.');
    expect(await messenger.locator('.lw-tag').textContent()).toBe("Platform's own site");
    await waitForSeen(session, ['chase.com', 'citi.com', 'messenger.com']);
  });

  it('closes with its close button and with Escape, and is gone for the page', async () => {
    await chooseAlertStyle(session, 'Badge, and a small notice on every visit');
    const p = await openTab(session, 'https://www.wellsfargo.com/');
    await waitForNotice(p);
    await p.locator(NOTICE).getByRole('button', { name: 'Close the Linkwatch notice' }).click();
    expect(await p.locator('linkwatch-notice').count()).toBe(0);
    await p.reload();
    await waitForNotice(p);
    await p.locator(NOTICE).getByRole('button', { name: 'Details' }).focus();
    await p.keyboard.press('Escape');
    expect(await p.locator('linkwatch-notice').count()).toBe(0);
    await chooseAlertStyle(session, /first visit to each site/);
  });

  it('the options page lists the sites; forgetting them shows the notice again', async () => {
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html#/settings`);
    const list = options.locator('.seen-sites li');
    await list.first().waitFor();
    expect(await list.allTextContents()).toEqual(['chase.com', 'citi.com', 'messenger.com']);
    await options.getByRole('button', { name: 'Forget these sites' }).click();
    await options.getByText('Forgotten: the notice will show again on your next visit to each site.').waitFor();
    expect(await options.getByText('None yet.').count()).toBe(1);
    expect(await noticeSeen(session)).toBeUndefined();
    await waitForNotice(await openTab(session, 'https://www.chase.com/'));
  });

  it('"Clear all local data" forgets them too', async () => {
    await waitForSeen(session, ['chase.com']);
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html#/settings`);
    await options.getByRole('button', { name: 'Clear all local data…' }).click();
    await options.getByRole('button', { name: 'Yes, delete everything' }).click();
    await options.getByText('All local data was deleted; the defaults apply.').waitFor();
    expect(await noticeSeen(session)).toBeUndefined();
  });
});

describe('"Hide for this visit" in the notice; muting only in the popup (issue 22)', () => {
  let session: S;
  beforeAll(async () => {
    session = await launch({ routes: ROUTES });
  });
  afterAll(async () => session?.close());

  it('hides the notice for this visit on a real click: it says so and where muting lives; the badge still warns; never a mute', async () => {
    await chooseAlertStyle(session, 'Badge, and a small notice on every visit');
    const p = await openTab(session, 'https://www.wellsfargo.com/');
    const tabId = await tabIdOf(session, p);
    const badge = await waitForBadge(session, tabId, (b) => b.text !== '');
    const notice = await waitForNotice(p);
    await notice.getByRole('button', { name: 'Hide for this visit' }).click();
    const status = notice.getByRole('status');
    await status.waitFor();
    expect(await status.textContent()).toBe(
      'Hidden: no notice on wellsfargo.com in this tab until you leave the site. The toolbar badge still warns you.' + 'To mute Linkwatch on wellsfargo.com, use the Linkwatch button in the toolbar.',
    );
    // Focus follows to the status line (the pressed button is gone).
    expect(await p.evaluate(() => document.querySelector('linkwatch-notice')?.shadowRoot?.activeElement?.getAttribute('role'))).toBe('status');
    // Nothing muted: the badge is as it was, the popup offers the mute.
    expect(await badgeOf(session, tabId)).toEqual(badge);
    const popup = await openPopupForTab(session, tabId);
    expect(await popup.getByRole('button', { name: 'Mute Linkwatch on wellsfargo.com' }).count()).toBe(1);
    await popup.close();
    // This visit: another page of the site in this tab gets no notice; another tab does.
    await p.reload();
    expect(await noNoticeWithin(p)).toBe(true);
    await waitForNotice(await openTab(session, 'https://www.wellsfargo.com/app'));
    // Leaving the site ends the visit: back on it, the notice shows again.
    await p.goto('https://www.chase.com/');
    await waitForNotice(p);
    await p.goto('https://www.wellsfargo.com/');
    await waitForNotice(p);
  });

  it('the popup mutes for good, with its undo beside it; the notice then stays away on the site', async () => {
    const p = await openTab(session, 'https://www.usbank.com/');
    const tabId = await tabIdOf(session, p);
    await waitForNotice(p);
    const before = await waitForBadge(session, tabId, (b) => b.text !== '');
    const popup = await openPopupForTab(session, tabId);
    await popup.getByRole('button', { name: 'Mute Linkwatch on usbank.com' }).click();
    await expect.poll(() => popup.getByRole('status').textContent()).toContain('Muted on usbank.com: no badge warning, no notice.');
    await waitForBadge(session, tabId, (b) => b.text === '' && b.title === 'Linkwatch: muted on usbank.com');
    await p.reload();
    expect(await noNoticeWithin(p)).toBe(true);
    await popup.getByRole('button', { name: 'Undo' }).click();
    await waitForBadge(session, tabId, (b) => b.text === before.text && b.title === before.title);
    await p.reload();
    await waitForNotice(p);
  });
});

describe('every visit, and badge only', () => {
  let session: S;
  beforeAll(async () => {
    session = await launch({ routes: ROUTES });
  });
  afterAll(async () => session?.close());

  it('every visit: the notice shows each time', async () => {
    await chooseAlertStyle(session, 'Badge, and a small notice on every visit');
    const p = await openTab(session, 'https://www.chase.com/');
    await waitForNotice(p);
    await p.reload();
    await waitForNotice(p);
    await waitForNotice(await openTab(session, 'https://www.chase.com/'));
    // Nothing is recorded in this mode.
    expect(await noticeSeen(session)).toBeUndefined();
  });

  it('badge only: no notice, not even on a first visit', async () => {
    await chooseAlertStyle(session, 'Toolbar badge only');
    expect(await noNoticeWithin(await openTab(session, 'https://online.citi.com/'))).toBe(true);
  });

  it('no notice on a site nothing is known about', async () => {
    await chooseAlertStyle(session, 'Badge, and a small notice on every visit');
    expect(await noNoticeWithin(await openTab(session, 'https://example.org/'))).toBe(true);
  });
});

describe('placement: never over the sign-in form', () => {
  let session: S;
  beforeAll(async () => {
    session = await launch({ routes: ROUTES });
    await chooseAlertStyle(session, 'Badge, and a small notice on every visit');
  });
  afterAll(async () => session?.close());

  it.each([
    [1280, 720],
    [800, 500],
    [420, 300],
    [360, 640],
  ])('on the bank fixture at %ix%i', async (width, height) => {
    const p = await session.context.newPage();
    await p.setViewportSize({ width, height });
    await p.goto('https://www.chase.com/');
    await waitForNotice(p);
    const { overlap, notice, form } = await boxes(p);
    expect(overlap, `notice ${JSON.stringify(notice)} over form ${JSON.stringify(form)}`).toBe(false);
    expect(notice.x >= 0 && notice.y >= 0 && notice.x + notice.width <= width && notice.y + notice.height <= height).toBe(true);
  });

  it('moves to the other corner when the form is in its way', async () => {
    const p = await openTab(session, 'https://www.usbank.com/login-corner');
    const notice = await waitForNotice(p);
    expect(await notice.getAttribute('data-corner')).toBe('bottom-left');
    expect((await boxes(p)).overlap).toBe(false);
  });

  it('moves when a sign-in form appears later', async () => {
    const p = await openTab(session, 'https://www.usbank.com/late-login');
    const notice = await waitForNotice(p);
    expect(await notice.getAttribute('data-corner')).toBe('bottom-right');
    await p.evaluate(() => (window as unknown as { showLogin(): void }).showLogin());
    await p.locator('form#login').waitFor();
    await p.waitForFunction(() => document.querySelector('linkwatch-notice')?.shadowRoot?.querySelector('.lw-notice')?.getAttribute('data-corner') !== 'bottom-right');
    expect((await boxes(p)).overlap).toBe(false);
  });

  it('collapses to a pill when there is no free corner; the pill opens the card on request', async () => {
    const p = await session.context.newPage();
    await p.setViewportSize({ width: 420, height: 300 });
    await p.goto('https://www.chase.com/');
    const notice = await waitForNotice(p);
    const pill = notice.getByRole('button', { name: 'Linkwatch: about this site' });
    expect(await pill.getAttribute('aria-expanded')).toBe('false');
    await pill.click();
    await notice.getByRole('button', { name: 'Details' }).waitFor();
    // Focus goes to the card's first action.
    expect(await p.evaluate(() => document.querySelector('linkwatch-notice')?.shadowRoot?.activeElement?.textContent)).toBe('Details');
  });
});

describe('the notice and the page', () => {
  let session: S;
  beforeAll(async () => {
    session = await launch({ routes: ROUTES });
    await chooseAlertStyle(session, 'Badge, and a small notice on every visit');
  });
  afterAll(async () => session?.close());

  it("is not styled by the page's CSS", async () => {
    const p = await openTab(session, 'https://www.wellsfargo.com/hostile-css');
    const notice = await waitForNotice(p);
    expect(await notice.isVisible()).toBe(true);
    const style = await notice.getByRole('button', { name: 'Details' }).evaluate((b) => {
      const s = getComputedStyle(b);
      return { fontSize: s.fontSize, fontFamily: s.fontFamily, color: s.color };
    });
    expect(style.fontSize).toBe('13px');
    expect(style.fontFamily).not.toMatch(/^serif/);
    expect(style.color).not.toBe('rgb(255, 0, 0)');
  });

  it('"Details" opens the popup for this tab in a new tab', async () => {
    const p = await openTab(session, 'https://www.chase.com/');
    const tabId = await tabIdOf(session, p);
    const notice = await waitForNotice(p);
    const [details] = await Promise.all([session.context.waitForEvent('page'), notice.getByRole('button', { name: 'Details' }).click()]);
    await details.waitForSelector('main.popup .owner');
    expect(details.url()).toBe(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
    expect(await details.textContent('.owner')).toBe('This site belongs to Chase (JPMorgan Chase).');
    expect(await details.locator('[data-arrangement="fb-us-banks-messenger-2018"]').count()).toBe(1);
  });

  it('respects reduced motion and dark mode', async () => {
    const p = await session.context.newPage();
    await p.emulateMedia({ reducedMotion: 'reduce', colorScheme: 'dark' });
    await p.goto('https://www.chase.com/');
    const notice = await waitForNotice(p);
    const style = await notice.evaluate((el) => ({ animation: getComputedStyle(el).animationName, background: getComputedStyle(el).backgroundColor }));
    expect(style.animation).toBe('none');
    expect(style.background).toBe('rgb(31, 41, 55)');
  });
});

describe('what was observed after the notice showed', () => {
  let session: S;
  beforeAll(async () => {
    session = await launch();
  });
  afterAll(async () => session?.close());

  it('joins the notice’s summary once the Meta Pixel’s requests are seen', async () => {
    const p = await openTab(session, 'https://www.chase.com/meta-pixel');
    const notice = await waitForNotice(p);
    await expect
      .poll(() => notice.locator('.lw-summary').textContent(), { timeout: 10_000 })
      .toContain("This page's requests to the tracking tools of Meta completed.");
    // Still the first visit's notice: the site is recorded once.
    await waitForSeen(session, ['chase.com']);
  });
});
