/**
 * Links (`a[href]`) to Meta's apps on a page ("Linked" evidence), as pure functions of the page's document
 * or `window`, so they run (and are tested) without a browser extension around them. Two ways (issue 14):
 * `collectLinks`, which the background runs in the page when someone looks (the popup opens), so a page
 * pays nothing for links on a load nobody looks at; and `observePage`, the content script's continuous
 * watch (a scan once the document is parsed, again when the DOM changes), only where the links must be
 * known as the page loads: the opt-in "links" badge level (the badge says so without the popup).
 *
 * Requests are not watched here any more: the background sees every request to a platform endpoint
 * through `webRequest` (lib/request-watch), with the browser's own outcome, from every frame and worker,
 * which a content script cannot. `requests` in a report is kept for the message format and is always empty.
 *
 * Only link URLs on the prefilter's domains leave this module; each is reported once per page URL (an
 * in-page navigation starts a new set). Nothing of the page's content is read beyond those URLs.
 */
import { LINK_DOMAINS } from '../evidence/prefilter';
import { MAX_ITEMS, MAX_URL } from '../limits';

export type Outcome = 'completed' | 'failed' | 'requested';

/** One batch sent to the background. `pageUrl` lets it attribute the batch to the right navigation. */
export interface PageReport {
  pageUrl: string;
  /** Always empty from this module (requests come from webRequest); kept for the message format. */
  requests: { url: string; type: string; outcome: Outcome; replaces?: 'requested' }[];
  links: string[];
}

/** A running observation of one page (`observePage`). */
export interface PageObserver {
  /** Stop observing; what is pending is sent first. */
  stop(): void;
}

/**
 * The links to Meta's apps in a document, unique, in page order: each `a[href]` whose resolved address is
 * http(s) on one of `domains` (a host equal to one or under it), skipping addresses longer than `maxUrl`
 * (a report with one would be refused), at most `maxItems`. `pageUrl` is the document's address without
 * its fragment. Self-contained (nothing from outside its body, `doc` defaulting to the global document):
 * the background runs it in a page with `scripting.executeScript`, which sends the function as text.
 */
export function collectLinks(domains: readonly string[], maxUrl: number, maxItems: number, doc: Document = document): { pageUrl: string; links: string[] } {
  const links: string[] = [];
  const seen = new Set<string>();
  for (const a of Array.from(doc.querySelectorAll('a[href]'))) {
    // An SVG <a> has an object here, not a string: not a link a person follows to an app.
    const href: unknown = (a as HTMLAnchorElement).href;
    if (typeof href !== 'string' || href.length > maxUrl || seen.has(href)) continue;
    // lib/url's `parseHttpUrl` + `hostAtOrUnder`, copied (this function must stay self-contained); a unit
    // test checks the copy against lib/url on a table of hosts. The page's own WHATWG `URL` reads the host.
    let host: string;
    try {
      const u = new URL(href);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') continue;
      host = u.hostname.toLowerCase().replace(/\.$/, '');
    } catch {
      continue;
    }
    if (!host || host.startsWith('.') || host.includes('..')) continue;
    if (!domains.some((d) => host === d || host.endsWith('.' + d))) continue;
    seen.add(href);
    links.push(href);
    if (links.length >= maxItems) break;
  }
  return { pageUrl: doc.URL.split('#')[0]!, links };
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
    // A report the background would refuse (too long a URL, too many links) must not be built: one hostile
    // link, or 501 junk ones, would otherwise hide every real link of the page.
    for (const href of collectLinks(LINK_DOMAINS, MAX_URL, Number.MAX_SAFE_INTEGER, doc).links) {
      if (seenLinks.has(href)) continue;
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
  };
}
