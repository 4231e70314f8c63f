/**
 * Clickjacking guard for the in-page notice (issue 12). A page cannot click the notice (only trusted input
 * acts), but it can make the user click it unknowingly: wrap the notice in an element that makes it
 * invisible while it still receives clicks (nearly transparent, filtered, masked) and put a bait button under
 * the user's pointer; the user's real click then lands on the notice's "Hide for this visit" or "Details".
 *
 * `noticeIsFaded(host)` is checked on each trusted event, synchronously: true when the host or any ancestor
 * (through shadow roots) is faded or filtered (computed `opacity` below 1, a `filter`, a mask, a
 * `clip-path`, `visibility` other than visible), so the event must not act.
 *
 * Not covered, and said so: an opaque element drawn over the notice with `pointer-events: none` lets the click
 * through and no browser API reports it (IntersectionObserver v2's `isVisible` was measured in Chromium 156
 * and stayed true under such an overlay). That is why no button of the notice mutes a site (issue 22): such a
 * click can at most hide the notice in that tab until the site is left. DOM only.
 */
export function noticeIsFaded(host: Element, win: Window & typeof globalThis = window): boolean {
  for (let el: Element | null = host; el; el = el.parentElement ?? ((el.getRootNode() as Partial<ShadowRoot>).host ?? null)) {
    const style = win.getComputedStyle(el);
    const mask = style.getPropertyValue('mask-image') || style.getPropertyValue('-webkit-mask-image');
    const clip = style.getPropertyValue('clip-path');
    if (Number(style.opacity) < 1 || filterHides(style.filter) || (mask && mask !== 'none') || (clip && clip !== 'none') || style.visibility !== 'visible') return true;
  }
  return false;
}

/**
 * Whether a computed CSS `filter` can hide what it applies to: `opacity()` below 1, `brightness()` or
 * `contrast()` below 0.5, a `blur()` of 2px or more, or an SVG filter (`url(...)`, which can do anything).
 * Colour filters (grayscale, invert, sepia, hue-rotate, saturate) and drop shadows leave the notice legible:
 * a page in mourning greys itself out (`html { filter: grayscale(1) }`), dark-mode tools invert it.
 */
export function filterHides(filter: string | null | undefined): boolean {
  if (!filter || filter === 'none') return false;
  if (/url\(/i.test(filter)) return true;
  for (const [, fn, arg] of filter.matchAll(/([a-z-]+)\(([^)]*)\)/gi)) {
    const n = parseFloat(arg!);
    const amount = arg!.trim().endsWith('%') ? n / 100 : n;
    if (fn === 'opacity' && amount < 1) return true;
    if ((fn === 'brightness' || fn === 'contrast') && amount < 0.5) return true;
    if (fn === 'blur' && n >= 2) return true;
  }
  return false;
}

/**
 * Whether nothing of the page lies over the card: at its centre and near its four corners, the topmost
 * element the page's hit testing finds is the notice's host (hits inside its closed shadow root are
 * retargeted to the host). An opaque cover, a modal dialog or a clipping box fails this; a cover with
 * `pointer-events: none` does not (hit testing skips it; said in `noticeIsFaded`).
 */
export function noticeUncovered(host: Element, card: Element, win: Window & typeof globalThis = window): boolean {
  const box = card.getBoundingClientRect();
  const inset = Math.min(8, box.width / 4, box.height / 4);
  const points: [number, number][] = [
    [box.left + box.width / 2, box.top + box.height / 2],
    [box.left + inset, box.top + inset],
    [box.right - inset, box.top + inset],
    [box.left + inset, box.bottom - inset],
    [box.right - inset, box.bottom - inset],
  ];
  return points.every(([x, y]) => win.document.elementFromPoint(x, y) === host);
}

/**
 * Where the card is, for `stableFor`: a key of its box that changes when it moves or resizes.
 */
export function boxKey(card: Element): string {
  const b = card.getBoundingClientRect();
  return `${Math.round(b.left)},${Math.round(b.top)},${Math.round(b.width)},${Math.round(b.height)}`;
}

/**
 * Whether the notice can be read now: the tab is in front (`visibilityState`), its host is in the page,
 * nothing fades or clips it (`noticeIsFaded`), and its card (`card`, the element inside the shadow root)
 * is drawn at (nearly) its own size, not shrunk by a transform, lies wholly in the viewport and is not
 * covered (`noticeUncovered`). The
 * notice reports itself shown (`notice-shown`, lib/notice) only after this held for `NOTICE_SHOWN_MS`
 * without a break, so a page that removes, hides, shrinks or moves the notice away on sight, or a tab
 * opened in the background, does not get its site counted as seen. DOM only.
 */
export function noticeOnScreen(host: Element, card: HTMLElement, win: Window & typeof globalThis = window): boolean {
  if (win.document.visibilityState !== 'visible' || !host.isConnected || noticeIsFaded(host, win)) return false;
  const check = (host as Element & { checkVisibility?: () => boolean }).checkVisibility;
  if (check && !check.call(host)) return false;
  const box = card.getBoundingClientRect();
  const width = win.document.documentElement.clientWidth || win.innerWidth;
  const drawnAtSize = box.width >= card.offsetWidth * 0.9 && box.height >= card.offsetHeight * 0.9 && card.offsetWidth > 0 && card.offsetHeight > 0;
  const inView = box.left >= -1 && box.top >= -1 && box.right <= width + 1 && box.bottom <= win.innerHeight + 1;
  return drawnAtSize && inView && noticeUncovered(host, card, win);
}
