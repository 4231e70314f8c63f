/**
 * Issue 22, item 5: catalog search matches names and words, never inside a word ("Chase" must not find
 * "purchases").
 */
import { describe, expect, it } from 'vitest';
import { bundledCatalog } from '../../lib/catalog';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { searchArrangements } from '../../lib/catalog/search';
import { applyTranslations, type TranslationFile } from '../../lib/catalog/translations';
import { ROOT } from './build-helpers';

const catalog = bundledCatalog();
const ids = (text: string) => searchArrangements(catalog, { text }).map((a) => a.id);
const mentions = (re: RegExp) => catalog.arrangements.filter((a) => re.test([a.title.en, a.summary.en].join(' '))).map((a) => a.id);

describe('catalog search by words', () => {
  it('"chase" finds the entries naming Chase, not those that only say "purchase"', () => {
    const purchaseOnly = mentions(/purchase/i).filter((id) => !mentions(/\bchase\b/i).includes(id) && !catalog.arrangements.find((a) => a.id === id)!.parties.some((p) => /chase/.test(p)));
    expect(purchaseOnly.length).toBeGreaterThan(0); // the catalog has such entries: the test can fail
    const found = ids('chase');
    expect(found).toContain('fb-us-banks-messenger-2018');
    for (const id of purchaseOnly) expect(found, id).not.toContain(id);
  });

  it('a word’s start is enough (typing "cha" already finds Chase), case and accents folded', () => {
    expect(ids('cha')).toContain('fb-us-banks-messenger-2018');
    expect(ids('CHASE')).toEqual(ids('chase'));
    expect(ids('societe generale')).toEqual(ids('Société Générale'));
  });

  it('punctuation splits words as in the text ("U.S. Bank")', () => {
    expect(ids('u.s. bank')).toContain('fb-us-banks-messenger-2018');
  });
});

describe('catalog search in German and Spanish (issue 25: an outside test found "Sammelklage" matched nothing)', () => {
  it('finds words of the translated titles and summaries once the translation is applied', () => {
    const copy = JSON.parse(JSON.stringify(catalog)) as typeof catalog;
    const german = JSON.parse(readFileSync(join(ROOT, 'public/catalog-text/de.json'), 'utf8')) as TranslationFile;
    const spanish = JSON.parse(readFileSync(join(ROOT, 'public/catalog-text/es.json'), 'utf8')) as TranslationFile;
    const find = (text: string) => searchArrangements(copy, { text }).map((a) => a.id);
    expect(find('Sammelklage')).toEqual([]);
    applyTranslations([copy], german);
    applyTranslations([copy], spanish);
    const withWord = (lang: 'de' | 'es', word: RegExp) => copy.arrangements.filter((a) => word.test(`${(a.title as Record<string, string>)[lang]} ${(a.summary as Record<string, string>)[lang]}`)).map((a) => a.id);
    expect(withWord('de', /Sammelklage/).length).toBeGreaterThan(0);
    expect(find('Sammelklage')).toEqual(expect.arrayContaining(withWord('de', /Sammelklage/)));
    expect(withWord('es', /\bmulta\b/).length).toBeGreaterThan(0);
    expect(find('multa')).toEqual(expect.arrayContaining(withWord('es', /\bmulta\b/)));
  });
});
