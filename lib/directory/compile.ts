/**
 * Compiling and checking the directory (issue 21): the curated entries and the FDIC hosts, checked against
 * each other and against the catalog's institutions, reduced to the form the background loads at start
 * (`CompiledDirectory`: the catalog's institution shape, no sources). Pure; used by scripts/directory.ts
 * (which writes assets/directory/compiled.json) and by the unit tests (which fail while that file is stale
 * or while any rule below is broken).
 *
 * Rules: ids unique across catalog and directory; every domain a registrable domain (eTLD+1, Public Suffix
 * List ICANN section via tldts) or a host under one, never an IP or a bare public suffix; no domain claimed
 * twice, nor one at or under another institution's domain (one owner per domain, DESIGN.md); a group names
 * an institution that exists; no general-purpose platform's domain (a bank's Facebook page is not its site).
 */
import { parse } from 'tldts';
import type { Institution } from '../catalog/schema';
import type { DirectoryFile, FdicFile } from './schema';

/**
 * Registrable domains of general-purpose platforms and site hosts that appear in banks' website fields
 * (the FDIC list has a bank's Facebook, LinkedIn or Instagram page): never a bank's own site.
 */
export const GENERAL_PURPOSE_SITES: ReadonlySet<string> = new Set([
  'facebook.com', 'instagram.com', 'linkedin.com', 'twitter.com', 'x.com', 'pinterest.com', 'youtube.com',
  'tiktok.com', 'google.com', 'wordpress.com', 'blogspot.com', 'wixsite.com', 'squarespace.com', 'weebly.com',
  'yelp.com', 'threads.net', 'm.me', 'fb.com', 'fb.me',
]);

/** The directory as the background loads it: institutions in the catalog's shape, without sources. */
export interface CompiledDirectory {
  /** What it was compiled from: the curated file's check date and the dataset's commit and date. */
  from: { curatedChecked: string; fdicCommit: string; fdicDate: string };
  institutions: Institution[];
  /**
   * The registrable domain of each domain rule that is a host below one (`online.example.com` ->
   * `example.com`); every other rule's domain is itself registrable. Computed here (tldts) so that the
   * service worker does not run the Public Suffix List over a thousand rules at each start (issue 21).
   */
  hostSites: Record<string, string>;
}

/** One broken rule, naming the entry and the domain. */
export interface DirectoryProblem {
  entry: string;
  message: string;
}

/** Counts for the closing note and docs: by country and kind, by verification level, and the FDIC hosts kept. */
export interface DirectoryStats {
  institutions: number;
  domains: number;
  byCountry: Record<string, number>;
  byKind: Record<string, number>;
  byLevel: Record<string, number>;
  fdicHosts: number;
  fdicCovered: number;
}

/** The host one label up (`a.b.c` -> `b.c`), or null at a single label. */
function parentOf(host: string): string | null {
  const dot = host.indexOf('.');
  return dot < 0 ? null : host.slice(dot + 1);
}

/** Why a domain rule is not a registrable domain or a host under one, or null when it is. */
export function domainProblem(domain: string): string | null {
  const parsed = parse(domain);
  if (parsed.isIp) return 'is an IP address';
  if (!parsed.domain || !parsed.isIcann) return 'has no registrable domain (a bare public suffix or an unknown suffix)';
  if (GENERAL_PURPOSE_SITES.has(parsed.domain)) return `is on ${parsed.domain}, a general-purpose platform, not an institution's own site`;
  return null;
}

/**
 * Check and compile. `catalog` is the catalog's institutions (the directory's seed entries, already checked
 * by the catalog check). Returns the compiled directory (only the entries the directory adds), the problems
 * (empty when every rule holds) and the counts. Never throws.
 */
export function compileDirectory(
  catalog: readonly Institution[],
  curated: DirectoryFile,
  fdic: FdicFile,
): { compiled: CompiledDirectory; problems: DirectoryProblem[]; stats: DirectoryStats } {
  const problems: DirectoryProblem[] = [];
  const ids = new Set(catalog.map((i) => i.id));
  // Every claimed host rule so far (path rules are the catalog's Messenger-in-facebook.com case: skipped),
  // and, for each, the domains above it, so "at, under or above another's domain" is a few map probes.
  const claimed = new Map<string, string>();
  const above = new Map<string, { domain: string; owner: string }>();
  const claim = (domain: string, owner: string) => {
    claimed.set(domain, owner);
    for (let h = parentOf(domain); h !== null; h = parentOf(h)) if (!above.has(h)) above.set(h, { domain, owner });
  };
  const claimedBy = (domain: string): { domain: string; owner: string } | undefined => {
    for (let h: string | null = domain; h !== null; h = parentOf(h)) {
      const owner = claimed.get(h);
      if (owner !== undefined) return { domain: h, owner };
    }
    return above.get(domain);
  };
  for (const i of catalog) for (const d of i.domains) if (d.path === undefined) claim(d.domain, i.id);

  const out: Institution[] = [];
  for (const entry of curated.institutions) {
    if (ids.has(entry.id)) problems.push({ entry: entry.id, message: 'id already used (by the catalog or an earlier entry)' });
    ids.add(entry.id);
    const domains: Institution['domains'] = [];
    for (const d of entry.domains) {
      const bad = domainProblem(d.domain);
      if (bad) problems.push({ entry: entry.id, message: `${d.domain} ${bad}` });
      const other = claimedBy(d.domain);
      if (other && other.owner !== entry.id) problems.push({ entry: entry.id, message: `${d.domain} is already claimed by ${other.owner} (${other.domain})` });
      claim(d.domain, entry.id);
      domains.push({ domain: d.domain, verified: d.verified });
    }
    const { notes: _notes, domains: _d, ...rest } = entry;
    out.push({ ...rest, domains });
  }
  for (const entry of curated.institutions) {
    if (entry.group !== undefined && !ids.has(entry.group)) problems.push({ entry: entry.id, message: `group "${entry.group}" is no institution` });
  }

  // FDIC hosts: those at or under a domain already claimed are covered (that institution is named); the
  // rest become one entry (the dataset gives no names).
  if (ids.has(fdic.institution.id)) problems.push({ entry: fdic.institution.id, message: 'id already used' });
  let covered = 0;
  const hosts: string[] = [];
  for (const host of fdic.hosts) {
    const bad = domainProblem(host);
    if (bad) {
      problems.push({ entry: fdic.institution.id, message: `${host} ${bad}` });
      continue;
    }
    // At or under a claimed domain: that institution is named. Above one (a bank's host rule under it):
    // left out too, so that no domain has two owners.
    if (claimedBy(host) !== undefined) {
      covered++;
      continue;
    }
    hosts.push(host);
  }
  // A host under another listed host is covered by it (the rule covers every host under it).
  const listed = new Set(hosts);
  const kept = hosts.filter((h) => {
    for (let p = parentOf(h); p !== null; p = parentOf(p)) if (listed.has(p)) return false;
    return true;
  });
  covered += hosts.length - kept.length;
  if (kept.length) out.push({ id: fdic.institution.id, name: fdic.institution.name, country: 'US', kind: 'bank', domains: kept.map((domain) => ({ domain, verified: 'register' })) });

  const stats: DirectoryStats = { institutions: out.length, domains: 0, byCountry: {}, byKind: {}, byLevel: {}, fdicHosts: kept.length, fdicCovered: covered };
  for (const i of out) {
    stats.byCountry[i.country] = (stats.byCountry[i.country] ?? 0) + 1;
    stats.byKind[i.kind] = (stats.byKind[i.kind] ?? 0) + 1;
    for (const d of i.domains) {
      stats.domains++;
      stats.byLevel[d.verified] = (stats.byLevel[d.verified] ?? 0) + 1;
    }
  }
  const hostSites: Record<string, string> = {};
  for (const i of out) {
    for (const d of i.domains) {
      const site = parse(d.domain).domain;
      if (site && site !== d.domain) hostSites[d.domain] = site;
    }
  }
  return { compiled: { from: { curatedChecked: curated.checked, fdicCommit: fdic.source.commit, fdicDate: fdic.source.date }, institutions: out, hostSites }, problems, stats };
}
