/**
 * The background's pure joins and stored-state helpers: `getTabView` (lib/tab-view), `noticeContent`
 * (lib/notice/content), early reports (lib/tab-state/early), and reading stored state and the lists' key
 * (lib/tab-state/stored).
 */
import { describe, expect, it } from 'vitest';
import { bundledCatalog } from '../../lib/catalog';
import type { CustomList } from '../../lib/config/schema';
import { noticeContent } from '../../lib/notice/content';
import { createSiteClassifier, classifyUrl } from '../../lib/sites';
import { classifyRequest } from '../../lib/evidence';
import type { WatchedRequest } from '../../lib/request-watch';
import { addWatchedRequests, computeTabState, mergedInstitutions, navKeyOf } from '../../lib/tab-state';
import { EARLY_TTL_MS, joinEarly, keepEarly, MAX_EARLY_NAVS, parseEarly } from '../../lib/tab-state/early';
import { listsContentKey, parseTabState } from '../../lib/tab-state/stored';
import { getTabView } from '../../lib/tab-view';
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

  it('gives the owner’s country for "What you can do": the group’s, from the bundled catalog; null where nothing is known', () => {
    expect(getTabView(stateOf('https://www.chase.com/'), catalog, []).ownerCountry).toBe('US');
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

describe('early reports', () => {
  const report = (url: string) => ({ pageUrl: url, requests: [PIXEL], links: ['https://m.me/chase'] });

  it('folds a report into its navigation’s entry without keeping an address', () => {
    const entries = keepEarly([], 4, report('https://www.chase.com/cards?id=secret'), 100);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.navKey).toBe(navKeyOf('https://www.chase.com/cards?id=secret'));
    // Requests in a report are ignored (webRequest gives them): only the link is kept.
    expect(entries[0]!.observed).toEqual([]);
    expect(entries[0]!.links).toHaveLength(1);
    expect(JSON.stringify(entries)).not.toMatch(/secret|cards/);
    const twice = keepEarly(entries, 4, report('https://www.chase.com/cards?id=secret'), 200);
    expect(twice).toHaveLength(1);
    expect(twice[0]!.links).toHaveLength(1);
    expect(twice[0]!.at).toBe(100);
  });

  it(`keeps at most ${MAX_EARLY_NAVS} navigations per tab, the newest`, () => {
    let entries = keepEarly([], 4, report('https://www.chase.com/1'), 1);
    entries = keepEarly(entries, 4, report('https://www.chase.com/2'), 2);
    entries = keepEarly(entries, 4, report('https://www.chase.com/3'), 3);
    expect(entries.map((e) => e.navKey)).toEqual([navKeyOf('https://www.chase.com/2'), navKeyOf('https://www.chase.com/3')]);
  });

  it('drops stale entries and garbage when read back', () => {
    const entries = keepEarly([], 4, report('https://www.chase.com/'), 1000);
    expect(parseEarly(entries, 1000 + EARLY_TTL_MS - 1)).toHaveLength(1);
    expect(parseEarly(entries, 1000 + EARLY_TTL_MS)).toEqual([]);
    expect(parseEarly('garbage', 0)).toEqual([]);
    expect(parseEarly([{ navKey: 1 }, null, 5], 0)).toEqual([]);
  });

  it('joins the entry of the state’s navigation and leaves the others', () => {
    const entries = keepEarly(keepEarly([], 4, report('https://www.chase.com/a'), 1), 4, report('https://www.chase.com/b'), 2);
    const { state, rest } = joinEarly(stateOf('https://www.chase.com/b'), entries);
    expect(state.links.map((l) => l.platform)).toEqual(['messenger']);
    expect(rest.map((e) => e.navKey)).toEqual([navKeyOf('https://www.chase.com/a')]);
    const none = joinEarly(stateOf('https://www.chase.com/c'), entries);
    expect(none.state.links).toEqual([]);
    expect(none.rest).toHaveLength(2);
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
