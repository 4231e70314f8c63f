/**
 * Format migrations: one function per version step, so a file written by any older Linkwatch still reads.
 *
 * `MIGRATIONS[n]` takes a document at format version n to version n + 1; `migrateDocument` applies them in
 * order up to `CURRENT_VERSION`, so `MIGRATIONS.length === CURRENT_VERSION` always holds (a unit test checks
 * it). Each version has a fixture under test/fixtures/config/ named `vN-*.json`, and one test walks every
 * fixture through every step to the current shape and validates the result.
 *
 * How to add version 2: bump `CURRENT_VERSION` in schema.ts, change the schemas to the new shape, append
 * `MIGRATIONS[1]` (1 -> 2) here, and add a `v1-*.json` fixture if none covers the change.
 *
 * Rules for a migration step:
 * - It receives parsed, unvalidated JSON (an object) and must not throw on odd input: it converts what it
 *   recognises and carries every other key over unchanged, at the matching place in the new shape, so the
 *   importer reports it as dropped (or invalid) instead of losing it silently.
 * - It returns a new object and never mutates its input. Keys are carried over with `defineProperty`, never
 *   by assignment or spread, so an own `__proto__` key stays an inert key (for the pre-pass to drop).
 * - List files (`linkwatch-list`) have no separate table: the importer wraps the list in a config of the same
 *   version, migrates that, and unwraps it, so one step covers both formats.
 *
 * Version 0 is the pre-release export, which had no `format` field:
 * `{ app: 'linkwatch', exported?: ISO instant, prefs: { notice?: 'off' | 'first-visit' | 'every-visit',
 *    badgeForLinks?: boolean }, muted: string[] }`.
 */
import { CONFIG_FORMAT, CURRENT_VERSION } from './schema';
import { isJsonObject } from './project';

/** What a step may need besides the document: the instant of the import (to date what the old file did not). */
export interface MigrationContext {
  now: Date;
}

/** One version step: a document at version n (parsed JSON) to a new document at version n + 1. */
export type Migration = (doc: Record<string, unknown>, context: MigrationContext) => Record<string, unknown>;

/** Define `key` as an own data property (never invokes a setter, even for `__proto__`). */
function put(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Copy every own key of `source` not in `except` onto `target`, as own data properties. */
function carryOver(target: Record<string, unknown>, source: Record<string, unknown>, except: readonly string[]): void {
  for (const key of Object.keys(source)) if (!except.includes(key)) put(target, key, source[key]);
}

const V0_NOTICE: Record<string, string> = {
  off: 'badge-only',
  'first-visit': 'notice-first-visit',
  'every-visit': 'notice-every-visit',
};

/**
 * 0 -> 1: the pre-release export becomes `linkwatch-config` v1. `prefs.notice` becomes `alertStyle`,
 * `prefs.badgeForLinks` becomes `badgeLevels.linked`, each `muted` site becomes a `muted` site decision dated
 * `exported` (or the import instant when the file has no date), `exported` becomes `createdAt`.
 */
export function migrateV0toV1(doc: Record<string, unknown>, context: MigrationContext): Record<string, unknown> {
  const createdAt = typeof doc.exported === 'string' ? doc.exported : context.now.toISOString();
  const out: Record<string, unknown> = {};
  put(out, 'format', CONFIG_FORMAT);
  put(out, 'version', 1);
  put(out, 'createdAt', createdAt);

  const preferences: Record<string, unknown> = {};
  if (isJsonObject(doc.prefs)) {
    const prefs = doc.prefs;
    if (Object.hasOwn(prefs, 'notice')) {
      // An unknown value is carried as it is, for validation to name it.
      put(preferences, 'alertStyle', typeof prefs.notice === 'string' && Object.hasOwn(V0_NOTICE, prefs.notice) ? V0_NOTICE[prefs.notice] : prefs.notice);
    }
    if (Object.hasOwn(prefs, 'badgeForLinks')) {
      const levels: Record<string, unknown> = {};
      put(levels, 'linked', prefs.badgeForLinks);
      put(preferences, 'badgeLevels', levels);
    }
    carryOver(preferences, prefs, ['notice', 'badgeForLinks']);
  } else if (doc.prefs !== undefined) {
    put(out, 'preferences', doc.prefs);
  }
  if (!Object.hasOwn(out, 'preferences')) put(out, 'preferences', preferences);

  if (Array.isArray(doc.muted)) {
    put(
      out,
      'siteDecisions',
      doc.muted.map((site) => ({ site, decision: 'muted', createdAt })),
    );
  } else if (doc.muted !== undefined) {
    put(out, 'siteDecisions', doc.muted);
  }
  put(out, 'customLists', []);
  carryOver(out, doc, ['app', 'exported', 'prefs', 'muted', 'format', 'version', 'createdAt', 'preferences', 'siteDecisions', 'customLists']);
  return out;
}

/** `MIGRATIONS[n]` takes version n to n + 1. Append, never edit a released step. */
export const MIGRATIONS: readonly Migration[] = [migrateV0toV1];

/** Which format and version a parsed document claims, or why it claims none. */
export type DetectedVersion =
  | { ok: true; format: typeof CONFIG_FORMAT | 'linkwatch-list'; version: number }
  | { ok: false; path: string; message: string };

/**
 * Read `format` and `version` from a parsed document (an object). The pre-release shape (no `format`,
 * `app: 'linkwatch'`) is version 0 of `linkwatch-config`. A version above `CURRENT_VERSION` is refused here.
 */
export function detectVersion(doc: Record<string, unknown>): DetectedVersion {
  if (!Object.hasOwn(doc, 'format')) {
    if (doc.app === 'linkwatch') return { ok: true, format: CONFIG_FORMAT, version: 0 };
    return { ok: false, path: '$.format', message: 'the "format" field is missing: this is not a Linkwatch config or list file' };
  }
  const format = doc.format;
  if (format !== CONFIG_FORMAT && format !== 'linkwatch-list') {
    const shown = typeof format === 'string' ? `"${format.slice(0, 60)}"` : `a ${typeName(format)}`;
    return { ok: false, path: '$.format', message: `format is ${shown}; expected "linkwatch-config" or "linkwatch-list"` };
  }
  const version = doc.version;
  if (version === undefined) return { ok: false, path: '$.version', message: 'the format version is missing' };
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return { ok: false, path: '$.version', message: `version must be a whole number, found ${typeof version === 'number' ? version : typeName(version)}` };
  }
  if (version > CURRENT_VERSION) {
    return {
      ok: false,
      path: '$.version',
      message: `made by a newer Linkwatch (format version ${version}); this version reads up to ${CURRENT_VERSION}; update Linkwatch`,
    };
  }
  if (version < 1) return { ok: false, path: '$.version', message: `format version ${version} does not exist; versions start at 1` };
  return { ok: true, format, version };
}

/**
 * Bring a config document from `fromVersion` to `CURRENT_VERSION`, one step at a time. Returns the input
 * itself when it is already current. Steps do not throw on odd input, but callers still guard the call.
 */
export function migrateDocument(doc: Record<string, unknown>, fromVersion: number, context: MigrationContext): Record<string, unknown> {
  let current = doc;
  for (let version = fromVersion; version < CURRENT_VERSION; version++) current = MIGRATIONS[version]!(current, context);
  return current;
}

/** A short name for a JSON value's type, for messages: `an array`, `null`, `a string`. */
export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'object':
      return 'an object';
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'a boolean';
    default:
      return typeof value;
  }
}
