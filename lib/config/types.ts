/**
 * The types shared by the config module's parts (export, import pipeline, list rules, preview and apply).
 * Plain data only.
 */
import type { Catalog } from '../catalog';
import type { Preferences, SiteDecision } from '../prefs/schema';
import type { CONFIG_FORMAT, CURRENT_VERSION, CustomList } from './schema';

/**
 * What the user has, as the options page holds it: `preferences` exactly as stored (only what the user set;
 * unknown keys allowed and kept), per-site decisions, and custom lists.
 */
export interface ConfigState {
  preferences: Record<string, unknown>;
  siteDecisions: SiteDecision[];
  customLists: CustomList[];
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
}

/** One reason a file was refused: `path` is a JSON path into the file (`$.siteDecisions[2].site`, `$`). */
export interface ImportProblem {
  path: string;
  message: string;
}

/**
 * One line of the preview, as plain data (the UI words it):
 * - `preference`: the effective value of `key` goes `from` -> `to` (`unchanged` when equal);
 * - `site-decision`: a decision is `added`, replaces a different one (`changed`, with `from`), or is `unchanged`;
 * - `list`: a custom list is `added`, `replaced` (same id; `from` summarises the old one), or `unchanged`.
 */
export type Change =
  | { kind: 'preference'; change: 'changed' | 'unchanged'; key: keyof Preferences; from: unknown; to: unknown }
  | { kind: 'site-decision'; change: 'added' | 'changed' | 'unchanged'; site: string; from?: SiteDecision; to: SiteDecision }
  | {
      kind: 'list';
      change: 'added' | 'replaced' | 'unchanged';
      id: string;
      to: ListSummary;
      from?: ListSummary;
    };

/** What the preview says about a custom list: its name, author, date, whether enabled, and its size. */
export interface ListSummary {
  name: string;
  author: string;
  date: string;
  enabled: boolean;
  institutions: number;
  arrangements: number;
}

/**
 * A file that may be applied. `kind`: a whole config or one list file; `createdAt`: the file's date (a
 * config's `createdAt`, a list's `date`); `fromVersion`: the version the file was written in (0 for the
 * pre-release export); `migrated`: whether it was converted; `dropped`: JSON paths of keys left out
 * (unknown, or `__proto__`/`constructor`/`prototype`), in terms of the migrated document; `preview`: what
 * `applyImportToState` would change versus the `current` state given to `importConfig`.
 */
export interface ImportSuccess {
  ok: true;
  kind: 'config' | 'list';
  config: ConfigV1;
  createdAt: string;
  fromVersion: number;
  migrated: boolean;
  dropped: string[];
  preview: Change[];
}

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
