/**
 * Preferences and per-site decisions: their shapes and defaults.
 *
 * Stored values are only what the user set; defaults fill what is missing when read, so an install or an
 * update never overwrites a choice (shared/DESIGN.md, "Preferences and data that must never be lost").
 */

/** How Linkwatch alerts on a matched site: the badge only, or also the in-page notice. */
export type AlertStyle = 'badge-only' | 'notice-first-visit' | 'notice-every-visit';
export const ALERT_STYLES: readonly AlertStyle[] = ['badge-only', 'notice-first-visit', 'notice-every-visit'];

/** The evidence levels of DESIGN.md that may raise the badge. */
export type EvidenceLevel = 'reported' | 'owned' | 'observed' | 'linked';
export const EVIDENCE_LEVELS: readonly EvidenceLevel[] = ['reported', 'owned', 'observed', 'linked'];

/**
 * The interface's language: the browser's (`browser`, the default) or one of Linkwatch's own (issue 25: the
 * options page lets a person choose); the order is the options page's.
 */
export const LANGUAGE_CHOICES = ['browser', 'en', 'fr', 'de', 'es'] as const;
export type LanguageChoice = (typeof LANGUAGE_CHOICES)[number];

/** Every preference, with its type. */
export interface Preferences {
  alertStyle: AlertStyle;
  /** Which evidence levels raise the toolbar badge. */
  badgeLevels: Record<EvidenceLevel, boolean>;
  /**
   * Protection on every bank and payment site of the directory (issue 23, lib/protection): off by default,
   * Linkwatch stays a warning tool until the person chooses. Per-site choices override it.
   */
  protectAll: boolean;
  /** The interface's language (`LANGUAGE_CHOICES`); `browser` follows the browser's. */
  language: LanguageChoice;
}

/** The defaults: calm (notice on a site's first visit), badge for everything but mere links. */
export const DEFAULT_PREFERENCES: Readonly<Preferences> = Object.freeze({
  alertStyle: 'notice-first-visit',
  badgeLevels: Object.freeze({ reported: true, owned: true, observed: true, linked: false }),
  protectAll: false,
  language: 'browser',
});

/**
 * A per-site decision, keyed by registrable domain (`chase.com`). `muted`: no badge or notice on that site;
 * `snoozed`: the same until `until` (ISO 8601 instant), then back to normal.
 */
export interface SiteDecision {
  site: string;
  decision: 'muted' | 'snoozed';
  /** ISO 8601 instant; only for `snoozed`. */
  until?: string;
  /** ISO 8601 instant the decision was made. */
  createdAt: string;
}

/** Whether a decision silences its site at instant `now` (ms since epoch). */
export function isSilenced(decision: SiteDecision | undefined, now: number): boolean {
  if (!decision) return false;
  if (decision.decision === 'muted') return true;
  return decision.until !== undefined && Date.parse(decision.until) > now;
}

/** Stored partial preferences merged over the defaults; unknown keys and wrong types are ignored. */
export function withDefaults(stored: Partial<Record<string, unknown>>): Preferences {
  const alertStyle = ALERT_STYLES.includes(stored.alertStyle as AlertStyle)
    ? (stored.alertStyle as AlertStyle)
    : DEFAULT_PREFERENCES.alertStyle;
  const levels = { ...DEFAULT_PREFERENCES.badgeLevels };
  const storedLevels = stored.badgeLevels;
  if (storedLevels && typeof storedLevels === 'object') {
    for (const level of EVIDENCE_LEVELS) {
      const value = (storedLevels as Record<string, unknown>)[level];
      if (typeof value === 'boolean') levels[level] = value;
    }
  }
  const protectAll = typeof stored.protectAll === 'boolean' ? stored.protectAll : DEFAULT_PREFERENCES.protectAll;
  const language = LANGUAGE_CHOICES.includes(stored.language as LanguageChoice) ? (stored.language as LanguageChoice) : DEFAULT_PREFERENCES.language;
  return { alertStyle, badgeLevels: levels, protectAll, language };
}
