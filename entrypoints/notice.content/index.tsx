/**
 * The in-page notice's content script: asks the background whether to show a notice in this tab (the
 * background decides from preferences, per-site decisions and the "seen" list; see lib/notice), and if so
 * renders <Notice> in a shadow root (WXT's shadow-root UI, so the page's CSS does not reach it).
 *
 * Runs on the observer's sites (the catalog's non-platform sites, written into the manifest by
 * wxt.config.ts in place of the placeholder) and on Messenger, the one platform site whose reports the
 * notice is about. Kept small: no catalog, no URL classifier here; the background answers.
 *
 * Placement: the card sits in a bottom corner and moves, or collapses to a pill, whenever it would cover a
 * sign-in form (lib/notice/placement); it is checked again on scroll, resize and DOM changes.
 */
import { render } from 'preact';
import type { I18n } from '../../components/i18n';
import { Notice, type NoticeMode } from '../../components/Notice';
import type { NoticeContent } from '../../lib/notice';
import { inflate, placeNotice, type Box, type Corner } from '../../lib/notice/placement';
import { sendRequest, t, uiLocale } from '../../lib/runtime';
import css from './notice.css?inline';

/** Collapsed size, for placement (its text is short in both languages). */
const PILL_SIZE = { width: 260, height: 44 };
/** A page whose notice had nothing to say yet (no report, nothing observed) is asked once more after this. */
const RETRY_MS = 3000;
/** After it shows, the notice asks again at these delays, so tracking requests observed later join its summary. */
const REFRESH_MS = [2000, 6000];

export default defineContentScript({
  // The placeholder is replaced at build time with the catalog's sites (see wxt.config.ts); Messenger stays.
  matches: ['*://linkwatch.invalid/*', '*://messenger.com/*', '*://*.messenger.com/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  async main(ctx) {
    if (window.top !== window) return;
    let answer = await sendRequest({ type: 'get-notice' }).catch(() => null);
    if (answer && !answer.show && answer.reason === 'nothing') {
      await new Promise((r) => ctx.setTimeout(() => r(undefined), RETRY_MS));
      if (ctx.isInvalid) return;
      answer = await sendRequest({ type: 'get-notice' }).catch(() => null);
    }
    if (!answer?.show || ctx.isInvalid) return;
    const content = answer.notice;
    const { locale, lang } = uiLocale();
    let update: ((next: NoticeContent) => void) | undefined;
    const ui = await createShadowRootUi(ctx, {
      name: 'linkwatch-notice',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      css,
      // Keys typed in the notice are not the page's shortcuts.
      isolateEvents: true,
      onMount: (container) => {
        const shown = showNotice(container, content, { t, lang, locale }, () => ui.remove());
        update = shown.update;
        return shown.stop;
      },
      onRemove: (stop) => stop?.(),
    });
    ui.mount();
    for (const delay of REFRESH_MS) {
      ctx.setTimeout(() => {
        void sendRequest({ type: 'get-notice-content' }).then((next) => next && update?.(next), () => undefined);
      }, delay);
    }
  },
});

/**
 * Render the notice into `root` and keep it placed; returns the function that takes it down. State lives
 * here and each change re-renders <Notice> (no hooks: a smaller content script).
 */
function showNotice(root: HTMLElement, initial: NoticeContent, i18n: I18n, close: () => void): { stop: () => void; update: (next: NoticeContent) => void } {
  let content = initial;
  root.lang = i18n.lang;
  let corner: Corner = 'bottom-right';
  let mode: NoticeMode = 'card';
  let measuring = true;
  // After the user opened the pill, the card stays open where it is.
  let expandedByUser = false;

  const draw = (moveFocus = false) => {
    render(
      <Notice
        i18n={i18n}
        content={content}
        mode={mode}
        corner={corner}
        measuring={measuring}
        onClose={close}
        onExpand={() => {
          expandedByUser = true;
          mode = 'card';
          draw(true);
        }}
        onDetails={() => void sendRequest({ type: 'notice-action', action: 'details' }).catch(() => undefined)}
        onNotHere={() =>
          void sendRequest({ type: 'notice-action', action: 'not-on-this-site' }).then((r) => {
            if (!r.ok) return;
            mode = 'muted';
            draw(true);
          }, () => undefined)
        }
      />,
      root,
    );
    // The button the user pressed is gone: focus goes to what replaced it.
    if (moveFocus) root.querySelector<HTMLElement>('[data-lw-focus]')?.focus();
  };

  draw();
  const box = root.querySelector('.lw-notice')!.getBoundingClientRect();
  const card = { width: box.width, height: box.height };
  const place = () => {
    if (expandedByUser || mode === 'muted') return;
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

  let frame = 0;
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(() => ((frame = 0), place()));
  };
  addEventListener('scroll', schedule, { passive: true, capture: true });
  addEventListener('resize', schedule, { passive: true });
  // A sign-in form that a script adds later (single-page apps) moves the notice too.
  const observer = new MutationObserver(schedule);
  observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['style', 'class', 'hidden'] });
  const stop = () => {
    cancelAnimationFrame(frame);
    removeEventListener('scroll', schedule, { capture: true });
    removeEventListener('resize', schedule);
    observer.disconnect();
    render(null, root);
  };
  // New observations change the summary only; the card stays where it is.
  const update = (next: NoticeContent) => {
    if (mode === 'muted' || JSON.stringify(next.observed) === JSON.stringify(content.observed)) return;
    content = next;
    draw();
  };
  return { stop, update };
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
