/**
 * Clickjacking guard for the in-page notice (issue 12). A page cannot click the notice (only trusted input
 * acts), but it can make the user click it unknowingly: wrap the notice in an element that makes it
 * invisible while it still receives clicks (nearly transparent, filtered, masked) and put a bait button under
 * the user's pointer; the user's real click then lands on "Not on this site".
 *
 * `noticeIsFaded(host)` is checked on each trusted event, synchronously: true when the host or any ancestor
 * (through shadow roots) is faded or filtered (computed `opacity` below 1, a `filter`, a mask, `visibility`
 * other than visible), so the event must not act.
 *
 * Not covered, and said so: an opaque element drawn over the notice with `pointer-events: none` lets the click
 * through and no browser API reports it (IntersectionObserver v2's `isVisible` was measured in Chromium 156
 * and stayed true under such an overlay). DOM only.
 */
export function noticeIsFaded(host: Element, win: Window & typeof globalThis = window): boolean {
  for (let el: Element | null = host; el; el = el.parentElement ?? ((el.getRootNode() as Partial<ShadowRoot>).host ?? null)) {
    const style = win.getComputedStyle(el);
    const mask = style.getPropertyValue('mask-image') || style.getPropertyValue('-webkit-mask-image');
    if (Number(style.opacity) < 1 || (style.filter && style.filter !== 'none') || (mask && mask !== 'none') || style.visibility !== 'visible') return true;
  }
  return false;
}

/**
 * Whether the notice can be read now: its host is in the page, nothing fades it (`noticeIsFaded`), and
 * its card (`card`, the element inside the shadow root) has a size and lies at least partly in the
 * viewport. The notice reports itself shown (`notice-shown`, lib/notice) only after this held for
 * `NOTICE_SHOWN_MS` without a break, so a page that removes, hides or moves the notice away on sight does
 * not get its site counted as seen. DOM only.
 */
export function noticeOnScreen(host: Element, card: Element, win: Window & typeof globalThis = window): boolean {
  if (!host.isConnected || noticeIsFaded(host, win)) return false;
  const check = (host as Element & { checkVisibility?: () => boolean }).checkVisibility;
  if (check && !check.call(host)) return false;
  const box = card.getBoundingClientRect();
  const width = win.document.documentElement.clientWidth || win.innerWidth;
  return box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0 && box.left < width && box.top < win.innerHeight;
}
