import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nContext } from '../../components/i18n';
import { Popup, type PopupProps } from '../../components/Popup';
import { bundledCatalog, relevanceClass, type Arrangement } from '../../lib/catalog';
import { classifyUrl } from '../../lib/sites';
import { actionsFor, bundledActions, type Action } from '../../lib/actions';
import { computeTabState, type ObservedRequest, type TabState } from '../../lib/tab-state';
import { getTabView } from '../../lib/tab-view';
import { searchArrangements } from '../../lib/catalog/search';
import { reportedCount } from '../../lib/tab-state/count';
import { badgeFor } from '../../lib/tab-state';
import { noticeContent } from '../../lib/notice/content';
import { DEFAULT_PREFERENCES } from '../../lib/prefs/schema';
import type { Lang } from '../../lib/i18n';
import { localeOf, tEn, tFr, tOf } from './helpers';

afterEach(cleanup);

const catalog = bundledCatalog();
const names = new Map(catalog.institutions.map((i) => [i.id, i.name]));

function renderPopup(url: string, extra: Partial<PopupProps> & { observed?: TabState['observed'] } = {}, lang: Lang = 'en') {
  const state = { ...computeTabState({ tabId: 1, url, match: classifyUrl(url), catalog, silenced: false, now: 0 }), ...(extra.observed ? { observed: extra.observed } : {}) };
  // The background's own join (lib/tab-view): the arrangements in order, and the first one read for this site.
  const view = getTabView(state, catalog, []);
  return render(
    <I18nContext.Provider value={{ t: tOf[lang], lang, locale: localeOf[lang] }}>
      <Popup state={state} arrangements={view.arrangements} lead={view.lead} names={names} {...extra} />
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
    expect(card.querySelector('.sourcing')?.textContent).toMatch(/^Well sourced: 5 publishers/);
    expect(card.querySelector('.class-label')).toBeNull();
    const links = [...card.querySelectorAll('.sources a')] as HTMLAnchorElement[];
    expect(links.length).toBeGreaterThanOrEqual(3);
    for (const a of links) {
      expect(a.href.startsWith('https://')).toBe(true);
      expect(a.rel).toBe('noopener noreferrer');
    }
  });

  it('offers to mute the site, and undo right after muting: one name for the switch ("mute")', () => {
    const onMute = vi.fn();
    renderPopup('https://online.citi.com/', { onMute });
    fireEvent.click(screen.getByRole('button', { name: 'Mute Linkwatch on citi.com' }));
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
    expect(screen.getByRole('status').textContent).toContain('Muted on citi.com: no badge warning, no notice.');
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(onUnmute).toHaveBeenCalledOnce();
    cleanup();
    // Later (not just muted): the same name, and its undo beside it.
    render(
      <I18nContext.Provider value={{ t: tEn, lang: 'en', locale: 'en-US' }}>
        <Popup state={state} arrangements={[]} names={names} onUnmute={onUnmute} />
      </I18nContext.Provider>,
    );
    expect(screen.getByRole('status').textContent).toContain('Linkwatch is muted on citi.com: no badge warning, no notice.');
    fireEvent.click(screen.getByRole('button', { name: 'Unmute' }));
    expect(onUnmute).toHaveBeenCalledTimes(2);
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
  it('says the site is Meta itself and makes no tracking claim', () => {
    renderPopup('https://www.messenger.com/t/1');
    expect(screen.getByText('This site is Messenger itself, part of Meta.')).toBeTruthy();
    expect(glance().querySelector('[data-summary="observed"]')!.textContent).toContain("This is Meta's own site: Linkwatch does not look for tracking here.");
    expect(document.body.textContent).toContain('makes no tracking claim');
    expect(document.querySelector('[data-arrangement="fb-us-banks-messenger-2018"]')).not.toBeNull();
  });
});

describe('popup empty and error states', () => {
  it('says Linkwatch has no information about an unrelated site, never an all-clear', () => {
    renderPopup('https://example.org/');
    expect(screen.getByText('Linkwatch has no information about this site.')).toBeTruthy();
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

describe('German and Spanish interfaces (issue 25)', () => {
  const entry = catalog.arrangements.find((a) => a.id === 'fb-us-banks-messenger-2018')!;
  it.each([
    ['de', 'Diese Website gehört Chase (JPMorgan Chase).', '6. August 2018: Gemeldet von The Wall Street Journal', '(auf Englisch)'],
    ['es', 'Este sitio pertenece a Chase (JPMorgan Chase).', '6 de agosto de 2018: Reportado por The Wall Street Journal', '(en inglés)'],
  ] as const)('%s: the words are the language’s own, the catalog’s title and summary English (the catalog has no %s text), marked lang="en"', (lang, owner, step, mark) => {
    renderPopup('https://www.chase.com/', {}, lang);
    expect(screen.getByText(owner)).toBeTruthy();
    const card = document.querySelector('[data-arrangement="fb-us-banks-messenger-2018"]')!;
    const title = card.querySelector('h3')!;
    expect(title.textContent).toBe(entry.title.en);
    expect(title.getAttribute('lang')).toBe('en');
    expect(card.querySelector('.summary')!.textContent).toBe(entry.summary.en);
    expect(card.querySelector('.summary')!.getAttribute('lang')).toBe('en');
    expect(card.textContent).toContain(step);
    expect([...card.querySelectorAll('.sources li')].find((li) => li.textContent!.startsWith('Facebook to Banks: Give Us Your Data'))!.textContent).toContain(mark);
    // The first screen: a sentence in the UI language around the English title, never an empty one.
    const headline = glance().querySelector('[data-summary="reported"] .headline')!.textContent!;
    expect(headline).toContain(entry.title.en);
    expect(headline).not.toContain('undefined');
    expect(headline).not.toMatch(/:\s*\.$/);
  });

  it('French and English keep their own catalog text, without a lang mark', () => {
    renderPopup('https://www.chase.com/', {}, 'fr');
    const title = document.querySelector('[data-arrangement="fb-us-banks-messenger-2018"] h3')!;
    expect(title.textContent).toBe(entry.title.fr);
    expect(title.hasAttribute('lang')).toBe(false);
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

const glance = () => document.querySelector('section.glance') as HTMLElement;
const request = (outcome: Partial<ObservedRequest>): ObservedRequest => ({
  kind: 'pixel-script',
  endpoint: 'connect.facebook.net/en_US/fbevents.js',
  hashedUserData: false,
  completed: 0,
  failed: 0,
  requested: 0,
  ...outcome,
});
/** The actions the popup container computes for a bank page (lib/actions). */
function bankActions(url: string, observed: string[] = []): Action[] {
  const match = classifyUrl(url)!;
  const state = computeTabState({ tabId: 1, url, match, catalog, silenced: false, now: 0 });
  const parties = state.arrangementIds.flatMap((id) => catalog.arrangements.find((a) => a.id === id)!.parties);
  const country = catalog.institutions.find((i) => i.id === match.group)?.country ?? null;
  return actionsFor({ owner: [match.institution, match.group], ownerIsPlatform: match.role === 'platform', involved: [...observed, ...parties], country });
}

/** The first screen's text, line by line (owner, report lines, observed lines, the action line). */
const lines = () => [...glance().querySelectorAll('.owner, .headline, .steps li, .more, [data-summary="observed"] li')].map((e) => e.textContent);
const stateOf = (url: string) => computeTabState({ tabId: 1, url, match: classifyUrl(url), catalog, silenced: false, now: 0 });
/** The seed report's latest step taken by `by`. */
const stepOf = (by: string) => [...catalog.arrangements.find((a) => a.id === 'fb-us-banks-messenger-2018')!.status].reverse().find((s) => s.by === by)!;

describe('the first screen is about the bank in front of the reader (issues 15, 22)', () => {
  const seed = catalog.arrangements.find((a) => a.id === 'fb-us-banks-messenger-2018')!;
  it.each([
    ['https://www.chase.com/', 'Chase (JPMorgan Chase)', 'jpmorgan-chase'],
    ['https://online.citi.com/', 'Citi', 'citigroup'],
    ['https://www.wellsfargo.com/', 'Wells Fargo', 'wells-fargo'],
    ['https://www.usbank.com/', 'U.S. Bank', 'us-bancorp'],
  ])('%s: who named this bank and when, its own step, the platform\'s answer, what the page sent', (url, owner, party) => {
    const state = computeTabState({ tabId: 1, url, match: classifyUrl(url), catalog, silenced: false, now: 0 });
    expect(state.arrangementIds[0]).toBe(seed.id);
    renderPopup(url);
    const g = glance();
    expect(g.querySelector('h1')!.textContent).toBe(new URL(url).host);
    expect(g.querySelector('.owner')!.textContent).toBe(`This site belongs to ${owner}.`);
    const bank = names.get(party)!;
    // Named, by whom (the first report's own publisher, not its relay) and when.
    expect(g.querySelector('[data-summary="reported"] .headline')!.textContent).toBe(
      `The Wall Street Journal (August 6, 2018) named ${bank} in a report on Facebook and Messenger: ${seed.title.en}.`,
    );
    // This bank's own step, from the catalog: its latest step, or "no statement" (never another bank's).
    const own = [...seed.status].reverse().find((s) => s.by === party);
    const ownLine = g.querySelector('[data-step="own"]')!.textContent!;
    if (own) expect(ownLine.startsWith(`${bank}`)).toBe(true);
    else expect(ownLine).toBe(`No confirmation or denial by ${bank} is recorded (see the details).`);
    // The platform's answer in what it covers, never a bare "Confirmed".
    const answer = g.querySelector('[data-step="answer"]')!.textContent!;
    expect(answer).toMatch(/^Facebook: confirmed working with banks on customer chat .*; denied actively asking for transaction data.*, according to AFP \(August 6, 2018\)$/);
    expect(g.textContent).not.toMatch(/\bConfirmed\b/);
    expect(g.querySelector('[data-summary="observed"]')!.textContent).toContain("No request from this site's pages to a platform seen so far.");
    // The details are below, collapsed; every report is still there.
    const details = document.querySelector('details.details') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    expect(details.querySelectorAll('article').length).toBe(state.arrangementIds.length);
    expect(g.compareDocumentPosition(details) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('Chase, pinned word for word in English and French', () => {
    const meta = { observed: [{ platform: 'meta', requests: [request({ kind: 'pixel-event', endpoint: 'www.facebook.com/tr', event: 'PageView', carries: ['page-url'], completed: 2 })] }] };
    renderPopup('https://www.chase.com/meta-pixel', { ...meta, actions: bankActions('https://www.chase.com/', ['meta']) });
    expect(lines()).toEqual([
      'This site belongs to Chase (JPMorgan Chase).',
      "The Wall Street Journal (August 6, 2018) named JPMorgan Chase in a report on Facebook and Messenger: Facebook reportedly asked large US banks for customers' card and balance data for Messenger.",
      'JPMorgan Chase ended it, according to AFP (reported on August 6, 2018)',
      `Facebook: ${stepOf('facebook').scope!.en}, according to AFP (August 6, 2018)`,
      `${reportedCount(stateOf('https://www.chase.com/')) - 1} other reports about JPMorgan Chase in the details.`,
      'Meta: 2 requests went through (event “PageView”, carrying page address)',
      'See what businesses shared with Meta · More below.',
    ]);
    cleanup();
    renderPopup('https://www.chase.com/meta-pixel', { ...meta, actions: bankActions('https://www.chase.com/', ['meta']) }, 'fr');
    expect(lines()).toEqual([
      'Ce site appartient à Chase (JPMorgan Chase).',
      'The Wall Street Journal (6 août 2018) cite JPMorgan Chase dans un signalement sur Facebook et Messenger\u00a0: Facebook aurait demandé à de grandes banques américaines les données de carte et de solde de clients pour Messenger.',
      'JPMorgan Chase y a mis fin, source\u00a0: AFP (rapporté le 6 août 2018)',
      `Facebook\u00a0: ${stepOf('facebook').scope!.fr}, source\u00a0: AFP (6 août 2018)`,
      `${reportedCount(stateOf('https://www.chase.com/')) - 1} autres signalements concernant JPMorgan Chase dans les détails.`,
      'Meta\u00a0: 2 requêtes sont passées (événement «\u00a0PageView\u00a0», avec adresse de la page)',
      "Voir ce que des entreprises ont transmis à Meta (en anglais) · D'autres pistes plus bas.",
    ]);
  });

  it('Messenger: the report that names it, Facebook\'s own statement, the banks\' answer; the badge\'s count', () => {
    const url = 'https://www.messenger.com/t/1';
    renderPopup(url);
    const g = glance();
    expect(g.querySelector('[data-summary="reported"] .headline')!.textContent).toBe(`The Wall Street Journal (August 6, 2018) named Messenger: ${seed.title.en}.`);
    expect(g.querySelector('[data-step="own"]')!.textContent).toMatch(/^Facebook: confirmed working with banks/);
    expect(g.querySelector('[data-step="answer"]')!.textContent).toBe([...seed.status].reverse().find((s) => s.by && !['facebook', 'messenger', 'meta'].includes(s.by))!.by === 'jpmorgan-chase' ? 'JPMorgan Chase ended it, according to AFP (reported on August 6, 2018)' : g.querySelector('[data-step="answer"]')!.textContent);
    // One count everywhere: the first screen's "N other reports" and the details heading are the badge's number.
    const count = reportedCount(stateOf(url));
    expect(g.querySelector('.more')!.textContent).toBe(`${count - 1} other reports about Meta in the details.`);
    expect(document.querySelector('#arrangements-heading .count')!.textContent).toBe(`(${count})`);
  });

  it.each(['https://www.chase.com/', 'https://online.citi.com/', 'https://www.wellsfargo.com/', 'https://www.usbank.com/', 'https://www.messenger.com/t/1'])(
    '%s: one count of reports everywhere: the badge title, the notice, the first screen and the details heading',
    (url) => {
      const state = stateOf(url);
      const n = reportedCount(state);
      expect(n).toBeGreaterThan(0);
      expect(badgeFor(state, DEFAULT_PREFERENCES, tEn).title).toContain(` ${n} `);
      expect(noticeContent(state, catalog)!.reported).toBe(n);
      renderPopup(url);
      expect(document.querySelector('#arrangements-heading .count')!.textContent).toBe(`(${n})`);
      expect(glance().querySelector('.more')!.textContent).toMatch(new RegExp(`^${n - 1} other reports? about `));
    },
  );

  it('in French, a source described by Linkwatch reads in French; a real headline stays as published', () => {
    renderPopup('https://www.chase.com/', {}, 'fr');
    const links = [...document.querySelectorAll('[data-arrangement="fb-us-banks-messenger-2018"] .sources a')].map((a) => a.textContent);
    expect(links).toContain('Dépêche de l’AFP en français sur les demandes de Facebook portant sur les données des clients des banques, avec la déclaration de Facebook');
    expect(links).toContain("Facebook to Banks: Give Us Your Data, We'll Give You Our Users");
  });

  it('the catalog\'s status filter does not count a partial step as the whole status', () => {
    const confirmed = searchArrangements(catalog, { status: 'confirmed' }).map((a) => a.id);
    for (const id of confirmed) expect(catalog.arrangements.find((a) => a.id === id)!.status.some((s) => s.status === 'confirmed' && !s.scope)).toBe(true);
    expect(confirmed).not.toContain(seed.id);
  });

  it('a site Linkwatch cannot watch (a custom list\'s bank): the first screen says so, never "none seen"', () => {
    const url = 'https://www.chase.com/';
    const state = { ...computeTabState({ tabId: 1, url, match: classifyUrl(url), catalog, silenced: false, now: 0 }), watched: false };
    renderPopup(url, { state });
    const line = glance().querySelector('[data-summary="observed"]')!.textContent!;
    expect(line).toContain("Linkwatch cannot watch this site's requests");
    expect(line).not.toContain('No request from this site');
  });

  it('a site nothing is known about says requests are not watched there either', () => {
    renderPopup('https://www.unlisted-fintech-example.com/');
    expect(document.querySelector('[data-state="unknown"]')!.textContent).toContain('Linkwatch does not watch requests on this site either');
  });

  it('a bank whose pixel failed: "failed (blocked or unreachable): nothing sent"', () => {
    renderPopup('https://www.chase.com/meta-pixel', { observed: [{ platform: 'meta', requests: [request({ failed: 1 }), request({ kind: 'pixel-event', endpoint: 'www.facebook.com/tr', failed: 2 })] }] });
    const line = glance().querySelector('[data-summary="observed"] li[data-platform="meta"]')!;
    expect(line.textContent).toBe('Meta: failed (blocked or unreachable): nothing sent');
    expect(line.getAttribute('data-outcome')).toBe('blocked');
  });

  it('a bank whose pixel went through: counts, never "blocked"', () => {
    renderPopup('https://www.chase.com/meta-pixel', { observed: [{ platform: 'meta', requests: [request({ completed: 1 }), request({ kind: 'pixel-event', endpoint: 'www.facebook.com/tr', requested: 1 })] }] });
    expect(glance().querySelector('[data-summary="observed"] li')!.textContent).toBe('Meta: 1 request went through, 1 with no visible outcome');
  });

  it('names the frames from other sites whose requests it cannot see, beside "none seen" too', () => {
    renderPopup('https://www.chase.com/meta-pixel', { unwatchedFrames: ['thirdparty-example.net'] });
    expect(glance().querySelector('.frames-line')!.textContent).toBe('This page also holds frames from other sites (thirdparty-example.net): Linkwatch cannot see what they send, and protection does not reach them.');
  });

  it('requests beyond the itemised lines count in the first screen too', () => {
    renderPopup('https://www.chase.com/meta-pixel', { observed: [{ platform: 'meta', requests: [request({ completed: 50 })], more: 350 }] });
    expect(glance().querySelector('[data-summary="observed"] li')!.textContent).toBe('Meta: 50 requests went through, and 350 more requests, counted but not listed');
  });

  it('failed requests with more beyond the itemised lines are never "nothing sent"', () => {
    renderPopup('https://www.chase.com/meta-pixel', { observed: [{ platform: 'meta', requests: [request({ failed: 3 })], more: 2 }] });
    const line = glance().querySelector('[data-summary="observed"] li')!;
    expect(line.textContent).toBe('Meta: 3 failed (blocked or unreachable), and 2 more requests, counted but not listed');
    expect(line.getAttribute('data-outcome')).toBe('sent');
  });

  it('in French: "échec (bloqué ou injoignable) : rien n\'est parti", French spacing', () => {
    renderPopup('https://www.chase.com/meta-pixel', { observed: [{ platform: 'meta', requests: [request({ failed: 1 })] }] }, 'fr');
    expect(glance().querySelector('[data-summary="observed"] li')!.textContent).toBe('Meta\u00a0: échec (bloqué ou injoignable)\u00a0: rien n\'est parti');
  });

  it('a site known only from a custom list sums up the list’s entry, named as the list’s', () => {
    const entry = { ...catalog.arrangements[0]!, id: 'list-entry', title: { en: 'An advocate’s entry', fr: 'Une fiche d’un défenseur' } };
    const state = { ...stateOf('https://www.chase.com/'), arrangementIds: [], contextCount: 0, fromLists: [{ listId: 'l', name: 'My list', author: 'Me', date: '2025-01-01', arrangementIds: [entry.id] }] };
    renderPopup('https://www.chase.com/', { state, arrangements: [], lead: null, fromLists: [{ list: { id: 'l', name: 'My list', author: 'Me', date: '2025-01-01' }, arrangements: [entry] }] });
    expect(glance().querySelector('[data-summary="reported"]')!.textContent).toContain('From your list “My list”: An advocate’s entry.');
    // The catalog's heading counts the catalog alone, and says so above the list's entry.
    expect(document.querySelector('#arrangements-heading')!.textContent).toBe("Reported arrangements in Linkwatch's catalog (0)");
  });
});

describe('what you can do', () => {
  it('the bundled links are valid, https, and each names its publisher and the day it was seen', () => {
    const actions = bundledActions();
    expect(actions.length).toBeGreaterThanOrEqual(10);
    expect(new Set(actions.map((a) => a.id)).size).toBe(actions.length);
    for (const a of actions) {
      expect(new URL(a.url).protocol).toBe('https:');
      expect(a.publisher).not.toBe('');
      expect(a.seen).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it.each([
    ['https://www.chase.com/', [], ['meta-see-and-clear', 'meta-disconnect-and-turn-off', 'chase-privacy-notice', 'cfpb-complaint']],
    ['https://online.citi.com/', [], ['meta-see-and-clear', 'meta-disconnect-and-turn-off', 'google-web-and-app-activity', 'citi-privacy-hub', 'cfpb-complaint']],
    ['https://www.avanza.se/', ['meta'], ['meta-see-and-clear', 'meta-disconnect-and-turn-off', 'imy-complaint']],
    ['https://www.messenger.com/t/1', [], ['meta-see-and-clear', 'meta-disconnect-and-turn-off']],
    ['https://example.org/', [], []],
  ])('%s: the platforms involved, the bank’s own page, the country’s regulator', (url, observed, ids) => {
    const match = classifyUrl(url);
    const actions = match ? bankActions(url, observed) : actionsFor({ owner: [], ownerIsPlatform: false, involved: [], country: null });
    expect(actions.map((a) => a.id)).toEqual(ids);
  });

  it('shows them collapsed under the summary, as links, with "(en anglais)" in French', () => {
    renderPopup('https://www.chase.com/', { actions: bankActions('https://www.chase.com/') }, 'fr');
    const box = document.querySelector('details.what-you-can-do') as HTMLDetailsElement;
    expect(box.open).toBe(false);
    expect(box.querySelector('summary')!.textContent).toBe('Ce que vous pouvez faire');
    const links = [...box.querySelectorAll('a')] as HTMLAnchorElement[];
    expect(links.map((a) => a.href)).toContain('https://www.consumerfinance.gov/complaint/process/');
    expect(box.querySelector('[data-action="cfpb-complaint"]')!.textContent).toContain('(en anglais)');
    expect(box.querySelector('[data-action="cfpb-complaint"] .meta')!.textContent).toMatch(/^— Consumer Financial Protection Bureau, page consultée le 2\sdécembre 2026$/);
  });

  it('marks a French page "(in French)" in English, and none on an unknown site', () => {
    const cnil = bundledActions().filter((a) => a.id === 'cnil-complaint');
    renderPopup('https://www.chase.com/', { actions: cnil });
    expect(document.querySelector('[data-action="cnil-complaint"]')!.textContent).toContain('(in French)');
    cleanup();
    renderPopup('https://example.org/', { actions: [] });
    expect(document.querySelector('details.what-you-can-do')).toBeNull();
  });
});

describe('sources in another language', () => {
  it('marks English sources "(en anglais)" in French, and not the French ones', () => {
    renderPopup('https://www.chase.com/', {}, 'fr');
    const card = document.querySelector('[data-arrangement="fb-us-banks-messenger-2018"]')!;
    const items = [...card.querySelectorAll('.sources li')].map((li) => li.textContent!);
    expect(items.find((x) => x.startsWith('Facebook to Banks: Give Us Your Data'))).toContain('(en anglais)');
    expect(items.find((x) => x.startsWith('Facebook asks US banks to share customer data'))).toContain('(en anglais)');
    expect(items.find((x) => x.startsWith('Etats-Unis'))).not.toContain('(en anglais)');
  });
});

describe('a status step dated only by its report', () => {
  it('says "Reported on" a day and "Reported in" a month or a year, in both languages', async () => {
    const { ArrangementCard } = await import('../../components/ArrangementCard');
    const base = catalog.arrangements.find((a) => a.status.some((s) => s.dateOfReport))!;
    const withStep = (date: string): Arrangement => ({ ...base, status: [{ ...base.status.find((s) => s.dateOfReport)!, date }] });
    const stepText = (a: Arrangement, lang: 'en' | 'fr') => {
      const view = render(
        <I18nContext.Provider value={{ t: lang === 'en' ? tEn : tFr, lang, locale: lang === 'en' ? 'en-GB' : 'fr-FR' }}>
          <ArrangementCard arrangement={a} names={names} />
        </I18nContext.Provider>,
      );
      const text = view.container.querySelector('.timeline li')!.textContent!;
      view.unmount();
      return text;
    };
    expect(stepText(withStep('2018-08-06'), 'en')).toMatch(/^Reported on 6 August 2018/);
    expect(stepText(withStep('2018-03'), 'en')).toMatch(/^Reported in March 2018/);
    expect(stepText(withStep('2018'), 'en')).toMatch(/^Reported in 2018/);
    expect(stepText(withStep('2018-03'), 'fr')).toMatch(/^Rapporté en mars 2018/);
    expect(stepText(withStep('2018-08-06'), 'fr')).toMatch(/^Rapporté le 6 août 2018/);
  });
});

describe('popup: the whole visit and the background’s health', () => {
  const pixel: TabState['observed'] = [{ platform: 'meta', requests: [{ kind: 'pixel-event', endpoint: 'www.facebook.com/tr', event: 'PageView', hashedUserData: false, carries: ['page-url'], contexts: ['page'], completed: 1, failed: 0, requested: 0 }] }];

  it('after an in-page navigation, still shows what the page sent since it loaded, and says the address changed within the load', () => {
    const url = 'https://www.chase.com/accounts';
    const state = { ...computeTabState({ tabId: 1, url, match: classifyUrl(url), catalog, silenced: false, now: 0 }), observed: pixel, inPageNavigations: 2, documentId: 'D1' };
    render(
      <I18nContext.Provider value={{ t: tEn, lang: 'en', locale: 'en-US' }}>
        <Popup state={state} arrangements={[]} names={names} />
      </I18nContext.Provider>,
    );
    const observed = document.querySelector('.observed')!;
    expect(observed.textContent).toContain('without loading a new page');
    expect(observed.textContent).not.toContain('No request to a platform');
    expect(observed.querySelector('[data-platform="meta"]')).not.toBeNull();
  });

  it('says, above everything, that its settings cannot be read (and only then)', () => {
    renderPopup('https://www.chase.com/', { problem: { kind: 'database', detail: 'UnknownError: corrupted' } });
    expect(screen.getAllByRole('alert')[0]!.textContent).toMatch(/cannot read its settings \(UnknownError: corrupted\)/);
    cleanup();
    renderPopup('https://www.chase.com/');
    expect(document.querySelector('.problem')).toBeNull();
    expect(document.querySelector('.same-load')).toBeNull();
  });
});

describe('protection in the popup (issue 23)', () => {
  function renderProtected(url: string, protectedState: boolean, protection: PopupProps['protection'], observed: TabState['observed'] = []) {
    const base = computeTabState({ tabId: 1, url, match: classifyUrl(url), catalog, silenced: false, now: 0, protection: { all: false, sites: [] } });
    const state = { ...base, observed, ...(protectedState ? { protected: true } : {}) };
    const view = getTabView(state, catalog, []);
    return render(
      <I18nContext.Provider value={{ t: tEn, lang: 'en', locale: 'en-US' }}>
        <Popup state={state} arrangements={view.arrangements} lead={view.lead} names={names} protection={protection} />
      </I18nContext.Provider>,
    );
  }
  const blocked: ObservedRequest = { kind: 'pixel-event', endpoint: 'www.facebook.com/tr', event: 'PageView', hashedUserData: false, completed: 0, failed: 0, requested: 0, blocked: 2 };

  it('off by default: one switch says what it would stop and what keeps working; a click asks to protect this site', () => {
    const onChange = vi.fn();
    renderProtected('https://www.chase.com/', false, { source: 'all', changed: false, onChange });
    const box = screen.getByRole('checkbox', { name: "Stop this site's requests to platforms' tracking tools" }) as HTMLInputElement;
    expect(box.checked).toBe(false);
    expect(document.querySelector('.protection .hint')!.textContent).toContain('Chat buttons, links and the bank\'s own pages keep working.');
    fireEvent.click(box);
    expect(onChange).toHaveBeenCalledWith(true);
  });

  it('on: says whose choice it is, and the first screen says what Linkwatch stopped on this page', () => {
    renderProtected('https://www.chase.com/', true, { source: 'site', changed: true, onChange: () => undefined }, [{ platform: 'meta', requests: [blocked] }]);
    expect((screen.getByRole('checkbox') as HTMLInputElement).checked).toBe(true);
    expect(document.querySelector('.protection .hint')!.textContent).toContain('On for chase.com (your choice)');
    expect(document.querySelector('.protection .hint')!.textContent).toContain('reload the page to see what it stops');
    const line = document.querySelector('.glance [data-platform=meta]')!;
    expect(line.getAttribute('data-outcome')).toBe('blocked-by-linkwatch');
    expect(line.textContent).toContain('blocked by Linkwatch: nothing sent');
    expect(document.querySelector('.glance .protected-line')!.textContent).toBe("Protection is on for chase.com: Linkwatch blocks its pages' requests to platforms' tracking tools.");
    expect(document.querySelector('section.observed')!.textContent).toContain('2 blocked by Linkwatch, not sent');
    expect(document.querySelector('section.observed')!.textContent).not.toContain('failed');
  });

  it('on, with a covered request that went through anyway (a data: frame, before the rules applied): never "blocks"', () => {
    const through: ObservedRequest = { ...blocked, event: 'FromDataFrame', completed: 1, blocked: 0 };
    renderProtected('https://www.chase.com/', true, { source: 'site', changed: false, onChange: () => undefined }, [{ platform: 'meta', requests: [blocked, through] }]);
    expect(document.querySelector('.glance .protected-line')!.textContent).toBe('Protection is on for chase.com, but some requests it covers went through: sent from where its rules cannot reach (a frame with no site of its own) or before they applied.');
    const base = computeTabState({ tabId: 1, url: 'https://www.chase.com/', match: classifyUrl('https://www.chase.com/'), catalog, silenced: false, now: 0 });
    const badge = badgeFor({ ...base, protected: true, observed: [{ platform: 'meta', requests: [blocked, through] }] }, DEFAULT_PREFERENCES, tEn, (id) => names.get(id) ?? id);
    expect(badge.title).toContain("Protection is on, but some requests to platforms' tracking tools went through here.");
    expect(badge.title).not.toContain('are blocked here');
    // A platform's SDK is not covered: its load says nothing against protection.
    cleanup();
    renderProtected('https://www.chase.com/', true, { source: 'site', changed: false, onChange: () => undefined }, [{ platform: 'meta', requests: [blocked, { ...through, kind: 'sdk', endpoint: 'connect.facebook.net/en_US/sdk.js' }] }]);
    expect(document.querySelector('.glance .protected-line')!.textContent).toBe("Protection is on for chase.com: Linkwatch blocks its pages' requests to platforms' tracking tools.");
  });

  it('on a bank that shares its host with others, the switch is for that bank’s host alone, and says so', () => {
    const onChange = vi.fn();
    renderProtected('https://banknewport.my.site.com/login', false, { source: 'all', changed: false, onChange });
    expect(document.querySelector('.protection .hint')!.textContent).toContain("on banknewport.my.site.com's pages");
    expect(document.querySelector('.protection .hint')!.textContent).not.toContain(" site.com's");
  });

  it('never on a platform’s own site', () => {
    renderProtected('https://www.messenger.com/t/1', false, { source: 'all', changed: false, onChange: () => undefined });
    expect(screen.queryByRole('checkbox')).toBeNull();
  });

  it('the badge title says protection is on, and names a platform Linkwatch blocked', () => {
    const base = computeTabState({ tabId: 1, url: 'https://www.chase.com/', match: classifyUrl('https://www.chase.com/'), catalog, silenced: false, now: 0 });
    const badge = badgeFor({ ...base, protected: true, observed: [{ platform: 'meta', requests: [blocked] }] }, DEFAULT_PREFERENCES, tEn, (id) => names.get(id) ?? id);
    expect(badge.title).toContain('Meta (blocked by Linkwatch)');
    expect(badge.title).toContain("Protection is on: requests to platforms' tracking tools are blocked here.");
  });
});
