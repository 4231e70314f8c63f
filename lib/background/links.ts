/**
 * Links to Meta's apps on a page (the "Linked" level): read when someone looks (the popup asks:
 * `scripting.executeScript` of lib/page-observer `collectLinks` in the tab's top frame), or watched by the
 * content script where they must be known as the page loads (the opt-in links badge level). Either way they
 * join the document they were read in (lib/tab-state/document), never whatever the tab shows by then.
 */
import { LINK_DOMAINS } from '../evidence/prefilter';
import { isPageReport, MAX_ITEMS, MAX_URL } from '../messages';
import { collectLinks, type PageReport } from '../page-observer';
import { isWatchedUrl } from '../request-watch';
import { newLinks, type TabState } from '../tab-state';
import { originOf } from '../url';
import type { LocalData } from './local-data';
import type { TabStore } from './tab-store';

/** How long (ms) the popup waits for a page's links before it shows what is known without them. */
export const LINK_COLLECT_MS = 400;

/** What the links service needs: the tab store, and a way to run `collectLinks` in a tab's top document. */
export interface LinksDeps {
  store: Pick<TabStore, 'apply' | 'forPage'>;
  /** The tab's top frame: its address and document id, or undefined when gone. */
  topFrame(tabId: number): Promise<{ url: string; documentId?: string } | null | undefined>;
  /** Run `collectLinks(LINK_DOMAINS, MAX_URL, MAX_ITEMS)` in the tab's top frame (document `documentId` where given); its result. Undefined where scripting is missing. */
  run?(tabId: number, documentId: string | undefined): Promise<unknown>;
  log(error: unknown): void;
}

/** The links service. */
export function createLinks(deps: LinksDeps) {
  return {
    /**
     * A content script's report of its own page's links (`page-observations`). It speaks only for the
     * document that sent it: the report's address must have the sender's origin (an in-page navigation may
     * reach it before `sender.url` follows), and it joins the sender's document. False when refused.
     */
    async accept(report: PageReport, page: { tabId: number; url: string; documentId?: string }): Promise<boolean> {
      const origin = originOf(page.url);
      if (origin === null || origin !== originOf(report.pageUrl)) return false;
      // The sender's document is the one the tab shows (adopted if its commit has not reached the worker yet).
      const state = await deps.store.forPage(page);
      if (!state) return false;
      await deps.store.apply(page.tabId, { type: 'links', report, document: page.documentId ?? state.documentId });
      return true;
    },

    /** Whether the sender's page must watch its links as it loads: only where the opt-in links badge level is on. */
    async watchedOn(page: { tabId: number; url: string; documentId?: string }, data: LocalData): Promise<boolean> {
      if (!data.preferences.badgeLevels.linked || !isWatchedUrl(page.url)) return false;
      return !!(await deps.store.forPage(page))?.match;
    },

    /**
     * Read the links in the tab's shown document (the popup looks) and fold those not already known into it,
     * within LINK_COLLECT_MS (a busy page never holds the popup). True when links were added. A page that
     * cannot be read (no permission, gone) is logged and adds nothing.
     */
    async collect(state: TabState): Promise<boolean> {
      if (!deps.run) return false;
      const frame = await deps.topFrame(state.tabId);
      if (!frame || !isWatchedUrl(frame.url)) return false;
      if (frame.documentId && state.documentId && frame.documentId !== state.documentId) return false;
      const run = deps.run(state.tabId, frame.documentId).then((r) => r as { pageUrl?: unknown; links?: unknown } | undefined);
      let timer: unknown;
      const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(resolve, LINK_COLLECT_MS)));
      const found = await Promise.race([run, timeout]).then(
        (r) => r,
        (error: unknown) => {
          deps.log(error);
          return undefined;
        },
      );
      clearTimeout(timer as number);
      const report = { pageUrl: found?.pageUrl, requests: [], links: found?.links };
      if (!isPageReport(report) || originOf(report.pageUrl) !== originOf(frame.url)) return false;
      // Each popup opening reads the page again: only links not already known are new findings.
      const fresh = { ...report, links: newLinks(state, report.pageUrl, report.links) };
      if (fresh.links.length === 0) return false;
      await deps.store.apply(state.tabId, { type: 'links', report: fresh, document: frame.documentId ?? state.documentId });
      return true;
    },

    /** The arguments `run` passes to `collectLinks`. */
    collectArgs: [LINK_DOMAINS, MAX_URL, MAX_ITEMS] as const,
    collectLinks,
  };
}
