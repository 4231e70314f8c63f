/**
 * The rules for custom lists beyond their schema: checked against the bundled catalog (no bundled entry or
 * domain redefined) and the catalog's own cross-reference rules (parties exist, no id twice, group chains).
 * Problems come back with JSON paths into the file.
 */
import { checkReferences, type CatalogProblem } from '../catalog/check';
import { parse as parseDomain } from 'tldts';
import { isJsonObject } from './project';
import type { CustomList } from './schema';
import type { ImportProblem } from './types';


/** The bundled catalog's ids and claimed hosts, built once per catalog object. */
export interface BundledIndex {
  institutions: ReadonlySet<string>;
  arrangements: ReadonlySet<string>;
  /** Claimed host (a rule's `domain`, path ignored) -> owning institution id. */
  domains: ReadonlyMap<string, string>;
  /** Institution id -> display name (for messages). */
  names: ReadonlyMap<string, string>;
  /** Ids of the platforms (kind `platform`): their own sites are first party, never watched. */
  platforms: ReadonlySet<string>;
  /** Ids of the regulators (kind `regulator`): their sites are never protected (lib/protection). */
  regulators: ReadonlySet<string>;
}

const indexCache = new WeakMap<object, BundledIndex>();

/**
 * Index a catalog's ids and domains. Reads defensively (anything with a string `id`, rules with a string
 * `domain`), so a bundled catalog that fails its own schema (a build defect, or a catalog being edited)
 * still guards imports instead of making every import fail.
 */
export function bundledIndex(catalog: unknown): BundledIndex {
  const key = typeof catalog === 'object' && catalog !== null ? catalog : {};
  const cached = indexCache.get(key);
  if (cached) return cached;
  const entries = (name: string): Array<Record<string, unknown>> => {
    const list = (key as Record<string, unknown>)[name];
    return Array.isArray(list) ? list.filter(isJsonObject) : [];
  };
  const ids = (list: Array<Record<string, unknown>>) => new Set(list.flatMap((e) => (typeof e.id === 'string' ? [e.id] : [])));
  const domains = new Map<string, string>();
  const names = new Map<string, string>();
  const platforms = new Set<string>();
  const regulators = new Set<string>();
  for (const inst of entries('institutions')) {
    if (typeof inst.id === 'string' && typeof inst.name === 'string') names.set(inst.id, inst.name);
    if (typeof inst.id === 'string' && inst.kind === 'platform') platforms.add(inst.id);
    if (typeof inst.id === 'string' && inst.kind === 'regulator') regulators.add(inst.id);
    if (typeof inst.id !== 'string' || !Array.isArray(inst.domains)) continue;
    for (const rule of inst.domains) {
      const domain = isJsonObject(rule) ? rule.domain : undefined;
      if (typeof domain === 'string' && !domains.has(domain)) domains.set(domain, inst.id);
    }
  }
  const index: BundledIndex = { institutions: ids(entries('institutions')), arrangements: ids(entries('arrangements')), domains, names, platforms, regulators };
  indexCache.set(key, index);
  return index;
}

/** The bundled claim covering `host` (itself or a parent domain, at dot boundaries), if any. */
export function bundledClaim(host: string, bundled: BundledIndex): { domain: string; institution: string } | undefined {
  for (let candidate = host; ; ) {
    const institution = bundled.domains.get(candidate);
    if (institution !== undefined) return { domain: candidate, institution };
    const dot = candidate.indexOf('.');
    if (dot < 0) return undefined;
    candidate = candidate.slice(dot + 1);
  }
}

/**
 * A domain many unrelated sites live under: a public suffix, of the list's ICANN or private section
 * (`github.io`, `blogspot.com`, `co.uk`). A list or a config cannot claim or watch one whole (issue 21: an
 * outside test had `*.github.io` asked for through a list). Null when it is a site, else why not.
 */
export function sharedSuffixProblem(domain: string): string | null {
  const parsed = parseDomain(domain, { allowPrivateDomains: true });
  if (parsed.publicSuffix === domain) return `"${domain}" is shared by many unrelated sites (a public suffix); name the site itself, e.g. "name.${domain}"`;
  return null;
}

/** Longest `group` chain allowed in a list; real groups are two or three levels (meta > facebook). */
const MAX_GROUP_CHAIN = 8;

/**
 * The rules for one custom list: its date, the catalog's cross-reference rules (with the bundled institutions
 * as known parties) and "no bundled entry redefined". Problems are appended with JSON paths under `listPath`.
 */
export function checkList(list: CustomList, listPath: string, bundled: BundledIndex, today: string, problems: ImportProblem[]): void {
  if (list.date > today) problems.push({ path: `${listPath}.date`, message: `${list.date} is in the future` });

  list.institutions.forEach((inst, i) => {
    const path = `${listPath}.institutions[${i}]`;
    if (bundled.institutions.has(inst.id)) {
      problems.push({
        path: `${path}.id`,
        message: `"${inst.id}" is a bundled institution; a list may name it as a party but cannot redefine it. To add a domain to it, add an institution of your own with "group": "${inst.id}" and that domain`,
        code: 'bundled-institution',
        values: [inst.id],
      });
    }
    inst.domains.forEach((rule, j) => {
      const shared = sharedSuffixProblem(rule.domain);
      if (shared) problems.push({ path: `${path}.domains[${j}].domain`, message: shared, code: 'not-accepted' });
      const claim = bundledClaim(rule.domain, bundled);
      if (claim) {
        const where = claim.domain === rule.domain ? '' : `, which claims ${claim.domain}`;
        const first = `the list "${list.name}" (institution "${inst.name}")`;
        const second = `Linkwatch's catalog (institution "${bundled.names.get(claim.institution) ?? claim.institution}"${where})`;
        problems.push({
          path: `${path}.domains[${j}].domain`,
          message: `"${rule.domain}" is claimed by both ${first} and ${second}; a site belongs to one owner only`,
          code: 'domain-in-catalog',
          values: [rule.domain, bundled.names.get(claim.institution) ?? claim.institution, list.name],
        });
      }
    });
  });
  list.arrangements.forEach((a, i) => {
    if (bundled.arrangements.has(a.id)) {
      problems.push({
        path: `${listPath}.arrangements[${i}].id`,
        message: `"${a.id}" is a bundled arrangement; a list cannot redefine it`,
        code: 'bundled-entry',
        values: [a.id],
      });
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

/** A list being checked together with others: `path` is its JSON path in the file, null for an installed list. */
export interface PlacedList {
  list: CustomList;
  path: string | null;
}

/**
 * The rules between lists: no site claimed by two lists (a domain equal to, or at a dot boundary below,
 * another list's domain: `bank.example` and `online.bank.example` clash), and no institution or arrangement
 * id used by two lists (an entry's address, `#/arrangement/ID`, must name one entry). `fromFile` are the
 * file's lists in order; `installed` the user's lists (read defensively: stored data), of which those with
 * the id of a file's list are left out (the file replaces them). A clash is reported once, at the file's
 * path of the later claim (or of the file's claim when the other is installed), naming both lists.
 */
export function checkListsTogether(fromFile: readonly PlacedList[], installed: readonly PlacedList[], bundled: BundledIndex, problems: ImportProblem[]): void {
  const replaced = new Set(fromFile.map((p) => p.list.id));
  const all = [...fromFile, ...installed.filter((p) => isJsonObject(p.list) && !replaced.has(p.list.id))];
  const label = (list: CustomList, inst?: { name?: unknown }) =>
    `the list "${String(list.name)}"${inst && typeof inst.name === 'string' ? ` (institution "${inst.name}")` : ''}`;

  // Domains: every claim, then for each claim every claim at itself or a parent domain by another list.
  // A list's owner key is its id: two lists with one id in a file are reported as such, not as clashes.
  interface Claim {
    domain: string;
    owner: string;
    path: string | null;
    label: string;
    listName: string;
    order: number;
  }
  const byDomain = new Map<string, Claim[]>();
  const claims: Claim[] = [];
  all.forEach((placed) => {
    const owner = String(placed.list.id);
    const institutions = Array.isArray(placed.list.institutions) ? placed.list.institutions : [];
    institutions.forEach((inst, i) => {
      const rules = isJsonObject(inst) && Array.isArray(inst.domains) ? inst.domains : [];
      rules.forEach((rule, j) => {
        if (!isJsonObject(rule) || typeof rule.domain !== 'string') return;
        const claim: Claim = {
          domain: rule.domain,
          owner,
          path: placed.path === null ? null : `${placed.path}.institutions[${i}].domains[${j}].domain`,
          label: label(placed.list, inst),
          listName: String(placed.list.name),
          order: claims.length,
        };
        claims.push(claim);
        const same = byDomain.get(rule.domain);
        if (same) same.push(claim);
        else byDomain.set(rule.domain, [claim]);
      });
    });
  });
  const reported = new Set<string>();
  for (const claim of claims) {
    for (let candidate = claim.domain; ; ) {
      for (const other of byDomain.get(candidate) ?? []) {
        if (other.owner === claim.owner) continue;
        if (claim.path === null && other.path === null) continue;
        const [first, second] = other.order < claim.order ? [other, claim] : [claim, other];
        // Report at the file's claim; when both are in the file, at the later one.
        const at = second.path ?? first.path!;
        const key = `${first.order}/${second.order}`;
        if (reported.has(key)) continue;
        reported.add(key);
        const shown = first.domain === second.domain ? `"${first.domain}"` : `"${first.domain}" and "${second.domain}"`;
        const atClaim = at === second.path ? second : first;
        problems.push({
          path: at,
          message: `${shown} ${first.domain === second.domain ? 'is claimed by both' : 'overlap (one is within the other); they are claimed by'} ${first.label} and ${second.label}; a site belongs to one list only`,
          code: 'domain-claimed-twice',
          values: [atClaim.domain, first.listName, second.listName],
        });
      }
      const dot = candidate.indexOf('.');
      if (dot < 0) break;
      candidate = candidate.slice(dot + 1);
    }
  }

  // Ids: institutions and arrangements, across lists (within one list, checkReferences reports them).
  for (const field of ['institutions', 'arrangements'] as const) {
    const seen = new Map<string, number>();
    all.forEach((placed, owner) => {
      if (all.findIndex((p) => p.list.id === placed.list.id) !== owner) return;
      const entries = Array.isArray(placed.list[field]) ? placed.list[field] : [];
      entries.forEach((entry, i) => {
        const id = isJsonObject(entry) && typeof entry.id === 'string' ? entry.id : undefined;
        if (id === undefined) return;
        const before = seen.get(id);
        if (before === undefined) {
          seen.set(id, owner);
          return;
        }
        if (before === owner) return;
        const other = all[before]!;
        const at = placed.path ?? other.path;
        if (at === null) return;
        const index = placed.path !== null ? i : (other.list[field] as Array<{ id: string }>).findIndex((e) => e.id === id);
        const otherList = placed.path !== null ? other.list : placed.list;
        problems.push({
          path: `${at}.${field}[${index}].id`,
          message: `${field === 'institutions' ? 'institution' : 'arrangement'} id "${id}" is also used by ${label(otherList)}; an id belongs to one list only`,
          code: 'id-used-twice',
          values: [id, String(otherList.name)],
        });
      });
    });
  }
}
