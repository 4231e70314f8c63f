/**
 * The content script of the catalog's non-platform sites (banks, card issuers, payment apps...; the match
 * patterns are written into the manifest by wxt.config.ts from the catalog). One script and one message
 * (issue 14): at `document_idle` it asks whether the notice is due (lib/content/notice-question). The
 * page's links to Meta's apps are collected by the background when someone looks (the popup opens); only
 * where they must be known as the page loads (the opt-in "links" badge level, so the badge can say so) does
 * the answer say `watchLinks`, and this script then watches them (lib/page-observer). Thin, and without
 * webextension-polyfill: it talks through the browser's own global (lib/content/runtime). Messenger has its
 * own script (notice.content), which only asks.
 */
import { askForNotice } from '../lib/content/notice-question';
import { send } from '../lib/content/runtime';
import { observePage } from '../lib/page-observer';

export default defineContentScript({
  // Replaced at build time with the catalog's sites (see wxt.config.ts); never <all_urls>.
  matches: ['*://linkwatch.invalid/*'],
  // The notice shows after the document is parsed, and links are scanned then: nothing is gained by
  // starting earlier, and at document_idle the page's own parsing and scripts come first.
  runAt: 'document_idle',
  async main() {
    if (window.top !== window) return;
    const { watchLinks } = await askForNotice();
    if (!watchLinks) return;
    observePage(window, (report) => {
      send({ type: 'page-observations', report }).catch(() => {
        // The extension was reloaded or the page is closing: nothing to keep.
      });
    });
  },
});
