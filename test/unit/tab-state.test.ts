import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CustomList } from '../../lib/config/schema';
import { createSiteClassifier } from '../../lib/sites';
import { bundledCatalog } from '../../lib/catalog';
import { DEFAULT_PREFERENCES } from '../../lib/prefs/schema';
import { classifyUrl } from '../../lib/sites';
import { BADGE_COLORS, BADGE_MARK, badgeFor, computeTabState, hostOf, mergedInstitutions, reportedCount, type ObservedRequest, type TabState } from '../../lib/tab-state';
import { tEn, tFr } from './helpers';

const catalog = bundledCatalog();
const stateFor = (url: string, silenced = false) =>
  computeTabState({ tabId: 7, url, match: classifyUrl(url), catalog, silenced, now: 1 });

describe('computeTabState', () => {
  it('names the owner and its group, and lists the group’s arrangements', () => {
    const s = stateFor('https://www.chase.com/');
    expect(s).toMatchObject({ tabId: 7, host: 'www.chase.com', ownerName: 'Chase', groupName: 'JPMorgan Chase', firstParty: false });
    expect(s.arrangementIds).toContain('fb-us-banks-messenger-2018');
  });
  it('marks a platform’s own site as first party', () => {
    const s = stateFor('https://www.messenger.com/t/1');
    expect(s).toMatchObject({ ownerName: 'Messenger', groupName: 'Meta', firstParty: true });
    expect(s.arrangementIds).toContain('fb-us-banks-messenger-2018');
  });
  it('knows nothing about an unrelated site, and keeps only the host', () => {
    const s = stateFor('https://example.org/private/path?q=secret');
    expect(s).toMatchObject({ host: 'example.org', match: null, arrangementIds: [], ownerName: null });
    expect(JSON.stringify(s)).not.toContain('secret');
  });
  it.each(['chrome://newtab/', 'about:blank', 'file:///x', '', 'not a url'])('has no host for %j', (url) => {
    expect(stateFor(url).host).toBeNull();
    expect(hostOf(url)).toBeNull();
  });
});

describe('badgeFor: one meaning everywhere (issue 15)', () => {
  const list = (JSON.parse(readFileSync(resolve(__dirname, '../fixtures/config/v1-list.json'), 'utf8')) as { list: CustomList }).list;
  const listState = (url: string) => {
    const classify = createSiteClassifier({ institutions: mergedInstitutions(catalog, [list]) }).classify;
    return computeTabState({ tabId: 7, url, match: classify(url), catalog, lists: [list], silenced: false, now: 1 });
  };
  const request = (outcome: Partial<ObservedRequest>): ObservedRequest => ({
    kind: 'pixel-script',
    endpoint: 'connect.facebook.net/en_US/fbevents.js',
    hashedUserData: false,
    completed: 0,
    failed: 0,
    requested: 0,
    ...outcome,
  });
  const withMeta = (state: TabState, ...requests: ObservedRequest[]): TabState => ({ ...state, observed: [{ platform: 'meta', requests }] });
  const name = (id: string) => catalog.institutions.find((i) => i.id === id)?.name ?? id;

  it.each([
    ['a seed bank', () => stateFor('https://www.chase.com/'), /^Linkwatch: \d+ reported data arrangements involving JPMorgan Chase\. Click the Linkwatch button/],
    [
      'a bank whose page sent the Meta Pixel',
      () => withMeta(stateFor('https://www.chase.com/meta-pixel'), request({ completed: 1 }), request({ kind: 'pixel-event', endpoint: 'www.facebook.com/tr', completed: 1 })),
      /^Linkwatch: \d+ reported data arrangements involving JPMorgan Chase\. Observed on this page: requests to Meta\. Click/,
    ],
    [
      'a bank whose pixel was blocked',
      () => withMeta(stateFor('https://www.usbank.com/'), request({ failed: 1 })),
      /^Linkwatch: \d+ reported data arrangements? involving U\.S\. Bank\. Observed on this page: requests to Meta \(failed: nothing sent\)\. Click/,
    ],
    ['Messenger, a platform’s own site', () => stateFor('https://www.messenger.com/t/1'), /^Linkwatch: this is Meta's own site; \d+ reported data arrangements involve Meta\. Click/],
    ['a site known only from a custom list', () => listState('https://www.example.com/'), /^Linkwatch: 1 reported data arrangement involving Example Bank\. Click/],
  ])('%s: the mark, one colour, a title starting “Linkwatch:”', (_, state, title) => {
    const b = badgeFor(state(), DEFAULT_PREFERENCES, tEn, name);
    expect(b.text).toBe(BADGE_MARK);
    expect(b.color).toBe(BADGE_COLORS.mark);
    expect(b.title).toMatch(title);
  });

  it('counts data arrangements only: a context entry (background, not an arrangement) is shown but not counted', () => {
    const messenger = stateFor('https://www.messenger.com/t/1');
    const context = bundledCatalog().arrangements.filter((a) => a.kind === 'context' && messenger.arrangementIds.includes(a.id));
    expect(context.length).toBeGreaterThan(0);
    expect(messenger.contextCount).toBe(context.length);
    expect(reportedCount(messenger)).toBe(messenger.arrangementIds.length - context.length);
    expect(badgeFor(messenger, DEFAULT_PREFERENCES, tEn, name).title).toContain(`; ${reportedCount(messenger)} reported data arrangements involve Meta.`);
  });

  it('says a pixel that failed (blocked or unreachable) sent nothing, and a completed one is not', () => {
    const blocked = badgeFor(withMeta(stateFor('https://www.usbank.com/'), request({ failed: 2 })), DEFAULT_PREFERENCES, tEn, name);
    expect(blocked.title).toContain('Observed on this page: requests to Meta (failed: nothing sent).');
    const mixed = badgeFor(withMeta(stateFor('https://www.usbank.com/'), request({ failed: 1 }), request({ completed: 1 })), DEFAULT_PREFERENCES, tEn, name);
    expect(mixed.title).toContain('Observed on this page: requests to Meta.');
    expect(badgeFor(withMeta(stateFor('https://www.usbank.com/'), request({ failed: 1 })), DEFAULT_PREFERENCES, tFr, name).title).toContain('Meta (échec\u00a0: rien n\'est parti)');
  });

  it('shows nothing on unknown sites', () => {
    expect(badgeFor(stateFor('https://example.org/'), DEFAULT_PREFERENCES, tEn)).toEqual({
      text: '',
      color: BADGE_COLORS.none,
      title: 'Linkwatch: no information about this site',
    });
  });
  it('is silent on a muted site and says so in the title', () => {
    const b = badgeFor(stateFor('https://www.chase.com/', true), DEFAULT_PREFERENCES, tEn);
    expect(b.text).toBe('');
    expect(b.title).toBe('Linkwatch: muted on chase.com');
  });
  it('follows the badge-level preference, with the same mark wherever it shows', () => {
    const prefs = { ...DEFAULT_PREFERENCES, badgeLevels: { ...DEFAULT_PREFERENCES.badgeLevels, reported: false } };
    expect(badgeFor(stateFor('https://www.chase.com/'), prefs, tEn).text).toBe('');
    expect(badgeFor(stateFor('https://www.messenger.com/'), prefs, tEn).text).toBe(BADGE_MARK);
    expect(badgeFor(withMeta(stateFor('https://www.chase.com/'), request({ completed: 1 })), prefs, tEn, name).text).toBe(BADGE_MARK);
  });
  it('speaks French, with French spacing', () => {
    expect(badgeFor(stateFor('https://www.chase.com/', true), DEFAULT_PREFERENCES, tFr).title).toBe('Linkwatch\u00a0: en sourdine sur chase.com');
    expect(badgeFor(stateFor('https://www.chase.com/'), DEFAULT_PREFERENCES, tFr).title).toMatch(/^Linkwatch\u00a0: \d+ signalements concernant JPMorgan Chase\./);
  });
});
