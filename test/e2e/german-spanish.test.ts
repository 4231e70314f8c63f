/**
 * Issue 25, German and Spanish: Chromium launched in German or Spanish (`--lang`, locale, LANGUAGE) shows
 * Linkwatch in that language everywhere, the catalog's own text included (public/catalog-text, loaded by the
 * background for the popup and the notice, by the popup for "what you can do", by the options page for the
 * catalog): first-run page, badge title, in-page notice, popup, options page; and axe still finds nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import arrangements from '../../assets/catalog/arrangements.json';
import actions from '../../assets/actions/actions.json';
import { axeCheck, describeViolations } from './axe';
import { ROOT, launch, openPopupForTab, openTab, tabIdOf, waitForBadge, welcomePage } from './harness';
import { waitForNotice } from './notice-helpers';

type S = Awaited<ReturnType<typeof launch>>;
const story = arrangements.arrangements.find((a) => a.id === 'fb-us-banks-messenger-2018')!;
const seeAndClear = actions.actions.find((a) => a.id === 'meta-see-and-clear')!;

/** What each language must say, in its own words (the messages and the catalog's translation files). */
const LANGUAGES = [
  { lang: 'de', welcome: 'Willkommen bei Linkwatch', owner: 'Diese Website gehört Chase (JPMorgan Chase).', badge: /^Linkwatch: \d+ gemeldete/, noticeLabel: 'Linkwatch-Hinweis' },
  { lang: 'es', welcome: 'Le damos la bienvenida a Linkwatch', owner: 'Este sitio pertenece a Chase (JPMorgan Chase).', badge: /^Linkwatch: \d+ acuerdos? de datos reportados?/, noticeLabel: 'Aviso de Linkwatch' },
] as const;

describe.each(LANGUAGES)('Linkwatch in a browser in $lang', (expected) => {
  const texts = (JSON.parse(readFileSync(join(ROOT, `public/catalog-text/${expected.lang}.json`), 'utf8')) as { texts: Record<string, string> }).texts;
  let session: S;
  beforeAll(async () => {
    session = await launch({ locale: expected.lang });
  });
  afterAll(async () => session?.close());

  it('the first-run page is in the language', async () => {
    const page = await welcomePage(session);
    await page.waitForSelector('h1');
    expect(await page.textContent('h1')).toBe(expected.welcome);
    expect(await page.getAttribute('html', 'lang')).toBe(expected.lang);
  });

  it('the badge title, the notice and the popup are in the language, the catalog’s own text included', async () => {
    const page = await openTab(session, 'https://www.chase.com/meta-pixel');
    const tabId = await tabIdOf(session, page);
    const badge = await waitForBadge(session, tabId, (b) => b.text !== '');
    expect(badge.title).toMatch(expected.badge);

    const notice = await waitForNotice(page);
    expect(await notice.getAttribute('aria-label')).toBe(expected.noticeLabel);
    expect(await notice.locator('.lw-owner').textContent()).toBe(expected.owner);
    // Its one-line summary quotes the most relevant entry's title, translated (sent by the background).
    const summary = (await notice.locator('.lw-summary').textContent()) ?? '';
    const titles = arrangements.arrangements.map((a) => a.title.en);
    expect(titles.filter((en) => summary.includes(texts[en]!))).toHaveLength(1);
    expect(titles.filter((en) => summary.includes(en))).toEqual([]);
    const noticeAxe = await axeCheck(page, 'linkwatch-notice');
    expect(noticeAxe.violations, describeViolations(noticeAxe.violations)).toEqual([]);

    const popup = await openPopupForTab(session, tabId);
    expect(await popup.getAttribute('html', 'lang')).toBe(expected.lang);
    expect(await popup.textContent('.owner')).toBe(expected.owner);
    // The entry in the language, not marked as English; its translation is not the English.
    const card = popup.locator('[data-arrangement="fb-us-banks-messenger-2018"]');
    const title = texts[story.title.en]!;
    expect(title).not.toBe(story.title.en);
    expect(await card.locator('h3').textContent()).toBe(title);
    expect(await card.locator('h3').getAttribute('lang')).toBeNull();
    expect(await card.locator('.summary').textContent()).toBe(texts[story.summary.en]);
    expect(await popup.textContent('.glance')).toContain(title);
    // "What you can do": the actions' text, translated in the popup itself.
    const action = popup.locator(`[data-action="${seeAndClear.id}"]`);
    expect(await action.locator('.action-text').textContent()).toBe(texts[seeAndClear.text.en]);
    expect(await action.locator('.action-text').getAttribute('lang')).toBeNull();
    expect(await action.locator('a').textContent()).toBe(texts[seeAndClear.title.en]);
    const popupAxe = await axeCheck(popup);
    expect(popupAxe.violations, describeViolations(popupAxe.violations)).toEqual([]);
  });

  it('the options page’s catalog shows the entry in the language', async () => {
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html#/arrangement/${story.id}`);
    const card = options.locator(`[data-arrangement="${story.id}"]`);
    await card.waitFor();
    expect(await options.getAttribute('html', 'lang')).toBe(expected.lang);
    expect(await card.locator('h2, h3').first().textContent()).toBe(texts[story.title.en]);
    expect(await card.locator('.summary').textContent()).toBe(texts[story.summary.en]);
    await options.close();
  });
});

describe('choosing German in the options page of an English browser (preference "language")', () => {
  const de = (JSON.parse(readFileSync(join(ROOT, 'public/_locales/de/messages.json'), 'utf8')) as Record<string, { message: string }>);
  const en = (JSON.parse(readFileSync(join(ROOT, 'public/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>);
  const texts = (JSON.parse(readFileSync(join(ROOT, 'public/catalog-text/de.json'), 'utf8')) as { texts: Record<string, string> }).texts;
  let session: S;
  beforeAll(async () => {
    session = await launch();
  });
  afterAll(async () => session?.close());

  it('the options page, badge title, notice and popup speak German, and "browser language" brings English back', async () => {
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html#/settings`);
    await options.waitForSelector('h1#settings-heading');
    expect(await options.textContent('h1#settings-heading')).toBe(en.settingsHeading!.message);
    await options.selectOption('select[name="language"]', 'de');
    // The page is drawn again in German.
    await options.waitForSelector('html[lang="de"] h1#settings-heading');
    expect(await options.textContent('h1#settings-heading')).toBe(de.settingsHeading!.message);
    expect(await options.inputValue('select[name="language"]')).toBe('de');

    const page = await openTab(session, 'https://www.chase.com/meta-pixel');
    const tabId = await tabIdOf(session, page);
    const badge = await waitForBadge(session, tabId, (b) => b.text !== '');
    expect(badge.title).toMatch(/^Linkwatch: \d+ gemeldete/);
    const notice = await waitForNotice(page);
    expect(await notice.getAttribute('aria-label')).toBe(de.noticeLabel!.message);
    expect(await notice.locator('.lw-owner').textContent()).toBe('Diese Website gehört Chase (JPMorgan Chase).');
    const popup = await openPopupForTab(session, tabId);
    expect(await popup.getAttribute('html', 'lang')).toBe('de');
    expect(await popup.textContent('.owner')).toBe('Diese Website gehört Chase (JPMorgan Chase).');
    expect(await popup.locator('[data-arrangement="fb-us-banks-messenger-2018"] h3').textContent()).toBe(texts[story.title.en]);
    await popup.close();

    await options.selectOption('select[name="language"]', 'browser');
    await options.waitForSelector('html[lang="en"] h1#settings-heading');
    expect(await options.textContent('h1#settings-heading')).toBe(en.settingsHeading!.message);
    await page.reload();
    const english = await waitForBadge(session, tabId, (b) => /^Linkwatch: \d+ reported/.test(b.title));
    expect(english.title).toMatch(/involving JPMorgan Chase/);
  });
});
