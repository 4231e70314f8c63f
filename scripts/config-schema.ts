/**
 * Writes docs/config.schema.json, the published JSON Schema of linkwatch-config and linkwatch-list files,
 * and docs/evidence-report.schema.json (evidence reports, lib/report/schema.ts),
 * generated from the valibot schemas in lib/config/schema.ts (see lib/config/json-schema.ts for what JSON
 * Schema cannot express and how that is handled).
 *
 * Usage: npx tsx scripts/config-schema.ts           write the file
 *        npx tsx scripts/config-schema.ts --check   exit 1 if the committed file is out of date
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { configJsonSchemaText } from '../lib/config/json-schema';
import { reportJsonSchemaText } from '../lib/report/json-schema';

// docs/evidence-report.schema.json (lib/report/schema.ts) is written the same way.
const outputs: [string, string][] = [
  ['docs/config.schema.json', configJsonSchemaText()],
  ['docs/evidence-report.schema.json', reportJsonSchemaText()],
];

for (const [name, text] of outputs) {
  const target = fileURLToPath(new URL(`../${name}`, import.meta.url));
  if (process.argv.includes('--check')) {
    let committed = '';
    try {
      committed = readFileSync(target, 'utf8');
    } catch {
      // Missing counts as out of date.
    }
    if (committed !== text) {
      console.error(`${name} is out of date: run npx tsx scripts/config-schema.ts`);
      process.exitCode = 1;
    } else console.log(`${name} is up to date`);
  } else {
    writeFileSync(target, text);
    console.log(`wrote ${name} (${text.length} characters)`);
  }
}
