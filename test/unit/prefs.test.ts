import { IDBFactory } from 'fake-indexeddb';
import { deleteDB, openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import v1Fixture from '../fixtures/db/v1.json';
import { applyImportToState, importConfig } from '../../lib/config';
import v2Fixture from '../fixtures/db/v2.json';
import { DB_NAME, DB_VERSION, DEFAULT_PREFERENCES, MIGRATIONS, PrefsStore, StorageError, isSilenced, openPrefsDB, readBackup, withDefaults } from '../../lib/prefs/db';

beforeEach(() => {
  // A fresh, empty IndexedDB for every test.
  globalThis.indexedDB = new IDBFactory();
});

describe('preferences', () => {
  it('reads the defaults when nothing is stored', async () => {
    const store = new PrefsStore();
    expect(await store.getPreferences()).toEqual(DEFAULT_PREFERENCES);
    expect(await store.getStoredPreferences()).toEqual({});
  });

  it('keeps what the user set, and stores only that', async () => {
    const store = new PrefsStore();
    await store.setPreference('alertStyle', 'badge-only');
    expect((await store.getPreferences()).alertStyle).toBe('badge-only');
    expect(await store.getStoredPreferences()).toEqual({ alertStyle: 'badge-only' });
  });

  it('survives closing and reopening the database (a browser restart)', async () => {
    const first = new PrefsStore();
    await first.setPreference('badgeLevels', { reported: false, owned: true, observed: true, linked: true });
    await first.setSiteDecision({ site: 'chase.com', decision: 'muted', createdAt: '2026-11-29T10:00:00.000Z' });
    await first.close();
    const second = new PrefsStore();
    expect((await second.getPreferences()).badgeLevels).toEqual({ reported: false, owned: true, observed: true, linked: true });
    expect(await second.getSiteDecision('chase.com')).toMatchObject({ decision: 'muted' });
  });

  it('fills only missing or malformed values with defaults, ignoring unknown keys', () => {
    expect(withDefaults({ alertStyle: 'shout', badgeLevels: { reported: false, linked: 'yes' }, other: 1 })).toEqual({
      alertStyle: DEFAULT_PREFERENCES.alertStyle,
      badgeLevels: { ...DEFAULT_PREFERENCES.badgeLevels, reported: false },
      protectAll: false,
      language: 'browser',
    });
    expect(withDefaults({ protectAll: 'yes' }).protectAll).toBe(false);
    expect(withDefaults({ protectAll: true }).protectAll).toBe(true);
    expect(withDefaults({ language: 'de' }).language).toBe('de');
    expect(withDefaults({ language: 'it' }).language).toBe('browser');
  });

  it('an install or update (opening the current version again) never overwrites a stored value', async () => {
    const store = new PrefsStore();
    await store.setPreference('alertStyle', 'notice-every-visit');
    await store.close();
    // What the background does on install/update: open the database; nothing else writes.
    const again = new PrefsStore();
    expect((await again.getPreferences()).alertStyle).toBe('notice-every-visit');
  });
});

describe('site decisions', () => {
  it('mutes, lists, and removes with the removed decision returned for undo', async () => {
    const store = new PrefsStore();
    const decision = { site: 'chase.com', decision: 'muted' as const, createdAt: '2026-11-29T10:00:00.000Z' };
    await store.setSiteDecision(decision);
    expect(await store.isSiteSilenced('chase.com')).toBe(true);
    expect(await store.isSiteSilenced('citi.com')).toBe(false);
    expect(await store.listSiteDecisions()).toEqual([decision]);
    expect(await store.removeSiteDecision('chase.com')).toEqual(decision);
    expect(await store.isSiteSilenced('chase.com')).toBe(false);
    await store.setSiteDecision(decision); // undo
    expect(await store.isSiteSilenced('chase.com')).toBe(true);
  });

  it.each([
    ['muted is always silent', { decision: 'muted' }, true],
    ['snoozed until later is silent', { decision: 'snoozed', until: '2026-12-01T00:00:00Z' }, true],
    ['snoozed until earlier is not', { decision: 'snoozed', until: '2026-11-01T00:00:00Z' }, false],
    ['snoozed without a date is not', { decision: 'snoozed' }, false],
  ] as const)('%s', (_s, partial, expected) => {
    const now = Date.parse('2026-11-29T12:00:00Z');
    expect(isSilenced({ site: 'chase.com', createdAt: '', ...partial }, now)).toBe(expected);
  });
});

describe('database versioning', () => {
  it(`creates version ${DB_VERSION} with its stores`, async () => {
    const store = new PrefsStore();
    await store.getPreferences();
    await store.close();
    const db = await openDB(DB_NAME);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['customLists', 'prefs', 'recordings', 'siteDecisions', 'siteProtection']);
    db.close();
  });

  it('refuses to open a database from a newer Linkwatch with a clear StorageError, and keeps its data', async () => {
    const newer = await openDB(DB_NAME, DB_VERSION + 1, {
      upgrade(db) {
        db.createObjectStore('prefs').put('badge-only', 'alertStyle');
      },
    });
    newer.close();
    const store = new PrefsStore();
    await expect(store.getPreferences()).rejects.toBeInstanceOf(StorageError);
    await expect(store.getPreferences()).rejects.toThrow(/Could not open Linkwatch's local database/);
    const check = await openDB(DB_NAME);
    expect(await check.get('prefs', 'alertStyle')).toBe('badge-only');
    check.close();
  });

  it('reopens after its connection was closed for another page (here: the database was deleted)', async () => {
    const store = new PrefsStore();
    await store.setPreference('alertStyle', 'badge-only');
    // Deleting fires `versionchange` on the open connection, which steps aside so the deletion can proceed.
    await deleteDB(DB_NAME);
    expect(await store.getPreferences()).toEqual(DEFAULT_PREFERENCES);
    await store.setPreference('alertStyle', 'notice-every-visit');
    expect((await store.getPreferences()).alertStyle).toBe('notice-every-visit');
  });

  it('does not block another page that upgrades: an open connection steps aside', async () => {
    const popup = new PrefsStore();
    await popup.getPreferences();
    // Another page opens a newer version while the popup holds the database open.
    const upgraded = await openDB(DB_NAME, DB_VERSION + 1, { upgrade() {} });
    expect(upgraded.version).toBe(DB_VERSION + 1);
    upgraded.close();
  });
});

/** Build the database exactly as version 1 left it, from the fixture. */
async function createV1(): Promise<void> {
  const db = await openDB(DB_NAME, 1, {
    upgrade(db) {
      db.createObjectStore('prefs');
      db.createObjectStore('siteDecisions', { keyPath: 'site' });
    },
  });
  for (const [k, val] of v1Fixture.stores.prefs) await db.put('prefs', val, k as string);
  for (const [, val] of v1Fixture.stores.siteDecisions) await db.put('siteDecisions', val);
  db.close();
}

describe('migrations', () => {
  it('has exactly one step per version', () => expect(MIGRATIONS.length).toBe(DB_VERSION));

  it('1 -> 2 keeps every preference and decision and adds the custom-list store', async () => {
    await createV1();
    const store = new PrefsStore();
    expect(await store.getPreferences()).toEqual({
      alertStyle: 'notice-every-visit',
      badgeLevels: { reported: true, owned: false, observed: true, linked: true },
      protectAll: false,
      language: 'browser',
    });
    expect((await store.listSiteDecisions()).map((d) => d.site)).toEqual(['chase.com', 'citi.com']);
    expect(await store.listCustomLists()).toEqual([]);
    // The copy taken before the upgrade is gone once it succeeded.
    expect(await readBackup()).toBeUndefined();
    await store.close();
    const raw = await openDB(DB_NAME);
    expect(raw.version).toBe(DB_VERSION);
    raw.close();
  });

  it('2 -> 3 (-> 4) keeps preferences, decisions and lists as they were and adds an empty recordings store', async () => {
    const old = await openDB(DB_NAME, 2, {
      upgrade(db) {
        db.createObjectStore('prefs');
        db.createObjectStore('siteDecisions', { keyPath: 'site' });
        db.createObjectStore('customLists', { keyPath: 'id' });
      },
    });
    for (const [k, val] of v2Fixture.stores.prefs) await old.put('prefs', val, k as string);
    for (const [, val] of v2Fixture.stores.siteDecisions) await old.put('siteDecisions', val);
    for (const [, val] of v2Fixture.stores.customLists) await old.put('customLists', val);
    old.close();
    const store = new PrefsStore();
    expect((await store.getPreferences()).alertStyle).toBe('badge-only');
    expect(await store.listSiteDecisions()).toEqual(v2Fixture.stores.siteDecisions.map(([, d]) => d));
    expect(await store.listCustomLists()).toEqual(v2Fixture.stores.customLists.map(([, l]) => l));
    expect(await store.listRecordings()).toEqual([]);
    expect(await readBackup()).toBeUndefined();
    await store.close();
    const raw = await openDB(DB_NAME);
    expect(raw.version).toBe(DB_VERSION);
    expect([...raw.objectStoreNames]).toContain('recordings');
    raw.close();
  });

  it('3 -> 4 keeps everything as it was and adds an empty store of protection choices, protection off (issue 23)', async () => {
    const old = await openDB(DB_NAME, 3, {
      upgrade(db) {
        db.createObjectStore('prefs');
        db.createObjectStore('siteDecisions', { keyPath: 'site' });
        db.createObjectStore('customLists', { keyPath: 'id' });
        db.createObjectStore('recordings', { keyPath: 'site' });
      },
    });
    for (const [k, val] of v2Fixture.stores.prefs) await old.put('prefs', val, k as string);
    for (const [, val] of v2Fixture.stores.siteDecisions) await old.put('siteDecisions', val);
    for (const [, val] of v2Fixture.stores.customLists) await old.put('customLists', val);
    const recording = { site: 'chase.com', institution: 'jpmorgan-chase', on: true, startedAt: '2026-12-01T00:00:00.000Z', loads: [] };
    await old.put('recordings', recording);
    old.close();
    const store = new PrefsStore();
    const prefs = await store.getPreferences();
    expect(prefs.alertStyle).toBe('badge-only');
    expect(prefs.protectAll).toBe(false);
    expect(await store.listSiteDecisions()).toEqual(v2Fixture.stores.siteDecisions.map(([, d]) => d));
    expect(await store.listCustomLists()).toEqual(v2Fixture.stores.customLists.map(([, l]) => l));
    expect(await store.listRecordings()).toEqual([recording]);
    expect(await store.listSiteProtection()).toEqual([]);
    expect(await readBackup()).toBeUndefined();
    await store.close();
    const raw = await openDB(DB_NAME);
    expect(raw.version).toBe(4);
    raw.close();
  });

  it('a failing migration gives a clear error, keeps a copy of the old data and leaves the database as it was', async () => {
    await createV1();
    const failing = [MIGRATIONS[0]!, () => { throw new Error('disk full'); }];
    await expect(openPrefsDB(DB_NAME, failing)).rejects.toThrow(/Could not open Linkwatch's local database: .*A copy of your data taken before the upgrade is kept\./);
    const backup = await readBackup();
    expect(backup?.version).toBe(1);
    expect(backup?.stores.prefs).toEqual(v1Fixture.stores.prefs);
    const raw = await openDB(DB_NAME);
    expect(raw.version).toBe(1);
    expect(await raw.get('prefs', 'alertStyle')).toBe('notice-every-visit');
    raw.close();
  });

  it('a fresh install starts at the current version without a backup', async () => {
    const store = new PrefsStore();
    await store.getPreferences();
    expect(await readBackup()).toBeUndefined();
  });
});

describe('config state', () => {
  const list = { id: 'my-list', name: 'My list', author: 'A. Advocate', date: '2026-11-01', enabled: true, institutions: [], arrangements: [] };
  it('replaces everything in one step and reads it back', async () => {
    const store = new PrefsStore();
    await store.setSiteDecision({ site: 'old.com', decision: 'muted', createdAt: '2026-11-01T00:00:00.000Z' });
    const next = {
      preferences: { alertStyle: 'badge-only' },
      siteDecisions: [{ site: 'chase.com', decision: 'muted' as const, createdAt: '2026-11-29T00:00:00.000Z' }],
      customLists: [list],
      siteProtection: [{ site: 'chase.com', protect: true, createdAt: '2026-12-05T00:00:00.000Z' }],
    };
    await store.replaceConfigState(next);
    expect(await store.getConfigState()).toEqual(next);
  });

  it('writes nothing when one value cannot be stored', async () => {
    const store = new PrefsStore();
    await store.setPreference('alertStyle', 'badge-only');
    const bad = { preferences: { alertStyle: 'notice-every-visit', broken: () => 1 }, siteDecisions: [], customLists: [] };
    await expect(store.replaceConfigState(bad)).rejects.toBeInstanceOf(StorageError);
    expect(await store.getStoredPreferences()).toEqual({ alertStyle: 'badge-only' });
  });

  it('switches, removes and puts back a custom list', async () => {
    const store = new PrefsStore();
    await store.putCustomList(list);
    await store.setCustomListEnabled('my-list', false);
    expect((await store.listCustomLists())[0]?.enabled).toBe(false);
    const removed = await store.removeCustomList('my-list');
    expect(await store.listCustomLists()).toEqual([]);
    await store.putCustomList(removed!);
    expect(await store.listCustomLists()).toHaveLength(1);
  });

  it('a corrected list re-imported under the same id, date and sizes is stored whole, its switch kept (issue 16)', async () => {
    const store = new PrefsStore();
    const file = (name: string, title: string) =>
      JSON.stringify({
        format: 'linkwatch-list',
        version: 1,
        list: {
          ...list,
          institutions: [{ id: 'my-bank', name, country: 'US', kind: 'bank', domains: [{ domain: 'mybank.example.com', verified: 'unverified' }] }],
          arrangements: [],
          description: title,
        },
      });
    const apply = async (text: string) => {
      const result = importConfig(text, await store.getConfigState(), { now: new Date('2026-11-29T00:00:00Z') });
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      await store.replaceConfigState(applyImportToState(await store.getConfigState(), result));
    };
    await apply(file('My Bank', 'First text'));
    await store.setCustomListEnabled('my-list', false);
    await apply(file('My Bank, corrected', 'Corrected text'));
    const [stored] = await store.listCustomLists();
    expect(stored).toMatchObject({ enabled: false, description: 'Corrected text', institutions: [{ name: 'My Bank, corrected' }] });
    expect(await store.listCustomLists()).toHaveLength(1);
  });

  it('clears everything, lists included', async () => {
    const store = new PrefsStore();
    await store.putCustomList(list);
    await store.setPreference('alertStyle', 'badge-only');
    await store.setSiteProtection({ site: 'chase.com', protect: true, createdAt: '2026-12-05T00:00:00.000Z' });
    await store.clearAll();
    expect(await store.getConfigState()).toEqual({ preferences: {}, siteDecisions: [], customLists: [], siteProtection: [] });
  });
});
