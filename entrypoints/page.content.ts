/**
 * The content script of the catalog's non-platform sites (banks, card issuers, payment apps...; the match
 * patterns are written into the manifest by wxt.config.ts from the catalog). One script and, on most
 * pages, one message (issue 14): at `document_idle` it scans the page's links to Meta's apps
 * (lib/page-observer) and asks whether the notice is due, the links riding in the question; links added
 * later are sent in their own batches. Thin, and without webextension-polyfill: it talks through the
 * browser's own global (lib/content/runtime). Messenger has its own script (notice.content), which only asks.
 */
import { askForNotice } from '../lib/content/notice-question';
import { send } from '../lib/content/runtime';
import { observePage } from '../lib/page-observer';

export default defineContentScript({
  // Replaced at build time with the catalog's sites (see wxt.config.ts); never <all_urls>.
  matches: ['*://linkwatch.invalid/*'],
  // The links are scanned once the document is parsed, and the notice shows after it: nothing is gained by
  // starting earlier, and at document_idle the page's own parsing and scripts come first.
  runAt: 'document_idle',
  main() {
    if (window.top !== window) return;
    const observer = observePage(window, (report) => {
      send({ type: 'page-observations', report }).catch(() => {
        // The extension was reloaded or the page is closing: nothing to keep.
      });
    });
    void askForNotice(observer.takePending());
  },
});
