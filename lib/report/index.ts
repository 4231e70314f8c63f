/**
 * Evidence reports: what a recording (lib/recording), or the current tab, was observed sending to
 * platforms, joined with the catalog entries about the site's owner and those platforms, and the method and
 * its limits, in the UI language. `buildReport` makes the JSON object (schema.ts); `reportHtml` (html.ts)
 * renders it as a self-contained printable page. Pure: the caller passes the catalog, the version, the build
 * id, the user agent, the time and a `Translate`; nothing here touches the network or the browser.
 */
import { arrangementsForInstitution, findInstitution, type Catalog } from '../catalog';
import type { Arrangement } from '../catalog/schema';
import { sourceOrder, sourceTitle } from '../catalog/sourcing';
import { stepSentence } from '../catalog/step-words';
import { catalogText, catalogTextLang, DEFAULT_LOCALE, type Lang, type Translate } from '../i18n';
import { RECORDING_CAPS, type RecordedLoad, type SiteRecording } from '../recording';
import { REPORT_FORMAT, REPORT_VERSION, type EvidenceReport, type ReportEntry } from './schema';

export * from './schema';

/** Everything a report is built from. */
export interface ReportInput {
  kind: 'recording' | 'tab';
  /** Registrable domain of the site. */
  site: string;
  /** Catalog institution id of the site's owner, when known. */
  institution?: string;
  /** The owner's id and those of its group (`chase`, `jpmorgan-chase`): whose steps are "its own". Default: the owner alone. */
  ownIds?: readonly string[];
  loads: readonly RecordedLoad[];
  /** For a recording: its state, start, stop and dropped count. */
  recording?: SiteRecording;
  /** Institution names and the catalog entries naming an institution (or its group): `catalogLookup`. */
  lookup: CatalogLookup;
  /** Extension version (manifest) and build id (lib/build-id.ts `buildId`). */
  version: string;
  build: string;
  userAgent: string;
  /** When the report is made, ISO 8601. */
  now: string;
  lang: Lang;
  t: Translate;
}

/** What a report needs of the catalog; the popup, which does not bundle the catalog, builds it from its TabView. */
export interface CatalogLookup {
  name(id: string): string;
  arrangementsFor(id: string): readonly Arrangement[];
}

/** The lookup over a whole catalog (options page, tests). */
export function catalogLookup(catalog: Pick<Catalog, 'institutions' | 'arrangements'>): CatalogLookup {
  return { name: (id) => findInstitution(catalog, id)?.name ?? id, arrangementsFor: (id) => arrangementsForInstitution(catalog, id) };
}

/** The method and its limits, in the UI language (also shown in the HTML page). */
export function methodOf(t: Translate): EvidenceReport['method'] {
  return {
    summary: t('reportMethodSummary'),
    limits: [t('reportLimitValues'), t('reportLimitBefore'), t('reportLimitUnwatched'), t('reportLimitPaths'), t('reportLimitOutcome')],
  };
}

/** The latest step an entry records as taken by one of `ids`, if any. */
function ownStep(a: Arrangement, ids: readonly string[]) {
  return [...a.status].reverse().find((s) => s.by !== undefined && ids.includes(s.by));
}

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/**
 * The report as a JSON-ready object matching `EvidenceReportSchema`, one focused document (issue 22): the
 * catalog entries about the site's owner (or its group), most relevant first, each with its summary, its
 * latest status in words and its sources (primary first, copies last); for each platform seen, only the
 * count of its other reports, not the list.
 */
export function buildReport(input: ReportInput): EvidenceReport {
  const { lookup, lang, t } = input;
  const locale = DEFAULT_LOCALE[lang];
  const name = (id: string) => lookup.name(id);
  const names = { get: (id: string) => name(id) };
  const entries = new Map<string, ReportEntry>();
  const owner = input.institution;
  for (const a of owner ? lookup.arrangementsFor(owner) : []) {
    entries.set(a.id, {
      id: a.id,
      title: catalogText(a.title, lang),
      summary: clip(catalogText(a.summary, lang), 2000),
      ...(catalogTextLang(a.title, lang) ? { textLang: 'en' as const } : {}),
      // This institution's own latest step when it took one (as on the popup's first screen), else the latest.
      status: clip(stepSentence(a, ownStep(a, input.ownIds ?? [owner!]) ?? a.status[a.status.length - 1]!, names, t, lang, locale), 1000),
      parties: a.parties.map(name),
      about: [name(owner!)],
      sources: sourceOrder(a.sources).map((i) => {
        const s = a.sources[i]!;
        return { publisher: s.publisher, headline: sourceTitle(s, lang).text, date: s.date, ...(s.url ? { url: s.url } : {}), ...(s.via ? { via: s.via } : {}) };
      }),
    });
  }
  const platforms = [...new Set(input.loads.flatMap((l) => l.observations.map((o) => o.platform)))];
  const otherReports = platforms.map((p) => ({ platform: p, platformName: name(p), count: lookup.arrangementsFor(p).filter((a) => !entries.has(a.id) && a.kind !== 'context').length }));
  const loads = input.loads.map((l) => ({
    at: l.at,
    path: l.path,
    observations: l.observations.map((o) => ({ ...o, platformName: name(o.platform), categories: [...o.categories] })),
    more: l.more,
  }));
  const times = [...loads.map((l) => l.at), ...(input.recording ? [input.recording.startedAt] : [])].sort();
  const rec = input.recording;
  return {
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    generatedAt: input.now,
    language: lang,
    extension: { name: 'Linkwatch', version: input.version, build: input.build },
    browser: clip(input.userAgent, 1000),
    subject: {
      kind: input.kind,
      site: input.site,
      ...(input.institution ? { institution: input.institution, institutionName: name(input.institution) } : {}),
    },
    period: { from: times[0] ?? input.now, to: rec?.stoppedAt && !rec.on ? rec.stoppedAt : input.now },
    ...(rec
      ? { recording: { on: rec.on, startedAt: rec.startedAt, ...(rec.stoppedAt ? { stoppedAt: rec.stoppedAt } : {}), droppedLoads: rec.dropped, caps: { ...RECORDING_CAPS } } }
      : {}),
    method: methodOf(t),
    loads,
    catalogEntries: [...entries.values()],
    otherReports,
  };
}

/**
 * A file name for a report: `linkwatch-report-<site>-<date>-<hhmmss>.<ext>` (safe characters only); the time
 * of day (UTC) keeps two reports of one day from saving under one name (issue 22).
 */
export function reportFileName(report: Pick<EvidenceReport, 'subject' | 'generatedAt'>, ext: 'json' | 'html'): string {
  const site = report.subject.site.replace(/[^a-z0-9.-]/gi, '_');
  const time = report.generatedAt.slice(11, 19).replace(/[^0-9]/g, '');
  return `linkwatch-report-${site}-${report.generatedAt.slice(0, 10)}${time ? `-${time}` : ''}.${ext}`;
}
