import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import fr from '../../public/_locales/fr/messages.json';
import { arrangementsForInstitution, bundledCatalog } from '../../lib/catalog';
import { translatorFromMessages, type Lang, type MessagesFile } from '../../lib/i18n';
import type { RecordedLoad, SiteRecording } from '../../lib/recording';
import { buildReport, catalogLookup, reportFileName, type EvidenceReport } from '../../lib/report';
import { escapeHtml, html, reportHtml } from '../../lib/report/html';
import { reportJsonSchema, reportJsonSchemaText } from '../../lib/report/json-schema';
import { validateReportText } from '../../lib/report/validate';
import { tDe, tEs } from './helpers';

const ROOT = resolve(__dirname, '../..');
const tEn = translatorFromMessages(en as MessagesFile);
const tFr = translatorFromMessages(fr as MessagesFile);
const HOSTILE = '<img src=x onerror=alert(1)>';

const loads: RecordedLoad[] = [
  {
    id: '3-1',
    at: '2026-12-01T10:00:00.000Z',
    path: '/',
    observations: [{ platform: 'meta', kind: 'pixel-event', endpoint: 'www.facebook.com/tr', event: 'PageView', categories: ['page-url'], hashedUserData: false, completed: 1, failed: 0, requested: 0 }],
    more: 0,
  },
  {
    id: '3-2',
    at: '2026-12-01T10:01:00.000Z',
    path: '/login',
    observations: [{ platform: 'meta', kind: 'pixel-event', endpoint: 'www.facebook.com/tr', event: HOSTILE, categories: ['hashed-email'], hashedUserData: true, completed: 0, failed: 1, requested: 2 }],
    more: 4,
  },
  { id: '3-3', at: '2026-12-01T10:02:00.000Z', path: '/empty', observations: [], more: 0 },
];
const recording: SiteRecording = { site: 'chase.com', institution: 'chase', on: false, startedAt: '2026-12-01T09:59:00.000Z', stoppedAt: '2026-12-01T10:05:00.000Z', loads, dropped: 2 };

function report(t = tEn, lang: Lang = 'en'): EvidenceReport {
  return buildReport({
    kind: 'recording',
    site: 'chase.com',
    institution: 'chase',
    ownIds: ['chase', 'jpmorgan-chase'],
    loads,
    recording,
    lookup: catalogLookup(bundledCatalog()),
    version: '0.1.0',
    build: '0.1.0+1a2b3c4',
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Test',
    now: '2026-12-01T11:00:00.000Z',
    lang,
    t,
  });
}

const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
const validate = ajv.compile(reportJsonSchema());

describe('the JSON report', () => {
  it('docs/evidence-report.schema.json is up to date (regenerate: npx tsx scripts/config-schema.ts)', () => {
    expect(readFileSync(`${ROOT}/docs/evidence-report.schema.json`, 'utf8')).toBe(reportJsonSchemaText());
  });

  it('validates against the published JSON Schema and npm run validate', () => {
    const r = report();
    expect(validate(JSON.parse(JSON.stringify(r))), JSON.stringify(validate.errors)).toBe(true);
    expect(validateReportText('r.json', JSON.stringify(r))).toEqual({ valid: true, lines: ['r.json: valid linkwatch-evidence-report v2 (3 page loads, ' + r.catalogEntries.length + ' catalog entries)'] });
  });

  it('the schema refuses a path with a query and an unknown key', () => {
    const withQuery = structuredClone(report());
    withQuery.loads[0]!.path = '/login?user=alice';
    expect(validate(withQuery)).toBe(false);
    expect(validateReportText('r.json', JSON.stringify(withQuery))?.lines[0]).toMatch(/^r\.json: \$\.loads\[0\]\.path: a path starts with/);
    expect(validate({ ...report(), url: 'https://x' })).toBe(false);
  });

  it('states the build, browser, period, dropped loads and caps, and the method with its limits', () => {
    const r = report();
    expect(r.extension).toEqual({ name: 'Linkwatch', version: '0.1.0', build: '0.1.0+1a2b3c4' });
    expect(r.period).toEqual({ from: '2026-12-01T09:59:00.000Z', to: '2026-12-01T10:05:00.000Z' });
    expect(r.recording).toMatchObject({ droppedLoads: 2, caps: { perSite: 200, total: 1000 } });
    expect(r.method.limits.join(' ')).toContain('Parameter names, never values');
    expect(r.loads[1]!.observations[0]!.platformName).toBe('Meta');
  });

  it('is one focused document (issue 22): the entries about the bank, most relevant first, each with its summary, status and sources; the platform\'s others only counted', () => {
    const r = report();
    const catalog = bundledCatalog();
    const chase = arrangementsForInstitution(catalog, 'chase');
    expect(r.catalogEntries.map((e) => e.id)).toEqual(chase.map((a) => a.id));
    expect(r.catalogEntries[0]!.id).toBe('fb-us-banks-messenger-2018');
    // The bank's own step, as the popup's first screen gives it, never another bank's.
    expect(report().catalogEntries[0]!.status).toBe('JPMorgan Chase ended it, according to AFP (reported on August 6, 2018)');
    expect(r.catalogEntries.every((e) => e.about.join() === 'Chase')).toBe(true);
    for (const e of r.catalogEntries) {
      const a = catalog.arrangements.find((x) => x.id === e.id)!;
      expect(e.summary).toBe(a.summary.en);
      expect(e.status).toBeTruthy();
      expect(e.sources.length).toBe(a.sources.length);
      for (const s of e.sources) expect(s.publisher && s.headline && s.date).toBeTruthy();
      // Primary documents first; a copy never before another report.
      const ranks = e.sources.map((s) => {
        const src = a.sources.find((x) => x.title === s.headline && x.publisher === s.publisher)!;
        return src.primary ? 0 : src.via && /\bcopy\b/i.test(src.via) ? 2 : 1;
      });
      expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
    }
    // Meta's reports that are not about Chase: one count, not 25 entries.
    const metaOthers = arrangementsForInstitution(catalog, 'meta').filter((a) => !chase.includes(a) && a.kind !== 'context').length;
    expect(r.otherReports).toEqual([{ platform: 'meta', platformName: 'Meta', count: metaOthers }]);
    const page = reportHtml(r, tEn, 'en-US');
    expect(page).toContain(`Meta figures in ${metaOthers} other reports in Linkwatch&#39;s catalog, not about this site`);
    expect(page).toContain('What has been reported about chase.com (Chase)');
  });

  it.each([
    ['de', tDe, 'nie Werte'],
    ['es', tEs, 'nunca valores'],
  ] as const)('is in %s when the UI is, with the catalog’s English entry text, and validates', (lang, t, words) => {
    const r = report(t, lang);
    expect(r.language).toBe(lang);
    expect(r.method.limits[0]).toContain(words);
    const entry = r.catalogEntries.find((e) => e.id === 'fb-us-banks-messenger-2018')!;
    const catalogEntry = bundledCatalog().arrangements.find((a) => a.id === entry.id)!;
    expect(entry.title).toBe(catalogEntry.title.en);
    expect(entry.summary).toBe(catalogEntry.summary.en);
    expect(entry.status).toMatch(lang === 'de' ? /JPMorgan Chase hat es beendet, laut AFP \(gemeldet am 6\. August 2018\)/ : /JPMorgan Chase lo terminó, según AFP \(reportado el 6 de agosto de 2018\)/);
    expect(validate(r), JSON.stringify(validate.errors)).toBe(true);
    const page = reportHtml(r, t, lang);
    expect(page).toContain(`<html lang="${lang}">`);
    expect(page).toContain(`<h3 lang="en">${escapeHtml(entry.title)}</h3>`);
  });

  it('is in French when the UI is', () => {
    const r = report(tFr, 'fr');
    expect(r.language).toBe('fr');
    expect(r.method.limits[0]).toContain('jamais leurs valeurs');
  });

  it('file names hold the site, the date and the time, so two reports of one day never overwrite each other', () => {
    expect(reportFileName(report(), 'html')).toBe('linkwatch-report-chase.com-2026-12-01-110000.html');
    expect(reportFileName({ ...report(), generatedAt: '2026-12-01T11:00:01.000Z' }, 'html')).not.toBe(reportFileName(report(), 'html'));
  });
});

describe('the HTML report', () => {
  const page = reportHtml(report(), tEn, 'en');

  it('escapes everything it is given', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&`)).toBe('&#60;a href=&#34;x&#34; onclick=&#39;y&#39;&#62;&#38;');
    expect(html`<p>${HOSTILE}</p>`.value).toBe('<p>&#60;img src=x onerror=alert(1)&#62;</p>');
    expect(page).not.toContain(HOSTILE);
    expect(page).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(page).not.toMatch(/<img/i);
  });

  it('has no script and references no resource: only source links as <a href>', () => {
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/<(link|iframe|object|embed|img|video|audio|source|base|form|svg)\b/i);
    // Every tag's attributes: no event handler, no resource attribute.
    const tags = page.match(/<[a-zA-Z][^>]*>/g)!;
    expect(tags.length).toBeGreaterThan(20);
    for (const tag of tags) expect(tag).not.toMatch(/\s(on[a-z]+|src|srcset|action|poster|data|style|background)=/i);
    expect(page).not.toMatch(/url\(|@import/i);
    expect(page).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    const sourceUrls = new Set(report().catalogEntries.flatMap((e) => e.sources.flatMap((s) => (s.url ? [escapeHtml(s.url)] : []))));
    const hrefs = [...page.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1]!);
    expect(hrefs.length).toBeGreaterThan(0);
    for (const h of hrefs) expect(sourceUrls.has(h)).toBe(true);
    expect([...page.matchAll(/href=/g)].length).toBe(hrefs.length);
    // Every http(s) address in the page is a source's (its link, or the address printed under it).
    for (const m of page.matchAll(/https?:\/\/[^\s"<]+/g)) expect(sourceUrls.has(m[0])).toBe(true);
  });

  it('states the version and build, the browser, the method, the loads and the sources', () => {
    for (const text of ['Linkwatch 0.1.0 (build 0.1.0+1a2b3c4)', 'Mozilla/5.0 (X11; Linux x86_64) Test', 'Parameter names, never values', 'Page loads (3)', '<code>/login</code>', '0 completed, 1 failed, 2 no outcome', 'and 4 more lines not itemised', 'No request to a platform&#39;s tracking address was seen', '2 older page loads are no longer held']) {
      expect(page).toContain(text);
    }
    const source = report().catalogEntries[0]!.sources[0]!;
    expect(page).toContain(escapeHtml(source.publisher));
    // A relayed source says by whom (its link is the relay's page).
    const relayed = report().catalogEntries.flatMap((e) => e.sources).find((s) => s.via);
    expect(relayed).toBeDefined();
    expect(page).toContain(`(relayed by ${escapeHtml(relayed!.via!)})`);
  });

  it('in French', () => {
    const frPage = reportHtml(report(tFr, 'fr'), tFr, 'fr');
    expect(frPage).toContain('<html lang="fr">');
    expect(frPage).toContain('Méthode et limites');
  });
});
