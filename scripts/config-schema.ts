/**
 * Writes docs/config.schema.json, the published JSON Schema of linkwatch-config and linkwatch-list files,
 * generated from the valibot schemas in lib/config/schema.ts (see lib/config/json-schema.ts for what JSON
 * Schema cannot express and how that is handled).
 *
 * Usage: npx tsx scripts/config-schema.ts           write the file
 *        npx tsx scripts/config-schema.ts --check   exit 1 if the committed file is out of date
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { configJsonSchemaText } from '../lib/config/json-schema';

const target = fileURLToPath(new URL('../docs/config.schema.json', import.meta.url));
const text = configJsonSchemaText();

if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(target, 'utf8');
  } catch {
    // Missing counts as out of date.
  }
  if (committed !== text) {
    console.error('docs/config.schema.json is out of date: run npx tsx scripts/config-schema.ts');
    process.exit(1);
  }
  console.log('docs/config.schema.json is up to date');
} else {
  writeFileSync(target, text);
  console.log(`wrote docs/config.schema.json (${text.length} characters)`);
}
