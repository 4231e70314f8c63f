/**
 * The background's pure joins and stored-state helpers: `getTabView` (lib/tab-view), `noticeContent`
 * (lib/notice/content), early reports (lib/tab-state/early), and reading stored state and the lists' key
 * (lib/tab-state/stored).
 */
import { describe, expect, it } from 'vitest';
import { actionsFor, bundledActions } from '../../lib/actions';
import { bundledCatalog } from '../../lib/catalog';
import type { CatalogText } from '../../lib/i18n';
import type { CustomList } from '../../lib/config/schema';
import { noticeContent } from '../../lib/notice/content';
import { createSiteClassifier, classifyUrl } from '../../lib/sites';
import { classifyRequest } from '../../lib/evidence';
import type { WatchedRequest } from '../../lib/request-watch';
import { addWatchedRequests, computeTabState, mergedInstitutions, navKeyOf } from '../../lib/tab-state';
import { EARLY_TTL_MS, keepEarlyLinks, MAX_EARLY_DOCS, parseEarly, type EarlyEntry } from '../../lib/tab-state/early';
import { listsContentKey, parseTabState } from '../../lib/tab-state/stored';
import { bundledWorld } from '../../lib/directory';
import { getTabView, unwatchedFrameSites } from '../../lib/tab-view';
import listDoc from '../fixtures/config/v1-list.json';

const catalog = bundledCatalog();
const LIST = (listDoc as unknown as { list: CustomList }).list;
const stateOf = (url: string, lists: CustomList[] = []) => {
  const classify = lists.length ? createSiteClassifier({ institutions: mergedInstitutions(catalog, lists) }).classify : classifyUrl;
  return computeTabState({ tabId: 4, url, match: classify(url), catalog, lists, silenced: false, now: 1 });
};
const PIXEL = { url: 'https://connect.facebook.net/en_US/fbevents.js', type: 'script', outcome: 'completed' as const };
/** The Meta Pixel's script as webRequest reports it (lib/request-watch), completed, from the page. */
const WATCHED_PIXEL: WatchedRequest = { observation: classifyRequest('https://www.chase.com/', PIXEL.url, 'script')!, outcome: 'completed', carries: [], context: 'page' };

describe('getTabView', () => {
  it('joins a bank tab to its arrangements, in the state’s order, with every party named', () => {
    const state = stateOf('https://www.chase.com/');
    const view = getTabView(state, catalog, []);
    expect(view.arrangements.map((a) => a.id)).toEqual(state.arrangementIds);
    expect(view.arrangements.length).toBeGreaterThan(0);
    for (const id of view.arrangements.flatMap((a) => a.parties)) expect(view.names[id]).toBeTruthy();
    expect(view.names['jpmorgan-chase']).toBe('JPMorgan Chase');
    expect(view.fromLists).toEqual([]);
  });

  it('gives "What you can do" for the site (lib/actions), from the actions it is given (the background’s, translated), none on an unknown site', () => {
    const view = getTabView(stateOf('https://www.chase.com/'), catalog, []);
    const ids = (view.actions ?? []).map((a) => a.id);
    expect(ids).toEqual(actionsFor({ owner: ['chase', 'jpmorgan-chase'], ownerIsPlatform: false, involved: view.arrangements.flatMap((a) => a.parties), country: 'US' }).map((a) => a.id));
    expect(ids).toContain('meta-see-and-clear');
    const translated = bundledActions().map((a) => ({ ...a, title: { ...a.title, de: `DE ${a.title.en}` } }));
    expect(getTabView(stateOf('https://www.chase.com/'), catalog, [], translated).actions!.map((a) => (a.title as CatalogText).de)).toEqual(view.actions!.map((a) => `DE ${a.title.en}`));
    expect(getTabView(stateOf('https://example.org/'), catalog, []).actions).toEqual([]);
  });

  it('names the sites of frames whose requests Linkwatch cannot see: other sites it does not watch, not the page’s own', () => {
    const frames = [
      { frameId: 0, url: 'https://www.chase.com/' },
      { frameId: 3, url: 'https://secure.chase.com/login' },
      { frameId: 4, url: 'https://tags.thirdparty-example.net/frame.html' },
      { frameId: 5, url: 'https://www.wellsfargo.com/widget' },
      { frameId: 6, url: 'about:blank' },
      { frameId: 7, url: 'https://cdn.thirdparty-example.net/x' },
      { frameId: 8, url: 'https://ads.example.org/' },
    ];
    const watched = (site: string) => site === 'wellsfargo.com';
    expect(unwatchedFrameSites(frames, 'chase.com', watched)).toEqual(['example.org', 'thirdparty-example.net']);
    expect(unwatchedFrameSites(frames, 'chase.com', watched, 1)).toEqual(['example.org']);
    expect(unwatchedFrameSites([{ frameId: 0, url: 'https://tags.thirdparty-example.net/' }], 'chase.com', watched)).toEqual([]);
  });

  it('says whether the map draws one of the site’s reports: yes on Chase, no where every report is off the map', () => {
    expect(getTabView(stateOf('https://www.chase.com/'), catalog, []).onMap).toBe(true);
    // An entry with no platform party (a bank and a lead-tracking firm) is a report, but the map draws no link for it.
    const offMapOnly = { ...stateOf('https://www.chase.com/'), arrangementIds: ['penfed-jornaya-leadid-class-action-2023'] };
    expect(getTabView(offMapOnly, catalog, []).arrangements).toHaveLength(1);
    expect(getTabView(offMapOnly, catalog, []).onMap).toBe(false);
    expect(getTabView(stateOf('https://example.org/'), catalog, []).onMap).toBe(false);
  });

  it('offers the map only where a line reaches the site’s institution: N26 yes, comdirect (named by Cliqz, no platform found there) no', () => {
    const n26 = getTabView(stateOf('https://n26.com/de-de'), catalog, []);
    const comdirect = getTabView(stateOf('https://www.comdirect.de/'), catalog, []);
    expect(comdirect.arrangements.map((a) => a.id)).toContain('de-online-banking-trackers-cliqz-2016');
    expect(n26.onMap).toBe(true);
    expect(comdirect.onMap).toBe(false);
    // The first screen's sentence names the platforms the sources tie to this bank only: none for comdirect.
    const lead = (view: typeof n26) => (view.lead?.arrangement.id === 'de-online-banking-trackers-cliqz-2016' ? view.lead.platforms : undefined);
    expect(lead(comdirect)).toEqual([]);
    expect(lead(n26)).toEqual(['facebook', 'google']);
    // Nor does "What you can do" bring Google's steps to comdirect; N26, which the sample ties to Google, has them.
    expect((comdirect.actions ?? []).map((a) => a.id)).not.toContain('google-web-and-app-activity');
    expect((n26.actions ?? []).map((a) => a.id)).toContain('google-web-and-app-activity');
  });

  it('takes the complaint authority from the site’s own institution’s country, not its group’s (BNL is Italian, BNP Paribas French)', () => {
    // What the background passes: the catalog with the directory's institutions (lib/directory `bundledWorld`).
    expect(getTabView(stateOf('https://www.bnl.it/'), bundledWorld(), []).ownerCountry).toBe('IT');
    expect(getTabView(stateOf('https://www.chase.com/'), catalog, []).ownerCountry).toBe('US');
  });

  it('gives the owner’s country for "What you can do": the group’s, from the bundled catalog; null where nothing is known', () => {
    // Each bank's country as the catalog has it (group first), for a table of banks of several countries.
    for (const url of ['https://www.chase.com/', 'https://www.lcl.fr/', 'https://www.rbcroyalbank.com/', 'https://www.avanza.se/']) {
      const match = classifyUrl(url)!;
      const expected = catalog.institutions.find((i) => i.id === match.group)?.country ?? catalog.institutions.find((i) => i.id === match.institution)?.country;
      expect(getTabView(stateOf(url), catalog, []).ownerCountry, url).toBe(expected);
    }
    expect(new Set(['https://www.lcl.fr/', 'https://www.rbcroyalbank.com/'].map((u) => getTabView(stateOf(u), catalog, []).ownerCountry))).toEqual(new Set(['FR', 'CA']));
    expect(getTabView(stateOf('https://example.org/'), catalog, []).ownerCountry).toBeNull();
  });

  it('adds the arrangements of an observed platform that the site’s own do not include, once each', () => {
    const state = addWatchedRequests(stateOf('https://www.chase.com/'), [WATCHED_PIXEL, WATCHED_PIXEL]);
    const view = getTabView(state, catalog, []);
    expect(Object.keys(view.platformArrangements)).toEqual(['meta']);
    const related = view.related.map((a) => a.id);
    expect(new Set(related).size).toBe(related.length);
    for (const id of related) expect(state.arrangementIds).not.toContain(id);
    expect([...state.arrangementIds, ...related].sort()).toEqual([...new Set([...state.arrangementIds, ...view.platformArrangements.meta!])].sort());
    expect(view.names.meta).toBe('Meta');
  });

  it('labels a custom list’s entries with their list, and drops a list no longer enabled', () => {
    const state = stateOf('https://www.example.com/', [LIST]);
    const view = getTabView(state, catalog, [LIST]);
    expect(view.fromLists).toHaveLength(1);
    expect(view.fromLists[0]!.list).toEqual({ id: LIST.id, name: LIST.name, author: LIST.author, date: LIST.date });
    expect(view.fromLists[0]!.arrangements.map((a) => a.id)).toEqual(['example-bank-platform-2025']);
    expect(view.names['example-bank']).toBe('Example Bank');
    expect(getTabView(state, catalog, []).fromLists).toEqual([]);
  });

  it('leaves out ids the catalog no longer has', () => {
    const state = { ...stateOf('https://www.chase.com/'), arrangementIds: ['no-such-arrangement'] };
    expect(getTabView(state, catalog, []).arrangements).toEqual([]);
  });
});

describe('noticeContent', () => {
  it('gives each platform’s outcomes as observed: completed, failed and requested (no visible outcome) apart', () => {
    const state = { ...stateOf('https://www.chase.com/'), observed: [{ platform: 'meta', requests: [
      { kind: 'pixel-event' as const, endpoint: 'www.facebook.com/tr', event: 'PageView', hashedUserData: false, completed: 2, failed: 1, requested: 3 },
      { kind: 'pixel-script' as const, endpoint: 'connect.facebook.net/en_US/fbevents.js', hashedUserData: false, completed: 1, failed: 0, requested: 1 },
    ] }] };
    expect(noticeContent(state, catalog)!.observedOutcomes).toEqual([{ name: 'Meta', completed: 3, failed: 1, requested: 4 }]);
  });

  it('says who owns a bank site, how much is reported and what was observed', () => {
    const state = addWatchedRequests(stateOf('https://www.chase.com/'), [WATCHED_PIXEL]);
    const content = noticeContent(state, catalog)!;
    expect(content).toMatchObject({ site: 'chase.com', owner: 'Chase', group: 'JPMorgan Chase', firstParty: false, observed: ['Meta'] });
    expect(content.reported).toBe(state.arrangementIds.length);
    expect(content.latestTitle).toEqual(catalog.arrangements.find((a) => a.id === state.arrangementIds[0])!.title);
  });

  it('counts a list’s entries and has no group when the owner is the group', () => {
    const content = noticeContent(stateOf('https://www.example.com/', [LIST]), catalog)!;
    expect(content).toMatchObject({ owner: 'Example Bank', group: null, reported: 1, latestTitle: null });
  });

  it('is null for a site nobody knows', () => {
    expect(noticeContent(stateOf('https://plain.example/'), catalog)).toBeNull();
  });

  it('marks a platform’s own site first party', () => {
    expect(noticeContent(stateOf('https://www.messenger.com/'), catalog)).toMatchObject({ firstParty: true });
  });
});

describe('early entries (what arrives before its document is shown)', () => {
  const report = (url: string) => ({ pageUrl: url, requests: [PIXEL], links: ['https://m.me/chase'] });

  it('folds a report into its document’s entry without keeping an address', () => {
    const entries = keepEarlyLinks([], 'doc-1', report('https://www.chase.com/cards?id=secret'), 100);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.key).toBe('doc-1');
    // Requests in a report are ignored (webRequest gives them): only the link is kept.
    expect(entries[0]!.observed).toEqual([]);
    expect(entries[0]!.links).toHaveLength(1);
    expect(JSON.stringify(entries)).not.toMatch(/secret|cards/);
    const twice = keepEarlyLinks(entries, 'doc-1', report('https://www.chase.com/cards?id=secret'), 200);
    expect(twice).toHaveLength(1);
    expect(twice[0]!.links).toEqual([expect.objectContaining({ count: 2 })]);
    expect(twice[0]!.at).toBe(100);
  });

  it(`keeps at most ${MAX_EARLY_DOCS} documents per tab, the newest`, () => {
    let entries: EarlyEntry[] = [];
    for (let i = 1; i <= MAX_EARLY_DOCS + 1; i++) entries = keepEarlyLinks(entries, `doc-${i}`, report('https://www.chase.com/'), i);
    expect(entries.map((e) => e.key)).toEqual(Array.from({ length: MAX_EARLY_DOCS }, (_, i) => `doc-${i + 2}`));
  });

  it('drops stale entries and garbage when read back', () => {
    const entries = keepEarlyLinks([], 'doc-1', report('https://www.chase.com/'), 1000);
    expect(parseEarly(entries, 1000 + EARLY_TTL_MS - 1)).toHaveLength(1);
    expect(parseEarly(entries, 1000 + EARLY_TTL_MS)).toEqual([]);
    expect(parseEarly('garbage', 0)).toEqual([]);
    expect(parseEarly([{ key: 1 }, { navKey: 'x', observed: [], links: [], at: 1 }, null, 5], 2)).toEqual([]);
  });
});

describe('stored state', () => {
  it('reads back a real state', () => {
    const state = stateOf('https://www.chase.com/');
    expect(parseTabState(JSON.parse(JSON.stringify(state)), 4)).toEqual(state);
    expect(parseTabState(stateOf('https://plain.example/'), 4)).toBeTruthy();
  });

  it.each([
    ['a string', 'garbage'],
    ['null', null],
    ['another tab’s state', { ...stateOf('https://www.chase.com/'), tabId: 5 }],
    ['observed not a list', { ...stateOf('https://www.chase.com/'), observed: 'x' }],
    ['a match without a site', { ...stateOf('https://www.chase.com/'), match: { institution: 'chase' } }],
    ['arrangement ids not strings', { ...stateOf('https://www.chase.com/'), arrangementIds: [1] }],
    ['a list entry without ids', { ...stateOf('https://www.chase.com/'), fromLists: [{ listId: 'x' }] }],
  ])('reads %s as no state', (_label, value) => {
    expect(parseTabState(value, 4)).toBeUndefined();
  });

  it('gives the lists a new key when a domain is corrected under the same id, date and sizes', () => {
    const corrected = structuredClone(LIST);
    corrected.institutions[0]!.domains[0]!.domain = 'examplebank.test';
    expect(listsContentKey([corrected])).not.toBe(listsContentKey([LIST]));
    expect(listsContentKey([structuredClone(LIST)])).toBe(listsContentKey([LIST]));
    expect(listsContentKey([])).not.toBe(listsContentKey([LIST]));
  });
});
