/**
 * Issue 6, French: Chromium launched in French (`--lang=fr`, locale fr-FR, LANGUAGE=fr) shows Linkwatch in
 * French everywhere: first-run page, badge title, in-page notice, popup (catalog text and dates included)
 * and the options page; and axe still finds nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import arrangements from '../../assets/catalog/arrangements.json';
import { axeCheck, describeViolations } from './axe';
import { launch, openPopupForTab, openTab, tabIdOf, waitForBadge, welcomePage } from './harness';
import { waitForNotice } from './notice-helpers';

type S = Awaited<ReturnType<typeof launch>>;
const story = arrangements.arrangements.find((a) => a.id === 'fb-us-banks-messenger-2018')!;

describe('Linkwatch in a French browser', () => {
  let session: S;
  beforeAll(async () => {
    session = await launch({ locale: 'fr' });
  });
  afterAll(async () => session?.close());

  it('the first-run page is in French', async () => {
    const page = await welcomePage(session);
    await page.waitForSelector('h1');
    expect(await page.textContent('h1')).toBe('Bienvenue dans Linkwatch');
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await page.title()).toBe('Bienvenue dans Linkwatch');
    expect(await page.textContent('main')).toContain('Linkwatch ne fait aucune requête réseau de lui-même');
  });

  it('the badge title, the notice and the popup are in French, catalog text and dates included', async () => {
    const page = await openTab(session, 'https://www.chase.com/');
    const tabId = await tabIdOf(session, page);
    const badge = await waitForBadge(session, tabId, (b) => b.text !== '');
    expect(badge.title).toMatch(/^Linkwatch\u00a0: \d+ signalements concernant JPMorgan Chase/);

    const notice = await waitForNotice(page);
    expect(await notice.getAttribute('aria-label')).toBe('Avis de Linkwatch');
    expect(await notice.locator('.lw-owner').textContent()).toBe('Ce site appartient à Chase (JPMorgan Chase).');
    expect(await notice.locator('.lw-summary').textContent()).toMatch(/^Rapporté \d+ signalements concernant JPMorgan Chase\. Le signalement le plus pertinent\s:\s«\s.+\s»\.$/);
    for (const name of ['Détails', 'Masquer pour cette visite', "Fermer l'avis de Linkwatch"]) expect(await notice.getByRole('button', { name }).count()).toBe(1);
    const noticeAxe = await axeCheck(page, 'linkwatch-notice');
    expect(noticeAxe.violations, describeViolations(noticeAxe.violations)).toEqual([]);

    const popup = await openPopupForTab(session, tabId);
    expect(await popup.getAttribute('html', 'lang')).toBe('fr');
    expect(await popup.textContent('.owner')).toBe('Ce site appartient à Chase (JPMorgan Chase).');
    // The first screen speaks of this bank (issue 22): who named it and when, its own step, in French.
    expect(await popup.textContent('.glance [data-summary="reported"] .headline')).toMatch(/^The Wall Street Journal \(6\saoût\s2018\) cite JPMorgan Chase dans un signalement sur Facebook et Messenger\s:\s/);
    expect(await popup.textContent('.glance [data-step="own"]')).toMatch(/^JPMorgan Chase y a mis fin, source\s:\sAFP \(rapporté le 6\saoût\s2018\)$/);
    const card = popup.locator('[data-arrangement="fb-us-banks-messenger-2018"]');
    expect(await card.locator('h3').textContent()).toBe(story.title.fr);
    const steps = (await card.locator('.timeline li').allTextContents()).join('\n');
    expect(steps).toMatch(/6\saoût\s2018\s:\sSignalé par The Wall Street Journal/);
    expect(await popup.getByRole('button', { name: 'Mettre Linkwatch en sourdine sur chase.com' }).count()).toBe(1);
    const popupAxe = await axeCheck(popup);
    expect(popupAxe.violations, describeViolations(popupAxe.violations)).toEqual([]);
  });

  it.each(['https://www.chase.com/meta-pixel', 'https://www.messenger.com/t/1'])(
    '%s: the whole first screen fits the popup (380x600) in French, down to its line of what to do (issue 22)',
    async (url) => {
      const page = await openTab(session, url);
      const tabId = await tabIdOf(session, page);
      await waitForBadge(session, tabId, (b) => b.text !== '');
      const popup = await session.context.newPage();
      await popup.setViewportSize({ width: 380, height: 600 });
      await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
      const act = popup.locator('.glance [data-summary="act"]');
      await act.waitFor();
      const box = (await act.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(600);
      await popup.close();
      await page.close();
    },
  );

  it('the options page is in French', async () => {
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/options.html#/settings`);
    await page.waitForSelector('main h1');
    expect(await page.title()).toBe('Réglages de Linkwatch');
    expect(await page.locator('nav a').allTextContents()).toEqual(expect.arrayContaining(['Réglages', 'Sites', 'Catalogue', 'Diagnostic']));
    expect(await page.getByRole('radio', { name: 'Badge, et un petit avis lors de ma première visite de chaque site (par défaut)' }).isChecked()).toBe(true);
    // The notice was shown on chase.com: the list says so, in French.
    expect(await page.textContent('main')).toContain('Sites où l\'avis a été affiché');
    await page.goto(`chrome-extension://${session.extensionId}/options.html#/catalog`);
    await page.waitForSelector('.entries li');
    expect(await page.textContent('h1')).toBe('Catalogue des signalements');
    // Dates in the list are French ("août 2018"), numbers and country names too.
    expect(await page.textContent('.entries')).toMatch(/ (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4}/);
    expect(await page.locator('select >> nth=1').locator('option').allTextContents()).toEqual(expect.arrayContaining(['États-Unis']));
  });
});
