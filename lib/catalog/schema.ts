/**
 * The catalog's schema: institutions (who owns which domains) and arrangements (what was reported about
 * data flowing between them, when, with which status and on whose authority).
 *
 * The shapes are valibot schemas so that the bundled catalog, custom lists imported by users and the
 * config format all share one definition; `InferOutput` gives the static types. Cross-references (a party
 * that exists, a domain claimed once) cannot be said in a schema and live in `check.ts`.
 *
 * Rules come from shared/DESIGN.md, "Catalog rules (truth first)".
 */
import * as v from 'valibot';
import { isHttpsLink } from '../url/parse';

/** Kebab-case identifier, e.g. `fb-us-banks-messenger-2018`. */
export const IdSchema = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9, single dashes)'),
  v.maxLength(80, 'must be at most 80 characters'),
);

/**
 * A date known to the day, month or year: `2018-08-06`, `2018-08` or `2018`. Only the precision the source
 * gives is stored (DESIGN.md: "where a date is only known to the month or year, store only that precision").
 */
export const PartialDateSchema = v.pipe(
  v.string(),
  v.regex(/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD'),
  v.check(isRealDate, 'must be a real calendar date'),
);

function isRealDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number);
  if (m === undefined || d === undefined) return true;
  const date = new Date(Date.UTC(y!, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Length limits keep the popup readable: a title is a line, a paragraph is a sentence or two. */
export const TEXT_LIMITS = { title: 120, text: 400 } as const;

/** Text in English and French; both are required for every bundled text field. */
const localized = (max: number) =>
  v.strictObject({
    en: v.pipe(v.string(), v.trim(), v.nonEmpty('English text is missing'), v.maxLength(max, `English text is longer than ${max} characters`)),
    fr: v.pipe(v.string(), v.trim(), v.nonEmpty('French text is missing'), v.maxLength(max, `French text is longer than ${max} characters`)),
  });
export const LocalizedTitleSchema = localized(TEXT_LIMITS.title);
export const LocalizedTextSchema = localized(TEXT_LIMITS.text);
export type LocalizedText = v.InferOutput<typeof LocalizedTextSchema>;

/** Only `https:` links are stored or rendered (DESIGN.md, privacy and security promises). */
export const HttpsUrlSchema = v.pipe(
  v.string(),
  v.maxLength(2048, 'URL is longer than 2048 characters'),
  v.check((s) => isHttpsLink(s), 'must be an https:// URL without credentials'),
);

/**
 * Kinds of institution. `credit-union`, `building-society`, `neobank` and `broker` came with the directory
 * (issue 21). Linkwatch watches the sites of every kind but `RECOGNISED_ONLY_KINDS`; `FINANCIAL_KINDS` (in
 * ./index.ts) are the ones a report's relevance counts as banks.
 */
export const INSTITUTION_KINDS = [
  'platform',
  'bank',
  'credit-union',
  'building-society',
  'neobank',
  'broker',
  'card-issuer',
  'payment-app',
  'data-broker',
  'advertising',
  'aggregator',
  'regulator',
  'other',
] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];

/**
 * Kinds whose sites Linkwatch recognises (the popup names the owner and its reports) but never watches like a
 * bank: no content script, no host permission, no protection. A platform's own site is first party; a
 * regulator's is where people turn for help; a data broker's or an advertising group's (WPP) is a company a
 * report names, not where a person banks (docs/research/catalog-domains.md).
 */
export const RECOGNISED_ONLY_KINDS: ReadonlySet<InstitutionKind> = new Set(['platform', 'regulator', 'data-broker', 'advertising']);

/** Whether Linkwatch watches the sites of an institution of `kind` (every kind but `RECOGNISED_ONLY_KINDS`). */
export function isWatchedKind(kind: InstitutionKind): boolean {
  return !RECOGNISED_ONLY_KINDS.has(kind);
}

/**
 * How a domain's owner was checked (shared/research/domains.md): A entity lists, B the brand's own pages,
 * C public code lists only (weak), or unverified; `register`: a regulator's register or a public dataset
 * drawn from one (the FDIC's BankFind website fields, issue 21), which names the institution's own sites.
 */
export const VERIFICATION_LEVELS = ['register', 'A', 'B', 'C', 'unverified'] as const;

/**
 * One domain an institution owns. `domain` is a registrable domain or a host below one, lowercase ASCII
 * (punycode for IDNs); it covers that host and every subdomain. `path`, when given, narrows the rule to
 * URLs whose path is that prefix at a segment boundary (`/messages` matches `/messages/t/1`, not
 * `/messagesfoo`): this is how facebook.com/messages is Messenger while facebook.com is Facebook.
 */
export const DomainRuleSchema = v.strictObject({
  domain: v.pipe(
    v.string(),
    v.regex(/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/, 'must be a lowercase host name without scheme, port or path'),
  ),
  path: v.optional(v.pipe(v.string(), v.regex(/^\/[a-z0-9_-]+(?:\/[a-z0-9_-]+)*$/, 'must be a lowercase path prefix like /messages'))),
  verified: v.picklist(VERIFICATION_LEVELS),
  note: v.optional(v.pipe(v.string(), v.maxLength(200))),
});
export type DomainRule = v.InferOutput<typeof DomainRuleSchema>;

/**
 * An institution: a company, a brand of one, or a regulator. `group` is the id of its parent, if any, and
 * `groupSince` when that relation began (Virgin Money -> Nationwide: 2024-10-01).
 */
export const InstitutionSchema = v.strictObject({
  id: IdSchema,
  name: v.pipe(v.string(), v.trim(), v.nonEmpty(), v.maxLength(80)),
  country: v.pipe(v.string(), v.regex(/^(?:[A-Z]{2}|EU|INTL)$/, 'must be an ISO 3166 alpha-2 code, EU or INTL')),
  kind: v.picklist(INSTITUTION_KINDS),
  group: v.optional(IdSchema),
  /** When the group relation began (acquisition completed, brand launched by the parent); required by the bundled check. */
  groupSince: v.optional(PartialDateSchema),
  domains: v.array(DomainRuleSchema),
});
export type Institution = v.InferOutput<typeof InstitutionSchema>;

export const STATUSES = ['proposed', 'in-talks', 'reported', 'confirmed', 'denied', 'ended', 'settled', 'ruled'] as const;
export type Status = (typeof STATUSES)[number];

/** Kinds of data an arrangement concerns; the UI words them (see the locale files). */
export const DATA_CATEGORIES = [
  'card-transactions',
  'account-balances',
  'account-information',
  'merchants',
  'account-numbers',
  'identity',
  'contact-details',
  'income-and-tax',
  'messages',
  'bank-credentials',
  'purchase-history',
  'payment-details',
  'fraud-signals',
  'holdings-and-loans',
  'financial-segments',
  'account-transactions',
  'browsing-activity',
  'no-personal-data',
] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

/** What a status step is about: the arrangement itself (default), an enforcement order, or a rule. */
export const STEP_SUBJECTS = ['arrangement', 'order', 'rule'] as const;
export type StepSubject = (typeof STEP_SUBJECTS)[number];

/**
 * One step of an arrangement's history. `by` names the institution that took the step (denied by,
 * ended by, ruled by); `source` is the index in `sources` of the report that established it (reported by).
 * `date` is when the step happened; `dateOfReport: true` says it is only when the step was reported, its
 * own date being unknown (the UI then says "reported on").
 * `scope` says what exactly a partial step covers ("confirmed the talks; denied asking for transaction data
 * for ads"); `subject` says whose status it is when not the arrangement's: an order ending is the order's
 * status (the CFPB terminating Apple's order ends that order, not the Apple Card partnership).
 */
export const StatusStepSchema = v.strictObject({
  status: v.picklist(STATUSES),
  date: PartialDateSchema,
  dateOfReport: v.optional(v.boolean()),
  by: v.optional(IdSchema),
  source: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  scope: v.optional(LocalizedTextSchema),
  subject: v.optional(v.picklist(STEP_SUBJECTS)),
  note: v.optional(LocalizedTextSchema),
});
export type StatusStep = v.InferOutput<typeof StatusStepSchema>;

/** The longest excerpt a source may carry: a sentence or two, quoted as found. */
export const EXCERPT_MAX = 500;

/**
 * A named source. `url` only where one is known (never invented); `via` names a relaying outlet.
 * `excerpt` is the sentence(s) of that source the entry's claims rest on, quoted as found, in the source's
 * language. `titleIsDescription: true` says the title is our description, not the real headline (omitted
 * when the title is the real headline); such a description is ours, so it has its French in `titleFr`
 * (issue 22). `primary: true` marks a primary document: a regulator's or court's
 * decision or docket, an official register, the company's own statement or filing.
 * The three are optional here (custom lists share this schema); the bundled check requires the excerpt and
 * a real headline or the description mark.
 */
export const SourceSchema = v.strictObject({
  publisher: v.pipe(v.string(), v.trim(), v.nonEmpty('publisher is missing'), v.maxLength(120)),
  title: v.pipe(v.string(), v.trim(), v.nonEmpty('title is missing'), v.maxLength(300)),
  titleIsDescription: v.optional(v.literal(true)),
  /** The description in French, when `title` is our description (a real headline is never translated). */
  titleFr: v.optional(v.pipe(v.string(), v.trim(), v.nonEmpty('titleFr is empty'), v.maxLength(300))),
  date: PartialDateSchema,
  url: v.optional(HttpsUrlSchema),
  via: v.optional(v.pipe(v.string(), v.maxLength(120))),
  primary: v.optional(v.literal(true)),
  excerpt: v.optional(v.pipe(v.string(), v.trim(), v.nonEmpty('excerpt is empty'), v.maxLength(EXCERPT_MAX, `excerpt is longer than ${EXCERPT_MAX} characters`))),
});
export type Source = v.InferOutput<typeof SourceSchema>;

/**
 * A reported arrangement (or, with `kind: 'context'`, a context item that is not an arrangement, such as
 * a law). `parties` are institution ids; `status` is the dated history, oldest first.
 */
export const ArrangementSchema = v.strictObject({
  id: IdSchema,
  kind: v.picklist(['arrangement', 'context']),
  title: LocalizedTitleSchema,
  summary: LocalizedTextSchema,
  parties: v.pipe(v.array(IdSchema), v.minLength(1, 'at least one party is needed')),
  /**
   * Which platform the sources tie to which other party, as `[platform, institution]` pairs, where they tie
   * only some: the map draws these lines only (without `pairs`, each platform party with each other party).
   * Cliqz's 2016 sample names seven banks but found Facebook and Google at N26 only.
   */
  pairs: v.optional(v.pipe(v.array(v.tuple([IdSchema, IdSchema])), v.minLength(1, 'pairs, when given, needs at least one pair'))),
  data: v.pipe(v.array(v.picklist(DATA_CATEGORIES)), v.minLength(1, 'at least one data category is needed')),
  dataDetail: LocalizedTextSchema,
  purpose: LocalizedTextSchema,
  jurisdiction: v.pipe(v.array(v.pipe(v.string(), v.regex(/^(?:[A-Z]{2}|EU|INTL)$/))), v.minLength(1)),
  status: v.pipe(v.array(StatusStepSchema), v.minLength(1, 'at least one status step is needed')),
  sources: v.pipe(v.array(SourceSchema), v.minLength(1, 'at least one source is needed')),
  confidence: v.picklist(['high', 'medium']),
});
export type Arrangement = v.InferOutput<typeof ArrangementSchema>;

/** A whole catalog file set: what `assets/catalog/*.json` holds once merged. */
export const CatalogSchema = v.strictObject({
  version: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/)),
  institutions: v.array(InstitutionSchema),
  arrangements: v.array(ArrangementSchema),
});
export type Catalog = v.InferOutput<typeof CatalogSchema>;

/**
 * How an entry relates to a bank's site, derived from its `kind` and its parties' kinds (no stored field):
 * - `platform-bank`: a platform (Meta, Google, Amazon, Apple...) and a bank, card issuer or payment firm;
 * - `other`: a financial institution and another company that is neither a platform nor an aggregator
 *   (a telemarketer, a retailer), or a financial firm on its own;
 * - `aggregator`: a data aggregator or data broker is a party;
 * - `regulation`: a regulator's rule, decision or settlement without a platform-and-bank pair;
 * - `context`: background that is not an arrangement (a stock-market event).
 * The popup and the options catalog label every class but the first.
 */
export type RelevanceClass = 'platform-bank' | 'other' | 'aggregator' | 'regulation' | 'context';
