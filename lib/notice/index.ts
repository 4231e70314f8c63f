/**
 * The in-page notice: when it shows, and what it says, as plain data.
 *
 * When: the background answers the notice content script's `get-notice` with `decideNotice`. The user's
 * alert style decides first (badge only: never; every visit: each page load; first visit per site: only
 * while the site is not in the "seen" list), then a per-site decision (muted or snoozed: never), then the
 * content (nothing reported and nothing observed: nothing to say, and the visit is not counted as seen).
 *
 * A first-visit site joins the "seen" list only once its notice was on screen (`notice-shown`, after
 * `NOTICE_SHOWN_MS` in view, or closed by the user), never when it was merely offered: a page that removes
 * or hides the notice on sight must not silence it for the next visits. An offer holds the site for
 * `NOTICE_OFFER_HOLD_MS`, so two tabs opening the same site at once still show one notice.
 *
 * The "seen" list holds registrable domains only (`chase.com`), never addresses or times; it lives in
 * `storage.local` under `NOTICE_SEEN_KEY`, is listed on the options page and cleared with the rest of the
 * local data. Pure: no browser API here.
 */
import type { Sourcing } from '../catalog/sourcing';
import type { LocalizedText } from '../catalog/schema';
import type { Lang, MessagesFile } from '../i18n';
import type { AlertStyle } from '../prefs/schema';

/** `storage.local` key of the sites (registrable domains) the notice was shown on. */
export const NOTICE_SEEN_KEY = 'noticeSeen';
/** Oldest entries are dropped beyond this many sites. */
export const NOTICE_SEEN_MAX = 1000;
/** How long (ms) the notice must have been on screen, without a break, before its site counts as seen. */
export const NOTICE_SHOWN_MS = 1000;
/** How long (ms) a notice offered on a first-visit site holds that site for other tabs (not yet "seen"). */
export const NOTICE_OFFER_HOLD_MS = 15_000;

/** What the notice says: who owns the site and a one-line summary of what is reported or observed. */
export interface NoticeContent {
  /**
   * The language the person chose in the options page, where it is not the browser's (issue 25): its
   * messages, which the notice's content script cannot read itself (`i18n.getMessage` speaks the browser's
   * language only). Absent when the browser's language is used.
   */
  ui?: { lang: Lang; locale: string; messages: MessagesFile };
  /** Registrable domain, the unit of "not on this site". */
  site: string;
  /** Display name of the owner (`Chase`), and of its group when different (`JPMorgan Chase`). */
  owner: string;
  group: string | null;
  /** The site is a platform's own (Messenger is Meta): first party, no tracking claim. */
  firstParty: boolean;
  /** Number of reported arrangements involving the owner or its group. */
  reported: number;
  /** Title of the most relevant one (lib/catalog ranking), in both catalog languages (the page picks its own). */
  latestTitle: LocalizedText | null;
  /** How well that report is sourced (lib/catalog `sourcing`), shown under the summary; absent without a report. */
  latestSourcing?: Sourcing;
  /** Display names of platforms this page was observed requesting tracking endpoints of. */
  observed: string[];
  /**
   * The same platforms with how their requests ended (summed over endpoints, as the popup counts them), so
   * the notice words each by outcome and never calls a failed request "requested" or "sent". Optional
   * only for content computed by an older background.
   */
  observedOutcomes?: NoticeObservedOutcome[];
}

/** One observed platform in the notice: display name and request counts by outcome. */
export interface NoticeObservedOutcome {
  name: string;
  completed: number;
  failed: number;
  requested: number;
  /** Stopped by Linkwatch's own protection (issue 23); absent from older backgrounds' content. */
  blocked?: number;
}

/** Why no notice: `hidden` is "Hide for this visit" in this tab (lib/background/notice). */
export type NoticeSkipReason = 'not-matched' | 'badge-only' | 'silenced' | 'seen' | 'nothing' | 'hidden';

/** The background's answer to `get-notice`. */
export type NoticeAnswer = { show: true; notice: NoticeContent } | { show: false; reason: NoticeSkipReason };

/**
 * Whether to show the notice. `seen`: the site is in the seen list (or held by a notice just offered in
 * another tab). The caller records the site as seen only when the notice reports it was on screen
 * (`notice-shown`), in `notice-first-visit` mode (`recordSeen`).
 */
export function decideNotice(input: {
  alertStyle: AlertStyle;
  silenced: boolean;
  seen: boolean;
  content: NoticeContent | null;
}): NoticeAnswer {
  if (!input.content) return { show: false, reason: 'not-matched' };
  if (input.alertStyle === 'badge-only') return { show: false, reason: 'badge-only' };
  if (input.silenced) return { show: false, reason: 'silenced' };
  if (input.alertStyle === 'notice-first-visit' && input.seen) return { show: false, reason: 'seen' };
  if (input.content.reported === 0 && input.content.observed.length === 0) return { show: false, reason: 'nothing' };
  return { show: true, notice: input.content };
}

/** True when a notice that was on screen under `alertStyle` adds its site to the seen list. */
export function recordSeen(alertStyle: AlertStyle): boolean {
  return alertStyle === 'notice-first-visit';
}

/** The stored seen list, cleaned: only short lowercase domain-like strings, unique, capped. */
export function parseSeen(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const sites = value.filter((s): s is string => typeof s === 'string' && s.length <= 253 && /^[a-z0-9.-]+$/.test(s));
  return [...new Set(sites)].slice(-NOTICE_SEEN_MAX);
}

/** The list with `site` added last (moved there if present), capped to the newest `NOTICE_SEEN_MAX`. */
export function withSeen(list: readonly string[], site: string): string[] {
  return [...list.filter((s) => s !== site), site].slice(-NOTICE_SEEN_MAX);
}
