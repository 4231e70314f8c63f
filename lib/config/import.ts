/**
 * The import pipeline: text in, a checked and normalised config (or every problem) out. Pure: plain data
 * in, plain data out; no browser APIs, no storage. The options page wires it to IndexedDB and the UI.
 *
 * Import is a pipeline where each stage can refuse the file with `{ path, message }` errors (JSON paths
 * into the file, `$` for the whole file), and nothing past the stage that refused runs:
 *
 *   size cap -> JSON.parse -> nesting depth -> is an object -> format and version (newer refused)
 *   -> migrations (older brought to the current version) -> known-key pre-pass (unknown keys dropped and
 *   reported, count limits) -> no bidi control or zero-width character in any text -> valibot schema (every
 *   issue collected) -> cross-reference rules for custom lists (parties exist, no bundled entry redefined,
 *   no site or id claimed by two lists or by a list and the catalog, no duplicate sites or list ids)
 *   -> ended snoozes left out (reported in `skipped`) -> normalised config + preview of what would change.
 *
 * `importConfig` never throws and never mutates `current`; applying is a separate, pure, all-or-nothing
 * step (`applyImportToState`) so the UI can show the preview and the file's date first (DESIGN.md,
 * "Shareable configs and lists").
 */
import * as v from 'valibot';
import { bundledWorld } from '../directory';
import { detectVersion, migrateDocument, typeName } from './migrations';
import { childPath, findTooDeep, isJsonObject, project, type PathKey, type ProjectReport } from './project';
import { bundledClaim, bundledIndex, checkList, checkListsTogether, sharedSuffixProblem } from './list-rules';
import { hiddenCharacterProblems } from './text-rules';
import { fillListLanguage } from './list-language';
import { leftOutOfImport, normalisePreferences, previewImport } from './preview';
import { utf8Length } from './json';
import { CONFIG_FORMAT, ConfigV1Schema, CURRENT_VERSION, LIMITS, LIST_FORMAT, ListFileV1Schema } from './schema';
import { MAX_REPORTED_ERRORS, type ConfigState, type ConfigV1, type ImportFailure, type ImportOptions, type ImportProblem, type ImportResult } from './types';

/**
 * The bundled catalog with the whole directory's institutions (lib/directory, issue 21): a list may not
 * redefine nor claim the domain of a bank Linkwatch already names, whether or not a report names it.
 */
function defaultBundled(): unknown {
  return bundledWorld();
}



/** Every field's issues, but only the first of each pipe (a malformed date is not also "not a real date"). */
const PARSE_CONFIG = { abortEarly: false, abortPipeEarly: true } as const;

const EMPTY_STATE: ConfigState = { preferences: {}, siteDecisions: [], customLists: [], siteProtection: [] };


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
    if (bytes > LIMITS.maxBytes) return fail([{ path: '$', message: tooLargeMessage(bytes), code: 'too-large' }]);
  }
  if (text.trim() === '') return fail([{ path: '$', message: 'the file is empty', code: 'empty' }]);

  // 2. JSON.
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    if (error instanceof RangeError) return fail([{ path: '$', message: `nested too deeply to read (the limit is ${LIMITS.maxDepth} levels)`, code: 'too-deep' }]);
    return fail([{ path: '$', message: notJsonMessage(text, error), code: 'not-json' }]);
  }

  // 3. Depth, without recursion; everything after this may recurse safely.
  const tooDeep = findTooDeep(parsed, LIMITS.maxDepth);
  if (tooDeep !== null) return fail([{ path: tooDeep, message: `nested more than ${LIMITS.maxDepth} levels deep`, code: 'too-deep' }]);

  // 4. Object, format, version.
  if (!isJsonObject(parsed)) {
    return fail([{ path: '$', message: `expected a JSON object with a "format" field, found ${typeName(parsed)}`, code: 'not-a-config' }]);
  }
  const detected = detectVersion(parsed);
  if (!detected.ok) {
    const code = detected.message.startsWith('made by a newer Linkwatch') ? 'newer-version' : 'not-a-config';
    return fail([{ path: detected.path, message: detected.message, code }]);
  }
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

  // 6b. A list written in one language: the other language repeats it, and the list says which (list-language.ts).
  const top: Record<string, unknown> = isJsonObject(projected) ? projected : {};
  const lists: { list: unknown; path: string }[] =
    kind === 'list' ? [{ list: top.list, path: '$.list' }] : Array.isArray(top.customLists) ? top.customLists.map((list: unknown, i) => ({ list, path: `$.customLists[${i}]` })) : [];
  const languageProblems = lists.flatMap(({ list, path }) => fillListLanguage(list, path));
  if (languageProblems.length > 0) return withNote(languageProblems);

  // 7. No bidi control or zero-width character in any text (text-rules.ts).
  const hidden = hiddenCharacterProblems(projected);
  if (hidden.length > 0) return withNote(hidden);

  // 8. Schema (every issue), then 9. cross-references (list-rules.ts) and ended snoozes.
  // Lists the user already has, other than those the file replaces: a file's list may not claim their sites or ids.
  const installed = (current?.customLists ?? []).map((list) => ({ list, path: null }));
  const bundled = bundledIndex(options.bundled ?? defaultBundled());
  const today = now.toISOString().slice(0, 10);
  const problems: ImportProblem[] = [];
  const skipped: ImportProblem[] = [];
  let config: ConfigV1;
  if (kind === 'list') {
    const result = v.safeParse(ListFileV1Schema, projected, PARSE_CONFIG);
    if (!result.success) return withNote(result.issues.map(issueToProblem));
    const list = result.output.list;
    checkList(list, '$.list', bundled, today, problems);
    checkListsTogether([{ list, path: '$.list' }], installed, bundled, problems);
    config = {
      format: CONFIG_FORMAT,
      version: CURRENT_VERSION,
      createdAt: `${list.date}T00:00:00.000Z`,
      preferences: {},
      siteDecisions: [],
      customLists: [list],
      siteProtection: [],
      watchedSites: [],
    };
  } else {
    const result = v.safeParse(ConfigV1Schema, projected, PARSE_CONFIG);
    if (!result.success) return withNote(result.issues.map(issueToProblem));
    const output = result.output;
    checkDuplicates(output.siteDecisions.map((d) => d.site), '$.siteDecisions', 'site', (site) => `"${site}" has two decisions`, problems);
    checkDuplicates(output.customLists.map((l) => l.id), '$.customLists', 'id', (id) => `list id "${id}" is used twice`, problems);
    checkDuplicates(output.siteProtection.map((p) => p.site), '$.siteProtection', 'site', (site) => `"${site}" has two protection choices`, problems);
    output.customLists.forEach((list, i) => checkList(list, `$.customLists[${i}]`, bundled, today, problems));
    checkListsTogether(output.customLists.map((list, i) => ({ list, path: `$.customLists[${i}]` })), installed, bundled, problems);
    // A snooze that has already ended is left out and reported, not refused: a user's own older backup
    // holds them, and importing one would change nothing (DESIGN.md: "dropped keys are reported").
    output.siteDecisions = output.siteDecisions.filter((d, i) => {
      if (d.decision !== 'snoozed' || Date.parse(d.until) > now.getTime()) return true;
      skipped.push({
        path: `$.siteDecisions[${i}].until`,
        message: `the snooze of ${d.site} ended on ${d.until}; it is left out`,
        code: 'snooze-ended',
        values: [d.site, d.until],
      });
      return false;
    });
    config = {
      format: CONFIG_FORMAT,
      version: CURRENT_VERSION,
      createdAt: output.createdAt,
      preferences: normalisePreferences(output.preferences),
      siteDecisions: output.siteDecisions,
      customLists: output.customLists,
      siteProtection: output.siteProtection,
      watchedSites: [...new Set(output.watchedSites)],
    };
  }
  // A watched site: a site, not a shared suffix, and not a platform's own site (first party: nothing to watch).
  config.watchedSites.forEach((site, i) => {
    const path = `$.watchedSites[${i}]`;
    const shared = sharedSuffixProblem(site);
    if (shared) problems.push({ path, message: shared, code: 'not-accepted' });
    const claim = bundledClaim(site, bundled);
    if (claim && bundled.platforms.has(claim.institution)) problems.push({ path, message: `"${site}" is a platform's own site (${bundled.names.get(claim.institution) ?? claim.institution}): Linkwatch does not watch it`, code: 'not-accepted' });
  });
  // Protection on a platform's own site would block the platform's own pages, and a regulator's site is
  // never protected either (lib/protection `isPlatformSite`): refused.
  config.siteProtection.forEach((choice, i) => {
    const claim = choice.protect ? bundledClaim(choice.site, bundled) : undefined;
    const whose = claim && (bundled.platforms.has(claim.institution) ? 'a platform' : bundled.regulators.has(claim.institution) ? 'a regulator' : undefined);
    if (claim && whose) problems.push({ path: `$.siteProtection[${i}].site`, message: `"${choice.site}" is ${whose}'s own site (${bundled.names.get(claim.institution) ?? claim.institution}): Linkwatch does not protect it`, code: 'not-accepted' });
  });
  if (problems.length > 0) return withNote(problems);

  return {
    ok: true,
    kind,
    config,
    createdAt: kind === 'list' ? config.customLists[0]!.date : config.createdAt,
    fromVersion,
    migrated,
    dropped: report.dropped,
    skipped,
    preview: previewImport(current ?? EMPTY_STATE, config),
    // A list file only adds or replaces its list: nothing is "left out" of it.
    leftOut: kind === 'list' ? [] : leftOutOfImport(current ?? EMPTY_STATE, config),
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
  if (missing) return { path, message: 'required, but missing', code: 'missing' };
  // A value outside a fixed set (a kind, a status, a verification level): say which values are allowed.
  if (issue.type === 'picklist' && typeof issue.input === 'string') {
    const allowed = (issue.expected ?? '').replace(/^\(|\)$/g, '').split(' | ').map((s) => s.replace(/^"|"$/g, '')).filter(Boolean);
    return { path, message: issue.message, code: 'not-one-of', values: [issue.input, allowed.join(', ')] };
  }
  return { path, message: issue.message, code: issue.kind === 'schema' ? 'wrong-type' : 'not-accepted' };
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
    else problems.push({ path: `${arrayPath}[${i}].${field}`, message: `${message(value)} (also ${arrayPath}[${seen}])`, code: 'used-twice', values: [value] });
  });
}

