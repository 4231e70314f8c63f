/**
 * Writes docs/catalog.md from the bundled catalog (assets/catalog/*.json).
 * Run: `npx tsx scripts/catalog-doc.ts`. The unit test test/unit/catalog-doc.test.ts fails when the file is stale.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledCatalog } from '../lib/catalog';
import { renderCatalogDoc } from '../lib/catalog/doc';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const target = resolve(root, 'docs', 'catalog.md');
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, renderCatalogDoc(bundledCatalog()), 'utf8');
console.log(`wrote ${target}`);
