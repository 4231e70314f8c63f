import { describe, expect, it } from 'vitest';
import { bundledCatalog } from '../../lib/catalog';
import { DEFAULT_PREFERENCES } from '../../lib/prefs/schema';
import { classifyUrl } from '../../lib/sites';
import { BADGE_COLORS, badgeFor, computeTabState, hostOf } from '../../lib/tab-state';
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

describe('badgeFor', () => {
  it('counts reported arrangements on a bank, with a sentence as title', () => {
    const s = stateFor('https://www.chase.com/');
    const b = badgeFor(s, DEFAULT_PREFERENCES, tEn);
    expect(b.text).toBe(String(s.arrangementIds.length));
    expect(b.color).toBe(BADGE_COLORS.reported);
    expect(b.title).toMatch(/^Linkwatch: \d+ reported data arrangements? involving JPMorgan Chase\. Open for sources\.$/);
  });
  it('says a platform site is the platform, in its own colour', () => {
    const b = badgeFor(stateFor('https://www.messenger.com/'), DEFAULT_PREFERENCES, tEn);
    expect(b.color).toBe(BADGE_COLORS.firstParty);
    expect(b.title).toContain('this site is Meta');
  });
  it('shows nothing on unknown sites', () => {
    expect(badgeFor(stateFor('https://example.org/'), DEFAULT_PREFERENCES, tEn)).toEqual({
      text: '',
      color: BADGE_COLORS.none,
      title: 'Linkwatch: nothing reported about this site',
    });
  });
  it('is silent on a muted site and says so in the title', () => {
    const b = badgeFor(stateFor('https://www.chase.com/', true), DEFAULT_PREFERENCES, tEn);
    expect(b.text).toBe('');
    expect(b.title).toBe('Linkwatch: muted on chase.com');
  });
  it('follows the badge-level preference', () => {
    const prefs = { ...DEFAULT_PREFERENCES, badgeLevels: { ...DEFAULT_PREFERENCES.badgeLevels, reported: false } };
    expect(badgeFor(stateFor('https://www.chase.com/'), prefs, tEn).text).toBe('');
    expect(badgeFor(stateFor('https://www.messenger.com/'), prefs, tEn).text).not.toBe('');
  });
  it('speaks French', () => {
    expect(badgeFor(stateFor('https://www.chase.com/', true), DEFAULT_PREFERENCES, tFr).title).toBe('Linkwatch : en sourdine sur chase.com');
  });
});
