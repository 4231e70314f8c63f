/**
 * Compiles the directory (assets/directory/institutions.json and fdic-bankfind.json) into
 * assets/directory/compiled.json, the form the background loads (lib/directory), and docs/directory.md. Fails, writing nothing,
 * when a directory rule is broken (lib/directory/compile.ts). Run after changing the directory or the
 * catalog's institutions: `npm run directory`. A unit test fails while compiled.json is stale.
 */
import { writeFileSync } from 'node:fs';
import { bundledDirectoryDoc, compileBundledDirectory } from '../lib/directory/bundled-source';

const { compiled, problems, stats } = compileBundledDirectory();
if (problems.length) {
  for (const p of problems) console.error(`${p.entry}: ${p.message}`);
  throw new Error(`directory: ${problems.length} problem(s); nothing written`);
}
writeFileSync(new URL('../assets/directory/compiled.json', import.meta.url), JSON.stringify(compiled) + '\n');
console.log(`wrote assets/directory/compiled.json: ${stats.institutions} institutions, ${stats.domains} domains (${stats.fdicHosts} FDIC hosts, ${stats.fdicCovered} covered by named entries)`);
console.log(JSON.stringify({ byCountry: stats.byCountry, byKind: stats.byKind, byLevel: stats.byLevel }));
writeFileSync(new URL('../docs/directory.md', import.meta.url), bundledDirectoryDoc());
console.log('wrote docs/directory.md');
