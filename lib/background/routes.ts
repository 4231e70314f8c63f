/**
 * The router's table (lib/router): for each message type, who may send it (written out in
 * entrypoints/README.md) and its handler, over the background's services. Handlers only join services.
 */
import type { Catalog } from '../catalog';
import type { RouteTable } from '../router';
import { watchedDomainSet } from '../directory';
import { getTabView, unwatchedFrameSites } from '../tab-view';
import type { Health } from './health';
import type { createLinks } from './links';
import type { LocalData } from './local-data';
import type { NoticeService } from './notice';
import type { createRecorder } from './recorder';
import type { TabStore } from './tab-store';

/** The services the table joins. */
export interface RouteServices {
  store: TabStore;
  notice: NoticeService;
  links: ReturnType<typeof createLinks>;
  recorder: ReturnType<typeof createRecorder>;
  health: Pick<Health, 'problem'>;
  localData(): Promise<LocalData>;
  /**
   * The directory and catalog (lib/directory `bundledWorld`), its text in the UI language where it has it.
   * `read`: a read of the preferences already under way (it applies the chosen language), instead of a second one.
   */
  world(read?: Promise<unknown>): Promise<Catalog>;
  /** The tab's frames (webNavigation.getAllFrames), [] when the browser gives none. */
  frames(tabId: number): Promise<{ frameId: number; url: string }[]>;
  /** Recompute every open tab (coalesced). */
  refreshAll(): Promise<void>;
  /** Rebuild protection's rules from the stored choices (lib/background/protection). */
  syncProtection(): Promise<void>;
}

/** The table. */
export function createRoutes(s: RouteServices): RouteTable {
  return {
    'get-tab-state': {
      from: 'extension-page',
      handle: async ({ tabId }) => {
        let state = await s.store.current(tabId);
        // Someone looks: the page's links to Meta's apps now (a page pays nothing for them on loads nobody looks at).
        if (state && (await s.links.collect(state))) state = (await s.store.read(tabId)) ?? state;
        const read = s.localData();
        const [data, world, frames] = await Promise.all([read, s.world(read), s.frames(tabId)]);
        const problem = s.health.problem();
        if (!state) return null;
        const watched = (site: string) => watchedDomainSet().has(site) || data.userSites.has(site);
        const unwatchedFrames = state.watched ? unwatchedFrameSites(frames, state.match?.site ?? state.site ?? null, watched) : [];
        return { ...getTabView(state, world, data.lists), ...(unwatchedFrames.length ? { unwatchedFrames } : {}), ...(problem ? { problem } : {}) };
      },
    },
    'prefs-changed': {
      from: 'extension-page',
      handle: async () => {
        // Rules first: when the page hears back, what it switched is in force (issue 23).
        await s.syncProtection();
        await s.refreshAll();
        return { ok: true };
      },
    },
    'get-notice-seen': { from: 'extension-page', handle: async () => ({ sites: await s.notice.seenSites() }) },
    'clear-notice-seen': {
      from: 'extension-page',
      handle: async () => {
        await s.notice.clearSeen();
        return { ok: true };
      },
    },
    'recording-list': { from: 'extension-page', handle: async ({ site }) => ({ recordings: await s.recorder.list(site) }) },
    'recording-start': {
      from: 'extension-page',
      handle: async ({ site, institution }) => {
        await s.recorder.start(site, institution);
        return { ok: true };
      },
    },
    'recording-stop': { from: 'extension-page', handle: async ({ site }) => ({ ok: await s.recorder.stop(site) }) },
    'recording-delete': {
      from: 'extension-page',
      handle: async ({ site, loadId }) => {
        await s.recorder.remove(site, loadId);
        return { ok: true };
      },
    },
    'page-observations': { from: 'top-frame-content-script', handle: async ({ report }, page) => ({ ok: await s.links.accept(report, page) }) },
    'get-notice': {
      from: 'top-frame-content-script',
      handle: async (_request, page) => {
        const data = await s.localData();
        const [answer, watchLinks] = await Promise.all([s.notice.ask(page, data), s.links.watchedOn(page, data)]);
        return { ...answer, watchLinks };
      },
    },
    'get-notice-content': { from: 'top-frame-content-script', handle: async (_request, page) => s.notice.content(page) },
    'notice-shown': { from: 'top-frame-content-script', handle: async (_request, page) => ({ ok: await s.notice.shown(page) }) },
    'notice-action': { from: 'top-frame-content-script', handle: async ({ action }, page) => ({ ok: await s.notice.act(page, action) }) },
  };
}
