/**
 * The in-page notice as a small vanilla-DOM card (no Preact: it runs in a bank's page, where every kB of
 * script is evaluated on the page's main thread; issue 14). Text goes in with `textContent` only, never
 * markup. The injected notice script (entrypoints/notice-ui) puts it in a closed shadow root and passes the
 * handlers; this module only builds the card and wires its controls.
 *
 * Every control acts only on trusted input (issue 12): a click or key the user made, never one a page
 * script dispatched (`event.isTrusted`). Keys typed in the card stay in the card (not the page's shortcuts).
 */
import { catalogText, type Lang, type Translate } from '../lib/i18n';
import { describeSourcing } from '../lib/catalog/sourcing';
import type { NoticeContent, NoticeObservedOutcome } from '../lib/notice';
import type { Corner } from '../lib/notice/placement';

export interface NoticeI18n {
  t: Translate;
  lang: Lang;
  locale: string;
}

/**
 * `card`: the full notice; `pill`: collapsed (the card would cover a sign-in form); `hidden`: the person
 * chose "Hide for this visit": the card says what that did (no notice on this site in this tab until it
 * leaves) and where muting for good lives (Linkwatch's toolbar button), with Close.
 */
export type NoticeMode = 'card' | 'pill' | 'hidden';

export interface NoticeProps {
  i18n: NoticeI18n;
  content: NoticeContent;
  mode: NoticeMode;
  corner: Corner;
  /** True until the container has measured the card and chosen its corner (the card is then invisible). */
  measuring?: boolean;
  onDetails: () => void;
  /** "Hide for this visit": never a mute (a page can draw over the notice; issue 22). */
  onHide: () => void;
  onClose: () => void;
  onExpand: () => void;
  /** Whether an event came from the user; `event.isTrusted` unless a test says otherwise. */
  trusted?: (event: Event) => boolean;
  /** Whether an event is a person's input, for Close and Escape (default `event.isTrusted`; tests stand in for it). */
  isPersonInput?: (event: Event) => boolean;
}

/** "This site belongs to Chase (JPMorgan Chase)." / "This site is Messenger, part of Meta (first party)." */
export function noticeOwnerLine(c: NoticeContent, t: Translate): string {
  if (c.firstParty) return c.group ? t('siteIsPlatformOfGroup', [c.owner, c.group]) : t('siteIsPlatform', c.owner);
  return c.group ? t('siteOwnedByOfGroup', [c.owner, c.group]) : t('siteOwnedBy', c.owner);
}

/**
 * How one platform's requests ended, in the popup's terms (DESIGN "Exactness rules"): `completed` when the
 * browser reported a response for every one, `failed` when every one failed (blocked or unreachable: nothing
 * was sent), `requested` when none had a visible outcome; `partly` when some completed and others did not,
 * `failed-or-unknown` when none completed and some failed. A mix is never summed up as its best case: one
 * script download that completed does not make a blocked event "completed".
 */
export function platformOutcome(o: NoticeObservedOutcome): 'completed' | 'requested' | 'failed' | 'partly' | 'failed-or-unknown' | 'blocked' {
  const blocked = o.blocked ?? 0;
  const others = o.failed + o.requested + blocked;
  if (o.completed > 0) return others > 0 ? 'partly' : 'completed';
  if (o.failed === 0 && o.requested === 0 && blocked > 0) return 'blocked';
  if (o.failed + blocked > 0) return o.requested > 0 ? 'failed-or-unknown' : 'failed';
  return 'requested';
}

const OUTCOME_KEYS = {
  completed: 'noticeObservedCompleted',
  partly: 'noticeObservedPartly',
  requested: 'noticeObservedRequested',
  'failed-or-unknown': 'noticeObservedFailedOrUnknown',
  failed: 'noticeObservedFailed',
  blocked: 'noticeObservedBlockedByLinkwatch',
} as const;

/**
 * The one-line summary: how many arrangements are reported and the latest one's title; what was observed,
 * worded by outcome (a failed request never reads as "requested" or "sent").
 */
export function noticeSummary(c: NoticeContent, t: Translate, lang: Lang, locale: string): string {
  const who = c.group ?? c.owner;
  const title = c.latestTitle ? catalogText(c.latestTitle, lang) : '';
  const count = new Intl.NumberFormat(locale).format(c.reported);
  const parts: string[] = [];
  if (c.reported === 1) parts.push(t(c.firstParty ? 'noticePlatformOne' : 'noticeReportedOne', who));
  else if (c.reported > 1) parts.push(t(c.firstParty ? 'noticePlatformMany' : 'noticeReportedMany', [who, count]));
  if (c.reported > 0 && title) parts.push(t('noticeLatest', title));
  // A bank the directory knows but no report names (issue 21): say so, never leave it to be guessed.
  if (c.reported === 0 && !c.firstParty) parts.push(t('noticeNoneReported', who));
  // Content from an older background without outcomes: say only what is sure (no outcome claimed).
  const outcomes = c.observedOutcomes ?? c.observed.map((name) => ({ name, completed: 0, failed: 0, requested: 1 }));
  for (const kind of ['completed', 'partly', 'requested', 'failed-or-unknown', 'failed', 'blocked'] as const) {
    const names = outcomes.filter((o) => platformOutcome(o) === kind).map((o) => o.name);
    if (names.length) parts.push(t(OUTCOME_KEYS[kind], formatList(names, locale)));
  }
  return parts.join(' ');
}

function formatList(items: string[], locale: string): string {
  try {
    return new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}

/** The kind of statement, in words as well as in the card's colour. */
const TAG_KEYS = { 'first-party': 'noticeTagFirstParty', reported: 'noticeTagReported', observed: 'noticeTagObserved' } as const;

type Attrs = Record<string, string>;
function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  // Strings become text nodes: never parsed as markup.
  node.append(...children);
  return node;
}

/** The icon's two linked rings, drawn by CSS. */
const logo = () => el('span', { class: 'lw-logo', 'aria-hidden': 'true' });

function closeIcon(): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  for (const [k, v] of Object.entries({ viewBox: '0 0 16 16', width: '14', height: '14', 'aria-hidden': 'true', focusable: 'false' })) svg.setAttribute(k, v);
  const path = document.createElementNS(ns, 'path');
  for (const [k, v] of Object.entries({ d: 'M3 3l10 10M13 3L3 13', stroke: 'currentColor', 'stroke-width': '2', 'stroke-linecap': 'round' })) path.setAttribute(k, v);
  svg.append(path);
  return svg;
}

/**
 * Build the notice into `container` (its previous content replaced): a landmark with a name, plain
 * buttons, Escape closes. It never takes focus on its own; when the user's action replaces the content
 * (expand, hide), the caller moves focus to the element marked `data-lw-focus`.
 */
export function renderNotice(container: Element, props: NoticeProps): void {
  const { i18n, content, mode, corner, measuring } = props;
  const { t, lang, locale } = i18n;
  const trusted = props.trusted ?? ((e: Event) => e.isTrusted);
  const personInput = props.isPersonInput ?? ((e: Event) => e.isTrusted);
  /** A button that calls `action` on a trusted click only (Enter and Space on a button are trusted clicks). */
  const button = (attrs: Attrs, action: () => void, ...children: (Node | string)[]) => {
    const b = el('button', { type: 'button', ...attrs }, ...children);
    b.addEventListener('click', (e) => {
      if (trusted(e)) action();
    });
    return b;
  };
  // Closing only hides the notice for this page: a person's click or key always closes it, even where the
  // page's look (a filter on the whole page, say) makes the other buttons refuse (`trusted`).
  const closeButton = (attrs: Attrs, ...children: (Node | string)[]) => {
    const b = el('button', { type: 'button', ...attrs }, ...children);
    b.addEventListener('click', (e) => {
      if (personInput(e)) props.onClose();
    });
    return b;
  };
  const kind = content.firstParty ? 'first-party' : content.reported > 0 ? 'reported' : 'observed';
  const aside = el('aside', { class: `lw-notice lw-${mode}`, 'data-corner': corner, 'data-kind': kind, 'aria-label': t('noticeLabel') });
  if (measuring) aside.setAttribute('data-measuring', 'true');
  aside.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && personInput(e)) props.onClose();
  });

  if (mode === 'pill') {
    aside.append(button({ class: 'lw-pill', 'aria-expanded': 'false' }, props.onExpand, logo(), t('noticePill')));
  } else {
    aside.append(el('p', { class: 'lw-brand' }, logo(), 'Linkwatch'));
    if (mode === 'hidden') {
      const status = el('div', { class: 'lw-body', role: 'status', 'data-lw-focus': '', tabindex: '-1' });
      status.append(el('p', { class: 'lw-owner' }, t('noticeHiddenSaid', content.site)), el('p', { class: 'lw-sourcing' }, t('noticeMuteWhere', content.site)));
      aside.append(status);
    } else {
      aside.append(
        el(
          'div',
          { class: 'lw-body' },
          el('p', { class: 'lw-owner' }, noticeOwnerLine(content, t)),
          el('p', { class: 'lw-summary' }, el('span', { class: 'lw-tag' }, t(TAG_KEYS[kind])), ' ', noticeSummary(content, t, lang, locale)),
          // How well the report named above is sourced, in words (issue 13: confidence in every view).
          ...(content.reported > 0 && content.latestTitle && content.latestSourcing ? [el('p', { class: 'lw-sourcing' }, describeSourcing(content.latestSourcing, t))] : []),
          el(
            'div',
            { class: 'lw-actions' },
            button({ class: 'lw-primary', 'data-lw-focus': '' }, props.onDetails, t('noticeDetails')),
            button({}, props.onHide, t('noticeHide')),
          ),
        ),
      );
    }
    // Last in the tab order (the actions come first); placed in the top corner by CSS.
    aside.append(closeButton({ class: 'lw-close', 'aria-label': t('noticeClose') }, closeIcon()));
  }
  container.replaceChildren(aside);
}
