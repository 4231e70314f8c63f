/**
 * The one message protocol between extension pages, content scripts and the background service worker.
 * Every message is a `Request`; `ResponseOf<R>` gives its answer's type. Senders use `sendRequest`; the
 * background answers in `entrypoints/background.ts`.
 */
import type { TabState } from './tab-state';

export type Request =
  /** Popup -> background: the state of a tab (computed now if the session has none). */
  | { type: 'get-tab-state'; tabId: number }
  /** Any page -> background: preferences or decisions changed; recompute badges of open tabs. */
  | { type: 'prefs-changed' };

export interface Responses {
  'get-tab-state': TabState | null;
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
