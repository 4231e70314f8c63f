/**
 * The published JSON Schema of the file formats (docs/config.schema.json), generated from the valibot
 * schemas in `schema.ts` so the two cannot drift. `scripts/config-schema.ts` writes it; a unit test checks
 * the committed file equals what this function returns. Not imported by the extension itself.
 *
 * What JSON Schema cannot say is left to the importer, and listed in the schema's `description`:
 * - `check` actions become their nearest keywords (https only: `format: uri` + `pattern: ^https://`; an
 *   instant: `format: date-time`) or nothing (a real calendar date; a registrable domain under a public
 *   suffix); the converter offers only actions, not piped schemas, to overrides, so they are keyed by action;
 * - `trim` (a transformation) is dropped: leading and trailing spaces are removed on import;
 * - cross-references (parties exist, ids unique, no bundled entry redefined) are not schema rules at all.
 * Any other action the converter cannot handle makes generation fail (`errorMode: 'throw'`), so a new rule
 * is never dropped silently.
 */
import { toJsonSchema, type JsonSchema } from '@valibot/to-json-schema';
import { ArrangementSchema, HttpsUrlSchema, InstitutionSchema } from '../catalog/schema';
import { AnyFileV1Schema, CustomListSchema, CURRENT_VERSION, InstantSchema, LIMITS, SiteDecisionSchema } from './schema';

/** Rules the importer enforces beyond the JSON Schema, in words (they go into the schema's description). */
export const RULES_NOT_IN_JSON_SCHEMA: readonly string[] = [
  'URLs (sources, homepage) must be https:// URLs without user name or password, at most 2048 characters.',
  'Dates must be real calendar dates, not in the future; status steps oldest first.',
  'A site is a registrable domain (eTLD+1) under a public suffix, not a subdomain, a public suffix or an IP address.',
  'Text fields are trimmed; a field that is empty after trimming is refused where text is required.',
  'Site decisions name each site once; list ids are unique in a file; entry ids are unique in a list.',
  "Arrangement parties, `by` and institution `group` name an institution of the list or of Linkwatch's bundled catalog.",
  "A list may not redefine a bundled institution or arrangement id, nor claim a domain (or a host below one) the bundled catalog claims.",
  `Limits: ${LIMITS.maxBytes / (1024 * 1024)} MiB per file, ${LIMITS.maxDepth} levels of nesting, ${LIMITS.maxSiteDecisions} site decisions, ${LIMITS.maxLists} lists, ${LIMITS.maxListEntries} institutions and ${LIMITS.maxListEntries} arrangements per list.`,
  'Unknown keys are dropped on import (and reported), not refused; older format versions are converted, newer ones refused.',
];

/** The `check` action of a piped schema (the converter does not offer piped schemas to `overrideSchema`). */
function checkOf(schema: { pipe: readonly { type: string }[] }): unknown {
  return schema.pipe.find((action) => action.type === 'check');
}

/**
 * What each custom check becomes in JSON Schema: keyed by the valibot action object, the keywords added.
 * Checks not listed here (real calendar dates, a public suffix) are dropped and named in the description.
 */
const CHECK_OVERRIDES = new Map<unknown, JsonSchema>([
  [checkOf(HttpsUrlSchema), { format: 'uri', pattern: '^https://' }],
  [checkOf(InstantSchema), { format: 'date-time' }],
]);

/**
 * The JSON Schema (draft-07) for both file formats, as a plain object ready for `JSON.stringify`.
 * @throws Error from the converter if a schema gains a rule it cannot convert and no override covers.
 */
export function configJsonSchema(): JsonSchema {
  const generated = toJsonSchema(AnyFileV1Schema, {
    target: 'draft-07',
    errorMode: 'throw',
    definitions: {
      CustomList: CustomListSchema,
      SiteDecision: SiteDecisionSchema,
      Institution: InstitutionSchema,
      Arrangement: ArrangementSchema,
    },
    // Checks and trims have no JSON Schema form: a check becomes its nearest keywords or nothing (its rule
    // is in the description); a trim becomes nothing.
    overrideAction: ({ valibotAction, jsonSchema }) => {
      if (valibotAction.type === 'check') return { ...jsonSchema, ...CHECK_OVERRIDES.get(valibotAction) };
      if (valibotAction.type === 'trim') return jsonSchema;
      return null;
    },
  });
  const { $schema, ...rest } = generated as Record<string, unknown>;
  return {
    $schema: $schema as string,
    title: `Linkwatch config and list files (format version ${CURRENT_VERSION})`,
    description: [
      'A linkwatch-config file (settings, site decisions and custom lists) or a linkwatch-list file (one custom list).',
      'Generated from lib/config/schema.ts by scripts/config-schema.ts; do not edit by hand.',
      'Linkwatch also checks, on import:',
      ...RULES_NOT_IN_JSON_SCHEMA.map((rule) => `- ${rule}`),
    ].join('\n'),
    ...rest,
  } as JsonSchema;
}

/** The file text for docs/config.schema.json: the schema as pretty JSON with a final newline. */
export function configJsonSchemaText(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}
