/**
 * "Record this site" (lib/recording), background side: each state stored for a recorded site's tab is
 * copied into that site's recording as its document load (one entry per document, updated as it sends
 * more, in-page navigations included: the load is the document, keyed by its tab and commit time).
 */
import { loadOf, startRecording, stopRecording, type RecordedLoad, type SiteRecording } from '../recording';
import type { TabState } from '../tab-state';
import { hostOf } from '../url/parse';

/** What the recorder needs of IndexedDB (lib/prefs/db) and the browser. */
export interface RecorderDeps {
  recordings: {
    list(): Promise<SiteRecording[]>;
    get(site: string): Promise<SiteRecording | undefined>;
    put(recording: SiteRecording): Promise<void>;
    recordLoad(site: string, load: RecordedLoad): Promise<boolean>;
    delete(site?: string, loadId?: string): Promise<void>;
  };
  /** The tab's top frame now (its address gives the load's path; never stored in the tab state). */
  topFrame(tabId: number): Promise<{ url: string; documentId?: string } | null | undefined>;
  /** Every open tab's shown state (to record the loads already open when a recording starts). */
  openStates(): Promise<TabState[]>;
  now(): number;
}

/** The recorder's operations: the tab store's `onStored` hook, and the four recording messages. */
export function createRecorder(deps: RecorderDeps) {
  // The sites being recorded, cached until a recording message changes them.
  let recorded: Promise<Set<string>> | undefined;
  const recordingSites = () => {
    recorded ??= deps.recordings.list().then((all) => new Set(all.filter((r) => r.on).map((r) => r.site)));
    // A failed read is not cached: the next load asks again (the failure reaches the caller).
    recorded.catch(() => (recorded = undefined));
    return recorded;
  };

  /** Copy a tab's document load into its site's recording, when that site is being recorded. */
  async function record(state: TabState): Promise<void> {
    const site = state.match?.site;
    if (!site || state.loadStartedAt === undefined || !(await recordingSites()).has(site)) return;
    // The path comes from the tab's address while it still shows this document's host.
    const frame = await deps.topFrame(state.tabId);
    if (!frame || hostOf(frame.url) !== state.host || (frame.documentId && state.documentId && frame.documentId !== state.documentId)) return;
    const load = loadOf(state.tabId, state.loadStartedAt, frame.url, state);
    if (load) await deps.recordings.recordLoad(site, load);
  }

  return {
    record,
    list: async (site?: string) => {
      const all = await deps.recordings.list();
      return site ? all.filter((r) => r.site === site) : all;
    },
    async start(site: string, institution: string | undefined) {
      recorded = undefined;
      await deps.recordings.put(startRecording(await deps.recordings.get(site), site, institution, new Date(deps.now()).toISOString()));
      // The load already open in the site's tabs is the first entry.
      for (const state of await deps.openStates()) await record(state);
    },
    async stop(site: string): Promise<boolean> {
      recorded = undefined;
      const existing = await deps.recordings.get(site);
      if (existing) await deps.recordings.put(stopRecording(existing, new Date(deps.now()).toISOString()));
      return !!existing;
    },
    async remove(site?: string, loadId?: string) {
      recorded = undefined;
      await deps.recordings.delete(site, loadId);
    },
  };
}
