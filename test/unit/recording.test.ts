import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_NAME, PrefsStore } from '../../lib/prefs/db';
import { loadOf, pathOf, RECORDING_CAPS, startRecording, stopRecording, upsertLoad, withoutLoad, type RecordedLoad, type SiteRecording } from '../../lib/recording';
import type { TabState } from '../../lib/tab-state';

const observed: Pick<TabState, 'observed'> = {
  observed: [
    {
      platform: 'meta',
      requests: [
        { kind: 'pixel-event', endpoint: 'www.facebook.com/tr', event: 'PageView', hashedUserData: true, carries: ['hashed-email', 'page-url'], contexts: ['page'], completed: 2, failed: 1, requested: 0 },
      ],
      more: 3,
    },
  ],
};

const load = (id: string, at: string): RecordedLoad => ({ id, at, path: '/', observations: [], more: 0 });
const on = (site: string, loads: RecordedLoad[] = []): SiteRecording => ({ ...startRecording(undefined, site, undefined, '2026-12-01T00:00:00.000Z'), loads });

describe('pathOf', () => {
  it.each([
    ['/accounts/overview', 'https://www.bank.example/accounts/overview?session=SECRET#top'],
    ['/', 'https://bank.example'],
    ['/a%20b', 'http://bank.example/a b?x=1'],
    [null, 'chrome://settings'],
    [null, 'not a url'],
    [null, undefined],
  ])('%s for %s', (expected, url) => expect(pathOf(url)).toBe(expected));

  it('cuts a very long path', () => {
    const path = pathOf(`https://b.example/${'a'.repeat(2000)}`)!;
    expect(path.length).toBe(512);
    expect(path.endsWith('…')).toBe(true);
  });
});

describe('a page load becomes one entry', () => {
  it('keeps the time, the path without query and each observed line (names and counts only)', () => {
    const entry = loadOf(7, Date.parse('2026-12-01T10:00:00.000Z'), 'https://www.bank.example/login?user=alice&token=abc#x', observed)!;
    expect(entry).toEqual({
      id: '7-1796119200000',
      at: '2026-12-01T10:00:00.000Z',
      path: '/login',
      observations: [
        { platform: 'meta', kind: 'pixel-event', endpoint: 'www.facebook.com/tr', event: 'PageView', categories: ['hashed-email', 'page-url'], hashedUserData: true, completed: 2, failed: 1, requested: 0 },
      ],
      more: 3,
    });
    expect(JSON.stringify(entry)).not.toMatch(/alice|abc|token|user=/);
  });

  it('is null for a page that is not http(s)', () => expect(loadOf(1, 0, 'about:blank', observed)).toBeNull());
});

describe('upsertLoad', () => {
  it('does nothing for a site not recorded, or stopped', () => {
    expect(upsertLoad([], 'bank.example', load('1-1', '2026-12-01T00:00:01Z'))).toEqual([]);
    const stopped = stopRecording(on('bank.example'), '2026-12-01T01:00:00.000Z');
    expect(upsertLoad([stopped], 'bank.example', load('1-1', '2026-12-01T00:00:01Z'))).toEqual([]);
  });

  it('appends a new load and replaces the same load in place', () => {
    const [first] = upsertLoad([on('bank.example')], 'bank.example', load('1-1', '2026-12-01T00:00:01Z'));
    const [second] = upsertLoad([first!], 'bank.example', load('1-2', '2026-12-01T00:00:02Z'));
    const again = { ...load('1-1', '2026-12-01T00:00:01Z'), path: '/updated' };
    const [third] = upsertLoad([second!], 'bank.example', again);
    expect(third!.loads.map((l) => [l.id, l.path])).toEqual([
      ['1-1', '/updated'],
      ['1-2', '/'],
    ]);
  });

  it(`drops the oldest beyond ${RECORDING_CAPS.perSite} loads per site and counts them`, () => {
    let rec = on('bank.example');
    for (let i = 0; i < RECORDING_CAPS.perSite + 5; i++) rec = upsertLoad([rec], 'bank.example', load(`1-${i}`, new Date(Date.UTC(2026, 11, 1, 0, 0, i)).toISOString()))[0]!;
    expect(rec.loads).toHaveLength(RECORDING_CAPS.perSite);
    expect(rec.dropped).toBe(5);
    expect(rec.loads[0]!.id).toBe('1-5');
  });

  it('drops the oldest load over all sites beyond the total cap, from the site that holds it', () => {
    const caps = { perSite: 10, total: 4 };
    const a = on('a.example', [load('a1', '2026-12-01T00:00:01Z'), load('a2', '2026-12-01T00:00:04Z')]);
    const b = on('b.example', [load('b1', '2026-12-01T00:00:02Z'), load('b2', '2026-12-01T00:00:03Z')]);
    const changed = upsertLoad([a, b], 'b.example', load('b3', '2026-12-01T00:00:05Z'), caps);
    const byId = Object.fromEntries(changed.map((r) => [r.site, r]));
    expect(byId['a.example']!.loads.map((l) => l.id)).toEqual(['a2']);
    expect(byId['a.example']!.dropped).toBe(1);
    expect(byId['b.example']!.loads.map((l) => l.id)).toEqual(['b1', 'b2', 'b3']);
    expect(byId['b.example']!.dropped).toBe(0);
  });

  it('deleting one load is not a drop', () => {
    const rec = withoutLoad(on('a.example', [load('a1', '2026-12-01T00:00:01Z')]), 'a1');
    expect(rec.loads).toEqual([]);
    expect(rec.dropped).toBe(0);
  });
});

describe('stored recordings', () => {
  afterEach(async () => {
    await new Promise<void>((resolve) => {
      const req = indexedDB.deleteDatabase(DB_NAME);
      req.onsuccess = req.onerror = () => resolve();
    });
  });

  it('start, record, stop, delete one load, a site, all', async () => {
    const store = new PrefsStore();
    expect(await store.recordLoad('bank.example', load('1-1', '2026-12-01T00:00:01Z'))).toBe(false);
    await store.putRecording(on('bank.example'));
    await store.putRecording(on('other.example'));
    expect(await store.recordLoad('bank.example', load('1-1', '2026-12-01T00:00:01Z'))).toBe(true);
    expect(await store.recordLoad('bank.example', load('1-2', '2026-12-01T00:00:02Z'))).toBe(true);
    await store.putRecording(stopRecording((await store.getRecording('bank.example'))!, '2026-12-01T01:00:00.000Z'));
    expect(await store.recordLoad('bank.example', load('1-3', '2026-12-01T00:00:03Z'))).toBe(false);
    await store.deleteRecordings('bank.example', '1-1');
    expect((await store.getRecording('bank.example'))!.loads.map((l) => l.id)).toEqual(['1-2']);
    await store.deleteRecordings('bank.example');
    expect((await store.listRecordings()).map((r) => r.site)).toEqual(['other.example']);
    await store.deleteRecordings();
    expect(await store.listRecordings()).toEqual([]);
    await store.close();
  });
});

describe('recording messages', () => {
  it.each([
    [true, { type: 'recording-start', site: 'chase.com', institution: 'chase' }],
    [true, { type: 'recording-stop', site: 'chase.com' }],
    [true, { type: 'recording-list' }],
    [true, { type: 'recording-delete' }],
    [true, { type: 'recording-delete', site: 'chase.com', loadId: '12-1796119200000' }],
    [false, { type: 'recording-start', site: 'Chase.com/<x>' }],
    [false, { type: 'recording-start' }],
    [false, { type: 'recording-delete', loadId: '1-2' }],
    [false, { type: 'recording-list', site: 42 }],
  ])('%s for %j', async (ok, message) => {
    const { isRequest } = await import('../../lib/messages');
    expect(isRequest(message)).toBe(ok);
  });
});
