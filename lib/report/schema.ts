/**
 * The evidence report's file format (`linkwatch-evidence-report`, version 1), as a valibot schema: the
 * source of the published JSON Schema (docs/evidence-report.schema.json, `json-schema.ts`) and of
 * `npm run validate`'s check. A report holds what was observed (names and counts, never parameter values or
 * full addresses), how, its limits, and the catalog entries about the site's owner and the platforms seen,
 * with their sources.
 */
import * as v from 'valibot';
import { DATA_CATEGORIES } from '../evidence/data-categories';
import { LANGS } from '../i18n';

export const REPORT_FORMAT = 'linkwatch-evidence-report';
/** 2 (issue 22): entries about the site carry their summary and latest status; platforms' other reports are counted (`otherReports`). */
export const REPORT_VERSION = 2;

const OBSERVATION_KINDS = ['pixel-script', 'pixel-event', 'sdk', 'analytics', 'ad-conversion', 'ad-script'] as const;

/** An ISO 8601 instant as `Date.prototype.toISOString` writes it (UTC, milliseconds). */
export const ReportInstantSchema = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?Z$/, 'must be an ISO 8601 instant in UTC'));
const Text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const Count = v.pipe(v.number(), v.integer(), v.minValue(0));

export const ReportObservationSchema = v.strictObject({
  platform: Text(64),
  platformName: Text(120),
  kind: v.picklist(OBSERVATION_KINDS),
  endpoint: Text(512),
  event: v.optional(Text(64)),
  /** Data categories named by the requests' parameter NAMES (values are never read). */
  categories: v.array(v.picklist(DATA_CATEGORIES)),
  hashedUserData: v.boolean(),
  completed: Count,
  failed: Count,
  requested: Count,
  /** Stopped by Linkwatch's own protection (issue 23); absent when none was (and in files made before it). */
  blocked: v.optional(Count),
});

export const ReportLoadSchema = v.strictObject({
  at: ReportInstantSchema,
  /** The page's path, without query or fragment. */
  path: v.pipe(v.string(), v.maxLength(512), v.regex(/^\/[^?#]*$/, 'a path starts with / and has no query or fragment')),
  observations: v.array(ReportObservationSchema),
  more: Count,
});

export const ReportSourceSchema = v.strictObject({
  publisher: Text(120),
  headline: Text(300),
  date: v.pipe(v.string(), v.regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/)),
  url: v.optional(v.pipe(v.string(), v.maxLength(2048), v.regex(/^https:\/\//, 'source links are https'))),
  /** The outlet that relayed the source, when `url` is the relay's page. */
  via: v.optional(Text(120)),
});

export const ReportEntrySchema = v.strictObject({
  id: Text(120),
  title: Text(300),
  /** The entry's one-paragraph summary, in the report's language (version 2). */
  summary: v.optional(Text(2000)),
  /** `en` where the title and summary are the catalog's English in a report of another language (no translation). */
  textLang: v.optional(v.literal('en')),
  /** Its latest step in words: who, what exactly, on whose report, when (version 2; lib/catalog/step-words). */
  status: v.optional(Text(1000)),
  /** Names of the institutions involved. */
  parties: v.array(Text(120)),
  /** Why the entry is in the report: it names the site's owner (or its group), or a platform seen. */
  about: v.array(Text(120)),
  /** Primary documents first, then the reports in the catalog's order, then copies. */
  sources: v.array(ReportSourceSchema),
});

/** A platform seen, and how many other catalog reports involve it (named, not listed: issue 22). */
export const ReportOtherSchema = v.strictObject({
  platform: Text(120),
  platformName: Text(120),
  count: Count,
});

export const EvidenceReportSchema = v.strictObject({
  format: v.literal(REPORT_FORMAT),
  /** Version 1 reports (without summaries, statuses and `otherReports`) still validate. */
  version: v.picklist([1, REPORT_VERSION]),
  generatedAt: ReportInstantSchema,
  language: v.picklist(LANGS),
  extension: v.strictObject({ name: v.literal('Linkwatch'), version: Text(32), build: Text(80) }),
  /** The browser, as its user agent string says. */
  browser: Text(1000),
  subject: v.strictObject({
    kind: v.picklist(['recording', 'tab']),
    site: Text(253),
    institution: v.optional(Text(120)),
    institutionName: v.optional(Text(120)),
  }),
  period: v.strictObject({ from: ReportInstantSchema, to: ReportInstantSchema }),
  recording: v.optional(
    v.strictObject({
      on: v.boolean(),
      startedAt: ReportInstantSchema,
      stoppedAt: v.optional(ReportInstantSchema),
      droppedLoads: Count,
      caps: v.strictObject({ perSite: Count, total: Count }),
    }),
  ),
  method: v.strictObject({ summary: Text(2000), limits: v.array(Text(2000)) }),
  loads: v.array(ReportLoadSchema),
  /** The catalog entries about the site's owner (or its group), most relevant first. */
  catalogEntries: v.array(ReportEntrySchema),
  /** Per platform seen: the count of its other catalog reports, not about this site (version 2). */
  otherReports: v.optional(v.array(ReportOtherSchema)),
});

export type EvidenceReport = v.InferOutput<typeof EvidenceReportSchema>;
export type ReportLoad = v.InferOutput<typeof ReportLoadSchema>;
export type ReportEntry = v.InferOutput<typeof ReportEntrySchema>;
