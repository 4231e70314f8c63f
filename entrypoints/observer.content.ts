/**
 * Content script on the catalog's non-platform sites (banks, card issuers, payment apps...; the match
 * patterns are written into the manifest by wxt.config.ts from the catalog). Thin: `lib/page-observer`
 * watches the page; this file sends its batches to the background, through the browser's own global
 * (lib/content/runtime), never webextension-polyfill (issue 14).
 */
import { send } from '../lib/content/runtime';
import { observePage } from '../lib/page-observer';

export default defineContentScript({
  // Replaced at build time with the catalog's sites (see wxt.config.ts); never <all_urls>.
  matches: ['*://linkwatch.invalid/*'],
  // Links are scanned once the document is parsed and then on DOM changes, so nothing is gained by
  // starting earlier: at document_idle the script is evaluated after the page's own parsing and scripts
  // (issue 14), together with the notice's script.
  runAt: 'document_idle',
  main() {
    observePage(window, (report) => {
      send({ type: 'page-observations', report }).catch(() => {
        // The extension was reloaded or the page is closing: nothing to keep.
      });
    });
  },
});
