/**
 * The in-page notice's content script: a few hundred bytes that only ask. It asks the background whether
 * to show a notice in this tab (the background decides from preferences, per-site decisions and the
 * "seen" list; see lib/notice); where the answer is yes, the background injects the notice itself
 * (entrypoints/notice-ui) into this document. So a bank page where no notice shows, which in the default
 * "first visit" mode is every visit but the first, evaluates none of the notice's code (issue 14).
 *
 * Runs on the observer's sites (the catalog's non-platform sites, written into the manifest by
 * wxt.config.ts in place of the placeholder) and on Messenger. No `wxt/browser` import (the polyfill):
 * lib/content/runtime uses the browser's own global.
 */
import { send } from '../../lib/content/runtime';

/** A page whose notice had nothing to say yet (no report, nothing observed) is asked once more after this. */
const RETRY_MS = 3000;

export default defineContentScript({
  // The placeholder is replaced at build time with the catalog's sites (see wxt.config.ts); Messenger stays.
  matches: ['*://linkwatch.invalid/*', '*://messenger.com/*', '*://*.messenger.com/*'],
  runAt: 'document_idle',
  async main() {
    if (window.top !== window) return;
    const answer = await send({ type: 'get-notice' }).catch(() => null);
    if (answer && !answer.show && answer.reason === 'nothing') {
      await new Promise((r) => setTimeout(r, RETRY_MS));
      await send({ type: 'get-notice' }).catch(() => null);
    }
  },
});
