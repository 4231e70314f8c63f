/**
 * Keys that tell addresses and documents apart without storing an address. No imports: lib/request-watch
 * and lib/tab-state both use them.
 */

/** FNV-1a hash of the URL without fragment: tells addresses apart without storing the URL. */
export function navKeyOf(url: string | undefined): string {
  const text = (url ?? '').split('#')[0]!;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/** The document key of an address, for a browser that gives no document id (Firefox): `url:<navKey>`. */
export const urlDocumentKey = (url: string): string => `url:${navKeyOf(url)}`;

/**
 * Whether a request (webRequest details) was made by a tab's top-level frame: frame id 0, or (Chromium) a
 * frame of type `outermost_frame` with a document id. Chromium gives the top frame another id than 0 while
 * its new document has not committed in the browser yet (measured in Chromium 150: a stylesheet or image in
 * the page's head, fetched by the preload scanner before the commit reached the browser process, came with
 * frameId 4, frameType "outermost_frame", documentLifecycle "" and the new document's id), and for a
 * prerendered page (documentLifecycle "prerender"), which is a top-level document too.
 */
export function isTopFrameRequest(d: { frameId: number; frameType?: string; documentId?: string }): boolean {
  return d.frameId === 0 || (d.frameType === 'outermost_frame' && !!d.documentId);
}

/**
 * The key that joins a request (webRequest details) to its tab's top-level document: the browser's document
 * id where it gives one (Chromium), else the document's address as a `url:` key (Firefox's `documentUrl`),
 * else undefined (the request joins the shown document). Only the top frame's own requests
 * (`isTopFrameRequest`) and the navigations of its direct frames name the top document; a worker's or a
 * nested frame's do not.
 */
export function documentKeyOf(d: { tabId: number; frameId: number; frameType?: string; parentFrameId?: number; type: string; documentId?: string; parentDocumentId?: string; documentUrl?: string }): string | undefined {
  if (d.tabId < 0) return undefined;
  if (d.type === 'sub_frame') return d.parentFrameId === 0 ? d.parentDocumentId : undefined;
  if (!isTopFrameRequest(d)) return undefined;
  if (d.documentId) return d.documentId;
  return d.documentUrl ? urlDocumentKey(d.documentUrl) : undefined;
}
