/**
 * What a platform request carried, described by the NAMES of its parameters, never their values.
 *
 * The idea: a pixel hit is a list of `name=value` pairs (in the address, or POSTed as a form or JSON).
 * Each vendor documents (or, for some, only ships) fixed parameter names for the data it asks sites to
 * send: Meta's advanced matching puts a hashed e-mail address in `ud[em]`, Google Analytics puts the page's
 * address in `dl`. This table maps such a name, per platform, to a category a person can read ("hashed
 * email", "page URL"). A request "carried" a category when one of its parameter names is in the table; the
 * value is never read, so "hashed email" means "a parameter named for a hashed e-mail address was sent",
 * not that Linkwatch saw an address.
 *
 * Every row names where the parameter name is documented. `source` is a page Linkwatch's authors read; when
 * the vendor does not document the name as it appears on the wire, the row says so ("not documented by the
 * vendor; seen in ...") rather than cite a page that does not contain it.
 */

/** A kind of data a request can carry, shown in the popup (`carried_<category>` in the locales). */
export type DataCategory =
  | 'hashed-email'
  | 'hashed-phone'
  | 'name'
  | 'city'
  | 'postal-code'
  | 'external-id'
  | 'value-currency'
  | 'content-name'
  | 'button-text'
  | 'form-fields'
  | 'page-title'
  | 'page-url';

/** Display order of categories (identity first). */
export const DATA_CATEGORIES: readonly DataCategory[] = [
  'hashed-email',
  'hashed-phone',
  'name',
  'city',
  'postal-code',
  'external-id',
  'value-currency',
  'content-name',
  'button-text',
  'form-fields',
  'page-title',
  'page-url',
];

/** One parameter name and what it carries. */
export interface DataParam {
  /** Catalog institution id of the platform whose endpoints use this name. */
  platform: 'meta' | 'google';
  /** The parameter name exactly as it is sent (case-sensitive); `prefix: true` matches every name starting with it. */
  name: string;
  prefix?: boolean;
  category: DataCategory;
  /** Where the name is documented (a URL the authors read), or why there is no vendor page. */
  source: string;
}

const META_ADVANCED_MATCHING = 'https://developers.facebook.com/docs/meta-pixel/advanced/advanced-matching/ (img example with ud[em], ud[fn], ud[ln], cd[value], cd[currency])';
const META_CUSTOMER_INFO =
  'https://developers.facebook.com/docs/marketing-api/conversions-api/parameters/customer-information-parameters (the names em, ph, fn, ln, ct, zp, external_id; the pixel sends them as ud[<name>], as the advanced matching page shows for em, fn, ln)';
const META_REFERENCE = 'https://developers.facebook.com/docs/meta-pixel/reference (standard event object properties value, currency, content_name; image pixels send them as cd[<name>], see the advanced matching example)';
const META_BUTTON_DATA =
  "https://developers.facebook.com/docs/meta-pixel (the pixel collects 'Button Click Data': the labels of buttons clicked); the wire name is not documented by Meta, seen in public captures of automatic events (SubscribedButtonClick)";
const META_WIRE_ONLY = 'not documented by Meta; seen in public captures of fbevents.js hits to facebook.com/tr';
const UA_PARAMETERS = 'https://developers.google.com/analytics/devguides/collection/protocol/v1/parameters (Measurement Protocol parameter list)';
const GA4_WIRE_ONLY = 'not documented by Google as a URL parameter; seen in public captures of gtag.js hits to /g/collect';
const GOOGLE_EC_WIRE_ONLY = 'not documented by Google as a URL parameter; seen in public captures of enhanced conversions (em=tv.1~em.<sha256>)';

/** Parameter name -> category, one row per name (a unit test checks each). */
export const DATA_PARAMS: readonly DataParam[] = [
  // ---- Meta: advanced matching (user data, SHA-256 hashed by the pixel) ----
  { platform: 'meta', name: 'ud[em]', category: 'hashed-email', source: META_ADVANCED_MATCHING },
  { platform: 'meta', name: 'ud[ph]', category: 'hashed-phone', source: META_CUSTOMER_INFO },
  { platform: 'meta', name: 'ud[fn]', category: 'name', source: META_ADVANCED_MATCHING },
  { platform: 'meta', name: 'ud[ln]', category: 'name', source: META_ADVANCED_MATCHING },
  { platform: 'meta', name: 'ud[ct]', category: 'city', source: META_CUSTOMER_INFO },
  { platform: 'meta', name: 'ud[zp]', category: 'postal-code', source: META_CUSTOMER_INFO },
  { platform: 'meta', name: 'ud[external_id]', category: 'external-id', source: META_CUSTOMER_INFO },
  // Automatic advanced matching (fields the pixel read from the page's forms): udff[em], udff[ph]...
  { platform: 'meta', name: 'udff[em]', category: 'hashed-email', source: META_WIRE_ONLY },
  { platform: 'meta', name: 'udff[ph]', category: 'hashed-phone', source: META_WIRE_ONLY },
  // ---- Meta: custom data of an event ----
  { platform: 'meta', name: 'cd[value]', category: 'value-currency', source: META_ADVANCED_MATCHING },
  { platform: 'meta', name: 'cd[currency]', category: 'value-currency', source: META_ADVANCED_MATCHING },
  { platform: 'meta', name: 'cd[content_name]', category: 'content-name', source: META_REFERENCE },
  // ---- Meta: automatic events (SubscribedButtonClick, Microdata) ----
  { platform: 'meta', name: 'cd[buttonText]', category: 'button-text', source: META_BUTTON_DATA },
  { platform: 'meta', name: 'cd[buttonFeatures]', category: 'button-text', source: META_BUTTON_DATA },
  { platform: 'meta', name: 'cd[formFeatures]', category: 'form-fields', source: META_WIRE_ONLY },
  { platform: 'meta', name: 'cd[pageFeatures]', category: 'page-title', source: META_WIRE_ONLY },
  { platform: 'meta', name: 'cd[DataLayer]', category: 'form-fields', source: META_WIRE_ONLY },
  { platform: 'meta', name: 'cd[Schema.org]', category: 'content-name', source: META_WIRE_ONLY },
  { platform: 'meta', name: 'cd[OpenGraph]', category: 'content-name', source: META_WIRE_ONLY },
  { platform: 'meta', name: 'cd[Meta]', category: 'page-title', source: META_WIRE_ONLY },
  // ---- Meta: the page itself ----
  { platform: 'meta', name: 'dl', category: 'page-url', source: META_WIRE_ONLY },
  { platform: 'meta', name: 'rl', category: 'page-url', source: META_WIRE_ONLY },
  // ---- Google Analytics (Universal Analytics Measurement Protocol names, also used by GA4's gtag.js) ----
  { platform: 'google', name: 'dl', category: 'page-url', source: UA_PARAMETERS },
  { platform: 'google', name: 'dr', category: 'page-url', source: UA_PARAMETERS },
  { platform: 'google', name: 'dt', category: 'page-title', source: UA_PARAMETERS },
  { platform: 'google', name: 'uid', category: 'external-id', source: UA_PARAMETERS },
  { platform: 'google', name: 'tr', category: 'value-currency', source: UA_PARAMETERS },
  { platform: 'google', name: 'cu', category: 'value-currency', source: UA_PARAMETERS },
  // ---- Google Analytics 4 (gtag.js) ----
  { platform: 'google', name: 'ep.', prefix: true, category: 'form-fields', source: GA4_WIRE_ONLY },
  { platform: 'google', name: 'epn.value', category: 'value-currency', source: GA4_WIRE_ONLY },
  // ---- Google enhanced conversions (hashed user data) ----
  { platform: 'google', name: 'em', category: 'hashed-email', source: GOOGLE_EC_WIRE_ONLY },
];

/** `ep.` is a prefix (every GA4 event parameter); `ep.value`/`ep.currency` are the money ones. */
const SPECIAL: Record<string, DataCategory> = { 'ep.value': 'value-currency', 'ep.currency': 'value-currency' };

const exact = new Map<string, DataCategory>();
const prefixes: { platform: string; name: string; category: DataCategory }[] = [];
for (const row of DATA_PARAMS) {
  if (row.prefix) prefixes.push(row);
  else exact.set(`${row.platform} ${row.name}`, row.category);
}

/**
 * The category a parameter name carries for a platform, or undefined when the name is not in the table.
 * Names are compared exactly (`ud[em]`, not `UD[EM]`); a GA4 `ep.<anything>` is an event parameter the
 * site chose ("form-derived fields"), except `ep.value`/`ep.currency`.
 */
export function categoryOf(platform: string, name: string): DataCategory | undefined {
  if (platform === 'google' && SPECIAL[name]) return SPECIAL[name];
  const hit = exact.get(`${platform} ${name}`);
  if (hit) return hit;
  for (const p of prefixes) if (p.platform === platform && name.length > p.name.length && name.startsWith(p.name)) return p.category;
  return undefined;
}

/**
 * The categories carried by a list of parameter names, in display order, without duplicates.
 * Google enhanced conversions pack several hashed fields into one `em` value (`tv.1~em.<sha>~pn.<sha>`);
 * only the name `em` is read, so that shows as "hashed email" alone.
 */
export function categoriesOf(platform: string, names: Iterable<string>): DataCategory[] {
  const found = new Set<DataCategory>();
  for (const name of names) {
    const c = categoryOf(platform, name);
    if (c) found.add(c);
  }
  return DATA_CATEGORIES.filter((c) => found.has(c));
}
