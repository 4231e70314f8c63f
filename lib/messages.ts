/**
 * The one message protocol between extension pages, content scripts and the background service worker.
 * Every message is a `Request`; `ResponseOf<R>` gives its answer's type. Senders use `sendRequest`; the
 * background answers in `entrypoints/background.ts`.
 */
import type { Arrangement } from './catalog/schema';
import type { TabState } from './tab-state';

export type Request =
  /** Popup -> background: the state of a tab (computed now if the session has none). */
  | { type: 'get-tab-state'; tabId: number }
  /** Any page -> background: preferences or decisions changed; recompute badges of open tabs. */
  | { type: 'prefs-changed' };

/**
 * A tab's state with the catalog entries it refers to, so the popup does not bundle the catalog:
 * `arrangements` in the order of `state.arrangementIds`; `names` maps institution id -> display name.
 */
export interface TabView {
  state: TabState;
  arrangements: Arrangement[];
  names: Record<string, string>;
}

export interface Responses {
  'get-tab-state': TabView | null;
  'prefs-changed': { ok: true };
}

export type ResponseOf<R extends Request> = Responses[R['type']];

/** Type guard for messages arriving at the background from anywhere. */
export function isRequest(value: unknown): value is Request {
  if (!value || typeof value !== 'object') return false;
  const m = value as { type?: unknown; tabId?: unknown };
  if (m.type === 'get-tab-state') return Number.isInteger(m.tabId);
  return m.type === 'prefs-changed';
}
