/**
 * Preview and apply: what an import would change, as plain data for the UI to word, and the pure,
 * all-or-nothing step that computes the state after it.
 */
import type * as v from 'valibot';
import { DEFAULT_PREFERENCES, withDefaults, type Preferences } from '../prefs/schema';
import { cloneJson, deepEqual } from './json';
import type { ConfigV1Schema, CustomList } from './schema';
import type { Change, ConfigState, ConfigV1, ImportMode, ImportSuccess, LeftOut, ListSummary } from './types';


/** `badgeLevels` completed from the defaults; other keys as validated. */
export function normalisePreferences(prefs: v.InferOutput<typeof ConfigV1Schema>['preferences']): Partial<Preferences> {
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
  if (prefs.protectAll !== undefined) out.protectAll = prefs.protectAll;
  if (prefs.language !== undefined) out.language = prefs.language;
  return out;
}

/** A list's summary; reads defensively (an installed list is stored data). */
function summarise(list: CustomList): ListSummary {
  const institutions = Array.isArray(list.institutions) ? list.institutions : [];
  const arrangements = Array.isArray(list.arrangements) ? list.arrangements : [];
  return {
    name: list.name,
    author: list.author,
    date: list.date,
    enabled: list.enabled,
    institutions: institutions.length,
    arrangements: arrangements.length,
    sites: institutions.flatMap((inst) =>
      (inst.domains ?? []).map((rule) => ({ site: rule.path ? `${rule.domain}${rule.path}` : rule.domain, institution: inst.name })),
    ),
    entries: arrangements.map((a) => ({ id: a.id, title: { en: a.title?.en ?? a.id, fr: a.title?.fr ?? a.id } })),
  };
}

/**
 * `list` as it will be stored over `old` (same id): everything from the file, but the user's on/off switch
 * kept (a corrected list re-imported must not turn back on a list the user switched off).
 */
function keepSwitch(list: CustomList, old: CustomList | undefined): CustomList {
  return old && typeof old.enabled === 'boolean' ? { ...list, enabled: old.enabled } : list;
}

/**
 * What applying `config` to `current` would change, in order: preferences (in `DEFAULT_PREFERENCES` key
 * order), then site decisions and lists in file order; each list with every site it claims and every entry
 * title. A list the user has is `unchanged` when only its on/off switch differs (the switch is kept).
 * Pure; reads `current` only.
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
  const protection = new Map((current.siteProtection ?? []).map((p) => [p.site, p.protect] as const));
  for (const choice of config.siteProtection) {
    const old = protection.get(choice.site);
    if (old === undefined) changes.push({ kind: 'site-protection', change: 'added', site: choice.site, to: choice.protect });
    else changes.push({ kind: 'site-protection', change: old === choice.protect ? 'unchanged' : 'changed', site: choice.site, from: old, to: choice.protect });
  }
  const lists = new Map((current.customLists ?? []).map((l) => [l.id, l] as const));
  for (const list of config.customLists) {
    const old = lists.get(list.id);
    if (!old) changes.push({ kind: 'list', change: 'added', id: list.id, to: summarise(list) });
    else {
      const next = keepSwitch(list, old);
      changes.push({ kind: 'list', change: deepEqual(old, next) ? 'unchanged' : 'replaced', id: list.id, from: summarise(old), to: summarise(next) });
    }
  }
  return changes;
}

/**
 * What the user has now that `config` does not mention, in the preview's order: preferences whose effective
 * value is not the default and that the file does not set, then decisions and lists the file does not have.
 * What `replace` would undo; `keep` leaves them. Pure.
 */
export function leftOutOfImport(current: ConfigState, config: ConfigV1): LeftOut[] {
  const out: LeftOut[] = [];
  const effective = withDefaults(current.preferences ?? {});
  for (const key of Object.keys(DEFAULT_PREFERENCES) as Array<keyof Preferences>) {
    if (Object.hasOwn(config.preferences, key) || deepEqual(effective[key], DEFAULT_PREFERENCES[key])) continue;
    out.push({ kind: 'preference', key, value: cloneJson(effective[key]), default: cloneJson(DEFAULT_PREFERENCES[key]) });
  }
  const inFile = new Set(config.siteDecisions.map((d) => d.site));
  for (const d of current.siteDecisions ?? []) if (!inFile.has(d.site)) out.push({ kind: 'site-decision', decision: cloneJson(d) });
  const protectionInFile = new Set(config.siteProtection.map((p) => p.site));
  for (const p of current.siteProtection ?? []) if (!protectionInFile.has(p.site)) out.push({ kind: 'site-protection', site: p.site, protect: p.protect });
  const listsInFile = new Set(config.customLists.map((l) => l.id));
  for (const l of current.customLists ?? []) if (!listsInFile.has(l.id)) out.push({ kind: 'list', id: l.id, summary: summarise(l) });
  return out;
}

/**
 * The state after applying an import (pure; `current` and `result` are not modified, the new state shares no
 * object with `result`). Preferences in the file set those keys; decisions in the file are added, or replace
 * the decision for the same site in place; lists are added, or replace the list with the same id in place
 * and whole (entries, institutions, domains at once) but keep the user's on/off switch.
 * With `mode` `keep` (the default) nothing else changes: other stored preferences (even unknown keys),
 * decisions, protection choices and lists stay (a protection choice for a site in the file replaces the old
 * one). With `replace`, what the file does not mention goes (`leftOutOfImport`): other
 * preferences return to their defaults (their stored keys are removed), other decisions and lists are removed.
 */
export function applyImportToState(current: ConfigState, result: Pick<ImportSuccess, 'config'>, mode: ImportMode = 'keep'): ConfigState {
  const config = result.config;
  const preferences: Record<string, unknown> = {};
  for (const key of mode === 'keep' ? Object.keys(current.preferences ?? {}) : []) {
    if (key === '__proto__') continue;
    preferences[key] = current.preferences[key];
  }
  for (const key of Object.keys(config.preferences) as Array<keyof Preferences>) preferences[key] = cloneJson(config.preferences[key]);

  const siteDecisions = mode === 'keep' ? [...(current.siteDecisions ?? [])] : [];
  for (const decision of config.siteDecisions) {
    const i = siteDecisions.findIndex((d) => d.site === decision.site);
    if (i >= 0) siteDecisions[i] = cloneJson(decision);
    else siteDecisions.push(cloneJson(decision));
  }
  const siteProtection = mode === 'keep' ? [...(current.siteProtection ?? [])] : [];
  for (const choice of config.siteProtection) {
    const i = siteProtection.findIndex((p) => p.site === choice.site);
    if (i >= 0) siteProtection[i] = cloneJson(choice);
    else siteProtection.push(cloneJson(choice));
  }
  const customLists = mode === 'keep' ? [...(current.customLists ?? [])] : [];
  for (const list of config.customLists) {
    const i = customLists.findIndex((l) => l.id === list.id);
    const old = (current.customLists ?? []).find((l) => l.id === list.id);
    if (i >= 0) customLists[i] = cloneJson(keepSwitch(list, customLists[i]));
    else customLists.push(cloneJson(keepSwitch(list, old)));
  }
  return { preferences, siteDecisions, customLists, siteProtection };
}
