/**
 * The directory's schema (issue 21; DESIGN.md, "Reach and protection"): who runs a financial website, with
 * where each fact comes from. The catalog's institutions are entries of the same directory: the directory
 * files add the institutions the catalog has no report about, so that Linkwatch recognises a person's own
 * bank and watches what its pages send.
 *
 * Two kinds of file in assets/directory/:
 * - `institutions.json`: curated entries, each domain with its source (a regulator's register, an entity
 *   list, the institution's own page, or public code lists; see `DomainSourceSchema`).
 * - `fdic-bankfind.json`: hosts from a public dataset (the FDIC's BankFind website fields), without names,
 *   labelled with the dataset and its licence.
 * Both are compiled at build time (scripts/directory.ts) into `compiled.json`, the form the background
 * needs: institutions in the catalog's shape, without the sources.
 */
import * as v from 'valibot';
import { DomainRuleSchema, IdSchema, InstitutionSchema, PartialDateSchema, HttpsUrlSchema } from '../catalog/schema';

const text = (max: number) => v.pipe(v.string(), v.trim(), v.nonEmpty(), v.maxLength(max));

/**
 * The address of a page a source was read at, as the stored copy gives it: `https:` or, for pages crawled
 * long ago, `http:`. Shown as text in docs/directory.md; the extension never renders it as a link.
 */
const PageUrlSchema = v.pipe(v.string(), v.maxLength(2048), v.url(), v.regex(/^https?:\/\//, 'must be an http(s) address'));

/**
 * Where one domain's owner was found. Levels as shared/research/domains.md defines them:
 * - `A`, an entity list: `{ dataset, path, entity }` (DuckDuckGo Tracker Radar's entity files);
 * - `B`, the institution's own page: `{ url, title, excerpt }`, a page served from that domain whose text
 *   names the institution, the excerpt quoted as found (the title where the search result gave one);
 * - `C`, public code lists only (weak): `{ codeLists, context }`, at least two unrelated repositories that
 *   use the domain as the institution's own.
 */
export const DomainSourceSchema = v.union([
  v.strictObject({ dataset: text(120), path: text(300), entity: text(200) }),
  v.strictObject({ url: PageUrlSchema, title: v.optional(text(300)), excerpt: text(500) }),
  v.strictObject({ codeLists: v.pipe(v.array(text(300)), v.minLength(2, 'a C-level domain needs at least two unrelated code lists')), context: v.optional(text(300)) }),
]);
export type DomainSource = v.InferOutput<typeof DomainSourceSchema>;

/** One curated domain: the catalog's domain rule plus its source. */
export const DirectoryDomainSchema = v.strictObject({
  ...DomainRuleSchema.entries,
  verified: v.picklist(['A', 'B', 'C']),
  source: DomainSourceSchema,
});

/** One curated institution: the catalog's institution shape, each domain with its source. */
export const DirectoryInstitutionSchema = v.strictObject({
  ...InstitutionSchema.entries,
  domains: v.pipe(v.array(DirectoryDomainSchema), v.minLength(1, 'a directory entry needs at least one domain')),
  notes: v.optional(text(400)),
});
export type DirectoryInstitution = v.InferOutput<typeof DirectoryInstitutionSchema>;

/** `assets/directory/institutions.json`. */
export const DirectoryFileSchema = v.strictObject({
  /** When the entries were last checked against their sources. */
  checked: PartialDateSchema,
  institutions: v.array(DirectoryInstitutionSchema),
});
export type DirectoryFile = v.InferOutput<typeof DirectoryFileSchema>;

/** A public dataset's provenance: what it is, where it was read, at which commit and date, under which licence. */
export const DatasetSourceSchema = v.strictObject({
  name: text(200),
  publisher: text(200),
  repository: HttpsUrlSchema,
  commit: v.pipe(v.string(), v.regex(/^[0-9a-f]{40}$/, 'must be a full commit hash')),
  date: PartialDateSchema,
  licence: text(120),
  upstream: text(300),
});

/** `assets/directory/fdic-bankfind.json`: the dataset's hosts as normalised, and what was left out and why. */
export const FdicFileSchema = v.strictObject({
  source: DatasetSourceSchema,
  /** The entry the hosts are compiled into (one institution: the dataset gives no names). */
  institution: v.strictObject({ id: IdSchema, name: text(80) }),
  hosts: v.array(DomainRuleSchema.entries.domain),
  dropped: v.array(v.strictObject({ entry: v.pipe(v.string(), v.maxLength(400)), reason: text(200) })),
});
export type FdicFile = v.InferOutput<typeof FdicFileSchema>;
