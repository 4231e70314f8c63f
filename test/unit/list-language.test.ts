/**
 * Issue 21, item 5: lists that advocates can write. A list in one language is accepted and shown in that
 * language; a value outside a fixed set says which values are allowed; a list that redefines a bundled
 * institution is told the `group` route; the directory's banks are bundled institutions like the catalog's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './build-helpers';
import { describe, expect, it } from 'vitest';
import { importConfig } from '../../lib/config/import';
import type { CustomList } from '../../lib/config/schema';
import type { ImportResult } from '../../lib/config/types';

const NOW = new Date('2026-11-29T12:00:00.000Z');
const LIST = (JSON.parse(readFileSync(join(ROOT, 'test/fixtures/config/v1-list.json'), 'utf8')) as { list: CustomList }).list;
const ARR = LIST.arrangements[0]!;
const listFile = (list: Record<string, unknown>) => JSON.stringify({ format: 'linkwatch-list', version: 1, list: { ...LIST, ...list } });
const only = (lang: 'en' | 'fr', text: { en: string; fr: string }) => ({ [lang]: text[lang] });
const imported = (r: ImportResult) => {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.config.customLists[0]!;
};
const errors = (r: ImportResult) => (r.ok ? [] : r.errors);

describe('a list in one language', () => {
  for (const lang of ['en', 'fr'] as const) {
    it(`is accepted when every text is in ${lang} only: the other language repeats it and the list says which`, () => {
      const arrangement = { ...ARR, title: only(lang, ARR.title), summary: only(lang, ARR.summary), dataDetail: only(lang, ARR.dataDetail), purpose: only(lang, ARR.purpose) };
      const list = imported(importConfig(listFile({ arrangements: [arrangement] }), undefined, { now: NOW }));
      expect(list.lang).toBe(lang);
      const a = list.arrangements[0]!;
      expect(a.title.en).toBe(ARR.title[lang]);
      expect(a.title.fr).toBe(ARR.title[lang]);
      expect(a.purpose.en).toBe(a.purpose.fr);
    });
  }

  it('a list with both languages everywhere has no language mark', () => {
    expect(imported(importConfig(listFile({}), undefined, { now: NOW })).lang).toBeUndefined();
  });

  it('is refused, saying where, when it mixes English-only and French-only texts', () => {
    const arrangement = { ...ARR, title: only('en', ARR.title), summary: only('fr', ARR.summary) };
    const [problem] = errors(importConfig(listFile({ arrangements: [arrangement] }), undefined, { now: NOW }));
    expect(problem).toMatchObject({ path: '$.list.arrangements[0].summary' });
    expect(problem!.message).toMatch(/French only while \$\.list\.arrangements\[0\]\.title is in English only/);
  });

  it('an empty or null other language counts as absent (a template’s `"fr": ""`): the list is in English', () => {
    const arrangement = { ...ARR, title: { en: ARR.title.en, fr: '' }, summary: { en: ARR.summary.en, fr: null }, dataDetail: only('en', ARR.dataDetail), purpose: only('en', ARR.purpose) };
    const list = imported(importConfig(listFile({ arrangements: [arrangement] }), undefined, { now: NOW }));
    expect(list.lang).toBe('en');
    expect(list.arrangements[0]!.title.fr).toBe(ARR.title.en);
    expect(list.arrangements[0]!.summary.fr).toBe(ARR.summary.en);
  });

  it('an empty text in a list with both languages elsewhere is still refused where it is empty in both', () => {
    const arrangement = { ...ARR, title: { en: '', fr: '' } };
    expect(errors(importConfig(listFile({ arrangements: [arrangement] }), undefined, { now: NOW })).map((e) => e.path)).toContain('$.list.arrangements[0].title.en');
  });
});

describe('errors an author can act on', () => {
  it('a value outside a fixed set names the allowed values', () => {
    const bank = { ...LIST.institutions[0]!, kind: 'banque' };
    const [problem] = errors(importConfig(listFile({ institutions: [bank, LIST.institutions[1]] }), undefined, { now: NOW }));
    expect(problem).toMatchObject({ path: '$.list.institutions[0].kind', code: 'not-one-of' });
    expect(problem!.values![0]).toBe('banque');
    expect(problem!.values![1]).toMatch(/^platform, bank, credit-union, .*, other$/);
  });

  it('redefining a bundled institution is told how to add a domain to it (the group route)', () => {
    const chase = { ...LIST.institutions[0]!, id: 'chase', domains: [{ domain: 'example.com', verified: 'C' }] };
    const problem = errors(importConfig(listFile({ institutions: [chase, LIST.institutions[1]], arrangements: [] }), undefined, { now: NOW })).find((e) => e.code === 'bundled-institution');
    expect(problem?.message).toMatch(/add an institution of your own with "group": "chase"/);
    // ...and the route works.
    const branch = { ...LIST.institutions[0]!, id: 'chase-extra', group: 'chase', groupSince: undefined };
    expect(importConfig(listFile({ institutions: [branch, LIST.institutions[1]], arrangements: [] }), undefined, { now: NOW }).ok).toBe(true);
  });

  it('a bank of the directory is bundled too: a list cannot claim its domain', () => {
    const bank = { ...LIST.institutions[0]!, domains: [{ domain: 'addisonbank.com', verified: 'C' }] };
    const problem = errors(importConfig(listFile({ institutions: [bank, LIST.institutions[1]] }), undefined, { now: NOW }))[0];
    expect(problem).toMatchObject({ path: '$.list.institutions[0].domains[0].domain', code: 'domain-in-catalog' });
    expect(problem!.values![1]).toBe('FDIC-insured bank');
  });
});

describe('nothing too broad to claim or watch (an outside test, issue 21)', () => {
  it('a list cannot claim a shared suffix whole (github.io, blogspot.com), only a site under it', () => {
    const bank = { ...LIST.institutions[0]!, domains: [{ domain: 'github.io', verified: 'C' }] };
    const [problem] = errors(importConfig(listFile({ institutions: [bank, LIST.institutions[1]] }), undefined, { now: NOW }));
    expect(problem).toMatchObject({ path: '$.list.institutions[0].domains[0].domain', code: 'not-accepted' });
    expect(problem!.message).toMatch(/shared by many unrelated sites/);
    const site = { ...LIST.institutions[0]!, domains: [{ domain: 'mybank.github.io', verified: 'C' }] };
    expect(importConfig(listFile({ institutions: [site, LIST.institutions[1]] }), undefined, { now: NOW }).ok).toBe(true);
  });

  it('a config cannot ask to watch a shared suffix or a platform’s own site', () => {
    const config = (watchedSites: string[]) => JSON.stringify({ format: 'linkwatch-config', version: 1, createdAt: '2026-11-01T00:00:00.000Z', watchedSites });
    const problems = errors(importConfig(config(['blogspot.com', 'facebook.com', 'mybank-example.org']), undefined, { now: NOW }));
    expect(problems.map((p) => p.path)).toEqual(['$.watchedSites[0]', '$.watchedSites[1]']);
    expect(problems[1]!.message).toMatch(/platform's own site \(Facebook\)/);
    expect(importConfig(config(['mybank-example.org']), undefined, { now: NOW }).ok).toBe(true);
  });
});
