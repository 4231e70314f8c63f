/**
 * The background's one message router: a table `message type -> { allowed senders, handler }`.
 *
 * Who may send what is decided from who the sender is, never from what the message says (idea from uBlock
 * Origin, which decides privilege once from `sender.origin`, and Privacy Badger, which accepts from content
 * scripts only a known list of message types):
 *
 * - `extension-page`: the popup, the options page (`sender.id` is ours and the sender's origin is the
 *   extension's own; Firefox may leave `origin` out, so there its `url` decides). Such a page may be open in a
 *   tab (`popup.html?tab=ID`), so this is checked before anything about tabs.
 * - `top-frame-content-script`: one of our content scripts in a tab's top frame (`sender.tab.id` set,
 *   `frameId === 0`, address not the extension's). It speaks only for its own tab: the tab id comes from
 *   `sender.tab.id`, never from the message.
 * - `frame-content-script`: our content script in a sub-frame (`frameId !== 0`, or unknown). Nothing is
 *   accepted from it today: an iframe's page must not speak for the tab.
 * - `unknown`: anything else (another extension, a sender without our id). Always refused.
 *
 * A content script shares its process with the page, so a compromised renderer can send anything a content
 * script can: the table keeps that to reporting on, and asking about, its own page. Pure: the caller passes
 * the extension's id and origin; no browser API here. Message shapes are checked by `isRequest` first.
 */
import { isRequest, type Request, type ResponseOf } from './messages';

/** The sender classes, from most to least trusted. */
export type SenderClass = 'extension-page' | 'top-frame-content-script' | 'frame-content-script' | 'unknown';

/** The parts of `runtime.MessageSender` the router reads (Chromium and Firefox both fill `id`, `url`, `tab`, `frameId`; `origin` is Chromium's). */
export interface RawSender {
  id?: string;
  url?: string;
  origin?: string;
  frameId?: number;
  /** Chromium's id of the sending document (used to target the notice's injection at that document only). */
  documentId?: string;
  tab?: { id?: number; index?: number; url?: string };
}

/** This extension, as the router compares senders to it: `runtime.id` and the origin of `runtime.getURL('/')` (`chrome-extension://ID`, `moz-extension://UUID`). */
export interface Self {
  id: string;
  origin: string;
}

/** An extension page: its address. */
export interface ExtensionPageSender {
  class: 'extension-page';
  url: string;
}

/** A content script in a tab: its tab (from `sender.tab`), the document's address and the tab's index. */
export interface ContentScriptSender {
  class: 'top-frame-content-script' | 'frame-content-script';
  tabId: number;
  url: string;
  index: number;
  /** The sending document's id where the browser gives one (Chromium). */
  documentId?: string;
}

export type Sender = ExtensionPageSender | ContentScriptSender | { class: 'unknown' };

/**
 * The origin (`scheme://host[:port]`) of a URL, or null when it does not parse or has none. Not lib/url's
 * `originOf`: that one answers for http(s) only, and the senders compared here are extension pages
 * (`chrome-extension:`, `moz-extension:`) as well as web pages.
 */
function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    // `new URL('chrome-extension://abc/x').origin` is 'null' in some engines: build it from the parts.
    return `${u.protocol}//${u.host}`;
  } catch {
    return null;
  }
}

/**
 * The sender's class, from the browser-filled `sender` only. Rules in the module comment; in short:
 * not our id -> unknown; our origin (`origin`, or `url` where `origin` is missing) -> extension page; in a tab
 * with frameId 0 -> top-frame content script; in a tab otherwise -> frame content script; else unknown.
 */
export function classifySender(sender: RawSender | undefined, self: Self): Sender {
  if (!sender || sender.id !== self.id) return { class: 'unknown' };
  const ownOrigin = self.origin.replace(/\/+$/, '');
  // Chromium gives `origin` for every sender; Firefox may not, and its `url` is then the one to trust.
  const origin = sender.origin ?? originOf(sender.url);
  const urlOrigin = originOf(sender.url);
  if (origin === ownOrigin) {
    // Both, where both are given, must agree (a sender claiming our origin with a page's address is not ours).
    return urlOrigin === ownOrigin ? { class: 'extension-page', url: sender.url! } : { class: 'unknown' };
  }
  if (urlOrigin === ownOrigin) return { class: 'unknown' };
  const tabId = sender.tab?.id;
  if (typeof tabId !== 'number' || !Number.isInteger(tabId) || tabId < 0 || !sender.url) return { class: 'unknown' };
  const index = sender.tab?.index ?? 0;
  const documentId = typeof sender.documentId === 'string' ? { documentId: sender.documentId } : {};
  if (sender.frameId === 0) return { class: 'top-frame-content-script', tabId, url: sender.url, index, ...documentId };
  return { class: 'frame-content-script', tabId, url: sender.url, index };
}

type Awaitable<T> = T | Promise<T>;

/** One row of the table: the sender class allowed to send this request, and its handler. */
export type Route<R extends Request> =
  | { from: 'extension-page'; handle: (request: R, sender: ExtensionPageSender) => Awaitable<ResponseOf<R>> }
  | { from: 'top-frame-content-script'; handle: (request: R, sender: ContentScriptSender & { class: 'top-frame-content-script' }) => Awaitable<ResponseOf<R>> };

/** The router's table: one row per request type, each handler's result checked against that type's response. */
export type RouteTable = { [K in Request['type']]: Route<Extract<Request, { type: K }>> };

/** The sender class each request type accepts (the table without its handlers); written out in entrypoints/README.md. */
export const ALLOWED_SENDERS = {
  'get-tab-state': 'extension-page',
  'prefs-changed': 'extension-page',
  'get-notice-seen': 'extension-page',
  'clear-notice-seen': 'extension-page',
  'recording-start': 'extension-page',
  'recording-stop': 'extension-page',
  'recording-list': 'extension-page',
  'recording-delete': 'extension-page',
  'page-observations': 'top-frame-content-script',
  'get-notice': 'top-frame-content-script',
  'get-notice-content': 'top-frame-content-script',
  'notice-action': 'top-frame-content-script',
  'notice-shown': 'top-frame-content-script',
} as const satisfies { [K in Request['type']]: Route<Extract<Request, { type: K }>>['from'] };

/** Why a message was refused. */
export type Refusal = 'not-a-request' | 'sender-not-allowed';

/** The router's decision for one message: a request with its sender, or a refusal. */
export type Decision =
  | { ok: true; request: Request; sender: ExtensionPageSender | ContentScriptSender }
  | { ok: false; refusal: Refusal; type?: string; senderClass: SenderClass };

/**
 * Decide whether to handle a message: its shape (`isRequest`: unknown types and shapes refused), then its
 * sender's class against `ALLOWED_SENDERS`. Never throws.
 */
export function decide(message: unknown, rawSender: RawSender | undefined, self: Self): Decision {
  const sender = classifySender(rawSender, self);
  if (!isRequest(message)) {
    const type = message && typeof message === 'object' && typeof (message as { type?: unknown }).type === 'string' ? (message as { type: string }).type.slice(0, 64) : undefined;
    return { ok: false, refusal: 'not-a-request', ...(type ? { type } : {}), senderClass: sender.class };
  }
  if (sender.class === 'unknown' || ALLOWED_SENDERS[message.type] !== sender.class) {
    return { ok: false, refusal: 'sender-not-allowed', type: message.type, senderClass: sender.class };
  }
  return { ok: true, request: message, sender };
}

/** The error a refused sender receives (its `sendMessage` rejects with it). */
export class RefusedMessage extends Error {
  constructor(readonly decision: Extract<Decision, { ok: false }>) {
    super(`Linkwatch refused ${decision.type ?? 'a message'} from a sender of class ${decision.senderClass} (${decision.refusal})`);
    this.name = 'RefusedMessage';
  }
}

/**
 * A router over a table: `route(message, sender)` decides, then runs the row's handler with the classified
 * sender, or rejects with `RefusedMessage`. The table's rows must match `ALLOWED_SENDERS` (checked here, so a
 * row that widens its senders without the documented table changing fails at start and in the tests).
 */
export function createRouter(table: RouteTable, self: () => Self): (message: unknown, sender: RawSender | undefined) => Promise<unknown> {
  for (const type of Object.keys(ALLOWED_SENDERS) as Request['type'][]) {
    if (table[type].from !== ALLOWED_SENDERS[type]) throw new Error(`Router table: ${type} must accept ${ALLOWED_SENDERS[type]}, not ${table[type].from}`);
  }
  return async (message, rawSender) => {
    const decision = decide(message, rawSender, self());
    if (!decision.ok) throw new RefusedMessage(decision);
    const route = table[decision.request.type] as Route<Request>;
    // `decide` checked the sender's class against this row, so the narrowing below holds.
    return route.handle(decision.request, decision.sender as never);
  };
}

/**
 * Coalesce calls of an async job: while one run is going, every further call waits for one more run that
 * starts after it ends; however many calls arrive (a loop of `prefs-changed`), at most one run is going and
 * one is queued. Each caller's promise settles after a run that started after the call.
 */
export function coalesce(job: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  let queued: Promise<void> | undefined;
  const start = (): Promise<void> => {
    const run = job().finally(() => {
      if (running === run) running = undefined;
    });
    running = run;
    return run;
  };
  return () => {
    if (!running) return start();
    if (!queued) {
      queued = running.then(
        () => undefined,
        () => undefined,
      ).then(() => {
        queued = undefined;
        return start();
      });
    }
    return queued;
  };
}
