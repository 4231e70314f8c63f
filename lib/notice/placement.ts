/**
 * Where the in-page notice goes so that it never covers the page's sign-in form.
 *
 * The idea: the notice is a small card fixed to a corner of the viewport. The content script measures the
 * page's sign-in forms (any visible form holding a password field, or the field itself with a margin) and
 * passes their boxes here as obstacles. The card takes the first corner where it covers none, bottom
 * corners first (calmer than the top); when every corner would cover one, it collapses to a small pill in
 * the first corner where the pill fits, or the one where it covers least. Pure geometry, no DOM.
 */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Size {
  width: number;
  height: number;
}

export type Corner = 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left';
export const CORNERS: readonly Corner[] = ['bottom-right', 'bottom-left', 'top-right', 'top-left'];

/** Distance from the viewport's edges, in CSS pixels. */
export const NOTICE_MARGIN = 16;

/** The box a card of `size` takes in `corner` of a viewport. */
export function boxAt(corner: Corner, size: Size, viewport: Size, margin = NOTICE_MARGIN): Box {
  const left = corner.endsWith('left') ? margin : viewport.width - margin - size.width;
  const top = corner.startsWith('top') ? margin : viewport.height - margin - size.height;
  return { left, top, right: left + size.width, bottom: top + size.height };
}

/** Area of the intersection of two boxes (0 when they only touch). */
export function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return w > 0 && h > 0 ? w * h : 0;
}

const covered = (box: Box, obstacles: readonly Box[]) => obstacles.reduce((sum, o) => sum + overlapArea(box, o), 0);

/** The corner for the card, or for the collapsed pill when the card would cover an obstacle everywhere. */
export function placeNotice(input: { card: Size; pill: Size; viewport: Size; obstacles: readonly Box[] }): { corner: Corner; collapsed: boolean } {
  const { card, pill, viewport, obstacles } = input;
  for (const corner of CORNERS) if (covered(boxAt(corner, card, viewport), obstacles) === 0) return { corner, collapsed: false };
  let best: Corner = CORNERS[0]!;
  let least = Infinity;
  for (const corner of CORNERS) {
    const area = covered(boxAt(corner, pill, viewport), obstacles);
    if (area === 0) return { corner, collapsed: true };
    if (area < least) [best, least] = [corner, area];
  }
  return { corner: best, collapsed: true };
}

/** An obstacle box grown by `by` pixels on every side (a bare password field gets room around it). */
export function inflate(box: Box, by: number): Box {
  return { left: box.left - by, top: box.top - by, right: box.right + by, bottom: box.bottom + by };
}
