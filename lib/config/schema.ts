/**
 * The shareable file formats, as valibot schemas: `linkwatch-config` (a user's settings and custom lists)
 * and `linkwatch-list` (one custom list, what an advocate publishes). Both are at format version 1.
 *
 * The schemas say the shape of the *current* version only; older files are first brought to it by
 * `migrations.ts`. Custom lists reuse the catalog's own schemas (`InstitutionSchema`, `ArrangementSchema`,
 * `HttpsUrlSchema`), so an entry in a custom list is held to exactly the bundled catalog's rules; the
 * cross-reference rules (parties exist, no bundled entry redefined) live in `index.ts`.
 *
 * Objects are `strictObject`s, so the published JSON Schema says "no other keys" (an editor flags a typo).
 * The importer itself is more forgiving: a pre-pass (`project.ts`) drops unknown keys and reports them
 * before these schemas run, so in practice a strict object never fails on an extra key.
 *
 * Limits (`LIMITS`) keep a hostile file from costing much: they are checked before validation.
 */
import * as v from 'valibot';
import { parse as parseDomain } from 'tldts';
import { ALERT_STYLES, LANGUAGE_CHOICES, type AlertStyle } from '../prefs/schema';
import { ArrangementSchema, HttpsUrlSchema, IdSchema, InstitutionSchema, PartialDateSchema } from '../catalog/schema';

/** The `format` of a config file: a user's settings, site decisions and custom lists. */
export const CONFIG_FORMAT = 'linkwatch-config';
/** The `format` of a list file: one custom list, as an advocate publishes it. */
export const LIST_FORMAT = 'linkwatch-list';

/** The format version this code writes and reads; older versions are migrated, newer ones refused. */
export const CURRENT_VERSION = 1;

/**
 * Hard limits on an imported file. `maxBytes` is UTF-8 bytes of the text; `maxDepth` counts nested
 * objects and arrays (the root object is depth 1); `maxListEntries` applies to a list's institutions and to
 * its arrangements separately.
 */
export const LIMITS = {
  maxBytes: 1024 * 1024,
  maxDepth: 20,
  maxSiteDecisions: 1000,
  maxLists: 20,
  maxListEntries: 2000,
} as const;

/** An ISO 8601 instant with seconds and a zone: `2026-11-29T10:15:00Z`, `2026-11-29T11:15:00.123+01:00`. */
const INSTANT_RE = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,9})?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

function isRealInstant(value: string): boolean {
  const [y, m, d] = value.slice(0, 10).split('-').map(Number);
  const day = new Date(Date.UTC(y!, m! - 1, d!));
  return day.getUTCDate() === d && !Number.isNaN(Date.parse(value));
}

/** ISO 8601 instant (see `INSTANT_RE`), a real calendar date. */
export const InstantSchema = v.pipe(
  v.string(),
  v.maxLength(40, 'must be an ISO 8601 instant like 2026-11-29T10:15:00Z'),
  v.regex(INSTANT_RE, 'must be an ISO 8601 instant like 2026-11-29T10:15:00Z'),
  v.check(isRealInstant, 'must be a real date and time'),
);

const HOST_RE = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/;

/** Why `value` is not a registrable domain, or null when it is one. Pure; uses the public suffix list. */
export function siteProblem(value: string): string | null {
  const parsed = parseDomain(value);
  if (parsed.isIp) return 'must be a domain name, not an IP address';
  if (!parsed.domain || !parsed.isIcann) return `"${value}" has no registrable domain under a public suffix`;
  if (parsed.domain !== value) return `must be the registrable domain "${parsed.domain}", not a host below it`;
  return null;
}

/**
 * A site: a registrable domain (eTLD+1) in lowercase ASCII (punycode for IDNs), e.g. `chase.com`,
 * `barclays.co.uk`; never a subdomain, a public suffix or an IP address. Same unit as `SiteMatch.site`.
 */
export const SiteSchema = v.pipe(
  v.string(),
  v.maxLength(253, 'must be at most 253 characters'),
  v.regex(HOST_RE, 'must be a lowercase domain name like chase.com (no scheme, port, path or trailing dot)'),
  v.check((s) => siteProblem(s) === null, (issue) => siteProblem(String(issue.input)) ?? 'must be a registrable domain'),
);

/** A per-site decision as stored in a file; the same shape as `SiteDecision` in lib/prefs. */
export const SiteDecisionSchema = v.variant('decision', [
  v.strictObject({
    site: SiteSchema,
    decision: v.literal('muted'),
    createdAt: InstantSchema,
  }),
  v.strictObject({
    site: SiteSchema,
    decision: v.literal('snoozed'),
    /** When the snooze ends. */
    until: InstantSchema,
    createdAt: InstantSchema,
  }),
]);
/** A validated decision: `{ site, decision: 'muted', createdAt }` or `{ site, decision: 'snoozed', until, createdAt }`. */
export type SiteDecisionV1 = v.InferOutput<typeof SiteDecisionSchema>;

/**
 * A per-site protection choice as stored in a file; the same shape as `SiteProtection` in lib/protection:
 * `protect` true stops the site's requests to platforms' tracking endpoints, false leaves the site alone
 * whatever the global switch says (issue 23).
 */
export const SiteProtectionSchema = v.strictObject({
  site: SiteSchema,
  protect: v.boolean(),
  createdAt: InstantSchema,
});

/**
 * Preferences in a file: only known keys, each optional (files hold only what differs from the defaults).
 * `badgeLevels` may list some levels only; the importer fills the others from the defaults. (A unit test
 * checks that these keys are exactly `DEFAULT_PREFERENCES`'s and `EVIDENCE_LEVELS`.)
 */
export const PreferencesPatchSchema = v.strictObject({
  alertStyle: v.optional(v.picklist(ALERT_STYLES as readonly [AlertStyle, ...AlertStyle[]])),
  badgeLevels: v.optional(
    v.strictObject({
      reported: v.optional(v.boolean()),
      owned: v.optional(v.boolean()),
      observed: v.optional(v.boolean()),
      linked: v.optional(v.boolean()),
    }),
  ),
  /** Protection on every bank and payment site Linkwatch knows (issue 23). */
  protectAll: v.optional(v.boolean()),
  /** The interface's language: the browser's, or one Linkwatch has (issue 25). */
  language: v.optional(v.picklist(LANGUAGE_CHOICES)),
});

/**
 * A custom list: an advocate's own institutions and arrangements, shown as coming from that list.
 * `date` (YYYY-MM-DD) is when the author last changed it; `enabled` (default true) whether the user uses it.
 * `institutions` and `arrangements` default to empty; each holds at most `LIMITS.maxListEntries` entries.
 */
export const CustomListSchema = v.strictObject({
  id: IdSchema,
  name: v.pipe(v.string(), v.trim(), v.nonEmpty('name is missing'), v.maxLength(80, 'must be at most 80 characters')),
  author: v.pipe(v.string(), v.trim(), v.nonEmpty('author is missing'), v.maxLength(120, 'must be at most 120 characters')),
  date: v.pipe(PartialDateSchema, v.length(10, 'must be a full date, YYYY-MM-DD')),
  description: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(400, 'must be at most 400 characters'))),
  homepage: v.optional(HttpsUrlSchema),
  enabled: v.optional(v.boolean(), true),
  /**
   * The one language the list's texts were written in, when it was written in one (issue 21): its other
   * language's fields repeat that text, and the UI marks its entries as being in that language.
   */
  lang: v.optional(v.picklist(['en', 'fr'])),
  institutions: v.optional(
    v.pipe(v.array(InstitutionSchema), v.maxLength(LIMITS.maxListEntries, `at most ${LIMITS.maxListEntries} institutions per list`)),
    () => [],
  ),
  arrangements: v.optional(
    v.pipe(v.array(ArrangementSchema), v.maxLength(LIMITS.maxListEntries, `at most ${LIMITS.maxListEntries} arrangements per list`)),
    () => [],
  ),
});
/** A custom list after validation (defaults filled). */
export type CustomList = v.InferOutput<typeof CustomListSchema>;

/** Optional `$schema` key, so an author can point an editor at docs/config.schema.json. Ignored on import. */
const DollarSchema = v.optional(v.pipe(v.string(), v.maxLength(2048)));

/** `linkwatch-config` version 1: a user's settings and lists. */
export const ConfigV1Schema = v.strictObject({
  $schema: DollarSchema,
  format: v.literal(CONFIG_FORMAT),
  version: v.literal(CURRENT_VERSION),
  createdAt: InstantSchema,
  preferences: v.optional(PreferencesPatchSchema, () => ({})),
  siteDecisions: v.optional(
    v.pipe(v.array(SiteDecisionSchema), v.maxLength(LIMITS.maxSiteDecisions, `at most ${LIMITS.maxSiteDecisions} site decisions`)),
    () => [],
  ),
  customLists: v.optional(
    v.pipe(v.array(CustomListSchema), v.maxLength(LIMITS.maxLists, `at most ${LIMITS.maxLists} custom lists`)),
    () => [],
  ),
  /** Per-site protection choices (issue 23), one per site. */
  siteProtection: v.optional(
    v.pipe(v.array(SiteProtectionSchema), v.maxLength(LIMITS.maxSiteDecisions, `at most ${LIMITS.maxSiteDecisions} protection choices`)),
    () => [],
  ),
  /**
   * Sites the person asked Linkwatch to watch ("Watch this site", issue 21). Their record is the browser's
   * permission, which a file cannot carry: importing asks the browser again, for these sites.
   */
  watchedSites: v.optional(
    v.pipe(v.array(SiteSchema), v.maxLength(LIMITS.maxSiteDecisions, `at most ${LIMITS.maxSiteDecisions} watched sites`)),
    () => [],
  ),
});

/** `linkwatch-list` version 1: one custom list, as an advocate publishes it. */
export const ListFileV1Schema = v.strictObject({
  $schema: DollarSchema,
  format: v.literal(LIST_FORMAT),
  version: v.literal(CURRENT_VERSION),
  list: CustomListSchema,
});

/** Either file, told apart by `format` (what docs/config.schema.json describes). */
export const AnyFileV1Schema = v.variant('format', [ConfigV1Schema, ListFileV1Schema]);
