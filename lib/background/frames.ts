/**
 * A tab's frames as the browser describes them (webNavigation): the top frame's document, for the tab store
 * and the recorder, and every frame, for the popup's note on frames whose requests are not seen.
 */
import type { TopFrame } from './tab-store';

/** The calls used (`browser.webNavigation`, `browser.tabs`). */
interface FrameApis {
  webNavigation: {
    getFrame(details: { tabId: number; frameId: number }): Promise<unknown>;
    getAllFrames(details: { tabId: number }): Promise<unknown>;
  };
  tabs: { get(tabId: number): Promise<unknown> };
}

/** `createFrames(browser.webNavigation, browser.tabs)`. */
export function createFrames(webNavigation: FrameApis['webNavigation'], tabs: FrameApis['tabs']) {
  /**
   * The document the tab's top frame shows (webNavigation.getFrame): undefined for a tab that is gone, null
   * for a tab the browser cannot describe yet (getFrame gives nothing for a new tab mid-navigation, more so
   * under load: such a tab is not gone, and its requests must wait for the commit, not be dropped).
   */
  async function topFrame(tabId: number): Promise<TopFrame | null | undefined> {
    const frame = (await webNavigation.getFrame({ tabId, frameId: 0 }).catch(() => null)) as { url?: string; documentId?: string } | null;
    if (frame?.url) return { url: frame.url, ...(frame.documentId ? { documentId: frame.documentId } : {}) };
    // tabs.get rejects for a tab that no longer exists (closed, replaced): that is the answer "gone".
    return (await tabs.get(tabId).then(() => true, () => false)) ? null : undefined;
  }
  /** Every frame of the tab with its address; [] for a tab the browser cannot describe (gone, or not yet). */
  async function allFrames(tabId: number): Promise<{ frameId: number; url: string }[]> {
    const frames = (await webNavigation.getAllFrames({ tabId }).catch(() => null)) as { frameId?: unknown; url?: unknown }[] | null;
    return (frames ?? []).flatMap((f) => (typeof f.frameId === 'number' && typeof f.url === 'string' ? [{ frameId: f.frameId, url: f.url }] : []));
  }
  return { topFrame, allFrames };
}
