/**
 * Issue 23: protection's rules (lib/protection) and how the background applies and reports them
 * (lib/background/protection, lib/request-watch's "blocked" outcome).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createProtection, protectionSources, type DnrApi } from '../../lib/background/protection';
import { showWelcomeOnce } from '../../lib/background/welcome';
import { watchedDomainSet } from '../../lib/directory';
import { classifyRequest, endpointRules } from '../../lib/evidence';
import { blockRules, endpointRegex, blocksUrl, isHostProtected, isPlatformSite, PROTECTED_KINDS, protectedEndpointRules, protectionPlan, protectionSiteOf, protects } from '../../lib/protection';
import { blockingError, watchRequests, type RequestDetails } from '../../lib/request-watch';
import { addWatchedRequests, blockedByLinkwatch, computeTabState, nothingSent } from '../../lib/tab-state';
import { platformOutcome } from '../../components/Notice';
import { bundledWorld } from '../../lib/directory';
import { classifyUrl } from '../../lib/sites';

const BANK = 'https://www.chase.com/personal/checking';

describe('which sites are protected', () => {
  it('is off by default: no choice, no rule', () => {
    expect(protectionPlan({ all: false, sites: [] }, watchedDomainSet())).toEqual({ initiators: [], excluded: [] });
    expect(blockRules(protectionPlan({ all: false, sites: [] }, watchedDomainSet()))).toEqual([]);
  });

  it('"every bank" covers the directory’s watched sites and never a platform’s', () => {
    const plan = protectionPlan({ all: true, sites: [] }, watchedDomainSet());
    expect(plan.initiators).toContain('chase.com');
    expect(plan.initiators).toContain('wellsfargo.com');
    expect(plan.initiators.length).toBe([...watchedDomainSet()].filter((d) => !isPlatformSite(d)).length);
    for (const platform of ['facebook.com', 'messenger.com', 'instagram.com', 'google.com', 'linkedin.com']) expect(plan.initiators).not.toContain(platform);
  });

  it('a site’s own choice overrides the global switch either way, and a platform’s site is never protected', () => {
    const on = protectionPlan({ all: false, sites: [{ site: 'hometowncu-example.org', protect: true }, { site: 'facebook.com', protect: true }] }, watchedDomainSet(), new Set(['hometowncu-example.org', 'facebook.com']));
    expect(on).toEqual({ initiators: ['hometowncu-example.org'], excluded: [] });
    const off = protectionPlan({ all: true, sites: [{ site: 'chase.com', protect: false }] }, watchedDomainSet());
    expect(off.initiators).not.toContain('chase.com');
    expect(off.initiators).toContain('citi.com');
    // A directory entry below the site switched off (a bank's host under its domain) is excluded by the rule too.
    expect(protects(off, 'secure.chase.com', 'pixel-event')).toBe(false);
    expect(protects(off, 'online.citi.com', 'pixel-event')).toBe(true);
    const banks = watchedDomainSet();
    const mine = new Set(['hometowncu-example.org']);
    expect(isHostProtected({ all: true, sites: [] }, 'www.chase.com', banks)).toBe(true);
    expect(isHostProtected({ all: true, sites: [] }, 'hometowncu-example.org', banks, mine)).toBe(false);
    expect(isHostProtected({ all: false, sites: [{ site: 'hometowncu-example.org', protect: true }] }, 'www.hometowncu-example.org', banks, mine)).toBe(true);
    expect(isHostProtected({ all: false, sites: [{ site: 'chase.com', protect: true }] }, 'chase.com', banks)).toBe(true);
    expect(isHostProtected({ all: true, sites: [{ site: 'chase.com', protect: false }] }, 'secure.chase.com', banks)).toBe(false);
    expect(isHostProtected({ all: true, sites: [{ site: 'facebook.com', protect: true }] }, 'www.facebook.com', banks, new Set(['facebook.com']))).toBe(false);
  });

  it('a choice to protect counts only on a watched site: not an imported site Linkwatch does not watch, not a grant given back', () => {
    const choices = { all: false, sites: [{ site: 'youtube.com', protect: true }, { site: 'hometowncu-example.org', protect: true }] };
    expect(protectionPlan(choices, watchedDomainSet()).initiators).toEqual([]);
    expect(protectionPlan(choices, watchedDomainSet(), new Set(['hometowncu-example.org'])).initiators).toEqual(['hometowncu-example.org']);
    expect(isHostProtected(choices, 'www.youtube.com', watchedDomainSet())).toBe(false);
  });

  it('a choice is kept under the watched domain, not the registrable domain: one tenant of a shared host is not every tenant', () => {
    const banks = new Set(['chase.com', 'firstbank.my.site.com', 'otherbank.my.site.com']);
    expect(protectionSiteOf('secure.chase.com', banks, new Set())).toBe('chase.com');
    expect(protectionSiteOf('Firstbank.my.site.com.', banks, new Set())).toBe('firstbank.my.site.com');
    expect(protectionSiteOf('login.tenant.us.com', banks, new Set(['tenant.us.com']))).toBe('tenant.us.com');
    expect(protectionSiteOf('example.org', banks, new Set())).toBeNull();
    const plan = protectionPlan({ all: false, sites: [{ site: 'firstbank.my.site.com', protect: true }] }, banks);
    expect(plan.initiators).toEqual(['firstbank.my.site.com']);
    expect(protects(plan, 'firstbank.my.site.com', 'pixel-event')).toBe(true);
    expect(protects(plan, 'otherbank.my.site.com', 'pixel-event')).toBe(false);
  });

  it('what the popup says is what the rules do: isHostProtected agrees with protects(protectionPlan) (fuzzed)', () => {
    const banks = new Set(['chase.com', 'secure.chase.com', 'citi.com', 'firstbank.my.site.com', 'otherbank.my.site.com']);
    const mine = new Set(['hometowncu-example.org', 'facebook.com']);
    const domain = fc.constantFrom(...banks, ...mine, 'youtube.com', 'my.site.com', 'online.citi.com', 'www.hometowncu-example.org');
    const host = fc.tuple(fc.constantFrom('', 'www.', 'a.b.'), domain).map(([p, d]) => p + d);
    fc.assert(
      fc.property(fc.boolean(), fc.uniqueArray(fc.record({ site: domain, protect: fc.boolean() }), { selector: (c) => c.site, maxLength: 5 }), host, (all, sites, h) => {
        const choices = { all, sites };
        expect([h, isHostProtected(choices, h, banks, mine)]).toEqual([h, protects(protectionPlan(choices, banks, mine), h, 'pixel-event')]);
      }),
      { numRuns: 2000 },
    );
  });

  it('covers the tracking kinds only: a platform’s SDK and social plugins keep working', () => {
    const plan = protectionPlan({ all: false, sites: [{ site: 'chase.com', protect: true }] }, watchedDomainSet());
    expect(protects(plan, 'www.chase.com', 'pixel-event')).toBe(true);
    expect(protects(plan, 'www.chase.com', 'sdk')).toBe(false);
    expect(protects(plan, 'www.notchase.com', 'pixel-event')).toBe(false);
    expect(protects(plan, 'chase.com.evil.example', 'pixel-event')).toBe(false);
    expect(protects(plan, null, 'pixel-event')).toBe(false);
    expect(PROTECTED_KINDS).not.toContain('sdk');
    expect(protectedEndpointRules().every((r) => r.kind !== 'sdk')).toBe(true);
  });
});

describe('the declarativeNetRequest rules', () => {
  const plan = protectionPlan({ all: false, sites: [{ site: 'chase.com', protect: true }, { site: 'citi.com', protect: false }] }, watchedDomainSet());

  it('one block rule per tracking endpoint rule, ids 1..n, scoped to the protected initiators, never a navigation', () => {
    const rules = blockRules(plan);
    expect(rules.map((r) => r.id)).toEqual(protectedEndpointRules().map((_r, i) => i + 1));
    for (const r of rules) {
      expect(r.action).toEqual({ type: 'block' });
      expect(r.condition.initiatorDomains).toEqual(['chase.com']);
      expect(r.condition.excludedResourceTypes).toEqual(['main_frame']);
      expect(r.condition.isUrlFilterCaseSensitive).toBe(false);
    }
  });

  // The browser lowercases the host and percent-encodes the path before a rule sees the URL (`new URL().href`).
  const hostOf = fc.constantFrom(...endpointRules().flatMap((r) => r.hosts)).chain((h) =>
    h.startsWith('*.') ? fc.constantFrom('abc', 'region1', 'x-1').map((l) => `${l}.${h.slice(2)}`) : fc.constant(h),
  );
  const PATHS = [
    '/tr', '/tr/', '/en_US/fbevents.js', '/signals/config/1234567890', '/signals/plugins/identity.js', '/en_US/sdk.js', '/plugins/like.php',
    '/gtag/js', '/gtm.js', '/ns.html', '/analytics.js', '/collect', '/g/collect', '/j/collect', '/ccm/collect', '/pagead/conversion/123/',
    '/pagead/conversion_async.js', '/pagead/viewthroughconversion/99/', '/pagead/1p-conversion/5/', '/rmkt/collect/7/', '/td/rul/8',
    '/activityi;src=123;type=x', '/ddm/activity/src=1', '/bat.js', '/p/action/123.js', '/action/0', '/actionp/0', '/tag/abc123', '/tag/uet/123',
    '/0.8.67/clarity.js', '/eus2-j/collect', '/li.lms-analytics/insight.min.js', '/i18n/pixel/events.js', '/api/v2/pixel', '/api/v2/pixel/act',
    '/uwt.js', '/oct.js', '/i/adsct', '/1/i/adsctp', '/iu3', '/s/iu3', '/aat/amzn.js', '/aax2/apstag.js',
    '/trx', '/tr/x', '/', '/favicon.ico', '/signals/config/abc', '/pagead/conversion/', '/collect/extra', '/TR', '/Tr/',
  ];
  const urlOf = fc.tuple(fc.constantFrom('https', 'http', 'wss'), hostOf, fc.constantFrom(...PATHS), fc.constantFrom('', '?id=1&ev=PageView', '?', '#x', '?a=/tr')).map(([s, h, p, q]) => new URL(`${s}://${h}${p}${q}`).href);

  it('each rule’s pattern matches exactly what lib/evidence classifies as that tracking endpoint (fuzzed over every rule host)', () => {
    const rules = blockRules(plan);
    const patterns = rules.map((r) => new RegExp(r.condition.regexFilter, 'i'));
    fc.assert(
      fc.property(urlOf, (url) => {
        // A WebSocket is classified as its https twin (lib/request-watch), and blocked likewise.
        const seen = classifyRequest(BANK, url.replace(/^wss:/, 'https:'), 'image');
        const tracked = seen !== null && PROTECTED_KINDS.includes(seen.kind);
        expect([url, patterns.some((p) => p.test(url))]).toEqual([url, tracked]);
      }),
      { numRuns: 3000 },
    );
  });

  it('never matches another site, a lookalike, or a path that only contains an endpoint', () => {
    const patterns = blockRules(plan).map((r) => new RegExp(r.condition.regexFilter, 'i'));
    for (const url of [
      'https://facebook.com.evil.example/tr',
      'https://evilfacebook.com/tr',
      'https://www.chase.com/tr',
      'https://m.me/chase',
      'https://www.facebook.com/chase',
      'https://www.messenger.com/t/1',
      'https://connect.facebook.net/en_US/sdk.js',
      'https://www.facebook.com/plugins/like.php?href=x',
      'https://www.example.org/?u=https://www.facebook.com/tr',
      'https://www.facebook.com..evil.example/tr',
    ]) expect([url, patterns.some((p) => p.test(url))]).toEqual([url, false]);
  });

  it('a fully qualified host (a trailing dot) is the same endpoint: classified and blocked alike', () => {
    const patterns = blockRules(plan).map((r) => new RegExp(r.condition.regexFilter, 'i'));
    for (const url of ['https://www.facebook.com./tr?id=1&ev=PageView', 'https://www.google-analytics.com./g/collect?v=2', 'https://connect.facebook.net./signals/config/123']) {
      expect([url, classifyRequest(BANK, url, 'image')?.platform]).not.toEqual([url, undefined]);
      expect([url, patterns.some((p) => p.test(url)), blocksUrl(url)]).toEqual([url, true, true]);
    }
  });

  it('writes bounded repeats and literal hosts in a shape Chromium compiles under its 2 KB limit (checked in a real browser too)', () => {
    for (const r of protectedEndpointRules()) {
      const regex = endpointRegex(r);
      expect(regex).not.toMatch(/\{\d+,\d{2,}\}/);
      expect(regex).not.toMatch(/\(\?</);
      expect(regex.length).toBeLessThan(200);
    }
  });
});

describe('the background’s rules and what it calls "blocked by Linkwatch"', () => {
  function fakeDnr(initial: Awaited<ReturnType<DnrApi['getDynamicRules']>> = []) {
    let rules = structuredClone(initial);
    const calls: unknown[] = [];
    const api: DnrApi = {
      getDynamicRules: async () => structuredClone(rules),
      updateDynamicRules: async ({ removeRuleIds, addRules }) => {
        calls.push({ removeRuleIds, add: addRules.length });
        rules = [...rules.filter((r) => !removeRuleIds.includes(r.id)), ...structuredClone(addRules)];
      },
    };
    return { api, calls, rules: () => rules };
  }

  it('builds the rules from the stored choices, removes them all when protection is off, and rewrites nothing unchanged', async () => {
    const dnr = fakeDnr();
    let choices = { all: false, sites: [{ site: 'chase.com', protect: true }] };
    const protection = createProtection({ dnr: dnr.api, choices: async () => choices, bankDomains: () => watchedDomainSet(), userSites: async () => new Set() });
    await protection.ready;
    await protection.sync();
    expect(dnr.rules().length).toBe(protectedEndpointRules().length);
    expect(protection.covers('www.chase.com', 'pixel-event', 'https://www.facebook.com/tr?ev=PageView')).toBe(true);
    await protection.sync();
    expect(dnr.calls).toHaveLength(1);
    choices = { all: false, sites: [{ site: 'chase.com', protect: false }] };
    await protection.sync();
    expect(dnr.rules()).toEqual([]);
    expect(protection.covers('www.chase.com', 'pixel-event', 'https://www.facebook.com/tr?ev=PageView')).toBe(false);
  });

  it('after a restart, reads what the browser holds before saying anything, and a failed read of the choices changes no rule', async () => {
    const first = fakeDnr();
    const before = createProtection({ dnr: first.api, choices: async () => ({ all: false, sites: [{ site: 'chase.com', protect: true }] }), bankDomains: () => watchedDomainSet(), userSites: async () => new Set() });
    await before.sync();
    const restarted = createProtection({ dnr: fakeDnr(first.rules()).api, choices: async () => Promise.reject(new Error('database unreadable')), bankDomains: () => watchedDomainSet(), userSites: async () => new Set() });
    await restarted.ready;
    expect(restarted.covers('www.chase.com', 'analytics', 'https://www.google-analytics.com/g/collect?v=2')).toBe(true);
    await expect(restarted.sync()).rejects.toThrow('database unreadable');
    expect(restarted.covers('www.chase.com', 'analytics', 'https://www.google-analytics.com/g/collect?v=2')).toBe(true);
  });

  it('says a request failed by its own rule is "blocked", another blocker’s or the network’s failure stays "failed"', async () => {
    const dnr = fakeDnr();
    const protection = createProtection({ dnr: dnr.api, choices: async () => ({ all: false, sites: [{ site: 'chase.com', protect: true }] }), bankDomains: () => watchedDomainSet(), userSites: async () => new Set() });
    await protection.sync();
    const listeners: Record<string, (d: RequestDetails) => void> = {};
    const event = (name: string) => ({ addListener: (fn: (d: RequestDetails) => void) => void (listeners[name] ??= fn) });
    const applied: Array<{ outcome: string; event?: string }> = [];
    const flush = watchRequests(
      { onBeforeRequest: event('onBeforeRequest'), onBeforeRedirect: event('onBeforeRedirect'), onCompleted: event('onCompleted'), onErrorOccurred: event('onErrorOccurred') },
      {
        apply: async (_tab, change) => {
          if (change.type === 'requests') applied.push(...change.requests.map((r) => ({ outcome: r.outcome, event: r.observation.event })));
        },
        tabs: async () => [],
        protection,
      },
      [],
    );
    await protection.ready;
    const base = { tabId: 1, frameId: 0, type: 'image', initiator: 'https://www.chase.com' };
    listeners.onErrorOccurred!({ ...base, requestId: '1', url: 'https://www.facebook.com/tr?ev=Ours', error: 'net::ERR_BLOCKED_BY_CLIENT' });
    listeners.onErrorOccurred!({ ...base, requestId: '2', url: 'https://www.facebook.com/tr?ev=Network', error: 'net::ERR_NAME_NOT_RESOLVED' });
    listeners.onErrorOccurred!({ ...base, requestId: '3', url: 'https://www.facebook.com/tr?ev=Elsewhere', error: 'net::ERR_BLOCKED_BY_CLIENT', initiator: 'https://online.citi.com' });
    listeners.onErrorOccurred!({ ...base, requestId: '4', url: 'https://www.facebook.com/tr?ev=Firefox', error: 'NS_ERROR_ABORT' });
    listeners.onErrorOccurred!({ ...base, requestId: '5', url: 'https://connect.facebook.net/en_US/sdk.js', error: 'net::ERR_BLOCKED_BY_CLIENT' });
    // Blocked by another blocker, from a protected site, to a tracking address no rule of Linkwatch's matches
    // (lib/evidence reads the endpoint on any port; the rules never name one): not Linkwatch's doing.
    listeners.onErrorOccurred!({ ...base, requestId: '6', url: 'https://www.facebook.com:8443/tr?ev=Port', error: 'net::ERR_BLOCKED_BY_CLIENT' });
    await new Promise((r) => setTimeout(r, 0));
    flush();
    expect(applied).toEqual([
      { outcome: 'blocked', event: 'Ours' },
      { outcome: 'failed', event: 'Network' },
      { outcome: 'failed', event: 'Elsewhere' },
      { outcome: 'blocked', event: 'Firefox' },
      { outcome: 'failed', event: undefined },
      { outcome: 'failed', event: 'Port' },
    ]);
    expect(blockingError('net::ERR_ABORTED')).toBe(false);
  });

  it('a blocked request is counted apart and worded apart: never "sent", never another blocker’s', () => {
    const state = computeTabState({ tabId: 1, url: BANK, match: classifyUrl(BANK), catalog: bundledWorld(), silenced: false, now: 0, protection: { all: false, sites: [{ site: 'chase.com', protect: true }] } });
    expect(state.protected).toBe(true);
    const pixel = { observation: { platform: 'meta', kind: 'pixel-event' as const, endpoint: 'www.facebook.com/tr', hashedUserData: false }, carries: [], context: 'page' as const };
    const after = addWatchedRequests(state, [{ ...pixel, outcome: 'blocked' }, { ...pixel, outcome: 'blocked' }]);
    expect(after.observed[0]!.requests[0]).toMatchObject({ completed: 0, failed: 0, requested: 0, blocked: 2 });
    expect(blockedByLinkwatch(after.observed[0]!)).toBe(true);
    const mixed = addWatchedRequests(after, [{ ...pixel, outcome: 'failed' }]);
    expect([blockedByLinkwatch(mixed.observed[0]!), nothingSent(mixed.observed[0]!)]).toEqual([false, true]);
    // Requests beyond the itemised lines keep no outcome: never "nothing sent" when there are any.
    expect([blockedByLinkwatch({ ...after.observed[0]!, more: 350 }), nothingSent({ ...mixed.observed[0]!, more: 1 })]).toEqual([false, false]);
    expect(platformOutcome({ name: 'Meta', completed: 0, failed: 0, requested: 0, blocked: 2 })).toBe('blocked');
    expect(platformOutcome({ name: 'Meta', completed: 1, failed: 0, requested: 0, blocked: 2 })).toBe('partly');
    expect(platformOutcome({ name: 'Meta', completed: 0, failed: 1, requested: 0, blocked: 2 })).toBe('failed');
    // Protection never applies to a site Linkwatch does not watch, nor to a platform's own.
    const unknown = computeTabState({ tabId: 1, url: 'https://example.org/', match: null, catalog: bundledWorld(), silenced: false, now: 0, protection: { all: true, sites: [{ site: 'example.org', protect: true }] } });
    expect(unknown.protected).toBeUndefined();
  });
});

describe('where the background reads the choices from (protectionSources)', () => {
  it('reads the switch and the choices straight from the database, and the watched sites from the grants', async () => {
    const sources = protectionSources(
      async () => ({ preferences: { protectAll: true }, siteProtection: [{ site: 'chase.com', protect: false, createdAt: '2026-12-05T00:00:00Z' }] }),
      async () => ['*://*.hometowncu-example.org/*', 'https://www.chase.com/*'],
    );
    expect(await sources.choices()).toEqual({ all: true, sites: [{ site: 'chase.com', protect: false, createdAt: '2026-12-05T00:00:00Z' }] });
    // Only grants of the form Linkwatch asks for (`*://*.site/*`) name a watched site.
    expect([...(await sources.userSites())]).toEqual(['hometowncu-example.org']);
    // A database that cannot be read fails the rebuild (the rules stay as they were), never reads as "off".
    await expect(protectionSources(() => Promise.reject(new Error('unreadable')), async () => []).choices()).rejects.toThrow('unreadable');
  });
});

describe('the first-run page (lib/background/welcome)', () => {
  it('opens once, and never again while the flag is kept', async () => {
    const store: Record<string, unknown> = {};
    const local = { get: async (k: string) => (k in store ? { [k]: store[k] } : {}), set: async (items: Record<string, unknown>) => void Object.assign(store, items) };
    const opened: string[] = [];
    await showWelcomeOnce(local, async (url) => opened.push(url), 'chrome-extension://x/welcome.html');
    await showWelcomeOnce(local, async (url) => opened.push(url), 'chrome-extension://x/welcome.html');
    expect(opened).toEqual(['chrome-extension://x/welcome.html']);
  });
});
