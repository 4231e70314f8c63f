/**
 * The background's services alone (lib/background), with plain fakes for their browser APIs: the per-tab
 * queue and the tab store. The wiring of all of them is checked through the background itself
 * (background.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { createTabQueue } from '../../lib/background/queue';
import { createTabStore, earlyKey, tabKey, type SessionArea, type TopFrame } from '../../lib/background/tab-store';
import { DEFAULT_PREFERENCES } from '../../lib/prefs/schema';
import { classifyUrl } from '../../lib/sites';
import { computeTabState, type TabState } from '../../lib/tab-state';
import { watched } from '../../lib/request-watch';
import { createRoutes } from '../../lib/background/routes';
import { bundledWorld } from '../../lib/directory';

describe('createTabQueue', () => {
  it('runs one tab’s work in order and tabs independently', async () => {
    const queue = createTabQueue();
    const order: string[] = [];
    const slow = (label: string, ms: number) => async () => {
      await new Promise((r) => setTimeout(r, ms));
      order.push(label);
    };
    await Promise.all([queue.run(1, slow('1a', 30)), queue.run(1, slow('1b', 1)), queue.run(2, slow('2a', 5))]);
    expect(order).toEqual(['2a', '1a', '1b']);
    expect(queue.size()).toBe(0);
  });

  it('is re-entrant for the work holding the tab’s turn, and only while it holds it', async () => {
    const queue = createTabQueue();
    const inner = await queue.run(1, (turn) => queue.run(1, async () => 'inner ran inside the turn', turn));
    expect(inner).toBe('inner ran inside the turn');
    // Without the turn the same call would wait behind its own caller: a kept turn no longer skips the queue.
    let kept: Parameters<Parameters<typeof queue.run>[1]>[0] | undefined;
    await queue.run(1, async (turn) => void (kept = turn));
    const order: string[] = [];
    const blocker = queue.run(1, () => new Promise<void>((r) => setTimeout(() => (order.push('blocker'), r()), 20)));
    await queue.run(1, async () => void order.push('late turn'), kept);
    await blocker;
    expect(order).toEqual(['blocker', 'late turn']);
  });

  it('goes on after a failure, which reaches its own caller only', async () => {
    const queue = createTabQueue();
    await expect(queue.run(1, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await queue.run(1, async () => 'next')).toBe('next');
  });
});

describe('createTabStore', () => {
  function setup(frames: Map<number, TopFrame | null>) {
    const data = new Map<string, unknown>();
    const session: SessionArea = {
      get: async (keys) => Object.fromEntries((Array.isArray(keys) ? keys : [keys]).filter((k) => data.has(k)).map((k) => [k, structuredClone(data.get(k))])),
      set: async (items) => void Object.entries(items).forEach(([k, v]) => data.set(k, structuredClone(v))),
      remove: async (keys) => void (Array.isArray(keys) ? keys : [keys]).forEach((k) => data.delete(k)),
    };
    const badges: TabState[] = [];
    const store = createTabStore({
      session,
      queue: createTabQueue(),
      topFrame: async (tabId) => frames.get(tabId),
      localData: async () => ({ preferences: DEFAULT_PREFERENCES, decisions: [], lists: [], classify: classifyUrl, userSites: new Set<string>(), protection: { all: false, sites: [] } }),
      describe: (tabId, url, _data, now) => computeTabState({ tabId, url, match: classifyUrl(url), catalog: { institutions: [], arrangements: [] } as never, silenced: false, now }),
      showBadge: async (state) => void badges.push(state),
      now: () => 1_000,
    });
    return { store, data, badges };
  }
  const pixel = (documentId: string) => {
    const w = watched({ requestId: 'r', url: 'https://www.facebook.com/tr?id=1&ev=PageView', type: 'image', tabId: 1, frameId: 0, initiator: 'https://www.chase.com', documentId }, 'completed');
    return { type: 'requests' as const, requests: [w!] };
  };

  it('adopts the document the browser shows when a request comes first (the first page after install)', async () => {
    const { store, data, badges } = setup(new Map([[1, { url: 'https://www.chase.com/', documentId: 'D1' }]]));
    const state = await store.apply(1, pixel('D1'));
    expect(state).toMatchObject({ documentId: 'D1', host: 'www.chase.com' });
    expect(state!.observed[0]!.requests[0]).toMatchObject({ event: 'PageView', completed: 1 });
    expect(data.get(tabKey(1))).toEqual(state);
    expect(badges.at(-1)).toEqual(state);
  });

  it('keeps a request for its document’s commit when the browser cannot say yet what a living tab shows (a new tab under load)', async () => {
    const frames = new Map<number, TopFrame | null>([[1, null]]);
    const { store, data } = setup(frames);
    expect(await store.apply(1, pixel('D1'))).toBeUndefined();
    expect(data.has(earlyKey(1))).toBe(true);
    const state = await store.apply(1, { type: 'committed', url: 'https://www.chase.com/', documentId: 'D1' });
    expect(state!.observed[0]!.requests[0]).toMatchObject({ event: 'PageView', completed: 1 });
  });

  it('writes nothing for a tab the browser no longer has (a beacon after the tab closed)', async () => {
    const { store, data, badges } = setup(new Map());
    expect(await store.apply(1, pixel('D1'))).toBeUndefined();
    expect([...data.keys()]).toEqual([]);
    expect(badges).toEqual([]);
  });

  it('removes a tab after what was queued before it, so nothing queued can write its record back', async () => {
    const frames = new Map([[1, { url: 'https://www.chase.com/', documentId: 'D1' }]]);
    const { store, data } = setup(frames);
    const applying = store.apply(1, pixel('D1'));
    const removing = store.remove(1, ['notice:1']);
    frames.delete(1);
    const late = store.apply(1, pixel('D1'));
    await Promise.all([applying, removing, late]);
    expect([...data.keys()].filter((k) => k.endsWith(':1'))).toEqual([]);
    expect(data.has(earlyKey(1))).toBe(false);
  });

  it('keeps what another document sent apart until that document is shown (an activated prerender)', async () => {
    const frames = new Map([[1, { url: 'https://www.chase.com/', documentId: 'D1' }]]);
    const { store } = setup(frames);
    await store.apply(1, { type: 'committed', url: 'https://www.chase.com/', documentId: 'D1' });
    await store.apply(1, pixel('P1'));
    expect((await store.read(1))!.observed).toEqual([]);
    frames.set(1, { url: 'https://www.chase.com/cards', documentId: 'P1' });
    const shown = await store.refresh(1);
    expect(shown).toMatchObject({ documentId: 'P1' });
    expect(shown!.observed[0]!.requests[0]).toMatchObject({ event: 'PageView', completed: 1 });
  });
});

describe('createRoutes: get-tab-state', () => {
  it('reads the local data once per view and hands that read to the catalog text (no second IndexedDB read)', async () => {
    const state = computeTabState({ tabId: 1, url: 'https://www.chase.com/', match: classifyUrl('https://www.chase.com/'), catalog: bundledWorld(), silenced: false, now: 1_000 });
    let reads = 0;
    let worldRead: Promise<unknown> | undefined;
    const localData = async () => (reads++, { preferences: DEFAULT_PREFERENCES, decisions: [], lists: [], classify: classifyUrl, userSites: new Set<string>(), protection: { all: false, sites: [] } });
    const routes = createRoutes({
      store: { current: async () => state, read: async () => state } as never,
      notice: {} as never,
      links: { collect: async () => false } as never,
      recorder: {} as never,
      health: { problem: () => undefined },
      localData,
      world: async (read) => ((worldRead = read), await (read ?? localData()), bundledWorld()),
      frames: async () => [],
      refreshAll: async () => {},
      syncProtection: async () => {},
    });
    const route = routes['get-tab-state'];
    const view = await (route.handle as (r: unknown, s: unknown) => Promise<{ match?: { institution: { name: string } } } | null>)({ type: 'get-tab-state', tabId: 1 }, { class: 'extension-page' });
    expect(reads).toBe(1);
    expect(worldRead).toBeInstanceOf(Promise);
    expect(view).not.toBeNull();
  });
});
