/**
 * Per-tab state: what Linkwatch knows about the page in a tab, and the badge it implies.
 *
 * Why session storage: an MV3 service worker is stopped whenever it is idle, losing its variables. The
 * background writes each tab's state to `storage.session` (in memory, cleared when the browser closes,
 * not readable by content scripts) under `tab:<id>`, so a restarted worker, and the popup, see exactly what
 * was shown before. Only the host is kept, never the full URL.
 *
 * This module is pure: it computes states and badges; the background stores them and calls the browser.
 */
import { arrangementsForInstitution, findInstitution, type Catalog } from '../catalog';
import type { Translate } from '../i18n';
import type { Preferences } from '../prefs/schema';
import type { SiteMatch } from '../sites';

/** The state of one tab. */
export interface TabState {
  tabId: number;
  /** Lowercase host of the page, or null for pages that are not http(s). */
  host: string | null;
  /** The catalog match for the page, or null when nothing is known about the site. */
  match: SiteMatch | null;
  /** Display name of the owning institution (`Chase`), and of its group (`JPMorgan Chase`). */
  ownerName: string | null;
  groupName: string | null;
  /** True when the site is a platform's own (Messenger is Meta): first party, never "tracking". */
  firstParty: boolean;
  /** Ids of reported arrangements naming the owner or its group, most recent first. */
  arrangementIds: string[];
  /** True when the user muted or snoozed this site. */
  silenced: boolean;
  /** When the state was computed, ms since epoch. */
  updatedAt: number;
}

/** Badge text, colour and title for a tab; text is '' for no badge. */
export interface Badge {
  text: string;
  color: string;
  title: string;
}

/** Calm colours; the text and title always carry the meaning too (colour is never the only signal). */
export const BADGE_COLORS = { reported: '#9a3412', firstParty: '#1e40af', none: '#4b5563' } as const;

/** Host of an http(s) URL, lowercased, or null. */
export function hostOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname.toLowerCase() : null;
  } catch {
    return null;
  }
}

/** Compute a tab's state from its URL's match, the catalog and whether the site is silenced. */
export function computeTabState(input: {
  tabId: number;
  url: string | undefined;
  match: SiteMatch | null;
  catalog: Catalog;
  silenced: boolean;
  now: number;
}): TabState {
  const { match, catalog } = input;
  const owner = match ? findInstitution(catalog, match.institution) : undefined;
  const group = match ? findInstitution(catalog, match.group) : undefined;
  return {
    tabId: input.tabId,
    host: hostOf(input.url),
    match,
    ownerName: owner?.name ?? null,
    groupName: group?.name ?? null,
    firstParty: match?.role === 'platform',
    arrangementIds: match ? arrangementsForInstitution(catalog, match.institution).map((a) => a.id) : [],
    silenced: input.silenced,
    updatedAt: input.now,
  };
}

/**
 * The badge for a tab state under the user's preferences. Text: the number of reported arrangements;
 * title: a sentence saying what it means, in the UI language.
 */
export function badgeFor(state: TabState, prefs: Preferences, t: Translate): Badge {
  const none: Badge = { text: '', color: BADGE_COLORS.none, title: t('badgeTitleNothing') };
  if (!state.match) return none;
  const owner = state.groupName ?? state.ownerName ?? state.match.site;
  if (state.silenced) return { ...none, title: t('badgeTitleMuted', [state.match.site]) };
  const count = state.arrangementIds.length;
  // On a platform's own site the signal is "this is Meta" (owned); elsewhere it is what was reported.
  const raise = state.firstParty ? prefs.badgeLevels.owned : prefs.badgeLevels.reported;
  if (count === 0 || !raise) {
    return { ...none, title: t('badgeTitleOwnedOnly', [state.ownerName ?? owner]) };
  }
  if (state.firstParty) {
    return {
      text: String(count),
      color: BADGE_COLORS.firstParty,
      title: t('badgeTitleFirstParty', [owner, String(count)]),
    };
  }
  return {
    text: String(count),
    color: BADGE_COLORS.reported,
    title: t(count === 1 ? 'badgeTitleReportedOne' : 'badgeTitleReportedMany', [owner, String(count)]),
  };
}

/** storage.session key for a tab. */
export const tabKey = (tabId: number) => `tab:${tabId}`;
