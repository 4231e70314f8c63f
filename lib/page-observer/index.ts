/**
 * What the content script watches on a page, as a function of the page's `window` so it runs (and is
 * tested) without a browser extension around it.
 *
 * Requests: the Resource Timing buffer (`buffered: true` gives the ones made before the script ran) and a
 * PerformanceObserver for later ones; Chromium records an entry whether the request completed or failed,
 * so these say only "requested". Elements (script, img, iframe, link) report their real outcome through
 * `load` and `error` events, caught in the capture phase on the document, so those say "completed" or
 * "failed" (another blocker may have stopped the request). Links: `a[href]` to Meta's apps, scanned once the
 * document is parsed and again when the DOM changes.
 *
 * Only URLs on the prefilter's domains leave this module; each is reported once per page URL (an in-page
 * navigation starts a new set). Nothing of the page's content is read beyond those URLs.
 */
import { hostIn, LINK_DOMAINS, REQUEST_DOMAINS } from '../evidence/prefilter';

export type Outcome = 'completed' | 'failed' | 'requested';

/** One batch sent to the background. `pageUrl` lets it attribute the batch to the right navigation. */
export interface PageReport {
  pageUrl: string;
  /** `replaces`: this request was already reported as "requested" and now has a known outcome. */
  requests: { url: string; type: string; outcome: Outcome; replaces?: 'requested' }[];
  links: string[];
}

const ELEMENT_TYPES: Record<string, string> = { SCRIPT: 'script', IMG: 'image', IFRAME: 'sub_frame', LINK: 'stylesheet' };

function hostOfUrl(url: string): string | null {
  const m = /^https?:\/\/([^/?#:@\\]+)(?::\d+)?(?:[/?#]|$)/i.exec(url);
  return m ? m[1]!.toLowerCase() : null;
}

/**
 * Start observing. `send` receives batches (at most one per `delayMs`). Returns a function that stops.
 */
export function observePage(win: Window & typeof globalThis, send: (report: PageReport) => void, delayMs = 200): () => void {
  const doc = win.document;
  let pageUrl = win.location.href.split('#')[0]!;
  let seen = new Map<string, Outcome>();
  let seenLinks = new Set<string>();
  let pending: PageReport = { pageUrl, requests: [], links: [] };
  let timer: ReturnType<typeof setTimeout> | undefined;

  function checkNavigation() {
    const now = win.location.href.split('#')[0]!;
    if (now === pageUrl) return;
    flush();
    pageUrl = now;
    seen = new Map();
    seenLinks = new Set();
    pending = { pageUrl, requests: [], links: [] };
  }

  function schedule() {
    if (timer === undefined) timer = setTimeout(flush, delayMs);
  }
  function flush() {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (pending.requests.length === 0 && pending.links.length === 0) return;
    const batch = pending;
    pending = { pageUrl, requests: [], links: [] };
    send(batch);
  }

  function addRequest(url: string, type: string, outcome: Outcome) {
    checkNavigation();
    const host = hostOfUrl(url);
    if (!host || !hostIn(host, REQUEST_DOMAINS)) return;
    const known = seen.get(url);
    // A known outcome beats "requested"; the first known outcome stands.
    if (known !== undefined && (known !== 'requested' || outcome === 'requested')) return;
    seen.set(url, outcome);
    const queued = pending.requests.find((r) => r.url === url);
    if (queued) queued.outcome = outcome;
    else pending.requests.push(known === 'requested' ? { url, type, outcome, replaces: 'requested' } : { url, type, outcome });
    schedule();
  }

  function scanLinks() {
    checkNavigation();
    for (const a of doc.querySelectorAll<HTMLAnchorElement>('a[href]')) {
      const href = a.href;
      const host = hostOfUrl(href);
      if (!host || !hostIn(host, LINK_DOMAINS) || seenLinks.has(href)) continue;
      seenLinks.add(href);
      pending.links.push(href);
      schedule();
    }
  }

  const onElement = (event: Event) => {
    const el = event.target as Element | null;
    const type = el && ELEMENT_TYPES[el.tagName];
    if (!type) return;
    const url = (el as HTMLScriptElement).src || (el as HTMLLinkElement).href;
    if (typeof url === 'string' && url) addRequest(url, type, event.type === 'load' ? 'completed' : 'failed');
  };
  // Capture on the document: `load` events of elements never reach the window (HTML's event path stops
  // at the document for them), `error` events do but the document sees both.
  doc.addEventListener('load', onElement, true);
  doc.addEventListener('error', onElement, true);

  let perf: PerformanceObserver | undefined;
  if (typeof win.PerformanceObserver === 'function') {
    perf = new win.PerformanceObserver((list) => {
      for (const entry of list.getEntries() as PerformanceResourceTiming[]) addRequest(entry.name, entry.initiatorType, 'requested');
    });
    try {
      perf.observe({ type: 'resource', buffered: true });
    } catch {
      perf.observe({ entryTypes: ['resource'] });
    }
  }

  let scanTimer: ReturnType<typeof setTimeout> | undefined;
  const mutations = new win.MutationObserver(() => {
    if (scanTimer === undefined) scanTimer = setTimeout(() => ((scanTimer = undefined), scanLinks()), delayMs);
  });
  const startLinks = () => {
    scanLinks();
    mutations.observe(doc.documentElement, { childList: true, subtree: true });
  };
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', startLinks, { once: true });
  else startLinks();

  // Batches must not be lost when the page goes away.
  win.addEventListener('pagehide', flush);

  return () => {
    flush();
    doc.removeEventListener('load', onElement, true);
    doc.removeEventListener('error', onElement, true);
    win.removeEventListener('pagehide', flush);
    perf?.disconnect();
    mutations.disconnect();
    if (scanTimer !== undefined) clearTimeout(scanTimer);
  };
}
