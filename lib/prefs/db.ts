/**
 * The one IndexedDB database (through `idb`): preferences and per-site decisions.
 *
 * Versioning: `DB_VERSION` is explicit and each version has exactly one migration step in `MIGRATIONS`,
 * applied in order from the stored version, inside the upgrade transaction (so a failed step aborts the
 * whole upgrade and the old data stays as it was). Several extension pages (popup, options, the service
 * worker) may hold the database open; each closes its connection when another asks to upgrade, so no
 * upgrade is ever blocked for long.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { isSilenced, withDefaults, type Preferences, type SiteDecision } from './schema';

export * from './schema';

export const DB_NAME = 'linkwatch';
export const DB_VERSION = 1;

/** The database's shape at the current version. */
export interface LinkwatchDB extends DBSchema {
  /** One record per preference the user set: key = preference name. */
  prefs: { key: string; value: unknown };
  /** Per-site decisions, keyed by registrable domain. */
  siteDecisions: { key: string; value: SiteDecision };
}

type UpgradeTx = IDBPTransaction<LinkwatchDB, StoreNames<LinkwatchDB>[], 'versionchange'>;

/** MIGRATIONS[n] takes the database from version n to n + 1. */
export const MIGRATIONS: ReadonlyArray<(db: IDBPDatabase<LinkwatchDB>, tx: UpgradeTx) => void> = [
  // 0 -> 1: the first shape.
  (db) => {
    db.createObjectStore('prefs');
    db.createObjectStore('siteDecisions', { keyPath: 'site' });
  },
];

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
export async function openPrefsDB(name = DB_NAME): Promise<IDBPDatabase<LinkwatchDB>> {
  try {
    const db = await openDB<LinkwatchDB>(name, DB_VERSION, {
      upgrade(db, oldVersion, _newVersion, tx) {
        for (let v = oldVersion; v < DB_VERSION; v++) MIGRATIONS[v]!(db, tx);
      },
      blocking() {
        // Another page wants a newer version: let it upgrade; this page reopens on its next call.
        db.close();
      },
    });
    return db;
  } catch (error) {
    throw new StorageError(`Could not open Linkwatch's local database: ${describe(error)}`, error);
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

  private async db(): Promise<IDBPDatabase<LinkwatchDB>> {
    this.dbPromise ??= openPrefsDB(this.name).catch((error) => {
      this.dbPromise = undefined;
      throw error;
    });
    const db = await this.dbPromise;
    // A connection closed by `blocking` (or by the browser) is reopened.
    db.addEventListener('close', () => (this.dbPromise = undefined), { once: true });
    return db;
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
    return this.run('read preferences', async (db) => {
      const tx = db.transaction('prefs');
      const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
      const stored: Record<string, unknown> = Object.create(null);
      keys.forEach((k, i) => (stored[k] = values[i]));
      return withDefaults(stored);
    });
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

  /** Delete every preference and decision in one transaction: all or nothing. */
  async clearAll(): Promise<void> {
    await this.run('clear local data', async (db) => {
      const tx = db.transaction(['prefs', 'siteDecisions'], 'readwrite');
      await Promise.all([tx.objectStore('prefs').clear(), tx.objectStore('siteDecisions').clear()]);
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
