/**
 * The in-page notice itself, injected by the background (scripting.executeScript) into a page only where
 * the notice will show (the page's content script, entrypoints/page.content or notice.content, asked
 * first; issue 14). It runs in
 * the content scripts' isolated world, so its variables and prototypes are out of the page's reach.
 *
 * Tamper-proof (issue 12): the card lives in a CLOSED shadow root whose only reference is a local
 * variable here; the host element is a bare tag (no attribute, no text, no state), so a page script can
 * neither read what the notice says nor reach its buttons; every action runs on trusted input only
 * (components/Notice); a page that hides or removes the host only hides it for this page view (the badge
 * lives in the background). Nothing in the notice mutes a site: that is in the popup and options only. Keys typed in the card do not reach the page.
 *
 * Placement: the card sits in a bottom corner and moves, or collapses to a pill, whenever it would cover a
 * sign-in form (lib/notice/placement); it is checked again on scroll, resize and DOM changes.
 */
import { renderNotice, type NoticeI18n, type NoticeMode } from '../../components/Notice';
import { contentLocale, send, tr } from '../../lib/content/runtime';
import { translatorFromMessages } from '../../lib/i18n';
import { NOTICE_SHOWN_MS, type NoticeContent } from '../../lib/notice';
import { inflate, placeNotice, type Box, type Corner } from '../../lib/notice/placement';
import { boxKey, noticeIsFaded, noticeOnScreen } from '../../lib/notice/visible';
import css from './notice.css?inline';

/** Collapsed size, for placement (its text, noticePill, is short in every language: 26 to 28 characters). */
const PILL_SIZE = { width: 260, height: 44 };
/** How often (ms) the notice checks that it is on screen (before it reports itself shown) and where it is. */
const SHOWN_CHECK_MS = 250;
/**
 * A click acts only on a notice that has stayed where it is for this long (ms): a page that moves the notice
 * under the pointer between the two clicks of a "double-click here" bait gets nothing (clickjacking).
 */
const STILL_MS = 700;
/** After it shows, the notice asks again at these delays, so tracking requests observed later join its summary. */
const REFRESH_MS = [2000, 6000];
/** The host's tag: a plain custom-element name; nothing else is on it. */
export const NOTICE_TAG = 'linkwatch-notice';

export default defineUnlistedScript(() => {
  // Once per document, even if injected twice (the isolated world's global, invisible to the page).
  const world = globalThis as { linkwatchNoticeShown?: boolean };
  if (window.top !== window || world.linkwatchNoticeShown) return;
  world.linkwatchNoticeShown = true;
  void send({ type: 'get-notice-content' }).then((content) => content && mount(content), () => undefined);
});

function mount(initial: NoticeContent): void {
  const host = document.createElement(NOTICE_TAG);
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = css;
  const container = document.createElement('div');
  // The language the person chose (sent with the content), else the browser's.
  const { locale, lang } = initial.ui ?? contentLocale();
  container.lang = lang;
  // Keys typed in the notice are not the page's shortcuts (they stop at the shadow root's edge).
  for (const type of ['keydown', 'keyup', 'keypress']) container.addEventListener(type, (e) => e.stopPropagation());
  shadow.append(style, container);
  const i18n: NoticeI18n = { t: initial.ui ? translatorFromMessages(initial.ui.messages) : tr, lang, locale };

  let content = initial;
  let corner: Corner = 'bottom-right';
  let mode: NoticeMode = 'card';
  let measuring = true;
  // After the user opened the pill, the card stays open where it is.
  let expandedByUser = false;
  const timers: number[] = [];
  // "Seen" (first-visit mode) is recorded only once the card was on screen for NOTICE_SHOWN_MS without a
  // break, or the user closed it: never for a notice the page removed or hid before it could be read.
  let shownSent = false;
  const reportShown = () => {
    if (shownSent) return;
    shownSent = true;
    void send({ type: 'notice-shown' }).catch(() => undefined);
  };
  let onScreenSince: number | undefined;
  // Where the card was last seen, and since when: a click counts only on a notice that stayed put (STILL_MS).
  let lastBox = '';
  let stillSince = performance.now();
  const stillLongEnough = () => {
    const card = container.firstElementChild;
    const key = card ? boxKey(card) : '';
    if (key !== lastBox) {
      lastBox = key;
      stillSince = performance.now();
    }
    return performance.now() - stillSince >= STILL_MS;
  };
  /** After a redraw the person's own click caused (hide, expand): the new box is not a move by the page. */
  const keepStill = () => {
    const card = container.firstElementChild;
    lastBox = card ? boxKey(card) : '';
  };
  const onScreenTimer = setInterval(() => {
    const card = container.firstElementChild as HTMLElement | null;
    if (!host.isConnected) return clearInterval(onScreenTimer);
    stillLongEnough();
    if (shownSent) return;
    if (!card || !noticeOnScreen(host, card)) return void (onScreenSince = undefined);
    onScreenSince ??= performance.now();
    if (performance.now() - onScreenSince >= NOTICE_SHOWN_MS) reportShown();
  }, SHOWN_CHECK_MS) as unknown as number;

  // "Hide for this visit": the background keeps it for this tab and site; the card says so and where muting lives.
  const hide = () =>
    void send({ type: 'notice-action', action: 'hide' }).then((r) => {
      if (!r?.ok) return;
      mode = 'hidden';
      draw(true);
      keepStill();
    }, () => undefined);

  const draw = (moveFocus = false) => {
    renderNotice(container, {
      i18n,
      content,
      mode,
      corner,
      measuring,
      onClose: () => {
        // Closed by a person (components/Notice: trusted input only): seen, if it was on screen to be seen.
        const card = container.firstElementChild as HTMLElement | null;
        if (card && noticeOnScreen(host, card)) reportShown();
        close();
      },
      onExpand: () => {
        expandedByUser = true;
        mode = 'card';
        draw(true);
        keepStill();
      },
      // Opening tabs is what a page could want to trick a person into: it needs a notice that stayed put.
      // Hiding and closing only take the notice away (nothing from the page can mute: issue 22), and act at once.
      onDetails: () => void (stillLongEnough() && send({ type: 'notice-action', action: 'details' }).catch(() => undefined)),
      onHide: hide,
      // A real click counts only on a notice the page has not faded out of sight (lib/notice/visible).
      trusted: (e) => e.isTrusted && !noticeIsFaded(host),
    });
    // The button the user pressed is gone: focus goes to what replaced it.
    if (moveFocus) container.querySelector<HTMLElement>('[data-lw-focus]')?.focus();
  };

  draw();
  (document.body ?? document.documentElement).append(host);
  const box = container.firstElementChild!.getBoundingClientRect();
  const card = { width: box.width, height: box.height };
  const place = () => {
    if (expandedByUser || mode === 'hidden') return;
    const viewport = { width: document.documentElement.clientWidth || innerWidth, height: innerHeight };
    const next = placeNotice({ card, pill: PILL_SIZE, viewport, obstacles: signInBoxes() });
    const nextMode = next.collapsed ? 'pill' : 'card';
    if (!measuring && next.corner === corner && nextMode === mode) return;
    corner = next.corner;
    mode = nextMode;
    measuring = false;
    draw();
  };
  place();
  // Still from here: the card's first place (a click counts STILL_MS after the notice appeared).
  keepStill();
  stillSince = performance.now();

  let frame = 0;
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(() => ((frame = 0), place()));
  };
  addEventListener('scroll', schedule, { passive: true, capture: true });
  addEventListener('resize', schedule, { passive: true });
  // A sign-in form that a script adds later (single-page apps) moves the notice too.
  const observer = new MutationObserver(schedule);
  observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['style', 'class', 'hidden'] });

  function close() {
    cancelAnimationFrame(frame);
    clearInterval(onScreenTimer);
    for (const id of timers) clearTimeout(id);
    removeEventListener('scroll', schedule, { capture: true });
    removeEventListener('resize', schedule);
    observer.disconnect();
    host.remove();
  }

  // New observations change the summary only; the card stays where it is.
  for (const delay of REFRESH_MS) {
    timers.push(
      setTimeout(() => {
        void send({ type: 'get-notice-content' }).then((next) => {
          if (!next || mode === 'hidden') return;
          if (JSON.stringify([next.observed, next.observedOutcomes]) === JSON.stringify([content.observed, content.observedOutcomes])) return;
          content = next;
          draw();
        }, () => undefined);
      }, delay) as unknown as number,
    );
  }
}

/** Boxes of the page's visible sign-in forms (and of login frames), in viewport coordinates. */
function signInBoxes(): Box[] {
  const boxes: Box[] = [];
  for (const input of document.querySelectorAll<HTMLInputElement>('input[type="password"]')) {
    if (!visible(input)) continue;
    const form = input.closest('form');
    boxes.push(form && visible(form) ? inflate(form.getBoundingClientRect(), 8) : inflate(input.getBoundingClientRect(), 48));
  }
  // Many banks put the sign-in form in a frame of their own.
  for (const frame of document.querySelectorAll<HTMLIFrameElement>('iframe')) {
    const label = `${frame.id} ${frame.name} ${frame.title} ${frame.src}`.toLowerCase();
    if (/log[ _-]?[io]n|sign[ _-]?in|auth/.test(label) && visible(frame)) boxes.push(inflate(frame.getBoundingClientRect(), 8));
  }
  return boxes;
}

function visible(el: Element): boolean {
  if (el.getClientRects().length === 0) return false;
  const check = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  return check ? check.call(el, { visibilityProperty: true, opacityProperty: true }) : true;
}
