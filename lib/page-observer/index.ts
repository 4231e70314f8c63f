/**
 * What the content script watches on a page, as a function of the page's `window` so it runs (and is
 * tested) without a browser extension around it: links (`a[href]`) to Meta's apps ("Linked" evidence),
 * scanned once the document is parsed and again when the DOM changes.
 *
 * Requests are not watched here any more: the background sees every request to a platform endpoint
 * through `webRequest` (lib/request-watch), with the browser's own outcome, from every frame and worker,
 * which a content script cannot. `requests` in a report is kept for the message format and is always empty.
 *
 * Only link URLs on the prefilter's domains leave this module; each is reported once per page URL (an
 * in-page navigation starts a new set). Nothing of the page's content is read beyond those URLs.
 */
import { hostIn, LINK_DOMAINS } from '../evidence/prefilter';
import { MAX_ITEMS, MAX_URL } from '../messages';

export type Outcome = 'completed' | 'failed' | 'requested';

/** One batch sent to the background. `pageUrl` lets it attribute the batch to the right navigation. */
export interface PageReport {
  pageUrl: string;
  /** Always empty from this module (requests come from webRequest); kept for the message format. */
  requests: { url: string; type: string; outcome: Outcome; replaces?: 'requested' }[];
  links: string[];
}

function hostOfUrl(url: string): string | null {
  const m = /^https?:\/\/([^/?#:@\\]+)(?::\d+)?(?:[/?#]|$)/i.exec(url);
  return m ? m[1]!.toLowerCase() : null;
}

/** A running observation of one page (`observePage`). */
export interface PageObserver {
  /** Stop observing; what is pending is sent first. */
  stop(): void;
  /**
   * Hand over the batch not sent yet (null when there is none) instead of sending it, so the caller can
   * carry it in a message it sends anyway: the content script puts the links found at `document_idle` in
   * its notice question, and a bank page costs one message, not two (issue 14).
   */
  takePending(): PageReport | null;
}

/**
 * Start observing. `send` receives batches (at most one per `delayMs`, or at once when a batch reaches
 * `MAX_ITEMS` links). A document already parsed is scanned before this returns.
 */
export function observePage(win: Window & typeof globalThis, send: (report: PageReport) => void, delayMs = 200): PageObserver {
  const doc = win.document;
  let pageUrl = win.location.href.split('#')[0]!;
  let seenLinks = new Set<string>();
  let pending: PageReport = { pageUrl, requests: [], links: [] };
  let timer: ReturnType<typeof setTimeout> | undefined;

  function checkNavigation() {
    const now = win.location.href.split('#')[0]!;
    if (now === pageUrl) return;
    flush();
    pageUrl = now;
    seenLinks = new Set();
    pending = { pageUrl, requests: [], links: [] };
  }

  function schedule() {
    if (timer === undefined) timer = setTimeout(flush, delayMs);
  }
  function flush() {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (pending.links.length === 0) return;
    const batch = pending;
    pending = { pageUrl, requests: [], links: [] };
    send(batch);
  }

  function scanLinks() {
    checkNavigation();
    for (const a of doc.querySelectorAll<HTMLAnchorElement>('a[href]')) {
      const href = a.href;
      // A report the background would refuse (too long a URL, too many links) must not be built: one hostile
      // link, or 501 junk ones, would otherwise hide every real link of the page.
      if (href.length > MAX_URL) continue;
      const host = hostOfUrl(href);
      if (!host || !hostIn(host, LINK_DOMAINS) || seenLinks.has(href)) continue;
      seenLinks.add(href);
      pending.links.push(href);
      if (pending.links.length >= MAX_ITEMS) flush();
      else schedule();
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

  return {
    stop() {
      flush();
      win.removeEventListener('pagehide', flush);
      mutations.disconnect();
      if (scanTimer !== undefined) clearTimeout(scanTimer);
    },
    takePending() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      if (pending.links.length === 0) return null;
      const batch = pending;
      pending = { pageUrl, requests: [], links: [] };
      return batch;
    },
  };
}
