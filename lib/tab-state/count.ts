/**
 * The one count of a site's reports, and a platform's requests by outcome, apart from the tab state's module so
 * the popup can use them without the public suffix list.
 */

import type { ObservationKind } from '../evidence';

/**
 * The request kinds protection stops (issue 23, lib/protection's rules): pixels, their events, analytics and
 * ad tags; never a platform's SDK, social plugins or a navigation. Here, apart from lib/protection, so the
 * popup can word protection without the rules' code.
 */
export const PROTECTED_KINDS: readonly ObservationKind[] = ['pixel-script', 'pixel-event', 'analytics', 'ad-conversion', 'ad-script'];

/**
 * Whether some request of a kind protection covers went through (completed) although the site is protected:
 * from where its rules cannot reach (a frame with no site of its own, docs/protection.md) or sent before they
 * applied. The popup and the badge then never say the page's requests "are blocked".
 */
export function escapedProtection(observed: readonly { requests: readonly { kind: ObservationKind; completed: number }[] }[] | undefined): boolean {
  return (observed ?? []).some((p) => p.requests.some((r) => r.completed > 0 && PROTECTED_KINDS.includes(r.kind)));
}

/** The outcome counts of a platform's request lines (lib/tab-state `ObservedRequest`). */
interface OutcomeCounts {
  requests: readonly { completed: number; failed: number; requested: number; blocked?: number }[];
  /** Requests beyond the itemised lines, whose outcomes are not kept (lib/tab-state `more`). */
  more?: number;
}

/**
 * How many reported data arrangements a tab's site has: the catalog's and the enabled lists', context
 * entries left out (they are background, not arrangements). The one count of reports (issue 22): the badge
 * title, the notice, the popup's first screen and its details heading all say this number.
 */
export function reportedCount(state: { arrangementIds: readonly string[]; contextCount?: number; fromLists?: readonly { arrangementIds: readonly string[] }[] }): number {
  const all = state.arrangementIds.length + (state.fromLists ?? []).reduce((n, l) => n + l.arrangementIds.length, 0);
  return Math.max(0, all - (state.contextCount ?? 0));
}

/** A platform's requests summed by outcome (`blocked`: stopped by Linkwatch's own protection). */
export function outcomeTotals(p: OutcomeCounts): { completed: number; failed: number; requested: number; blocked: number } {
  const sum = { completed: 0, failed: 0, requested: 0, blocked: 0 };
  for (const r of p.requests) {
    sum.completed += r.completed;
    sum.failed += r.failed;
    sum.requested += r.requested;
    sum.blocked += r.blocked ?? 0;
  }
  return sum;
}

/**
 * Every request to the platform failed or was blocked by Linkwatch: nothing was sent. Never where requests
 * beyond the itemised lines were counted (`more`): their outcomes are not kept.
 */
export function nothingSent(p: OutcomeCounts): boolean {
  const o = outcomeTotals(p);
  return p.requests.length > 0 && !(p.more ?? 0) && o.completed === 0 && o.requested === 0 && o.failed + o.blocked > 0;
}

/** Every request to the platform was stopped by Linkwatch's own protection (issue 23). */
export function blockedByLinkwatch(p: OutcomeCounts): boolean {
  const o = outcomeTotals(p);
  return nothingSent(p) && o.failed === 0;
}
