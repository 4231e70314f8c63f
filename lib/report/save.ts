/**
 * Saving a report: the text becomes a Blob behind an object URL, and a temporary `<a download>` in the
 * given document is clicked, so the browser saves the file locally; nothing is sent anywhere. The one
 * DOM-touching helper of lib/report (the document is passed in, for the popup and the options page).
 */
import { buildId } from '../build-id';
import type { Lang, Translate } from '../i18n';
import { buildReport, reportFileName, type EvidenceReport, type ReportInput } from './index';
import { reportHtml } from './html';

/** Save `data` (text, or a Blob such as a PNG) as a file named `name` (a download from an object URL, revoked afterwards). */
export function saveFile(doc: Document, name: string, type: string, data: string | Blob): void {
  const url = URL.createObjectURL(typeof data === 'string' ? new Blob([data], { type }) : data);
  const a = doc.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Save a report as JSON or as the printable HTML page. */
export function saveReport(doc: Document, report: EvidenceReport, form: 'json' | 'html', t: Translate, locale: string): void {
  if (form === 'json') saveFile(doc, reportFileName(report, 'json'), 'application/json', `${JSON.stringify(report, null, 2)}\n`);
  else saveFile(doc, reportFileName(report, 'html'), 'text/html', reportHtml(report, t, locale));
}

/** The report input's environment part: version and build id, browser, time and language. */
export function reportEnvironment(version: string, userAgent: string, lang: Lang, t: Translate): Pick<ReportInput, 'version' | 'build' | 'userAgent' | 'now' | 'lang' | 't'> {
  return { version, build: buildId(version), userAgent, now: new Date().toISOString(), lang, t };
}

export { buildReport };
