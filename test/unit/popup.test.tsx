import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nContext } from '../../components/i18n';
import { Popup, type PopupProps } from '../../components/Popup';
import { bundledCatalog, relevanceClass, type Arrangement } from '../../lib/catalog';
import { classifyUrl } from '../../lib/sites';
import { computeTabState } from '../../lib/tab-state';
import { tEn, tFr } from './helpers';

afterEach(cleanup);

const catalog = bundledCatalog();
const names = new Map(catalog.institutions.map((i) => [i.id, i.name]));

function renderPopup(url: string, extra: Partial<PopupProps> = {}, lang: 'en' | 'fr' = 'en') {
  const state = computeTabState({ tabId: 1, url, match: classifyUrl(url), catalog, silenced: false, now: 0 });
  const arrangements = state.arrangementIds.map((id) => catalog.arrangements.find((a) => a.id === id)!);
  const t = lang === 'en' ? tEn : tFr;
  return render(
    <I18nContext.Provider value={{ t, lang, locale: lang === 'en' ? 'en-US' : 'fr-FR' }}>
      <Popup state={state} arrangements={arrangements} names={names} {...extra} />
    </I18nContext.Provider>,
  );
}

describe('popup on a bank site', () => {
  it('names the site and its owner, and shows the 2018 report with dated status and sources', () => {
    renderPopup('https://www.chase.com/');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('www.chase.com');
    expect(screen.getByText('This site belongs to Chase (JPMorgan Chase).')).toBeTruthy();
    const card = document.querySelector('[data-arrangement="fb-us-banks-messenger-2018"]')!;
    expect(card.textContent).toContain("Facebook reportedly asked large US banks for customers' card and balance data for Messenger");
    expect(card.textContent).toContain('Facebook, Messenger, JPMorgan Chase, Citi, Wells Fargo, U.S. Bank');
    expect(card.textContent).toContain('card transactions, account balances, merchants');
    const steps = [...card.querySelectorAll('.timeline li')].map((li) => li.textContent);
    expect(steps[0]).toMatch(/^August 6, 2018: Reported by The Wall Street Journal/);
    expect(steps[1]).toMatch(/Ended by JPMorgan Chase, according to AFP/);
    expect(steps[2]).toMatch(/Confirmed by Facebook, according to AFP \(confirmed working with banks on customer chat .*; denied actively asking for transaction data/);
    expect(card.querySelector('.sourcing')?.textContent).toMatch(/^Well sourced: 4 sources/);
    expect(card.querySelector('.class-label')).toBeNull();
    const links = [...card.querySelectorAll('.sources a')] as HTMLAnchorElement[];
    expect(links.length).toBeGreaterThanOrEqual(3);
    for (const a of links) {
      expect(a.href.startsWith('https://')).toBe(true);
      expect(a.rel).toBe('noopener noreferrer');
    }
  });

  it('offers to mute the site, and undo right after muting', () => {
    const onMute = vi.fn();
    renderPopup('https://online.citi.com/', { onMute });
    fireEvent.click(screen.getByRole('button', { name: "Don't warn me on citi.com" }));
    expect(onMute).toHaveBeenCalledOnce();
    cleanup();
    const onUnmute = vi.fn();
    const url = 'https://online.citi.com/';
    const state = { ...computeTabState({ tabId: 1, url, match: classifyUrl(url), catalog, silenced: true, now: 0 }) };
    render(
      <I18nContext.Provider value={{ t: tEn, lang: 'en', locale: 'en-US' }}>
        <Popup state={state} arrangements={[]} names={names} justMuted onUnmute={onUnmute} />
      </I18nContext.Provider>,
    );
    expect(screen.getByRole('status').textContent).toContain('Muted: no more badge or notice on citi.com.');
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(onUnmute).toHaveBeenCalledOnce();
  });
});

describe('popup labels what is not a platform-and-bank report', () => {
  it('shows the seed report first on Chase, and labels aggregator and context entries, in English and French', () => {
    const url = 'https://www.chase.com/';
    const state = computeTabState({ tabId: 1, url, match: classifyUrl(url), catalog, silenced: false, now: 0 });
    const relevance = Object.fromEntries(state.arrangementIds.map((id) => [id, relevanceClass(catalog, catalog.arrangements.find((a) => a.id === id)!)]));
    renderPopup(url, { relevance });
    const cards = [...document.querySelectorAll('article[data-arrangement]')];
    expect(cards[0]!.getAttribute('data-arrangement')).toBe('fb-us-banks-messenger-2018');
    const agg = document.querySelector('[data-arrangement="jpmorgan-aggregator-fees-plaid-deal-2025"]')!;
    expect(agg.querySelector('.class-label')?.textContent).toBe('Aggregator or data broker');
    cleanup();
    renderPopup(url, { relevance }, 'fr');
    const aggFr = document.querySelector('[data-arrangement="jpmorgan-aggregator-fees-plaid-deal-2025"]')!;
    expect(aggFr.querySelector('.class-label')?.textContent).toBe('Agrégateur ou courtier en données');
    expect(aggFr.querySelector('.sourcing')?.textContent).toMatch(/^Bien sourcé/);
  });

  it('says an order ended, not the arrangement', () => {
    const apple = catalog.arrangements.find((a) => a.id === 'apple-goldman-apple-card-cfpb-2024')!;
    const url = 'https://www.apple.com/';
    const state = computeTabState({ tabId: 1, url, match: classifyUrl(url), catalog, silenced: false, now: 0 });
    render(
      <I18nContext.Provider value={{ t: tEn, lang: 'en', locale: 'en-US' }}>
        <Popup state={state} arrangements={[apple]} names={names} />
      </I18nContext.Provider>,
    );
    const ended = document.querySelector('.timeline li[data-status="ended"]')!;
    expect(ended.textContent).toMatch(/Ended by CFPB|Ended by Consumer Financial Protection Bureau/);
    expect(ended.textContent).toContain('(the enforcement order, not the arrangement)');
  });
});

describe('popup on Messenger', () => {
  it('says the site is Meta (first party) and makes no tracking claim', () => {
    renderPopup('https://www.messenger.com/t/1');
    expect(screen.getByText('This site is Messenger, part of Meta (first party).')).toBeTruthy();
    expect(document.body.textContent).toContain('makes no tracking claim');
    expect(document.querySelector('[data-arrangement="fb-us-banks-messenger-2018"]')).not.toBeNull();
  });
});

describe('popup empty and error states', () => {
  it('says nothing is known about an unrelated site', () => {
    renderPopup('https://example.org/');
    expect(screen.getByText('Nothing is reported about this site.')).toBeTruthy();
    expect(document.querySelectorAll('article').length).toBe(0);
  });
  it('says when the tab is not a web page', () => {
    renderPopup('chrome://settings/');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Not a web page');
  });
  it('shows an error as an alert', () => {
    render(
      <I18nContext.Provider value={{ t: tEn, lang: 'en', locale: 'en' }}>
        <Popup state={null} error="Linkwatch could not read this tab's state: boom" arrangements={[]} names={names} />
      </I18nContext.Provider>,
    );
    expect(screen.getByRole('alert').textContent).toContain('boom');
  });
});

describe('popup renders data as text, in French too', () => {
  it('never turns catalog text into markup, and links only https URLs', () => {
    const base = catalog.arrangements[0]!;
    const hostile: Arrangement = {
      ...base,
      id: 'hostile',
      title: { en: '<img src=x onerror=alert(1)>', fr: '<b>x</b>' },
      sources: [
        { publisher: 'P', title: 'js link', date: '2020', url: 'javascript:alert(1)' },
        { publisher: 'P', title: 'http link', date: '2020', url: 'http://example.org/' },
      ],
    };
    const url = 'https://www.chase.com/';
    const state = computeTabState({ tabId: 1, url, match: classifyUrl(url), catalog, silenced: false, now: 0 });
    render(
      <I18nContext.Provider value={{ t: tEn, lang: 'en', locale: 'en' }}>
        <Popup state={state} arrangements={[hostile]} names={names} />
      </I18nContext.Provider>,
    );
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    expect(document.querySelectorAll('.sources a').length).toBe(0);
    expect(screen.getByText('js link').tagName).toBe('SPAN');
  });
  it('shows French text and dates', () => {
    renderPopup('https://www.chase.com/', {}, 'fr');
    expect(screen.getByText('Ce site appartient à Chase (JPMorgan Chase).')).toBeTruthy();
    expect(document.body.textContent).toContain('6 août 2018\u00a0: Signalé par The Wall Street Journal');
  });
});

describe('a step whose own date is unknown', () => {
  it('says "Reported on" the date instead of dating the event', () => {
    renderPopup('https://www.chase.com/');
    const card = document.querySelector('[data-arrangement="fb-us-banks-messenger-2018"]')!;
    const ended = card.querySelector('.timeline li[data-status="ended"]')!;
    expect(ended.textContent).toMatch(/^Reported on August 6, 2018: Ended by JPMorgan Chase, according to AFP/);
    expect(ended.querySelector('time')).toBeNull();
    // A step with its own date keeps it as a <time>.
    expect(card.querySelector('.timeline li[data-status="reported"] time')?.getAttribute('datetime')).toBe('2018-08-06');
  });
});
