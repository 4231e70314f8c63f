import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledCatalog, type Catalog } from '../../lib/catalog';
import { renderCatalogDoc } from '../../lib/catalog/doc';

describe('docs/catalog.md', () => {
  const doc = renderCatalogDoc(bundledCatalog());

  it('is up to date with the catalog data', () => {
    const file = readFileSync(resolve(process.cwd(), 'docs', 'catalog.md'), 'utf8');
    expect(file, 'run npx tsx scripts/catalog-doc.ts').toBe(doc);
  });

  it('lists institutions by country with their domains and verification level', () => {
    const france = doc.slice(doc.indexOf('### France (FR)'), doc.indexOf('###', doc.indexOf('### France (FR)') + 1));
    expect(france).toContain('| Hello bank! | `hello-bank` | bank | BNP Paribas (`bnp-paribas`), since 2013 | `hellobank.fr` (C: public code lists only, weak) |');
    expect(france).toContain('`mabanque.bnpparibas` (C: public code lists only, weak)');
    expect(doc).toContain('`facebook.com/messages` (A: public entity lists)');
  });

  it('puts the 2018 Facebook–US banks report under 2018 with its latest status, and context entries apart', () => {
    const arrangements = doc.slice(doc.indexOf('## Arrangements by year'), doc.indexOf('## Context'));
    const y2018 = arrangements.slice(arrangements.indexOf('### 2018'), arrangements.indexOf('###', arrangements.indexOf('### 2018') + 1));
    expect(y2018).toContain('(`fb-us-banks-messenger-2018`)');
    expect(y2018).toContain('Latest status: denied by U.S. Bank, 2018-08 (denied having shared any customer information');
    expect(y2018).toMatch(/`fb-us-banks-messenger-2018`\)  \n  Parties: [^\n]*Well sourced: 5 publishers\./);
    expect(arrangements).toContain('`jpmorgan-aggregator-fees-plaid-deal-2025`) — Aggregator or data broker');
    // The story goes on past the order's end (issue 22): Chase to replace Goldman Sachs, January 2026.
    expect(arrangements).toContain('Latest status: confirmed by Apple, 2026-01-07 (announced with Chase that Chase will replace Goldman Sachs');
    expect(arrangements).not.toContain('`cfpb-personal-financial-data-rights-1033-2024`');
    const context = doc.slice(doc.indexOf('## Context'), doc.indexOf('## How to propose a correction'));
    expect(context).toContain('`cfpb-personal-financial-data-rights-1033-2024`');
  });

  it('explains how to propose a correction, the evidence levels and the statuses', () => {
    const section = doc.slice(doc.indexOf('## How to propose a correction'));
    expect(section).toContain('entry id');
    expect(section).toContain('publisher, title, date');
    for (const word of ['Reported', 'Owned by', 'Observed', 'Linked', '`denied`', '`ruled`', 'Well sourced', 'primary', 'Aggregator or data broker']) expect(section).toContain(word);
  });

  it('renders text from data safely inside tables', () => {
    const catalog: Catalog = {
      version: '2026-01-01',
      institutions: [{ id: 'pipe', name: 'A | B\nC', country: 'US', kind: 'bank', domains: [] }],
      arrangements: [],
    };
    const out = renderCatalogDoc(catalog);
    expect(out).toContain('| A \\| B C | `pipe` | bank | — | none listed |');
    expect(renderCatalogDoc(catalog)).toBe(out);
  });
});
