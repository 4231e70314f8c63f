/**
 * Protection's rules in the browser (issue 23): the declarativeNetRequest dynamic rules that lib/protection
 * computes from the person's choices in IndexedDB, and what they cover now.
 *
 * The rules are rebuilt from IndexedDB (`sync`) on every worker start (which covers a browser start and an
 * update) and after every change an extension page reports (`prefs-changed`: a switch, an import, a reset),
 * in one `updateDynamicRules` call that removes every rule Linkwatch had and adds the new ones (the browser
 * applies it atomically: there is no moment with half the rules). Nothing is kept in memory that the browser
 * does not hold: `covers` answers from the rules as last read back from the browser (`getDynamicRules`), so a
 * request is called "blocked by Linkwatch" only when a rule of Linkwatch's that the browser has covers it.
 */
import type { ObservationKind } from '../evidence';
import { blockRules, blocksUrl, protects, protectionPlan, type BlockRule, type ProtectionChoices, type ProtectionPlan } from '../protection';
import { withDefaults } from '../prefs/schema';
import { coalesce } from '../router';
import { siteOfPattern } from '../url';
import type { SiteProtection } from '../protection';

/** The subset of `declarativeNetRequest` used (Chromium MV3 and Firefox MV2 both have it). */
export interface DnrApi {
  getDynamicRules(): Promise<InstalledRule[]>;
  updateDynamicRules(options: { removeRuleIds: number[]; addRules: BlockRule[] }): Promise<void>;
}

/** A dynamic rule as the browser gives it back (the fields Linkwatch writes; any may be missing from another's rule). */
export interface InstalledRule {
  id: number;
  priority?: number;
  action?: { type?: string };
  condition: {
    regexFilter?: string;
    isUrlFilterCaseSensitive?: boolean;
    requestDomains?: string[];
    initiatorDomains?: string[];
    excludedInitiatorDomains?: string[];
    excludedResourceTypes?: string[];
  };
}

/** What `createProtection` needs. */
export interface ProtectionDeps {
  /** The browser's API; undefined where it is missing (protection then does nothing, and says so by `available`). */
  dnr: DnrApi | undefined;
  /** The person's choices as stored now (IndexedDB); throws when the database cannot be read. */
  choices(): Promise<ProtectionChoices>;
  /** The domains "every bank" covers (lib/directory `watchedDomainSet`). */
  bankDomains(): ReadonlySet<string>;
  /** The sites the person watches (their granted host permissions, as domains): a per-site choice counts only on a watched site. */
  userSites(): Promise<ReadonlySet<string>>;
}

/** The service. */
export interface Protection {
  /** Rebuild the rules from the stored choices (coalesced: one running, one waiting). Rejects on failure. */
  sync(): Promise<void>;
  /** Resolves once the installed rules have been read back at least once (after the worker started). */
  ready: Promise<void>;
  /**
   * Whether a request of `kind` to `url` from a document or worker on `initiatorHost` is covered by the
   * installed rules: their initiators (as read back) and their URL patterns (lib/protection `blocksUrl`).
   */
  covers(initiatorHost: string | null, kind: ObservationKind, url: string): boolean;
  /** The plan the installed rules carry (for tests and diagnostics). */
  installed(): ProtectionPlan;
}

const EMPTY: ProtectionPlan = { initiators: [], excluded: [] };

/** The plan an installed rule set carries: every Linkwatch rule has the same initiators. */
function planOf(rules: readonly InstalledRule[]): ProtectionPlan {
  const first = rules[0];
  if (!first) return EMPTY;
  return { initiators: [...(first.condition.initiatorDomains ?? [])], excluded: [...(first.condition.excludedInitiatorDomains ?? [])] };
}

/** Whether two rules have the same initiators and exclusions (the same array, or equal ones). */
function sameScope(a: InstalledRule, b: InstalledRule): boolean {
  const eq = (x: string[] = [], y: string[] = []) => x === y || (x.length === y.length && x.every((v, i) => v === y[i]));
  return eq(a.condition.initiatorDomains, b.condition.initiatorDomains) && eq(a.condition.excludedInitiatorDomains, b.condition.excludedInitiatorDomains);
}

/**
 * `choices` and `userSites` for `createProtection`, from the database and the browser's grants. The choices
 * are read straight from the database, not through lib/background/local-data (which falls back to defaults):
 * a database that cannot be read fails the rebuild and leaves the rules as they were, never silently off.
 */
export function protectionSources(
  readConfigState: () => Promise<{ preferences: Record<string, unknown>; siteProtection?: SiteProtection[] }>,
  grantedOrigins: () => Promise<string[]>,
): Pick<ProtectionDeps, 'choices' | 'userSites'> {
  return {
    choices: async () => {
      const stored = await readConfigState();
      return { all: withDefaults(stored.preferences).protectAll, sites: stored.siteProtection ?? [] };
    },
    userSites: async () => new Set((await grantedOrigins()).flatMap((p) => siteOfPattern(p) ?? [])),
  };
}

/** Build the service; it reads the installed rules at once (`ready`). */
export function createProtection(deps: ProtectionDeps): Protection {
  let plan: ProtectionPlan = EMPTY;
  const readBack = async () => {
    if (!deps.dnr) return;
    plan = planOf(await deps.dnr.getDynamicRules());
  };
  const ready = readBack();
  const sync = coalesce(async () => {
    if (!deps.dnr) return;
    const [choices, userSites] = await Promise.all([deps.choices(), deps.userSites()]);
    const wanted = blockRules(protectionPlan(choices, deps.bankDomains(), userSites));
    const existing = await deps.dnr.getDynamicRules();
    // Unchanged (the usual worker start): the browser already holds exactly these rules. Every rule has the
    // same initiators (over 1,600 domains with "every bank"), so they are compared once, not per rule; every
    // other field is compared rule by rule (an update that changes an endpoint's hosts rewrites the rules).
    const shape = (rules: readonly InstalledRule[]) =>
      JSON.stringify([
        rules.map((r) => [r.id, r.priority, r.action?.type, r.condition.regexFilter, r.condition.isUrlFilterCaseSensitive, r.condition.requestDomains, r.condition.excludedResourceTypes]),
        planOf(rules),
        rules.every((r) => sameScope(r, rules[0]!)),
      ]);
    if (shape(existing) === shape(wanted)) return;
    await deps.dnr.updateDynamicRules({ removeRuleIds: existing.map((r) => r.id), addRules: wanted });
    await readBack();
  });
  return {
    sync,
    ready: ready.catch(() => undefined),
    covers: (host, kind, url) => protects(plan, host, kind) && blocksUrl(url),
    installed: () => plan,
  };
}
