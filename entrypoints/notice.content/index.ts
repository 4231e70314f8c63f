/**
 * Messenger's content script: it only asks whether the in-page notice is due (lib/content/notice-question);
 * the background injects the notice itself (entrypoints/notice-ui) where it shows. Messenger's links to
 * Meta's apps are its own, so nothing else is watched here. The catalog's other sites run page.content,
 * which asks the same question. No `wxt/browser` import (the polyfill): lib/content/runtime uses the
 * browser's own global.
 */
import { askForNotice } from '../../lib/content/notice-question';

export default defineContentScript({
  matches: ['*://messenger.com/*', '*://*.messenger.com/*'],
  runAt: 'document_idle',
  main() {
    if (window.top !== window) return;
    void askForNotice();
  },
});
