/**
 * The evidence report as a self-contained printable HTML page: no script, no remote resource (a CSP meta
 * says so to the browser too), inline CSS only. The page is built as a string with `html`, a tagged
 * template that escapes every interpolated value unless it is already `SafeHtml` (made by `html` itself),
 * so a hostile event name or headline is shown as text, never run. The only addresses in the page are the
 * sources' https links, as plain `<a href>`.
 */
import { formatPartialDate, type Translate } from '../i18n';
import type { EvidenceReport } from './schema';

/** Markup that is already escaped (only `html` makes one). */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** `& < > " '` as character references: safe in text and in double- or single-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function part(value: unknown): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(part).join('');
  return escapeHtml(String(value));
}

/** Tagged template: the literal parts as written, every value escaped (arrays joined, null/false empty). */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((v, i) => (out += part(v) + strings[i + 1]!));
  return new SafeHtml(out);
}

/** An https link as `<a href>`, or the text alone for any other address. */
function link(url: string | undefined, text: string): SafeHtml {
  return url && /^https:\/\//.test(url) ? html`<a href="${url}" rel="noreferrer">${text}</a>` : html`${text}`;
}

const CSS = `body{font:14px/1.45 system-ui,sans-serif;color:#111;max-width:60rem;margin:1.5rem auto;padding:0 1rem}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:1.6rem;border-bottom:1px solid #999}h3{font-size:1rem;margin-bottom:.3rem}
table{border-collapse:collapse;width:100%;margin:.3rem 0 1rem}th,td{border:1px solid #bbb;padding:.25rem .4rem;text-align:left;vertical-align:top}
th{background:#eee}dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:600}dd{margin:0}
code{font-size:.92em;word-break:break-all}.muted{color:#444}@media print{a{color:#111}h2{break-after:avoid}tr{break-inside:avoid}}`;

/**
 * The page for a report, in the report's language (`t` must translate into it; `locale` formats dates).
 * Returns the whole document as a string, starting with `<!doctype html>`.
 */
export function reportHtml(report: EvidenceReport, t: Translate, locale: string): string {
  const when = (iso: string) => new Date(iso).toLocaleString(locale, { dateStyle: 'long', timeStyle: 'medium', timeZone: 'UTC' }) + ' UTC';
  const subject = report.subject.institutionName ? `${report.subject.site} (${report.subject.institutionName})` : report.subject.site;
  const kindText = (k: string) => t(`kind_${k.replace(/-/g, '_')}`);
  const categories = (cs: readonly string[]) => cs.map((c) => t(`carried_${c.replace(/-/g, '_')}`)).join(', ');
  const rec = report.recording;
  const loads = report.loads.map(
    (l) => html`<section><h3>${when(l.at)} · <code>${l.path}</code></h3>
${
  l.observations.length === 0
    ? html`<p class="muted">${t('reportLoadNone')}</p>`
    : html`<table><thead><tr><th>${t('reportColPlatform')}</th><th>${t('reportColEndpoint')}</th><th>${t('reportColEvent')}</th><th>${t('reportColData')}</th><th>${t('reportColOutcome')}</th></tr></thead><tbody>
${l.observations.map(
  (o) => html`<tr><td>${o.platformName}</td><td><code>${o.endpoint}</code><br><span class="muted">${kindText(o.kind)}</span></td><td>${o.event ?? ''}</td><td>${categories(o.categories)}${o.hashedUserData ? html`<br>${t('reportHashed')}` : ''}</td><td>${t('reportOutcomeCounts', [String(o.completed), String(o.failed), String(o.requested)])}${o.blocked ? html`<br>${t('reportBlockedCount', String(o.blocked))}` : ''}</td></tr>
`,
)}</tbody></table>`
}${l.more ? html`<p class="muted">${t('reportMore', String(l.more))}</p>` : ''}</section>
`,
  );
  // Entries' titles and summaries are the catalog's text, marked where it fell back to English (catalogText).
  const entries = report.catalogEntries.map(
    (e) => html`<section><h3${e.textLang ? html` lang="${e.textLang}"` : ''}>${e.title}</h3>${e.summary ? html`<p${e.textLang ? html` lang="${e.textLang}"` : ''}>${e.summary}</p>` : ''}${e.status ? html`<p><strong>${t('reportEntryLatest')}</strong> ${e.status}</p>` : ''}<p class="muted">${t('reportEntryAbout', e.about.join(', '))}</p><ul>
${e.sources.map((s) => html`<li>${s.publisher}, ${link(s.url, s.headline)}, ${formatPartialDate(s.date, locale)}${s.via ? ` ${t('reportVia', s.via)}` : ''}${s.url ? html`<br><code>${s.url}</code>` : ''}</li>
`)}</ul></section>
`,
  );
  const page = html`<!doctype html>
<html lang="${report.language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t('reportTitle', subject)}</title>
<style>${new SafeHtml(CSS)}</style>
</head>
<body>
<h1>${t('reportTitle', subject)}</h1>
<p>${report.subject.kind === 'recording' ? t('reportSubjectRecording', subject) : t('reportSubjectTab', subject)}</p>
<dl>
<dt>${t('reportExtension')}</dt><dd>${t('reportExtensionValue', [report.extension.version, report.extension.build])}</dd>
<dt>${t('reportBrowser')}</dt><dd><code>${report.browser}</code></dd>
<dt>${t('reportGenerated')}</dt><dd>${when(report.generatedAt)}</dd>
<dt>${t('reportPeriod')}</dt><dd>${t('reportPeriodValue', [when(report.period.from), when(report.period.to)])}</dd>
${rec ? html`<dt>${t('reportDroppedLabel')}</dt><dd>${t('reportDropped', [String(rec.droppedLoads), String(rec.caps.perSite), String(rec.caps.total)])}</dd>` : ''}
</dl>
<h2>${t('reportMethodHeading')}</h2>
<p>${report.method.summary}</p>
<ul>${report.method.limits.map((l) => html`<li>${l}</li>`)}</ul>
<h2>${t('reportLoadsHeading', String(report.loads.length))}</h2>
${loads}
<h2>${t('reportEntriesHeading', subject)}</h2>
${report.catalogEntries.length ? entries : html`<p>${t('reportEntriesNone')}</p>`}
${(report.otherReports ?? []).filter((o) => o.count > 0).map((o) => html`<p class="muted">${o.count === 1 ? t('reportOtherOne', o.platformName) : t('reportOtherMany', [o.platformName, String(o.count)])}</p>
`)}
</body>
</html>
`;
  return page.value;
}
