/**
 * The question every page's content script asks once, at `document_idle`: is the in-page notice due in
 * this tab? The background decides (preferences, the site's decision, the "seen" list; lib/notice) and,
 * where the answer is yes, injects the notice itself (entrypoints/notice-ui) into the asking document, so
 * a page where no notice shows evaluates none of its code (issue 14).
 */
import type { PageReport } from '../page-observer';
import { send } from './runtime';

/** A page whose notice had nothing to say yet (no report, nothing observed) is asked once more after this (ms). */
export const NOTICE_RETRY_MS = 3000;

/**
 * Ask, carrying `report` (the links found so far) when there is one. Never rejects: with the extension
 * gone (reloaded, or the page closing) there is nothing to show.
 */
export async function askForNotice(report?: PageReport | null): Promise<void> {
  const answer = await send(report ? { type: 'get-notice', report } : { type: 'get-notice' }).catch(() => null);
  if (answer && !answer.show && answer.reason === 'nothing') {
    await new Promise((r) => setTimeout(r, NOTICE_RETRY_MS));
    await send({ type: 'get-notice' }).catch(() => null);
  }
}
