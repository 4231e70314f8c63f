/**
 * Reading back what the background stored, without trusting it: `storage.session` may hold garbage (an
 * older build's shape, a bug, a hand edit in devtools). A value that is not a tab state reads as "no state",
 * and the background computes the tab again; it never reaches the badge or the popup. Also the key of the
 * custom-list classifier's cache. Pure.
 */
import type { CustomList } from '../config/schema';
import type { TabState } from './index';

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/** `value` as a TabState for `tabId`, or undefined when its shape is not one (fields the badge, popup and notice read). */
export function parseTabState(value: unknown, tabId: number): TabState | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const s = value as Partial<TabState>;
  if (s.tabId !== tabId || typeof s.navKey !== 'string' || typeof s.silenced !== 'boolean' || typeof s.firstParty !== 'boolean') return undefined;
  if (!isStringArray(s.arrangementIds) || !Array.isArray(s.observed) || !Array.isArray(s.links)) return undefined;
  if (s.fromLists !== undefined && !(Array.isArray(s.fromLists) && s.fromLists.every((l) => l && typeof l.listId === 'string' && isStringArray(l.arrangementIds)))) return undefined;
  if (s.host !== null && typeof s.host !== 'string') return undefined;
  if (s.contextCount !== undefined && !(Number.isInteger(s.contextCount) && s.contextCount >= 0)) return undefined;
  if (s.match !== null) {
    const m = s.match as Partial<NonNullable<TabState['match']>> | undefined;
    if (!m || typeof m !== 'object' || typeof m.site !== 'string' || typeof m.institution !== 'string' || typeof m.group !== 'string') return undefined;
  }
  if (!s.observed.every((p) => p && typeof p.platform === 'string' && Array.isArray(p.requests))) return undefined;
  return s as TabState;
}

/**
 * A key that changes whenever the content of the enabled lists changes (FNV-1a over their JSON, with their
 * count): a corrected list re-imported with the same id, date and sizes gets a new key, so the classifier
 * built from the lists is rebuilt at once. Not a security hash: it only decides when to rebuild a cache.
 */
export function listsContentKey(lists: readonly CustomList[]): string {
  const text = JSON.stringify(lists);
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return `${lists.length}:${text.length}:${(h1 >>> 0).toString(36)}${(h2 >>> 0).toString(36)}`;
}
