/** The one count of a site's reports, apart from the tab state's module so the popup can use it without the public suffix list. */

/**
 * How many reported data arrangements a tab's site has: the catalog's and the enabled lists', context
 * entries left out (they are background, not arrangements). The one count of reports (issue 22): the badge
 * title, the notice, the popup's first screen and its details heading all say this number.
 */
export function reportedCount(state: { arrangementIds: readonly string[]; contextCount?: number; fromLists?: readonly { arrangementIds: readonly string[] }[] }): number {
  const all = state.arrangementIds.length + (state.fromLists ?? []).reduce((n, l) => n + l.arrangementIds.length, 0);
  return Math.max(0, all - (state.contextCount ?? 0));
}
