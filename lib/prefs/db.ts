/**
 * The one IndexedDB database (through `idb`): preferences, per-site decisions and custom lists.
 *
 * Versioning: `DB_VERSION` is explicit and each version has exactly one migration step in `MIGRATIONS`,
 * applied in order from the stored version, inside the upgrade transaction (so a failed step aborts the
 * whole upgrade and the old data stays as it was). Before an upgrade, a copy of every store is written to a
 * separate backup database and deleted only once the upgrade succeeded, so even a browser that loses the
 * old database on a failed upgrade loses nothing. Several extension pages (popup, options, the service
 * worker) may hold the database open; each closes its connection when another asks to upgrade, so no
 * upgrade is ever blocked for long.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { CustomList } from '../config/schema';
import { upsertLoad, withoutLoad, type RecordedLoad, type SiteRecording } from '../recording';
import type { SiteProtection } from '../protection';
import { isSilenced, withDefaults, type Preferences, type SiteDecision } from './schema';

export * from './schema';

export const DB_NAME = 'linkwatch';
export const DB_VERSION = 4;
/** Where the copy taken before an upgrade lives until the upgrade succeeded. */
export const BACKUP_DB_NAME = 'linkwatch-backup';

/** The database's shape at the current version. */
export interface LinkwatchDB extends DBSchema {
  /** One record per preference the user set: key = preference name. */
  prefs: { key: string; value: unknown };
  /** Per-site decisions, keyed by registrable domain. */
  siteDecisions: { key: string; value: SiteDecision };
  /** Custom lists imported by the user, keyed by list id (since version 2). */
  customLists: { key: string; value: CustomList };
  /** "Record this site" recordings, keyed by registrable domain (since version 3; lib/recording). */
  recordings: { key: string; value: SiteRecording };
  /** Per-site protection choices, keyed by registrable domain (since version 4; lib/protection). */
  siteProtection: { key: string; value: SiteProtection };
}

type UpgradeTx = IDBPTransaction<LinkwatchDB, StoreNames<LinkwatchDB>[], 'versionchange'>;

/** MIGRATIONS[n] takes the database from version n to n + 1. */
export const MIGRATIONS: ReadonlyArray<(db: IDBPDatabase<LinkwatchDB>, tx: UpgradeTx) => void> = [
  // 0 -> 1: the first shape.
  (db) => {
    db.createObjectStore('prefs');
    db.createObjectStore('siteDecisions', { keyPath: 'site' });
  },
  // 1 -> 2: custom lists (an advocate's arrangements and sites), kept apart from the bundled catalog.
  (db) => {
    db.createObjectStore('customLists', { keyPath: 'id' });
  },
  // 2 -> 3: recordings of the sites the user chose to record (nothing is recorded until switched on).
  (db) => {
    db.createObjectStore('recordings', { keyPath: 'site' });
  },
  // 3 -> 4: per-site protection choices (issue 23). Nothing to carry over: protection did not exist, and
  // the global switch is a preference whose default (off) fills in when it is missing.
  (db) => {
    db.createObjectStore('siteProtection', { keyPath: 'site' });
  },
];

/** What a config holds, as stored: preferences as set, decisions, lists, per-site protection choices. */
export interface StoredConfigState {
  preferences: Record<string, unknown>;
  siteDecisions: SiteDecision[];
  customLists: CustomList[];
  siteProtection: SiteProtection[];
}

/** A copy of every store of a database at some version: store name -> [key, value] pairs. */
export interface DatabaseBackup {
  name: string;
  version: number;
  takenAt: string;
  stores: Record<string, [IDBValidKey, unknown][]>;
}

/** The stored version of a database, or undefined when it does not exist (or the browser cannot tell). */
async function storedVersion(name: string): Promise<number | undefined> {
  if (typeof indexedDB.databases !== 'function') return undefined;
  const all = await indexedDB.databases();
  return all.find((d) => d.name === name)?.version;
}

/** Copy every store of `name` (at its current version) into the backup database. */
async function takeBackup(name: string, version: number): Promise<void> {
  const old = await openDB(name, version);
  const stores: DatabaseBackup['stores'] = {};
  try {
    for (const store of old.objectStoreNames) {
      const tx = old.transaction(store);
      const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
      stores[store] = keys.map((k, i) => [k, values[i]]);
    }
  } finally {
    old.close();
  }
  const backup = await openDB(BACKUP_DB_NAME, 1, { upgrade: (db) => void db.createObjectStore('backups') });
  try {
    const record: DatabaseBackup = { name, version, takenAt: new Date().toISOString(), stores };
    await backup.put('backups', record, name);
  } finally {
    backup.close();
  }
}

/** The backup kept for `name`, if an upgrade of it has not yet succeeded. */
export async function readBackup(name = DB_NAME): Promise<DatabaseBackup | undefined> {
  if (typeof indexedDB.databases === 'function' && !(await indexedDB.databases()).some((d) => d.name === BACKUP_DB_NAME)) return undefined;
  const backup = await openDB(BACKUP_DB_NAME, 1, { upgrade: (db) => void db.createObjectStore('backups') });
  try {
    return (await backup.get('backups', name)) as DatabaseBackup | undefined;
  } finally {
    backup.close();
  }
}

async function dropBackup(name: string): Promise<void> {
  const backup = await openDB(BACKUP_DB_NAME, 1, { upgrade: (db) => void db.createObjectStore('backups') });
  try {
    await backup.delete('backups', name);
  } finally {
    backup.close();
  }
}

/** Storage failed (quota, private mode, a broken database): shown to the user, never swallowed. */
export class StorageError extends Error {
  constructor(
    message: string,
    readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'StorageError';
  }
}

/**
 * Open the database, running the migrations needed.
 * @throws StorageError when IndexedDB is unavailable or a migration fails (the old data is untouched).
 */
export async function openPrefsDB(name = DB_NAME, migrations = MIGRATIONS): Promise<IDBPDatabase<LinkwatchDB>> {
  let backedUp = false;
  try {
    const existing = await storedVersion(name);
    if (existing !== undefined && existing > 0 && existing < DB_VERSION) {
      await takeBackup(name, existing);
      backedUp = true;
    }
  } catch (error) {
    throw new StorageError(`Could not back up Linkwatch's local database before upgrading it: ${describe(error)}`, error);
  }
  try {
    const db = await openDB<LinkwatchDB>(name, DB_VERSION, {
      upgrade(db, oldVersion, _newVersion, tx) {
        // A failed step aborts the upgrade; the open request reports it (below), so the done promise is
        // observed here only to keep its rejection from going unhandled.
        tx.done.catch(() => undefined);
        for (let v = oldVersion; v < DB_VERSION; v++) migrations[v]!(db, tx);
      },
      blocking() {
        // Another page wants a newer version: let it upgrade; this page reopens on its next call.
        db.close();
      },
    });
    if (backedUp) await dropBackup(name);
    return db;
  } catch (error) {
    const kept = backedUp ? ' A copy of your data taken before the upgrade is kept.' : '';
    throw new StorageError(`Could not open Linkwatch's local database: ${describe(error)}.${kept}`, error);
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

/**
 * Reads and writes of preferences and decisions. Every method throws StorageError on failure; none
 * swallows an error.
 */
export class PrefsStore {
  private dbPromise: Promise<IDBPDatabase<LinkwatchDB>> | undefined;

  constructor(private readonly name = DB_NAME) {}

  private db(): Promise<IDBPDatabase<LinkwatchDB>> {
    if (!this.dbPromise) {
      const opening: Promise<IDBPDatabase<LinkwatchDB>> = openPrefsDB(this.name).then((db) => {
        // A connection closed for another page's upgrade or a deletion (`versionchange`, after which
        // `blocking` closes it) or by the browser (`close`) is forgotten, so the next call reopens.
        const forget = () => {
          if (this.dbPromise === opening) this.dbPromise = undefined;
        };
        db.addEventListener('versionchange', forget);
        db.addEventListener('close', forget);
        return db;
      });
      opening.catch(() => {
        if (this.dbPromise === opening) this.dbPromise = undefined;
      });
      this.dbPromise = opening;
    }
    return this.dbPromise;
  }

  private async run<T>(what: string, fn: (db: IDBPDatabase<LinkwatchDB>) => Promise<T>): Promise<T> {
    const db = await this.db();
    try {
      return await fn(db);
    } catch (error) {
      if (error instanceof StorageError) throw error;
      throw new StorageError(`Could not ${what}: ${describe(error)}`, error);
    }
  }

  /** Stored preferences over the defaults. */
  async getPreferences(): Promise<Preferences> {
    return withDefaults(await this.getStoredPreferences());
  }

  /** Only the values the user set (what an export holds). */
  async getStoredPreferences(): Promise<Record<string, unknown>> {
    return this.run('read preferences', async (db) => {
      const tx = db.transaction('prefs');
      const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
      const stored: Record<string, unknown> = Object.create(null);
      keys.forEach((k, i) => (stored[k] = values[i]));
      return stored;
    });
  }

  /** Set one preference. */
  async setPreference<K extends keyof Preferences>(key: K, value: Preferences[K]): Promise<void> {
    await this.run('save a preference', (db) => db.put('prefs', value, key));
  }

  /** The decision for a site (registrable domain), if any. */
  async getSiteDecision(site: string): Promise<SiteDecision | undefined> {
    return this.run('read a site decision', (db) => db.get('siteDecisions', site));
  }

  /** Every per-site decision, sorted by site. */
  async listSiteDecisions(): Promise<SiteDecision[]> {
    return this.run('read site decisions', (db) => db.getAll('siteDecisions'));
  }

  /** Save (or replace) a site's decision. */
  async setSiteDecision(decision: SiteDecision): Promise<void> {
    await this.run('save a site decision', (db) => db.put('siteDecisions', decision));
  }

  /** Remove a site's decision; returns the removed one so the caller can offer undo. */
  async removeSiteDecision(site: string): Promise<SiteDecision | undefined> {
    return this.run('remove a site decision', async (db) => {
      const tx = db.transaction('siteDecisions', 'readwrite');
      const old = await tx.store.get(site);
      await tx.store.delete(site);
      await tx.done;
      return old;
    });
  }

  /** Whether a site is silenced now. */
  async isSiteSilenced(site: string, now = Date.now()): Promise<boolean> {
    return isSilenced(await this.getSiteDecision(site), now);
  }

  /** Delete every preference, decision, custom list, recording and protection choice in one transaction: all or nothing. */
  async clearAll(): Promise<void> {
    await this.run('clear local data', async (db) => {
      const tx = db.transaction(['prefs', 'siteDecisions', 'customLists', 'recordings', 'siteProtection'], 'readwrite');
      await Promise.all([tx.objectStore('prefs').clear(), tx.objectStore('siteDecisions').clear(), tx.objectStore('customLists').clear(), tx.objectStore('recordings').clear(), tx.objectStore('siteProtection').clear()]);
      await tx.done;
    });
  }

  /** Every custom list, in id order. */
  async listCustomLists(): Promise<CustomList[]> {
    return this.run('read custom lists', (db) => db.getAll('customLists'));
  }

  /** Switch a custom list on or off. */
  async setCustomListEnabled(id: string, enabled: boolean): Promise<void> {
    await this.run('change a custom list', async (db) => {
      const tx = db.transaction('customLists', 'readwrite');
      const list = await tx.store.get(id);
      if (list) await tx.store.put({ ...list, enabled });
      await tx.done;
    });
  }

  /** Remove a custom list; returns it so the caller can offer undo. */
  async removeCustomList(id: string): Promise<CustomList | undefined> {
    return this.run('remove a custom list', async (db) => {
      const tx = db.transaction('customLists', 'readwrite');
      const old = await tx.store.get(id);
      await tx.store.delete(id);
      await tx.done;
      return old;
    });
  }

  /** Put back (or add) a custom list as it was. */
  async putCustomList(list: CustomList): Promise<void> {
    await this.run('save a custom list', (db) => db.put('customLists', list));
  }

  /** Everything a config file can hold: stored preferences, decisions and lists. */
  async getConfigState(): Promise<StoredConfigState> {
    return this.run('read local data', async (db) => {
      const tx = db.transaction(['prefs', 'siteDecisions', 'customLists', 'siteProtection']);
      const prefs = tx.objectStore('prefs');
      const [keys, values, siteDecisions, customLists, siteProtection] = await Promise.all([
        prefs.getAllKeys(),
        prefs.getAll(),
        tx.objectStore('siteDecisions').getAll(),
        tx.objectStore('customLists').getAll(),
        tx.objectStore('siteProtection').getAll(),
      ]);
      const preferences: Record<string, unknown> = Object.create(null);
      keys.forEach((k, i) => (preferences[k] = values[i]));
      return { preferences, siteDecisions, customLists, siteProtection };
    });
  }

  /** Every per-site protection choice, in site order. */
  async listSiteProtection(): Promise<SiteProtection[]> {
    return this.run('read protection choices', (db) => db.getAll('siteProtection'));
  }

  /** A site's own protection choice, if any. */
  async getSiteProtection(site: string): Promise<SiteProtection | undefined> {
    return this.run('read a protection choice', (db) => db.get('siteProtection', site));
  }

  /** Save (or replace) a site's protection choice. */
  async setSiteProtection(choice: SiteProtection): Promise<void> {
    await this.run('save a protection choice', (db) => db.put('siteProtection', choice));
  }

  /** Remove a site's protection choice (the global switch then decides); returns the removed one. */
  async removeSiteProtection(site: string): Promise<SiteProtection | undefined> {
    return this.run('remove a protection choice', async (db) => {
      const tx = db.transaction('siteProtection', 'readwrite');
      const old = await tx.store.get(site);
      await tx.store.delete(site);
      await tx.done;
      return old;
    });
  }

  /**
   * Replace everything with `state` in one transaction: all or nothing (an import's apply step). What
   * `state` leaves out is deleted, so callers pass the full new state (`applyImportToState`).
   */
  async replaceConfigState(state: Omit<StoredConfigState, 'siteProtection'> & { siteProtection?: SiteProtection[] }): Promise<void> {
    await this.run('apply the import', async (db) => {
      const tx = db.transaction(['prefs', 'siteDecisions', 'customLists', 'siteProtection'], 'readwrite');
      const prefs = tx.objectStore('prefs');
      const decisions = tx.objectStore('siteDecisions');
      const lists = tx.objectStore('customLists');
      const protection = tx.objectStore('siteProtection');
      // Every request is awaited together; a failure of any aborts the transaction, so nothing is written.
      const settle = <T>(p: Promise<T>) => (p.catch(() => undefined), p);
      const done = settle(tx.done);
      try {
        await Promise.all([settle(prefs.clear()), settle(decisions.clear()), settle(lists.clear()), settle(protection.clear())]);
        await Promise.all([
          ...Object.keys(state.preferences).map((k) => settle(prefs.put(state.preferences[k], k))),
          ...state.siteDecisions.map((d) => settle(decisions.put(d))),
          ...state.customLists.map((l) => settle(lists.put(l))),
          ...(state.siteProtection ?? []).map((p) => settle(protection.put(p))),
        ]);
        await done;
      } catch (error) {
        try {
          tx.abort();
        } catch {
          // already aborted
        }
        throw error;
      }
    });
  }

  /** Every recording (on or stopped), in site order. */
  async listRecordings(): Promise<SiteRecording[]> {
    return this.run('read recordings', (db) => db.getAll('recordings'));
  }

  /** One site's recording, if any. */
  async getRecording(site: string): Promise<SiteRecording | undefined> {
    return this.run('read a recording', (db) => db.get('recordings', site));
  }

  /** Save (or replace) a site's recording. */
  async putRecording(recording: SiteRecording): Promise<void> {
    await this.run('save a recording', (db) => db.put('recordings', recording));
  }

  /**
   * Put a page load into its site's recording, caps applied over every recording (lib/recording
   * `upsertLoad`), in one transaction so two tabs writing at once never lose a load. Returns false when the
   * site is not being recorded.
   */
  async recordLoad(site: string, load: RecordedLoad): Promise<boolean> {
    return this.run('save a recorded page load', async (db) => {
      const tx = db.transaction('recordings', 'readwrite');
      const changed = upsertLoad(await tx.store.getAll(), site, load);
      await Promise.all(changed.map((r) => tx.store.put(r)));
      await tx.done;
      return changed.length > 0;
    });
  }

  /** Delete recordings: one load of a site (`loadId`), a site's whole recording, or (no site) all of them. */
  async deleteRecordings(site?: string, loadId?: string): Promise<void> {
    await this.run('delete recordings', async (db) => {
      const tx = db.transaction('recordings', 'readwrite');
      if (site === undefined) await tx.store.clear();
      else if (loadId === undefined) await tx.store.delete(site);
      else {
        const rec = await tx.store.get(site);
        if (rec) await tx.store.put(withoutLoad(rec, loadId));
      }
      await tx.done;
    });
  }

  /** Close the connection (tests, and before deleting the database). */
  async close(): Promise<void> {
    if (!this.dbPromise) return;
    const db = await this.dbPromise.catch(() => undefined);
    db?.close();
    this.dbPromise = undefined;
  }
}
