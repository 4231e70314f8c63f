/**
 * Issue 21, item 3: any other site, one click. On a site Linkwatch knows nothing about the popup never reads
 * as an all-clear and offers to watch it (the browser's own permission prompt for that site alone); a
 * granted site is watched (what its pages send is shown, the badge says it) until the grant is given back.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nContext } from '../../components/i18n';
import { Popup, type PopupProps } from '../../components/Popup';
import { WatchedSites } from '../../components/options/WatchedSites';
import { bundledWorld } from '../../lib/directory';
import { DEFAULT_PREFERENCES } from '../../lib/prefs/schema';
import { exportConfig, importConfig, sitesToAsk } from '../../lib/config';
import { classifyUrl, createSiteClassifier } from '../../lib/sites';
import { badgeFor, computeTabState, type TabState } from '../../lib/tab-state';
import { sitePattern, siteOfPattern, userGrantedSites } from '../../lib/url';
import { tEn, tFr } from './helpers';

afterEach(cleanup);

const URL_UNKNOWN = 'https://online.smallcreditunion-example.org/accounts';
const state = (url: string, userSites: string[] = []) => computeTabState({ tabId: 1, url, match: classifyUrl(url), catalog: bundledWorld(), silenced: false, now: 0, userSites: new Set(userSites) });
const pixel: TabState['observed'] = [
  { platform: 'meta', requests: [{ endpoint: 'www.facebook.com/tr', kind: 'pixel-event', event: 'PageView', hashedUserData: false, carries: ['page-url'], contexts: ['page'], completed: 1, failed: 0, requested: 0 }] },
];

function renderPopup(s: TabState, extra: Partial<PopupProps> = {}, lang: 'en' | 'fr' = 'en') {
  return render(
    <I18nContext.Provider value={{ t: lang === 'en' ? tEn : tFr, lang, locale: lang === 'en' ? 'en-US' : 'fr-FR' }}>
      <Popup state={s} arrangements={[]} names={new Map([['meta', 'Meta']])} {...extra} />
    </I18nContext.Provider>,
  );
}

describe('site patterns (lib/url)', () => {
  it('one pattern per site, read back; the manifest’s own hosts are not the person’s grants', () => {
    expect(sitePattern('example.org')).toBe('*://*.example.org/*');
    expect(siteOfPattern('*://*.example.org/*')).toBe('example.org');
    expect(siteOfPattern('*://example.org/*')).toBeNull();
    expect(siteOfPattern('<all_urls>')).toBeNull();
    expect(siteOfPattern('*://*/*')).toBeNull();
    expect(userGrantedSites(['*://*.chase.com/*', '*://*.b.org/*', '*://*.a.org/*', '*://*.a.org/*', '*://*.facebook.com/*'], ['*://*.chase.com/*', '*://*.facebook.com/*'])).toEqual(['a.org', 'b.org']);
  });
});

describe('a site Linkwatch knows nothing about', () => {
  it('is not watched until granted; then it is, named by nothing but its address', () => {
    const before = state(URL_UNKNOWN);
    expect(before).toMatchObject({ match: null, watched: false, site: 'smallcreditunion-example.org' });
    expect(before.userWatched).toBeUndefined();
    const after = state(URL_UNKNOWN, ['smallcreditunion-example.org']);
    expect(after).toMatchObject({ match: null, watched: true, userWatched: true });
    // Another site's grant changes nothing; nor does a grant on a platform's own site.
    expect(state(URL_UNKNOWN, ['other.org']).watched).toBe(false);
    expect(state('https://www.facebook.com/', ['facebook.com']).watched).toBe(false);
  });

  it('IPs and localhost have no site to offer', () => {
    expect(state('http://192.168.1.1/').site).toBeUndefined();
    expect(state('http://localhost:8080/').site).toBeUndefined();
  });

  it('badge: none until something is seen on a watched site; then the mark, saying what was observed', () => {
    const watched = state(URL_UNKNOWN, ['smallcreditunion-example.org']);
    expect(badgeFor(watched, DEFAULT_PREFERENCES, tEn).text).toBe('');
    const seen = badgeFor({ ...watched, observed: pixel }, DEFAULT_PREFERENCES, tEn, () => 'Meta');
    expect(seen.text).toBe('i');
    expect(seen.title).toContain('Observed on this page: requests to Meta.');
    // Not granted: nothing, whatever is stored.
    expect(badgeFor({ ...state(URL_UNKNOWN), observed: pixel }, DEFAULT_PREFERENCES, tEn).text).toBe('');
    // The observed level off: no badge, and no "belongs to" title for a site nobody is known to own.
    const off = badgeFor({ ...watched, observed: pixel }, { ...DEFAULT_PREFERENCES, badgeLevels: { ...DEFAULT_PREFERENCES.badgeLevels, observed: false } }, tEn);
    expect(off).toMatchObject({ text: '', title: tEn('badgeTitleNothing') });
  });

  it('popup: no information here, never an all-clear, and the offer to watch it (the browser asks)', () => {
    const onWatch = vi.fn();
    renderPopup(state(URL_UNKNOWN), { onWatch });
    expect(screen.getByText('Linkwatch has no information about this site.')).toBeTruthy();
    expect(document.body.textContent).toContain('Linkwatch does not watch requests on this site either');
    expect(document.body.textContent).toContain('Your browser will ask you to allow it, for this site only.');
    fireEvent.click(screen.getByRole('button', { name: 'Watch smallcreditunion-example.org' }));
    expect(onWatch).toHaveBeenCalledOnce();
    cleanup();
    renderPopup(state(URL_UNKNOWN), { onWatch, watchAnswer: 'refused' });
    expect(screen.getByRole('status').textContent).toBe('Your browser did not allow it: Linkwatch still does not watch this site.');
  });

  it('popup once watched: what the page sent, and the way back', () => {
    const onUnwatch = vi.fn();
    renderPopup({ ...state(URL_UNKNOWN, ['smallcreditunion-example.org']), observed: pixel }, { onUnwatch, watchAnswer: 'granted' });
    expect(document.body.textContent).toContain('Linkwatch watches this site because you asked it to.');
    expect(screen.getByRole('status').textContent).toContain('reload the page');
    expect(document.querySelector('section.observed')!.textContent).toContain('PageView');
    expect(document.body.textContent).not.toContain('Linkwatch has no information about this site.');
    fireEvent.click(screen.getByRole('button', { name: 'Stop watching smallcreditunion-example.org' }));
    expect(onUnwatch).toHaveBeenCalledOnce();
  });

  it('in French too', () => {
    renderPopup(state(URL_UNKNOWN), { onWatch: () => undefined }, 'fr');
    expect(screen.getByText('Linkwatch n’a aucune information sur ce site.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Observer smallcreditunion-example.org' })).toBeTruthy();
  });
});

describe('options: the sites the person asked Linkwatch to watch', () => {
  it('lists them with the way back, and says when there is none', () => {
    const onStop = vi.fn();
    render(
      <I18nContext.Provider value={{ t: tEn, lang: 'en', locale: 'en-US' }}>
        <WatchedSites sites={['a.org', 'b.org']} onStop={onStop} />
      </I18nContext.Provider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Stop watching b.org' }));
    expect(onStop).toHaveBeenCalledWith('b.org');
    cleanup();
    render(
      <I18nContext.Provider value={{ t: tEn, lang: 'en', locale: 'en-US' }}>
        <WatchedSites sites={[]} onStop={onStop} />
      </I18nContext.Provider>,
    );
    expect(document.body.textContent).toContain('None: Linkwatch watches only the banks and payment sites of its directory.');
  });
});

describe('watched sites travel in exported configs; an import asks the browser again', () => {
  const state = { preferences: {}, siteDecisions: [], customLists: [] };
  const list = (enabled: boolean) => ({
    id: 'advocate-list',
    name: 'Advocate list',
    author: 'A',
    date: '2026-01-01',
    enabled,
    institutions: [
      { id: 'my-bank', name: 'My Bank', country: 'US', kind: 'bank' as const, domains: [{ domain: 'mybank-example.org', verified: 'C' as const }, { domain: 'online.mybank-host.net', verified: 'C' as const }] },
      { id: 'my-platform', name: 'My Platform', country: 'US', kind: 'platform' as const, domains: [{ domain: 'platform-example.net', verified: 'C' as const }] },
    ],
    arrangements: [],
  });

  it('export writes the granted sites (only when there are some), import reads them back', () => {
    expect(JSON.parse(exportConfig(state, new Date('2026-12-04T00:00:00Z'))).watchedSites).toBeUndefined();
    const text = exportConfig(state, new Date('2026-12-04T00:00:00Z'), ['b.org', 'a.org', 'a.org']);
    expect(JSON.parse(text).watchedSites).toEqual(['a.org', 'b.org']);
    const result = importConfig(text, state, { now: new Date('2026-12-05T00:00:00Z') });
    expect(result.ok && result.config.watchedSites).toEqual(['a.org', 'b.org']);
    // Applying asks for them: the file cannot carry the browser's grant.
    expect(result.ok && sitesToAsk(result.config, state)).toEqual(['a.org', 'b.org']);
  });

  it('a watched site must be a site (registrable domain), as a decision’s', () => {
    const bad = JSON.stringify({ format: 'linkwatch-config', version: 1, createdAt: '2026-12-04T00:00:00.000Z', watchedSites: ['https://a.org/x'] });
    const result = importConfig(bad, state, { now: new Date('2026-12-05T00:00:00Z') });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]!.path).toBe('$.watchedSites[0]');
  });

  it('the sites of a list that will be on are asked for too (its banks, not its platforms); an off list’s are not', () => {
    expect(sitesToAsk({ watchedSites: ['a.org'], customLists: [list(true)] }, state)).toEqual(['a.org', 'mybank-example.org', 'online.mybank-host.net']);
    expect(sitesToAsk({ watchedSites: [], customLists: [list(true)] }, { customLists: [list(false)] })).toEqual([]);
  });

  it('a grant on a host covers that host and those under it, not its parent', () => {
    const url = 'https://secure.online.mybank-host.net/login';
    expect(computeTabState({ tabId: 1, url, match: null, catalog: bundledWorld(), silenced: false, now: 0, userSites: new Set(['online.mybank-host.net']) }).watched).toBe(true);
    expect(computeTabState({ tabId: 1, url: 'https://mybank-host.net/', match: null, catalog: bundledWorld(), silenced: false, now: 0, userSites: new Set(['online.mybank-host.net']) }).watched).toBe(false);
  });

  it('on a list’s bank that is not watched, the first screen offers to watch it instead of leaving "cannot watch" there', () => {
    const url = 'https://www.mybank-example.org/';
    const classify = createSiteClassifier({ institutions: [...bundledWorld().institutions, ...list(true).institutions] }).classify;
    const s = computeTabState({ tabId: 1, url, match: classify(url), catalog: bundledWorld(), lists: [list(true)], silenced: false, now: 0 });
    expect(s).toMatchObject({ watched: false, site: 'mybank-example.org' });
    const onWatch = vi.fn();
    renderPopup(s, { onWatch });
    expect(document.querySelector('[data-summary="observed"]')!.textContent).toContain('Watch mybank-example.org');
    fireEvent.click(screen.getByRole('button', { name: 'Watch mybank-example.org' }));
    expect(onWatch).toHaveBeenCalledOnce();
  });
});
