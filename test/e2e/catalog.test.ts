/**
 * Issue 3 in the real browser: the catalog shown on banks' real addresses, on Messenger, and in the
 * options page's catalog browser with per-entry addresses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPopupForTab, openTab, tabIdOf, waitForBadge } from './harness';

type S = Awaited<ReturnType<typeof launch>>;

describe('catalog entries on the sites they concern', () => {
  let session: S;
  beforeAll(async () => {
    session = await launch({
      routes: {
        'https://www.americanexpress.com/': { file: 'bank.html' },
        'https://www.rbcroyalbank.com/': { file: 'bank.html' },
        'https://mabanque.bnpparibas/': { file: 'bank.html' },
        'https://www.chase.com/': { file: 'bank.html' },
      },
    });
  });
  afterAll(async () => session?.close());

  async function popupFor(url: string) {
    const page = await openTab(session, url);
    const tabId = await tabIdOf(session, page);
    await waitForBadge(session, tabId, (b) => b.title !== '' && b.title !== 'Linkwatch');
    return openPopupForTab(session, tabId);
  }

  it.each([
    ['https://www.americanexpress.com/', 'amex-messenger-bot-2016', 'American Express'],
    ['https://www.rbcroyalbank.com/', 'fb-rbc-private-messages-2018', 'RBC'],
    ['https://mabanque.bnpparibas/', 'hellobank-bnp-messenger-chatbot', 'BNP Paribas'],
  ])('%s lists %s', async (url, id, owner) => {
    const popup = await popupFor(url);
    expect(await popup.textContent('.owner')).toContain(owner);
    expect(await popup.locator(`article[data-arrangement="${id}"]`).count()).toBe(1);
    // Sources are links only when https; each entry links to its own catalog address.
    const more = popup.locator(`article[data-arrangement="${id}"] .more a`);
    expect(await more.getAttribute('href')).toBe(`chrome-extension://${session.extensionId}/options.html#/arrangement/${id}`);
  });

  it('www.messenger.com lists at least eight Meta arrangements, the 2018 Messenger report first', async () => {
    const popup = await popupFor('https://www.messenger.com/t/1');
    const ids = await popup.locator('article[data-arrangement]').evaluateAll((els) => els.map((e) => e.getAttribute('data-arrangement')));
    expect(ids.length).toBeGreaterThanOrEqual(8);
    expect(ids[0]).toBe('fb-us-banks-messenger-2018');
    expect(ids).toContain('avanza-meta-pixel-imy-2024');
    // Platform-and-bank reports first, then the labelled classes (aggregators, regulation, context).
    const classes = await popup.locator('article[data-arrangement]').evaluateAll((els) => els.map((e) => e.getAttribute('data-relevance')));
    const order = ['platform-bank', 'other', 'aggregator', 'regulation', 'context'];
    const ranks = classes.map((c) => order.indexOf(c ?? ''));
    expect(ranks.every((r) => r >= 0)).toBe(true);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(await popup.locator('article[data-relevance="aggregator"] .class-label').first().textContent()).toBe('Aggregator or data broker');
    expect(await popup.locator('article[data-relevance="platform-bank"] .class-label').count()).toBe(0);
    // Each entry says how well it is sourced.
    expect(await popup.locator('article[data-arrangement="fb-us-banks-messenger-2018"] .sourcing').textContent()).toMatch(/^Well sourced: \d+ publishers/);
    // Status in words, evidence level explicit.
    expect(await popup.textContent('main')).toMatch(/Ruled by|Denied by|Reported by/);
  });

  it('www.chase.com shows the 2018 Messenger report first', async () => {
    const popup = await popupFor('https://www.chase.com/');
    const first = await popup.locator('article[data-arrangement]').first().getAttribute('data-arrangement');
    expect(first).toBe('fb-us-banks-messenger-2018');
  });

  it('an unrelated site shows nothing', async () => {
    const popup = await popupFor('https://example.org/');
    expect(await popup.textContent('.empty')).toBe('Linkwatch has no information about this site.');
    expect(await popup.locator('article').count()).toBe(0);
  });
});

describe('the catalog page in the options page', () => {
  let session: S;
  beforeAll(async () => {
    session = await launch();
  });
  afterAll(async () => session?.close());

  it('searches by words and filters by country, year and status', async () => {
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/options.html#/catalog`);
    const count = () => page.locator('ul.entries > li').count();
    const all = await count();
    expect(all).toBeGreaterThanOrEqual(25);
    await page.getByLabel('Search').fill('Avanza');
    await expect.poll(count).toBe(1);
    expect(await page.locator('ul.entries > li').first().getAttribute('data-arrangement')).toBe('avanza-meta-pixel-imy-2024');
    await page.getByLabel('Search').fill('');
    await page.getByLabel('Country').selectOption('FR');
    await expect.poll(count).toBeGreaterThanOrEqual(1);
    const fr = await page.locator('ul.entries > li').evaluateAll((els) => els.map((e) => e.getAttribute('data-arrangement')));
    expect(fr).toContain('hellobank-bnp-messenger-chatbot');
    expect(fr).toContain('carrefour-banque-cnil-2020');
    await page.getByLabel('Country').selectOption('');
    await page.getByLabel('Year').selectOption('2018');
    await page.getByLabel('Status').selectOption('ended');
    const ended2018 = await page.locator('ul.entries > li').evaluateAll((els) => els.map((e) => e.getAttribute('data-arrangement')));
    expect(ended2018).toContain('fb-us-banks-messenger-2018');
    await page.getByLabel('Institution or platform').selectOption('bnp-paribas');
    await page.getByLabel('Year').selectOption('');
    await page.getByLabel('Status').selectOption('');
    await expect.poll(count).toBeGreaterThanOrEqual(1);
    await page.getByLabel('Search').fill('no such words anywhere');
    await expect.poll(() => page.textContent('.empty')).toBe('No entry matches. Try fewer words or filters.');
  });

  it('shows how well each entry is sourced, each latest step in words with its date as precise as known, and how each site owner was checked', async () => {
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/options.html#/catalog`);
    const plaid = page.locator('ul.entries > li[data-arrangement="plaid-privacy-class-action-settlement"]');
    await plaid.waitFor();
    // The same words as the popup's first screen (issue 22): who, on whose report, when.
    expect(await plaid.textContent()).toContain('Ruled, according to U.S. District Court for the Northern District of California (July 20, 2022)');
    // A step known only to the year says the year, never "on 2022".
    const amex = page.locator('ul.entries > li[data-arrangement="amex-messenger-bot-2016"]');
    expect(await amex.textContent()).toContain('American Express confirmed it');
    expect(await amex.textContent()).toMatch(/\(2016\)/);
    expect(await amex.textContent()).not.toMatch(/on 2016/);
    expect(await plaid.locator('.sourcing').textContent()).toMatch(/Well sourced|Two publishers|One publisher/);
    await page.getByLabel('Institution or platform').selectOption('jpmorgan-chase');
    const sites = page.locator('section.institution-sites');
    await sites.waitFor();
    expect(await sites.textContent()).toContain('chase.com');
    expect(await sites.textContent()).toContain('ownership checked on the brand’s own pages');
  });

  it('gives each entry its own address', async () => {
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/options.html#/arrangement/fb-us-banks-messenger-2018`);
    const card = page.locator('article[data-arrangement="fb-us-banks-messenger-2018"]');
    await card.waitFor();
    // On its own page the entry's title is an h2, under the page's h1.
    expect(await card.locator('h2').textContent()).toBe("Facebook reportedly asked large US banks for customers' card and balance data for Messenger");
    await page.getByRole('link', { name: '← Back to the catalog' }).click();
    await page.locator('ul.entries').waitFor();
    await page.goto(`chrome-extension://${session.extensionId}/options.html#/arrangement/no-such-entry`);
    expect(await page.getByRole('alert').textContent()).toBe('There is no catalog entry "no-such-entry".');
  });
});
