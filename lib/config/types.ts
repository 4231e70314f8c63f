/**
 * The types shared by the config module's parts (export, import pipeline, list rules, preview and apply).
 * Plain data only.
 */
import type { Catalog } from '../catalog';
import type { Preferences, SiteDecision } from '../prefs/schema';
import type { SiteProtection } from '../protection';
import type { CONFIG_FORMAT, CURRENT_VERSION, CustomList } from './schema';

/**
 * What the user has, as the options page holds it: `preferences` exactly as stored (only what the user set;
 * unknown keys allowed and kept), per-site decisions, and custom lists.
 */
export interface ConfigState {
  preferences: Record<string, unknown>;
  siteDecisions: SiteDecision[];
  customLists: CustomList[];
  /** Per-site protection choices (issue 23); absent in states read before version 4 of the database. */
  siteProtection?: SiteProtection[];
}

/**
 * A `linkwatch-config` v1 document after import: validated and normalised. `preferences` holds only the
 * keys the file set (with `badgeLevels` complete: levels the file left out are the defaults);
 * `siteDecisions` and `customLists` are in file order, strings trimmed where the schema trims, list
 * defaults filled (`enabled: true`, empty arrays).
 */
export interface ConfigV1 {
  format: typeof CONFIG_FORMAT;
  version: typeof CURRENT_VERSION;
  /** ISO 8601 instant the file was made (for a list file: its `date` at 00:00 UTC). */
  createdAt: string;
  preferences: Partial<Preferences>;
  siteDecisions: SiteDecision[];
  customLists: CustomList[];
  /** Per-site protection choices, in file order (issue 23). */
  siteProtection: SiteProtection[];
  /** Sites the file says the person watched ("Watch this site"); importing asks the browser for them again. */
  watchedSites: string[];
}

/**
 * The kinds of problem that have plain words in the UI (public/_locales, keys `importProblem_<code>` with
 * `values` as substitutions). A problem without a code is worded by its location alone.
 * - `hidden-characters`: values [the characters, "U+202E, U+200B"];
 * - `domain-claimed-twice`: values [domain, first list's name, second list's name];
 * - `domain-in-catalog`: values [domain, the catalog institution's name, the list's name];
 * - `id-used-twice`: values [id, the other list's name];
 * - `used-twice`: values [the value] (a site or id given twice in one array of the file);
 * - `bundled-entry`: values [id] (an arrangement of the catalog);
 * - `bundled-institution`: values [id] (an institution of the catalog or the directory: the list may add a
 *   domain to it through an institution of its own whose `group` is that id);
 * - `not-one-of`: values [the value given, the allowed values joined by ", "];
 * - `snooze-ended`: values [site, end instant];
 * - `missing`, `wrong-type`, `not-accepted`: no values (a schema issue);
 * - `not-json`, `empty`, `too-large`, `too-deep`, `newer-version`, `not-a-config`: the whole file.
 */
export type ProblemCode =
  | 'hidden-characters'
  | 'domain-claimed-twice'
  | 'domain-in-catalog'
  | 'id-used-twice'
  | 'used-twice'
  | 'bundled-entry'
  | 'bundled-institution'
  | 'not-one-of'
  | 'snooze-ended'
  | 'missing'
  | 'wrong-type'
  | 'not-accepted'
  | 'not-json'
  | 'empty'
  | 'too-large'
  | 'too-deep'
  | 'newer-version'
  | 'not-a-config';

/**
 * One reason a file was refused (or, in `ImportSuccess.skipped`, a part left out): `path` is a JSON path
 * into the file (`$.siteDecisions[2].site`, `$`); `message` says it in technical English (what the CLI
 * prints); `code` and `values`, when present, let the UI say it in plain words in the user's language.
 */
export interface ImportProblem {
  path: string;
  message: string;
  code?: ProblemCode;
  values?: string[];
}

/**
 * One line of the preview, as plain data (the UI words it):
 * - `preference`: the effective value of `key` goes `from` -> `to` (`unchanged` when equal);
 * - `site-decision`: a decision is `added`, replaces a different one (`changed`, with `from`), or is `unchanged`;
 * - `site-protection`: a site's protection choice (on `true`, off `false`) is `added`, `changed` or `unchanged`;
 * - `list`: a custom list is `added`, `replaced` (same id; `from` summarises the old one), or `unchanged`.
 */
export type Change =
  | { kind: 'preference'; change: 'changed' | 'unchanged'; key: keyof Preferences; from: unknown; to: unknown }
  | { kind: 'site-decision'; change: 'added' | 'changed' | 'unchanged'; site: string; from?: SiteDecision; to: SiteDecision }
  | { kind: 'site-protection'; change: 'added' | 'changed' | 'unchanged'; site: string; from?: boolean; to: boolean }
  | {
      kind: 'list';
      change: 'added' | 'replaced' | 'unchanged';
      id: string;
      to: ListSummary;
      from?: ListSummary;
    };

/**
 * What the preview says about a custom list: its name, author, date, whether enabled (for a list the user
 * already has: the user's switch, which a re-import keeps), its size, every site it claims (`domain` or
 * `domain/path`, with the institution's name) and every entry's title.
 */
export interface ListSummary {
  name: string;
  author: string;
  date: string;
  enabled: boolean;
  institutions: number;
  arrangements: number;
  sites: Array<{ site: string; institution: string }>;
  entries: Array<{ id: string; title: { en: string; fr: string } }>;
}

/**
 * A file that may be applied. `kind`: a whole config or one list file; `createdAt`: the file's date (a
 * config's `createdAt`, a list's `date`); `fromVersion`: the version the file was written in (0 for the
 * pre-release export); `migrated`: whether it was converted; `dropped`: JSON paths of keys left out
 * (unknown, or `__proto__`/`constructor`/`prototype`), in terms of the migrated document; `preview`: what
 * `applyImportToState` would change versus the `current` state given to `importConfig`; `skipped`: parts of
 * the file left out with their reason (a snooze that has already ended), not in `config`.
 */
export interface ImportSuccess {
  ok: true;
  kind: 'config' | 'list';
  config: ConfigV1;
  createdAt: string;
  fromVersion: number;
  migrated: boolean;
  dropped: string[];
  skipped: ImportProblem[];
  preview: Change[];
  /**
   * What the user has now that a config file does not mention (`leftOutOfImport`): kept or removed as the
   * person chooses (`ImportMode`). Always empty for a list file (it only adds or replaces its list).
   */
  leftOut: LeftOut[];
}

/**
 * What applying does with what the file does not mention (issue 22): `keep` it (merge: the file adds and
 * replaces, nothing else changes) or `replace` (restore the file's state: preferences it does not set go
 * back to their defaults, decisions and lists it does not have are removed). The person chooses.
 */
export type ImportMode = 'keep' | 'replace';

/**
 * One thing the user has that a config file does not mention: a preference set to something other than its
 * default (`replace` resets it to `default`), a per-site decision, or a custom list (`replace` removes them).
 */
export type LeftOut =
  | { kind: 'preference'; key: keyof Preferences; value: unknown; default: unknown }
  | { kind: 'site-decision'; decision: SiteDecision }
  | { kind: 'site-protection'; site: string; protect: boolean }
  | { kind: 'list'; id: string; summary: ListSummary };

/** A refused file: every problem found at the stage that refused it (at most `MAX_REPORTED_ERRORS` + 1). */
export interface ImportFailure {
  ok: false;
  errors: ImportProblem[];
}

/** The answer of `importConfig`. */
export type ImportResult = ImportSuccess | ImportFailure;

/**
 * `bundled`: the catalog custom lists are checked against (default: the bundled catalog's data, read
 * defensively, so a defect in it never makes import throw); `now`: the
 * instant of the import, for "in the future" checks and to date decisions of a pre-release file.
 */
export interface ImportOptions {
  bundled?: Catalog;
  now?: Date;
}


/** Errors beyond this many are summarised in one last `$` error ("N more problems not shown"). */
export const MAX_REPORTED_ERRORS = 100;
