/**
 * The question every page's content script asks once, at `document_idle`: is the in-page notice due in
 * this tab? The background decides (preferences, the site's decision, the "seen" list; lib/notice) and,
 * where the answer is yes, injects the notice itself (entrypoints/notice-ui) into the asking document, so
 * a page where no notice shows evaluates none of its code (issue 14).
 */
import { send } from './runtime';

/** A page whose notice had nothing to say yet (no report, nothing observed) is asked once more after this (ms). */
export const NOTICE_RETRY_MS = 3000;

/**
 * Ask. Resolves with whether the page's links must be watched as it loads (the first answer's
 * `watchLinks`), before any retry. Never rejects: with the extension gone (reloaded, or the page closing)
 * there is nothing to show or watch.
 */
export async function askForNotice(): Promise<{ watchLinks: boolean }> {
  const answer = await send({ type: 'get-notice' }).catch(() => null);
  if (answer && !answer.show && answer.reason === 'nothing') {
    void new Promise((r) => setTimeout(r, NOTICE_RETRY_MS)).then(() => send({ type: 'get-notice' }).catch(() => null));
  }
  return { watchLinks: answer?.watchLinks === true };
}
