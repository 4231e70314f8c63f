/**
 * Evidence reports: what a recording (lib/recording), or the current tab, was observed sending to
 * platforms, joined with the catalog entries about the site's owner and those platforms, and the method and
 * its limits, in the UI language. `buildReport` makes the JSON object (schema.ts); `reportHtml` (html.ts)
 * renders it as a self-contained printable page. Pure: the caller passes the catalog, the version, the build
 * id, the user agent, the time and a `Translate`; nothing here touches the network or the browser.
 */
import { arrangementsForInstitution, findInstitution, type Catalog } from '../catalog';
import type { Arrangement } from '../catalog/schema';
import type { Lang, Translate } from '../i18n';
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

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/**
 * The report as a JSON-ready object matching `EvidenceReportSchema`. Catalog entries: those naming the
 * site's owner (or its group), then those naming each platform seen, each once, with `about` saying which.
 */
export function buildReport(input: ReportInput): EvidenceReport {
  const { lookup, lang, t } = input;
  const name = (id: string) => lookup.name(id);
  const entries = new Map<string, ReportEntry>();
  const add = (institution: string) => {
    for (const a of lookup.arrangementsFor(institution)) {
      const existing = entries.get(a.id);
      if (existing) {
        if (!existing.about.includes(name(institution))) existing.about.push(name(institution));
        continue;
      }
      entries.set(a.id, {
        id: a.id,
        title: a.title[lang],
        parties: a.parties.map(name),
        about: [name(institution)],
        sources: a.sources.map((s) => ({ publisher: s.publisher, headline: s.title, date: s.date, ...(s.url ? { url: s.url } : {}), ...(s.via ? { via: s.via } : {}) })),
      });
    }
  };
  if (input.institution) add(input.institution);
  const platforms = [...new Set(input.loads.flatMap((l) => l.observations.map((o) => o.platform)))];
  for (const p of platforms) add(p);
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
  };
}

/** A file name for a report: `linkwatch-report-<site>-<date>.<ext>` (site and date only: safe characters). */
export function reportFileName(report: Pick<EvidenceReport, 'subject' | 'generatedAt'>, ext: 'json' | 'html'): string {
  const site = report.subject.site.replace(/[^a-z0-9.-]/gi, '_');
  return `linkwatch-report-${site}-${report.generatedAt.slice(0, 10)}.${ext}`;
}
