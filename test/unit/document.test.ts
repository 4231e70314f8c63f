/**
 * The document model (lib/tab-state/document) as one table of event sequences: each row is a situation a
 * person meets (issue 20), played in the order Chromium or Firefox gives the events, and what the shown
 * document's findings are after it.
 */
import { describe, expect, it } from 'vitest';
import { bundledCatalog } from '../../lib/catalog';
import { watched, type RequestDetails } from '../../lib/request-watch';
import { classifyUrl } from '../../lib/sites';
import { computeTabState } from '../../lib/tab-state';
import { nextTab, type TabEvent, type TabRecord } from '../../lib/tab-state/document';
import { EARLY_TTL_MS } from '../../lib/tab-state/early';

const BANK = 'https://www.chase.com/';
const describeUrl = (url: string) => computeTabState({ tabId: 1, url, match: classifyUrl(url), catalog: bundledCatalog(), silenced: false, now: 0 });

/** A Meta Pixel event `ev` that completed, as webRequest reports it (`extra`: documentId, documentUrl, frame...; `startedAt`: its start timeStamp). */
function pixel(ev: string, extra: Partial<RequestDetails> = {}, startedAt?: number): TabEvent {
  const w = watched({ requestId: ev, url: `https://www.facebook.com/tr?id=1&ev=${ev}`, type: 'image', tabId: 1, frameId: 0, initiator: 'https://www.chase.com', ...extra }, 'completed', [], startedAt);
  if (!w) throw new Error('not a pixel');
  return { type: 'requests', requests: [w] };
}
const chromium = (documentId: string) => ({ documentId });
const firefox = (documentUrl: string) => ({ documentUrl });
const commit = (url: string, documentId?: string): TabEvent => ({ type: 'committed', url, ...(documentId ? { documentId } : {}) });
/** A main-frame request to `url`; `at`: its onBeforeRequest timeStamp, on the requests' `startedAt` clock. */
const started = (url: string, at?: number): TabEvent => ({ type: 'navigation-started', url, ...(at !== undefined ? { at } : {}) });
const inPage = (url: string): TabEvent => ({ type: 'same-document', url });
const links = (pageUrl: string, document?: string): TabEvent => ({ type: 'links', report: { pageUrl, requests: [], links: ['https://m.me/chase'] }, ...(document ? { document } : {}) });

/** Play `events` 10 ms apart from an empty tab; the final record. */
function play(events: readonly TabEvent[], start = 1_000): TabRecord {
  let record: TabRecord = { state: undefined, early: [] };
  events.forEach((event, i) => (record = nextTab(record, event, { describe: describeUrl, now: start + i * 10 })));
  return record;
}
const shownEvents = (r: TabRecord) => r.state?.observed.flatMap((p) => p.requests.map((q) => `${q.event}:${q.completed}`)) ?? null;

describe('the shown document’s findings over a whole visit', () => {
  it.each<[string, TabEvent[], string[] | null]>([
    // Chromium: requests carry their document id.
    ['Chromium: a served pixel, then pushState (a single-page bank after sign-in)', [commit(BANK, 'D1'), pixel('PageView', chromium('D1')), inPage(`${BANK}accounts`)], ['PageView:1']],
    ['Chromium: replaceState (a page hiding its tracking in one line)', [commit(BANK, 'D1'), pixel('PageView', chromium('D1')), { type: 'same-document', url: `${BANK}?clean` }], ['PageView:1']],
    ['Chromium: a fragment change', [commit(BANK, 'D1'), pixel('PageView', chromium('D1')), inPage(`${BANK}#statements`)], ['PageView:1']],
    ['Chromium: a "Download statement" link (a main-frame request that never commits)', [commit(BANK, 'D1'), pixel('PageView', chromium('D1')), started(`${BANK}statement.pdf`)], ['PageView:1']],
    ['Chromium: a link answered 204 No Content', [commit(BANK, 'D1'), pixel('PageView', chromium('D1')), started(`${BANK}noop`), pixel('Later', chromium('D1'))], ['PageView:1', 'Later:1']],
    ['Chromium: a reload starts a new document', [commit(BANK, 'D1'), pixel('PageView', chromium('D1')), started(BANK), commit(BANK, 'D2'), pixel('Second', chromium('D2'))], ['Second:1']],
    ['Chromium: a link to another page starts a new document', [commit(BANK, 'D1'), pixel('PageView', chromium('D1')), started(`${BANK}cards`), commit(`${BANK}cards`, 'D2')], []],
    ['Chromium: the new document’s requests reach the worker before its commit', [commit(BANK, 'D1'), started(`${BANK}cards`), pixel('Early', chromium('D2')), commit(`${BANK}cards`, 'D2')], ['Early:1']],
    ['Chromium: the old page’s beacon as it unloads never joins the next page', [commit(BANK, 'D1'), commit(`${BANK}cards`, 'D2'), pixel('Unload', chromium('D1'))], []],
    ['Chromium: a prerendered page’s requests stay out of the shown page', [commit(BANK, 'D1'), pixel('Shown', chromium('D1')), pixel('Prerendered', { documentId: 'P1', documentLifecycle: 'prerender' })], ['Shown:1']],
    ['Chromium: a prerendered page, once shown (adopted), keeps what it sent', [commit(BANK, 'D1'), pixel('Prerendered', { documentId: 'P1', documentLifecycle: 'prerender' }), commit(`${BANK}cards`, 'P1')], ['Prerendered:1']],
    ['Chromium: the first page after install (requests before any commit, then adopted)', [pixel('PageView', chromium('D1')), commit(BANK, 'D1')], ['PageView:1']],
    ['Chromium: an adopted document’s late commit event keeps its findings', [commit(BANK, 'D1'), pixel('PageView', chromium('D1')), commit(BANK, 'D1')], ['PageView:1']],
    ['Chromium: a frame’s request (no document key) joins the shown page', [commit(BANK, 'D1'), pixel('Frame', { frameId: 3, parentFrameId: 0 })], ['Frame:1']],
    // Firefox: no document ids; requests carry their document's address.
    ['Firefox: a served pixel, then pushState', [commit(BANK), pixel('PageView', firefox(BANK)), inPage(`${BANK}accounts`), pixel('After', firefox(`${BANK}accounts`))], ['PageView:1', 'After:1']],
    ['Firefox: a request that reaches the worker before the pushState event', [commit(BANK), pixel('PageView', firefox(BANK)), pixel('Before', firefox(`${BANK}accounts`)), inPage(`${BANK}accounts`)], ['PageView:1', 'Before:1']],
    ['Firefox: a download link', [commit(BANK), pixel('PageView', firefox(BANK)), started(`${BANK}statement.pdf`), pixel('Still', firefox(BANK))], ['PageView:1', 'Still:1']],
    ['Firefox: the next page’s requests before its commit wait for it', [commit(BANK), pixel('PageView', firefox(BANK)), started(`${BANK}cards`), pixel('Next', firefox(`${BANK}cards`)), commit(`${BANK}cards`)], ['Next:1']],
    ['Firefox: the shown page’s own main-frame request reported after its commit (as Firefox may) holds nothing back', [commit(BANK), started(BANK), pixel('PageView', firefox(BANK))], ['PageView:1']],
    ['Firefox: a reload starts a new document', [commit(BANK), pixel('PageView', firefox(BANK)), started(BANK), commit(BANK), pixel('Second', firefox(BANK))], ['Second:1']],
    // Firefox keys both pages of a reload by the same address: when each request started tells them apart.
    ['Firefox: a reload; the page before’s pixel, answered after the commit, joins no document', [commit(BANK), started(BANK, 200), commit(BANK), pixel('Before', firefox(BANK), 150), pixel('Second', firefox(BANK), 250)], ['Second:1']],
    ['Firefox: a reload, then pushState: the page before’s late answer still joins nothing', [commit(BANK), started(BANK, 200), commit(BANK), inPage(`${BANK}accounts`), pixel('Before', firefox(BANK), 150), pixel('Second', firefox(BANK), 250)], ['Second:1']],
    ['Firefox: a download link leaves the page shown: its pixel answered after the click counts', [started(BANK, 100), commit(BANK), started(`${BANK}statement.pdf`, 300), pixel('Sent', firefox(BANK), 200)], ['Sent:1']],
    ['Firefox: a reload whose request time is unknown holds nothing back (no time, no rule)', [commit(BANK), started(BANK), commit(BANK), pixel('Late', firefox(BANK), 150)], ['Late:1']],
    ['a page’s own in-page navigation with no document yet changes nothing', [inPage(`${BANK}accounts`)], null],
  ])('%s', (_name, events, expected) => {
    expect(shownEvents(play(events))).toEqual(expected);
  });

  it('an in-page navigation moves the address and the owner, never the findings, and is counted', () => {
    const r = play([commit(BANK, 'D1'), pixel('PageView', chromium('D1')), inPage('https://www.chase.com/accounts?id=secret')]);
    expect(r.state).toMatchObject({ documentId: 'D1', host: 'www.chase.com', inPageNavigations: 1, loadStartedAt: 1_000 });
    expect(r.state!.navKey).toBe(describeUrl('https://www.chase.com/accounts?id=secret').navKey);
    expect(JSON.stringify(r)).not.toContain('secret');
  });

  it('a commit gives Firefox a document id of its own, new at each load', () => {
    const first = play([commit(BANK)]);
    const second = play([commit(BANK), commit(BANK)]);
    expect(first.state!.documentId).toMatch(/^commit:/);
    expect(second.state!.documentId).not.toBe(first.state!.documentId);
  });

  it('what waits for a document that never shows expires (EARLY_TTL_MS)', () => {
    let r = play([commit(BANK, 'D1'), pixel('Prerendered', { documentId: 'P1', documentLifecycle: 'prerender' })]);
    expect(r.early.map((e) => e.key)).toEqual(['P1']);
    r = nextTab(r, pixel('Other', chromium('P2')), { describe: describeUrl, now: 1_000 + EARLY_TTL_MS + 100 });
    expect(r.early.map((e) => e.key)).toEqual(['P2']);
    r = nextTab(r, commit(`${BANK}x`, 'P1'), { describe: describeUrl, now: 1_000 + EARLY_TTL_MS + 200 });
    expect(shownEvents(r)).toEqual([]);
  });

  it('links join their own document: a report for the shown one is kept, one for another waits for it', () => {
    const r = play([commit(BANK, 'D1'), links(BANK, 'D1'), links(`${BANK}next`, 'D2')]);
    expect(r.state!.links).toEqual([{ platform: 'messenger', target: 'm.me/chase', count: 1 }]);
    expect(r.early.map((e) => e.key)).toEqual(['D2']);
    const next = nextTab(r, commit(`${BANK}next`, 'D2'), { describe: describeUrl, now: 2_000 });
    expect(next.state!.links).toEqual([{ platform: 'messenger', target: 'm.me/chase', count: 1 }]);
  });

  it('a document started by another bank is described by its own address', () => {
    const r = play([commit(BANK, 'D1'), pixel('PageView', chromium('D1')), started('https://online.citi.com/'), commit('https://online.citi.com/', 'D2')]);
    expect(r.state!.match?.site).toBe('citi.com');
    expect(r.state!.observed).toEqual([]);
  });
});
