/**
 * Issue 14: the bundled catalog is validated at build time, not in the service worker. `bundledCatalog()`
 * is then a plain cast of the JSON, so the build's check must also prove the data is already in the
 * schema's output form.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './build-helpers';
import { bundledCatalog, rawBundledCatalog, validateBundledCatalog } from '../../lib/catalog';

describe('the bundled catalog, checked at build time', () => {
  it('passes the full schema and is already in its output form', () => {
    expect(validateBundledCatalog()).toEqual(rawBundledCatalog());
  });

  it('bundledCatalog() runs no schema: it returns the bundled data itself, once', () => {
    expect(bundledCatalog()).toBe(bundledCatalog());
    expect(bundledCatalog().arrangements.length).toBeGreaterThan(0);
  });

  it('the build hook calls it (wxt.config.ts), so a broken catalog fails the build', () => {
    const config = readFileSync(join(ROOT, 'wxt.config.ts'), 'utf8');
    expect(config).toMatch(/'build:before':[^}]*validateBundledCatalog\(\)/);
  });
});
