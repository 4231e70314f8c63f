/**
 * The published JSON Schema of evidence reports (docs/evidence-report.schema.json), generated from
 * `EvidenceReportSchema` so the two cannot drift. `scripts/config-schema.ts` writes it with the config
 * schema; a unit test checks the committed file equals what this returns. Not imported by the extension.
 */
import { toJsonSchema, type JsonSchema } from '@valibot/to-json-schema';
import { EvidenceReportSchema, REPORT_VERSION } from './schema';

/** The JSON Schema (draft-07) of a report, ready for `JSON.stringify`. @throws if a rule cannot be converted. */
export function reportJsonSchema(): JsonSchema {
  const generated = toJsonSchema(EvidenceReportSchema, { target: 'draft-07', errorMode: 'throw' });
  const { $schema, ...rest } = generated as Record<string, unknown>;
  return {
    $schema: $schema as string,
    title: `Linkwatch evidence report (format version ${REPORT_VERSION})`,
    description: [
      'What Linkwatch observed a site sending to platforms, per page load, with the catalog entries about the site and the platforms and their sources.',
      'Parameter names are reported, never their values; paths never carry a query or fragment.',
      'Generated from lib/report/schema.ts by scripts/config-schema.ts; do not edit by hand.',
    ].join('\n'),
    ...rest,
  } as JsonSchema;
}

/** The file text for docs/evidence-report.schema.json: pretty JSON with a final newline. */
export function reportJsonSchemaText(): string {
  return `${JSON.stringify(reportJsonSchema(), null, 2)}\n`;
}
