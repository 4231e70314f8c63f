/**
 * Shareable configs and custom lists: export, import (check, migrate, preview) and apply. Pure: plain data
 * in, plain data out; no browser APIs, no storage. The options page wires it to IndexedDB and the UI.
 *
 * Import is a pipeline where each stage can refuse the file with `{ path, message }` errors (JSON paths
 * into the file, `$` for the whole file), and nothing past the stage that refused runs:
 *
 *   size cap -> JSON.parse -> nesting depth -> is an object -> format and version (newer refused)
 *   -> migrations (older brought to the current version) -> known-key pre-pass (unknown keys dropped and
 *   reported, count limits) -> valibot schema (every issue collected) -> cross-reference rules for custom
 *   lists (parties exist, no bundled entry redefined, no duplicate sites or list ids)
 *   -> normalised config + preview of what applying would change.
 *
 * `importConfig` never throws and never mutates `current`; applying is a separate, pure, all-or-nothing
 * step (`applyImportToState`) so the UI can show the preview and the file's date first (DESIGN.md,
 * "Shareable configs and lists").
 */
import * as v from 'valibot';
import { rawBundledCatalog, type Catalog } from '../catalog';
import { checkReferences, type CatalogProblem } from '../catalog/check';
import { DEFAULT_PREFERENCES, withDefaults, type Preferences, type SiteDecision } from '../prefs/schema';
import { detectVersion, migrateDocument, typeName } from './migrations';
import { childPath, findTooDeep, isJsonObject, project, type PathKey, type ProjectReport } from './project';
import {
  CONFIG_FORMAT,
  ConfigV1Schema,
  CURRENT_VERSION,
  CustomListSchema,
  LIMITS,
  LIST_FORMAT,
  ListFileV1Schema,
  SiteDecisionSchema,
  type CustomList,
} from './schema';

export { CONFIG_FORMAT, CURRENT_VERSION, LIMITS, LIST_FORMAT, type CustomList } from './schema';

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

/** The bundled catalog as shipped (raw: `bundledIndex` reads it defensively, so it cannot throw here). */
function defaultBundled(): unknown {
  return (defaultBundledCache ??= rawBundledCatalog());
}
let defaultBundledCache: unknown;

/** Errors beyond this many are summarised in one last `$` error ("N more problems not shown"). */
export const MAX_REPORTED_ERRORS = 100;

/** Every field's issues, but only the first of each pipe (a malformed date is not also "not a real date"). */
const PARSE_CONFIG = { abortEarly: false, abortPipeEarly: true } as const;

const EMPTY_STATE: ConfigState = { preferences: {}, siteDecisions: [], customLists: [] };

// ---------------------------------------------------------------------------------------------------------
// Export

/**
 * The user's state as a `linkwatch-config` v1 file: pretty JSON (2 spaces, final newline). Preferences are
 * only those whose effective value differs from `DEFAULT_PREFERENCES` (compared deeply, per top-level key;
 * a differing key is written whole); decisions and lists are written as given, in order, but reduced to the
 * keys the format knows, so nothing else held in the state (visit times, history) can leave.
 * @param now the instant written as `createdAt` (default: now).
 * @throws RangeError if `now` is an invalid Date.
 */
export function exportConfig(state: ConfigState, now: Date = new Date()): string {
  const report: ProjectReport = { dropped: [], errors: [] };
  const doc = {
    format: CONFIG_FORMAT,
    version: CURRENT_VERSION,
    createdAt: now.toISOString(),
    preferences: nonDefaultPreferences(state.preferences ?? {}),
    siteDecisions: project(state.siteDecisions ?? [], v.array(SiteDecisionSchema), report, '$.siteDecisions', { leavesOnly: true }),
    customLists: project(state.customLists ?? [], v.array(CustomListSchema), report, '$.customLists', { leavesOnly: true }),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/**
 * One custom list as a `linkwatch-list` v1 file (what an advocate publishes): pretty JSON, known keys only.
 */
export function exportList(list: CustomList): string {
  const report: ProjectReport = { dropped: [], errors: [] };
  const doc = { format: LIST_FORMAT, version: CURRENT_VERSION, list: project(list, CustomListSchema, report, '$.list', { leavesOnly: true }) };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** The name offered for an export: `linkwatch-config-YYYY-MM-DD.json`, with `now`'s local calendar date. */
export function exportFileName(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `linkwatch-config-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}

/**
 * The stored preferences that differ from the defaults, by top-level key, with their effective values
 * (stored values merged over the defaults, so a partial or invalid stored value is written as what it means).
 */
export function nonDefaultPreferences(stored: Record<string, unknown>): Partial<Preferences> {
  const effective = withDefaults(stored);
  const out: Partial<Record<keyof Preferences, unknown>> = {};
  for (const key of Object.keys(DEFAULT_PREFERENCES) as Array<keyof Preferences>) {
    if (!deepEqual(effective[key], DEFAULT_PREFERENCES[key])) out[key] = cloneJson(effective[key]);
  }
  return out as Partial<Preferences>;
}

// ---------------------------------------------------------------------------------------------------------
// Import

/**
 * Check a config or list file and say what applying it would change. Never throws, never mutates `current`.
 *
 * @param text the file's text (UTF-8 decoded; a leading byte-order mark is ignored). At most
 *   `LIMITS.maxBytes` (1 MiB) as UTF-8.
 * @param current the user's state, for the preview (default: empty).
 * @returns `{ ok: true, ... }` (see `ImportSuccess`) or `{ ok: false, errors }` where each error has a JSON
 *   path and a message, e.g. `$: this is not JSON (line 3, column 5: ...)`,
 *   `$.version: made by a newer Linkwatch (format version 2); this version reads up to 1; update Linkwatch`,
 *   `$.siteDecisions[2].site: must be the registrable domain "chase.com", not a host below it`,
 *   `$.customLists[0].arrangements[1].id: "x" is a bundled arrangement; a list cannot redefine it`.
 */
export function importConfig(text: string, current: ConfigState = EMPTY_STATE, options: ImportOptions = {}): ImportResult {
  try {
    return importChecked(text, current, options);
  } catch (error) {
    return fail([{ path: '$', message: `Linkwatch could not check this file (internal error: ${describeError(error)})` }]);
  }
}

function importChecked(input: unknown, current: ConfigState, options: ImportOptions): ImportResult {
  const now = options.now instanceof Date && !Number.isNaN(options.now.getTime()) ? options.now : new Date();
  if (typeof input !== 'string') return fail([{ path: '$', message: `expected the text of a file, got ${typeName(input)}` }]);
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;

  // 1. Size, before anything else looks at the text.
  // A UTF-16 unit is at most 3 UTF-8 bytes, so only a long text needs counting.
  if (text.length > LIMITS.maxBytes / 3) {
    const bytes = utf8Length(text);
    if (bytes > LIMITS.maxBytes) return fail([{ path: '$', message: tooLargeMessage(bytes) }]);
  }
  if (text.trim() === '') return fail([{ path: '$', message: 'the file is empty' }]);

  // 2. JSON.
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    if (error instanceof RangeError) return fail([{ path: '$', message: `nested too deeply to read (the limit is ${LIMITS.maxDepth} levels)` }]);
    return fail([{ path: '$', message: notJsonMessage(text, error) }]);
  }

  // 3. Depth, without recursion; everything after this may recurse safely.
  const tooDeep = findTooDeep(parsed, LIMITS.maxDepth);
  if (tooDeep !== null) return fail([{ path: tooDeep, message: `nested more than ${LIMITS.maxDepth} levels deep` }]);

  // 4. Object, format, version.
  if (!isJsonObject(parsed)) {
    return fail([{ path: '$', message: `expected a JSON object with a "format" field, found ${typeName(parsed)}` }]);
  }
  const detected = detectVersion(parsed);
  if (!detected.ok) return fail([{ path: detected.path, message: detected.message }]);
  const kind = detected.format === LIST_FORMAT ? 'list' : 'config';
  const fromVersion = detected.version;
  const migrated = fromVersion < CURRENT_VERSION;

  // 5. Migrations.
  let doc: Record<string, unknown>;
  try {
    doc = kind === 'list' ? migrateListDocument(parsed, fromVersion, now) : migrateDocument(parsed, fromVersion, { now });
  } catch (error) {
    return fail([{ path: '$', message: `could not convert the file from format version ${fromVersion}: ${describeError(error)}` }]);
  }
  const withNote = (errors: ImportProblem[]): ImportFailure => {
    const failure = fail(errors);
    const note = `paths refer to the file after conversion from format version ${fromVersion} to ${CURRENT_VERSION}`;
    if (migrated) failure.errors.push({ path: '$', message: note });
    return failure;
  };

  // 6. Known keys only; count limits.
  const report: ProjectReport = { dropped: [], errors: [] };
  const projected = project(doc, kind === 'list' ? ListFileV1Schema : ConfigV1Schema, report);
  if (report.errors.length > 0) return withNote(report.errors);

  // 7. Schema (every issue), then 8. cross-references.
  const bundled = bundledIndex(options.bundled ?? defaultBundled());
  const today = now.toISOString().slice(0, 10);
  const problems: ImportProblem[] = [];
  let config: ConfigV1;
  if (kind === 'list') {
    const result = v.safeParse(ListFileV1Schema, projected, PARSE_CONFIG);
    if (!result.success) return withNote(result.issues.map(issueToProblem));
    const list = result.output.list;
    checkList(list, '$.list', bundled, today, problems);
    config = {
      format: CONFIG_FORMAT,
      version: CURRENT_VERSION,
      createdAt: `${list.date}T00:00:00.000Z`,
      preferences: {},
      siteDecisions: [],
      customLists: [list],
    };
  } else {
    const result = v.safeParse(ConfigV1Schema, projected, PARSE_CONFIG);
    if (!result.success) return withNote(result.issues.map(issueToProblem));
    const output = result.output;
    checkDuplicates(output.siteDecisions.map((d) => d.site), '$.siteDecisions', 'site', (site) => `"${site}" has two decisions`, problems);
    checkDuplicates(output.customLists.map((l) => l.id), '$.customLists', 'id', (id) => `list id "${id}" is used twice`, problems);
    output.customLists.forEach((list, i) => checkList(list, `$.customLists[${i}]`, bundled, today, problems));
    config = {
      format: CONFIG_FORMAT,
      version: CURRENT_VERSION,
      createdAt: output.createdAt,
      preferences: normalisePreferences(output.preferences),
      siteDecisions: output.siteDecisions,
      customLists: output.customLists,
    };
  }
  if (problems.length > 0) return withNote(problems);

  return {
    ok: true,
    kind,
    config,
    createdAt: kind === 'list' ? config.customLists[0]!.date : config.createdAt,
    fromVersion,
    migrated,
    dropped: report.dropped,
    preview: previewImport(current ?? EMPTY_STATE, config),
  };
}

/** A list file at an older version: wrapped as the config holding just that list, migrated, unwrapped. */
function migrateListDocument(doc: Record<string, unknown>, fromVersion: number, now: Date): Record<string, unknown> {
  if (fromVersion >= CURRENT_VERSION) return doc;
  const wrapped = { format: CONFIG_FORMAT, version: fromVersion, createdAt: now.toISOString(), customLists: [doc.list] };
  const migrated = migrateDocument(wrapped, fromVersion, { now });
  const lists = migrated.customLists;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(doc)) {
    Object.defineProperty(out, key, { value: doc[key], enumerable: true, writable: true, configurable: true });
  }
  out.format = LIST_FORMAT;
  out.version = CURRENT_VERSION;
  out.list = Array.isArray(lists) ? lists[0] : undefined;
  return out;
}

function fail(errors: ImportProblem[]): ImportFailure {
  return { ok: false, errors: capped(errors) };
}

function capped(errors: ImportProblem[]): ImportProblem[] {
  if (errors.length <= MAX_REPORTED_ERRORS + 1) return errors;
  return [...errors.slice(0, MAX_REPORTED_ERRORS), { path: '$', message: `${errors.length - MAX_REPORTED_ERRORS} more problems not shown` }];
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** UTF-8 length of a string, in bytes, without allocating an encoded copy. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The message for a file over the size cap, e.g. "the file is 10.0 MiB (10,485,760 bytes); ...". */
export function tooLargeMessage(bytes: number): string {
  const size = bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`;
  return `the file is ${size} (${bytes.toLocaleString('en-US')} bytes); Linkwatch reads config and list files up to ${LIMITS.maxBytes / (1024 * 1024)} MiB`;
}

function notJsonMessage(text: string, error: unknown): string {
  const detail = describeError(error);
  const match = /position (\d+)/.exec(detail);
  if (match) {
    const position = Number(match[1]);
    const before = text.slice(0, position);
    const line = before.split('\n').length;
    const column = position - before.lastIndexOf('\n');
    return `this is not JSON (line ${line}, column ${column}: ${detail})`;
  }
  return `this is not JSON (${detail})`;
}

/** A valibot issue as `{ path, message }`, with the missing-key wording made plain. */
function issueToProblem(issue: v.BaseIssue<unknown>): ImportProblem {
  const keys: PathKey[] = (issue.path ?? []).map((item) => (typeof item.key === 'number' ? item.key : String(item.key)));
  let path = '$';
  for (const key of keys) path = childPath(path, key);
  const missing = issue.kind === 'schema' && issue.input === undefined && issue.path?.at(-1)?.type === 'object';
  return { path, message: missing ? 'required, but missing' : issue.message };
}

function checkDuplicates(
  values: readonly string[],
  arrayPath: string,
  field: string,
  message: (value: string) => string,
  problems: ImportProblem[],
): void {
  const first = new Map<string, number>();
  values.forEach((value, i) => {
    const seen = first.get(value);
    if (seen === undefined) first.set(value, i);
    else problems.push({ path: `${arrayPath}[${i}].${field}`, message: `${message(value)} (also ${arrayPath}[${seen}])` });
  });
}

// ---------------------------------------------------------------------------------------------------------
// Custom lists against the bundled catalog

/** The bundled catalog's ids and claimed hosts, built once per catalog object. */
interface BundledIndex {
  institutions: ReadonlySet<string>;
  arrangements: ReadonlySet<string>;
  /** Claimed host (a rule's `domain`, path ignored) -> owning institution id. */
  domains: ReadonlyMap<string, string>;
}

const indexCache = new WeakMap<object, BundledIndex>();

/**
 * Index a catalog's ids and domains. Reads defensively (anything with a string `id`, rules with a string
 * `domain`), so a bundled catalog that fails its own schema (a build defect, or a catalog being edited)
 * still guards imports instead of making every import fail.
 */
function bundledIndex(catalog: unknown): BundledIndex {
  const key = typeof catalog === 'object' && catalog !== null ? catalog : {};
  const cached = indexCache.get(key);
  if (cached) return cached;
  const entries = (name: string): Array<Record<string, unknown>> => {
    const list = (key as Record<string, unknown>)[name];
    return Array.isArray(list) ? list.filter(isJsonObject) : [];
  };
  const ids = (list: Array<Record<string, unknown>>) => new Set(list.flatMap((e) => (typeof e.id === 'string' ? [e.id] : [])));
  const domains = new Map<string, string>();
  for (const inst of entries('institutions')) {
    if (typeof inst.id !== 'string' || !Array.isArray(inst.domains)) continue;
    for (const rule of inst.domains) {
      const domain = isJsonObject(rule) ? rule.domain : undefined;
      if (typeof domain === 'string' && !domains.has(domain)) domains.set(domain, inst.id);
    }
  }
  const index: BundledIndex = { institutions: ids(entries('institutions')), arrangements: ids(entries('arrangements')), domains };
  indexCache.set(key, index);
  return index;
}

/** The bundled claim covering `host` (itself or a parent domain, at dot boundaries), if any. */
function bundledClaim(host: string, bundled: BundledIndex): { domain: string; institution: string } | undefined {
  for (let candidate = host; ; ) {
    const institution = bundled.domains.get(candidate);
    if (institution !== undefined) return { domain: candidate, institution };
    const dot = candidate.indexOf('.');
    if (dot < 0) return undefined;
    candidate = candidate.slice(dot + 1);
  }
}

/** Longest `group` chain allowed in a list; real groups are two or three levels (meta > facebook). */
const MAX_GROUP_CHAIN = 8;

/**
 * The rules for one custom list: its date, the catalog's cross-reference rules (with the bundled institutions
 * as known parties) and "no bundled entry redefined". Problems are appended with JSON paths under `listPath`.
 */
function checkList(list: CustomList, listPath: string, bundled: BundledIndex, today: string, problems: ImportProblem[]): void {
  if (list.date > today) problems.push({ path: `${listPath}.date`, message: `${list.date} is in the future` });

  list.institutions.forEach((inst, i) => {
    const path = `${listPath}.institutions[${i}]`;
    if (bundled.institutions.has(inst.id)) {
      problems.push({ path: `${path}.id`, message: `"${inst.id}" is a bundled institution; a list may name it as a party but cannot redefine it` });
    }
    inst.domains.forEach((rule, j) => {
      const claim = bundledClaim(rule.domain, bundled);
      if (claim) {
        const where = claim.domain === rule.domain ? '' : ` (${claim.domain})`;
        problems.push({
          path: `${path}.domains[${j}].domain`,
          message: `"${rule.domain}" is already claimed by bundled institution "${claim.institution}"${where}`,
        });
      }
    });
  });
  list.arrangements.forEach((a, i) => {
    if (bundled.arrangements.has(a.id)) {
      problems.push({ path: `${listPath}.arrangements[${i}].id`, message: `"${a.id}" is a bundled arrangement; a list cannot redefine it` });
    }
  });

  // checkReferences follows group chains with a linear search per step; refuse absurd chains before it runs.
  const chainProblem = groupChainProblem(list);
  if (chainProblem !== null) {
    problems.push({ path: `${listPath}.institutions[${chainProblem}].group`, message: `group chains may be at most ${MAX_GROUP_CHAIN} levels deep` });
    return;
  }
  const catalogProblems = checkReferences(
    { version: list.date, institutions: list.institutions, arrangements: list.arrangements },
    { today, knownInstitutions: bundled.institutions },
  );
  const positions = { institution: indexById(list.institutions), arrangement: indexById(list.arrangements) };
  const duplicateSeen = new Map<string, number>();
  for (const problem of catalogProblems) {
    const isDuplicate = problem.field === 'id' && problem.message === 'id is used twice';
    // A bundled id is reported above, once per entry, in clearer words.
    if (isDuplicate && problem.entry.startsWith('institution ') && bundled.institutions.has(problem.entry.slice('institution '.length))) continue;
    problems.push({ path: problemPath(problem, positions, listPath, isDuplicate, duplicateSeen), message: problem.message });
  }
}

/** Index of an institution whose `group` chain (within the list) is longer than allowed, or null. */
function groupChainProblem(list: CustomList): number | null {
  const parent = new Map<string, string | undefined>();
  for (const inst of list.institutions) if (!parent.has(inst.id)) parent.set(inst.id, inst.group);
  const depth = new Map<string, number>();
  const depthOf = (id: string): number => {
    // Iterative: walk up at most MAX_GROUP_CHAIN + 1 steps; cycles end the walk (checkReferences names them).
    let steps = 0;
    let current: string | undefined = id;
    const seen = new Set<string>();
    while (current !== undefined && parent.has(current) && !seen.has(current) && steps <= MAX_GROUP_CHAIN) {
      const known = depth.get(current);
      if (known !== undefined) return steps + known;
      seen.add(current);
      current = parent.get(current);
      steps++;
    }
    return steps;
  };
  for (let i = 0; i < list.institutions.length; i++) {
    const d = depthOf(list.institutions[i]!.id);
    if (d > MAX_GROUP_CHAIN) return i;
    depth.set(list.institutions[i]!.id, d);
  }
  return null;
}

/** Id -> every index where it occurs, in order. */
function indexById(entries: ReadonlyArray<{ id: string }>): Map<string, number[]> {
  const map = new Map<string, number[]>();
  entries.forEach((entry, i) => {
    const list = map.get(entry.id);
    if (list) list.push(i);
    else map.set(entry.id, [i]);
  });
  return map;
}

/** The JSON path of a catalog problem (`institution x`, `domains[0].domain`) inside a list. */
function problemPath(
  problem: CatalogProblem,
  positions: { institution: Map<string, number[]>; arrangement: Map<string, number[]> },
  listPath: string,
  isDuplicate: boolean,
  duplicateSeen: Map<string, number>,
): string {
  const match = /^(institution|arrangement) (.+)$/.exec(problem.entry);
  if (!match) return problem.field ? `${listPath}.${problem.field}` : listPath;
  const what = match[1] as 'institution' | 'arrangement';
  const name = match[2]!;
  const indices = positions[what].get(name) ?? [];
  let index = indices[0] ?? (name.startsWith('#') ? Number(name.slice(1)) : 0);
  if (isDuplicate) {
    // checkReferences reports a duplicate at its second, third... occurrence, in order.
    const k = (duplicateSeen.get(problem.entry) ?? 0) + 1;
    duplicateSeen.set(problem.entry, k);
    index = indices[k] ?? index;
  }
  const base = `${listPath}.${what === 'institution' ? 'institutions' : 'arrangements'}[${index}]`;
  if (!problem.field) return base;
  return problem.field.startsWith('[') ? `${base}${problem.field}` : `${base}.${problem.field}`;
}

// ---------------------------------------------------------------------------------------------------------
// Preview and apply

/** `badgeLevels` completed from the defaults; other keys as validated. */
function normalisePreferences(prefs: v.InferOutput<typeof ConfigV1Schema>['preferences']): Partial<Preferences> {
  const out: Partial<Preferences> = {};
  if (prefs.alertStyle !== undefined) out.alertStyle = prefs.alertStyle;
  if (prefs.badgeLevels !== undefined) {
    const levels = { ...DEFAULT_PREFERENCES.badgeLevels };
    for (const level of Object.keys(levels) as Array<keyof typeof levels>) {
      const value = prefs.badgeLevels[level];
      if (value !== undefined) levels[level] = value;
    }
    out.badgeLevels = levels;
  }
  return out;
}

function summarise(list: CustomList): ListSummary {
  return {
    name: list.name,
    author: list.author,
    date: list.date,
    enabled: list.enabled,
    institutions: list.institutions.length,
    arrangements: list.arrangements.length,
  };
}

/**
 * What applying `config` to `current` would change, in order: preferences (in `DEFAULT_PREFERENCES` key
 * order), then site decisions and lists in file order. Pure; reads `current` only.
 */
export function previewImport(current: ConfigState, config: ConfigV1): Change[] {
  const changes: Change[] = [];
  const effective = withDefaults(current.preferences ?? {});
  for (const key of Object.keys(DEFAULT_PREFERENCES) as Array<keyof Preferences>) {
    if (!Object.hasOwn(config.preferences, key)) continue;
    const from = effective[key];
    const to = config.preferences[key];
    changes.push({ kind: 'preference', change: deepEqual(from, to) ? 'unchanged' : 'changed', key, from: cloneJson(from), to: cloneJson(to) });
  }
  const decisions = new Map((current.siteDecisions ?? []).map((d) => [d.site, d] as const));
  for (const decision of config.siteDecisions) {
    const old = decisions.get(decision.site);
    if (!old) changes.push({ kind: 'site-decision', change: 'added', site: decision.site, to: cloneJson(decision) });
    else {
      const same = deepEqual(old, decision);
      changes.push({
        kind: 'site-decision',
        change: same ? 'unchanged' : 'changed',
        site: decision.site,
        from: cloneJson(old),
        to: cloneJson(decision),
      });
    }
  }
  const lists = new Map((current.customLists ?? []).map((l) => [l.id, l] as const));
  for (const list of config.customLists) {
    const old = lists.get(list.id);
    if (!old) changes.push({ kind: 'list', change: 'added', id: list.id, to: summarise(list) });
    else changes.push({ kind: 'list', change: deepEqual(old, list) ? 'unchanged' : 'replaced', id: list.id, from: summarise(old), to: summarise(list) });
  }
  return changes;
}

/**
 * The state after applying an import (pure; `current` and `result` are not modified, the new state shares no
 * object with `result`). Preferences in the file set those keys; decisions in the file are added, or replace
 * the decision for the same site in place; lists are added, or replace the list with the same id in place.
 * Nothing else is removed: other stored preferences (even unknown keys), decisions and lists stay.
 */
export function applyImportToState(current: ConfigState, result: Pick<ImportSuccess, 'config'>): ConfigState {
  const config = result.config;
  const preferences: Record<string, unknown> = {};
  for (const key of Object.keys(current.preferences ?? {})) {
    if (key === '__proto__') continue;
    preferences[key] = current.preferences[key];
  }
  for (const key of Object.keys(config.preferences) as Array<keyof Preferences>) preferences[key] = cloneJson(config.preferences[key]);

  const siteDecisions = [...(current.siteDecisions ?? [])];
  for (const decision of config.siteDecisions) {
    const i = siteDecisions.findIndex((d) => d.site === decision.site);
    if (i >= 0) siteDecisions[i] = cloneJson(decision);
    else siteDecisions.push(cloneJson(decision));
  }
  const customLists = [...(current.customLists ?? [])];
  for (const list of config.customLists) {
    const i = customLists.findIndex((l) => l.id === list.id);
    if (i >= 0) customLists[i] = cloneJson(list);
    else customLists.push(cloneJson(list));
  }
  return { preferences, siteDecisions, customLists };
}

// ---------------------------------------------------------------------------------------------------------
// JSON helpers

/** Deep equality of JSON-like values: primitives by `Object.is`-like `===`, arrays by order, objects by own keys. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => deepEqual(x, bb[i]));
  }
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** A deep copy of a JSON value (undefined stays undefined). */
function cloneJson<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
