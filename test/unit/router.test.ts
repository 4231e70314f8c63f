/**
 * The message router (lib/router): every message type against every sender class, on Chromium's and on
 * Firefox's sender shapes (Firefox may leave `origin` out); unknown types and shapes; the coalescing of
 * `prefs-changed` refreshes.
 */
import { describe, expect, it } from 'vitest';
import type { Request } from '../../lib/messages';
import { ALLOWED_SENDERS, classifySender, coalesce, createRouter, decide, RefusedMessage, type RawSender, type RouteTable, type SenderClass } from '../../lib/router';

const CHROME = { id: 'abcdefghijklmnopabcdefghijklmnop', origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/' };
const FIREFOX = { id: 'linkwatch@example.org', origin: 'moz-extension://1b2c3d4e-0000-4000-8000-000000000000/' };
const bank = 'https://www.chase.com/personal';

/** A real-looking sender of each class, per browser. Firefox gives no `origin` for these. */
function senders(self: typeof CHROME, firefox: boolean): Record<string, { sender: RawSender | undefined; is: SenderClass }> {
  const own = self.origin.replace(/\/$/, '');
  const o = (origin: string) => (firefox ? {} : { origin });
  return {
    'the popup (no tab)': { sender: { id: self.id, url: `${own}/popup.html`, ...o(own) }, is: 'extension-page' },
    'the options page in a tab': { sender: { id: self.id, url: `${own}/options.html#/lists`, ...o(own), tab: { id: 7, index: 1 }, frameId: 0 }, is: 'extension-page' },
    'the popup opened in a tab': { sender: { id: self.id, url: `${own}/popup.html?tab=3`, ...o(own), tab: { id: 9, index: 2 }, frameId: 0 }, is: 'extension-page' },
    'a content script in a top frame': { sender: { id: self.id, url: bank, ...o('https://www.chase.com'), tab: { id: 3, index: 0, url: bank }, frameId: 0 }, is: 'top-frame-content-script' },
    'a content script in an iframe': { sender: { id: self.id, url: 'https://ads.example/frame', ...o('https://ads.example'), tab: { id: 3, index: 0, url: bank }, frameId: 12 }, is: 'frame-content-script' },
    'a content script without a frame id': { sender: { id: self.id, url: bank, ...o('https://www.chase.com'), tab: { id: 3, index: 0 } }, is: 'frame-content-script' },
    'another extension': { sender: { id: 'otherextensionidotherextensionid', url: 'chrome-extension://otherextensionidotherextensionid/x.html', ...o('chrome-extension://otherextensionidotherextensionid') }, is: 'unknown' },
    'no sender': { sender: undefined, is: 'unknown' },
    'our id, no tab, a web address': { sender: { id: self.id, url: bank, ...o('https://www.chase.com') }, is: 'unknown' },
    'our id, a page claiming our origin': { sender: { id: self.id, url: bank, origin: own, tab: { id: 3 }, frameId: 0 }, is: 'unknown' },
    'our id, our address with a page origin': { sender: { id: self.id, url: `${own}/popup.html`, origin: 'https://www.chase.com', tab: { id: 3 }, frameId: 0 }, is: 'unknown' },
  };
}

const REQUESTS: Request[] = [
  { type: 'get-tab-state', tabId: 3 },
  { type: 'prefs-changed' },
  { type: 'page-observations', report: { pageUrl: bank, requests: [], links: [] } },
  { type: 'get-notice' },
  { type: 'get-notice-content' },
  { type: 'notice-action', action: 'hide' },
  { type: 'notice-shown' },
  { type: 'get-notice-seen' },
  { type: 'clear-notice-seen' },
  { type: 'recording-start', site: 'chase.com' },
  { type: 'recording-stop', site: 'chase.com' },
  { type: 'recording-list' },
  { type: 'recording-delete', site: 'chase.com' },
];

describe.each([
  ['Chromium', CHROME, false],
  ['Firefox', FIREFOX, true],
] as const)('sender classes on %s', (_name, self, firefox) => {
  it.each(Object.entries(senders(self, firefox)))('%s', (_label, { sender, is }) => {
    expect(classifySender(sender, self).class).toBe(is);
  });

  it('takes a content script’s tab from the sender, with its document address', () => {
    const s = classifySender(senders(self, firefox)['a content script in a top frame']!.sender, self);
    expect(s).toEqual({ class: 'top-frame-content-script', tabId: 3, url: bank, index: 0 });
  });
});

describe('every message type x every sender class', () => {
  const rows = REQUESTS.flatMap((request) =>
    (['Chromium', 'Firefox'] as const).flatMap((browserName) => {
      const self = browserName === 'Chromium' ? CHROME : FIREFOX;
      return Object.entries(senders(self, browserName === 'Firefox')).map(([label, { sender, is }]) => ({
        name: `${request.type} from ${label} (${browserName})`,
        request,
        sender,
        self,
        allowed: is !== 'unknown' && ALLOWED_SENDERS[request.type] === is,
      }));
    }),
  );
  it.each(rows)('$name', ({ request, sender, self, allowed }) => {
    const d = decide(request, sender, self);
    expect(d.ok).toBe(allowed);
    if (!d.ok) expect(d.refusal).toBe('sender-not-allowed');
  });

  it('allows extension pages only the privileged types, content scripts only their own page’s', () => {
    expect(ALLOWED_SENDERS).toEqual({
      'get-tab-state': 'extension-page',
      'prefs-changed': 'extension-page',
      'get-notice-seen': 'extension-page',
      'clear-notice-seen': 'extension-page',
      'recording-start': 'extension-page',
      'recording-stop': 'extension-page',
      'recording-list': 'extension-page',
      'recording-delete': 'extension-page',
      'page-observations': 'top-frame-content-script',
      'get-notice': 'top-frame-content-script',
      'get-notice-content': 'top-frame-content-script',
      'notice-action': 'top-frame-content-script',
      'notice-shown': 'top-frame-content-script',
    });
  });
});

describe('unknown types and shapes', () => {
  const popup = { id: CHROME.id, url: `${CHROME.origin}popup.html`, origin: CHROME.origin.slice(0, -1) };
  it.each([
    ['no type', {}],
    ['an unknown type', { type: 'get-all-tabs' }],
    ['a string', 'get-tab-state'],
    ['null', null],
    ['get-tab-state without a tab id', { type: 'get-tab-state' }],
    ['get-tab-state with a string tab id', { type: 'get-tab-state', tabId: '3' }],
    ['get-tab-state with a negative tab id', { type: 'get-tab-state', tabId: -1 }],
    ['get-tab-state with a fractional tab id', { type: 'get-tab-state', tabId: 1.5 }],
    ['a report without requests', { type: 'page-observations', report: { pageUrl: bank, links: [] } }],
    ['a report with an unknown outcome', { type: 'page-observations', report: { pageUrl: bank, requests: [{ url: 'https://x/', type: 'script', outcome: 'sent' }], links: [] } }],
    ['an unknown notice action', { type: 'notice-action', action: 'mute-forever' }],
  ])('%s is refused', (_label, message) => {
    const d = decide(message, popup, CHROME);
    expect(d).toMatchObject({ ok: false, refusal: 'not-a-request' });
  });
});

describe('createRouter', () => {
  const log: string[] = [];
  const table: RouteTable = {
    'get-tab-state': { from: 'extension-page', handle: ({ tabId }) => (log.push(`state ${tabId}`), null) },
    'prefs-changed': { from: 'extension-page', handle: () => ({ ok: true }) },
    'get-notice-seen': { from: 'extension-page', handle: () => ({ sites: [] }) },
    'clear-notice-seen': { from: 'extension-page', handle: () => ({ ok: true }) },
    'recording-start': { from: 'extension-page', handle: () => ({ ok: true }) },
    'recording-stop': { from: 'extension-page', handle: () => ({ ok: true }) },
    'recording-list': { from: 'extension-page', handle: () => ({ recordings: [] }) },
    'recording-delete': { from: 'extension-page', handle: () => ({ ok: true }) },
    'page-observations': { from: 'top-frame-content-script', handle: (_r, page) => (log.push(`report from tab ${page.tabId}`), { ok: true }) },
    'get-notice': { from: 'top-frame-content-script', handle: () => ({ show: false, reason: 'not-matched' }) },
    'get-notice-content': { from: 'top-frame-content-script', handle: () => null },
    'notice-action': { from: 'top-frame-content-script', handle: () => ({ ok: true }) },
    'notice-shown': { from: 'top-frame-content-script', handle: () => ({ ok: true }) },
  };
  const route = createRouter(table, () => CHROME);
  const page = senders(CHROME, false)['a content script in a top frame']!.sender;

  it('runs the row’s handler with the sender’s own tab', async () => {
    log.length = 0;
    await expect(route({ type: 'page-observations', report: { pageUrl: bank, requests: [], links: [] } }, page)).resolves.toEqual({ ok: true });
    expect(log).toEqual(['report from tab 3']);
  });

  it('rejects a content script asking for a tab’s state, without running the handler', async () => {
    log.length = 0;
    await expect(route({ type: 'get-tab-state', tabId: 4 }, page)).rejects.toBeInstanceOf(RefusedMessage);
    await expect(route({ type: 'prefs-changed' }, page)).rejects.toThrow(/refused prefs-changed from a sender of class top-frame-content-script/);
    expect(log).toEqual([]);
  });

  it('refuses to start with a row that widens its senders beyond the documented table', () => {
    const wider = { ...table, 'get-tab-state': { ...table['get-tab-state'], from: 'top-frame-content-script' } } as unknown as RouteTable;
    expect(() => createRouter(wider, () => CHROME)).toThrow(/get-tab-state must accept extension-page/);
  });
});

describe('coalesce', () => {
  it('runs at most one job and queues at most one, however many calls come', async () => {
    let runs = 0;
    let running = 0;
    let maxRunning = 0;
    const job = coalesce(async () => {
      runs++;
      running++;
      maxRunning = Math.max(maxRunning, running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
    });
    await Promise.all(Array.from({ length: 1000 }, () => job()));
    expect(runs).toBe(2);
    expect(maxRunning).toBe(1);
  });

  it('settles each call after a run that started after it', async () => {
    const starts: number[] = [];
    let n = 0;
    const job = coalesce(async () => {
      starts.push(++n);
      await new Promise((r) => setTimeout(r, 5));
    });
    const first = job();
    await new Promise((r) => setTimeout(r, 1));
    const second = job(); // during run 1: must wait for run 2
    await first;
    expect(starts).toEqual([1]);
    await second;
    expect(starts).toEqual([1, 2]);
    await job(); // idle: a run of its own
    expect(starts).toEqual([1, 2, 3]);
  });

  it('keeps going after a failed run', async () => {
    let n = 0;
    const job = coalesce(async () => {
      if (++n === 1) throw new Error('boom');
    });
    await expect(job()).rejects.toThrow('boom');
    await expect(job()).resolves.toBeUndefined();
  });
});
