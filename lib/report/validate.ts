/**
 * `npm run validate` for evidence reports: a file whose `format` is `linkwatch-evidence-report` is checked
 * against `EvidenceReportSchema`; any other file is left to the config validator (returns undefined).
 */
import * as v from 'valibot';
import { EvidenceReportSchema, REPORT_FORMAT } from './schema';

/** One line per problem (`FILE: $.path: message`) or one `valid` line; undefined when not a report. */
export function validateReportText(file: string, text: string): { valid: boolean; lines: string[] } | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!doc || typeof doc !== 'object' || (doc as { format?: unknown }).format !== REPORT_FORMAT) return undefined;
  const result = v.safeParse(EvidenceReportSchema, doc);
  if (result.success) return { valid: true, lines: [`${file}: valid ${REPORT_FORMAT} v${result.output.version} (${result.output.loads.length} page loads, ${result.output.catalogEntries.length} catalog entries)`] };
  return {
    valid: false,
    lines: result.issues.map((i) => `${file}: $${(i.path ?? []).map((p) => (typeof p.key === 'number' ? `[${p.key}]` : `.${String(p.key)}`)).join('')}: ${i.message}`),
  };
}
