// @vitest-environment node
/**
 * The catalog's text in German and Spanish (issue 25; lib/catalog/translations): every text field of the
 * catalog (with the sources' titles Linkwatch wrote) and of the "what you can do" entries has its translation in `public/catalog-text/<lang>.json`, none
 * is stale (its English since edited) or left in English, each fits the field's length limit, keeps the
 * English's numbers and uses the language's own quotation marks; and the module that applies the files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import actionsFile from '../../assets/actions/actions.json';
import arrangementsFile from '../../assets/catalog/arrangements.json';
import { TEXT_LIMITS } from '../../lib/catalog/schema';
import { checkTranslationFiles, parseTranslationFile } from '../../lib/catalog/translation-schema';
import { applyTranslations, asTranslationFile, catalogTextFields, TRANSLATED_LANGS, translationPath, type TranslatedLang } from '../../lib/catalog/translations';
import { catalogText, catalogTextLang } from '../../lib/i18n';
import { isEnglishDescription, sourceTitle } from '../../lib/catalog/sourcing';
import { ROOT } from './build-helpers';

const file = (lang: TranslatedLang) => parseTranslationFile(JSON.parse(readFileSync(join(ROOT, 'public', translationPath(lang)), 'utf8')), lang);

/** Every catalog text field with where it is and its length limit (a title's, or a paragraph's). */
function fields(): { where: string; en: string; max: number }[] {
  const out: { where: string; en: string; max: number }[] = [];
  const walk = (value: unknown, path: string[]): void => {
    if (Array.isArray(value)) return value.forEach((item, i) => walk(item, [...path, String(i)]));
    if (!value || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    if (typeof record.en === 'string' && typeof record.fr === 'string') {
      out.push({ where: path.join('/'), en: record.en, max: path.at(-1) === 'title' ? TEXT_LIMITS.title : TEXT_LIMITS.text });
      return;
    }
    // A source's title Linkwatch wrote (a description, not a headline): translated too, within the title's 300.
    if (typeof record.title === 'string' && typeof record.publisher === 'string') {
      if (isEnglishDescription(record as { title: string })) out.push({ where: [...path, 'title'].join('/'), en: record.title, max: 300 });
      return;
    }
    for (const [key, child] of Object.entries(record)) walk(child, [...path, key]);
  };
  walk(arrangementsFile.arrangements, ['arrangements']);
  walk(actionsFile.actions, ['actions']);
  return out;
}

/**
 * The numbers a text states, as a sorted set: thousands separators (`10,000`, `10.000`, `10 000`) taken out,
 * a number repeated counted once (a translation may say a year once where the English repeats it), and
 * amounts in billions left out: Spanish says "1300 millones" or "119 000 millones" for 1.3 or 119 billion.
 */
function numbers(text: string): string[] {
  const plain = text.replace(/(\d)[,.\u00a0\u202f ](?=\d{3}(?!\d))/g, '$1').replace(/[\d.,]+\s*(?:billion|Milliarden?|Mrd\.|mil millones)|\d{4,}\s*millones/g, '');
  return [...new Set(plain.match(/\d+/g) ?? [])].sort();
}

describe.each(TRANSLATED_LANGS)('catalog text in %s (public/catalog-text)', (lang) => {
  const translations = file(lang).texts;
  const all = fields();

  it('has a translation for every text field of the catalog and of the actions, and nothing else', () => {
    expect(all.length).toBeGreaterThan(300);
    expect(all.filter((f) => !translations[f.en]).map((f) => f.where)).toEqual([]);
    const used = new Set(all.map((f) => f.en));
    // A key no field has is a translation of English since edited: translate the new English instead.
    expect(Object.keys(translations).filter((en) => !used.has(en))).toEqual([]);
  });

  it('fits each field’s length limit (a title 120 characters, a paragraph 400)', () => {
    expect(all.filter((f) => translations[f.en] && translations[f.en]!.length > f.max).map((f) => `${f.where}: ${translations[f.en]!.length} > ${f.max}`)).toEqual([]);
  });

  it('leaves nothing in English', () => {
    expect(all.filter((f) => translations[f.en] === f.en).map((f) => f.where)).toEqual([]);
  });

  it('states the numbers the English states (dates, amounts, counts), and no other', () => {
    const changed = all.filter((f) => translations[f.en] && numbers(translations[f.en]!).join() !== numbers(f.en).join());
    expect(changed.map((f) => `${f.where}: ${numbers(f.en).join(' ')} -> ${numbers(translations[f.en]!).join(' ')}`)).toEqual([]);
  });

  it('uses the language’s own quotation marks („…“ in German, «…» in Spanish), never straight ones', () => {
    const wrong = lang === 'de' ? /[”«»"]/ : /[“”„"]/;
    expect(Object.values(translations).filter((text) => wrong.test(text))).toEqual([]);
  });
});

describe('applying a translation file (lib/catalog/translations)', () => {
  const sample = () => ({
    id: 'x',
    title: { en: 'Facebook asked banks', fr: 'Facebook a demandé aux banques' },
    status: [{ note: { en: 'Denied.', fr: 'Démenti.' } }, { note: { en: 'Ended.', fr: 'Terminé.' } }],
  });

  it('adds the language to every field it translates, in place, and lists the English it lacks', () => {
    const entry = sample();
    const missing = applyTranslations([entry], { lang: 'de', texts: { 'Facebook asked banks': 'Facebook bat Banken', 'Denied.': 'Dementiert.' } });
    expect(missing).toEqual(['Ended.']);
    expect(catalogText(entry.title, 'de')).toBe('Facebook bat Banken');
    expect(catalogTextLang(entry.title, 'de')).toBeUndefined();
    expect(catalogText(entry.status[1]!.note, 'de')).toBe('Ended.');
    expect(catalogTextLang(entry.status[1]!.note, 'de')).toBe('en');
    // Spanish is untouched, and applying again changes nothing.
    expect(catalogText(entry.title, 'es')).toBe('Facebook asked banks');
    applyTranslations([entry], { lang: 'de', texts: { 'Facebook asked banks': 'Facebook bat Banken', 'Denied.': 'Dementiert.' } });
    expect(catalogTextFields(entry).map((f) => Object.keys(f).sort().join())).toEqual(['de,en,fr', 'de,en,fr', 'en,fr']);
  });

  it('translates a source title Linkwatch wrote, never a headline, and marks each title in another language with it', () => {
    const sources = [
      { publisher: 'Motherboard', title: 'Motherboard report on data sales', titleIsDescription: true as const, titleFr: 'Article de Motherboard sur la vente de données', date: '2020' },
      { publisher: 'NRC', title: 'Zorgverzekeraar Menzis haalt Facebook-functie van website', titleIsDescription: true as const, titleFr: 'Zorgverzekeraar Menzis haalt Facebook-functie van website', date: '2018', url: 'https://www.nrc.nl/nieuws/2018/04/11/zorgverzekeraar-menzis-haalt-facebook-functie-van-website-a1599144' },
      { publisher: 'WSJ', title: 'Facebook to Banks: Give Us Your Data', date: '2018' },
    ];
    const missing = applyTranslations([{ sources }], { lang: 'de', texts: { 'Motherboard report on data sales': 'Motherboard-Bericht über Datenverkäufe', 'Facebook to Banks: Give Us Your Data': 'nie' } });
    expect(missing).toEqual([]);
    // Headlines as published, each marked with its own language for screen readers (Dutch, English).
    expect(sources.map((s) => sourceTitle(s, 'de'))).toEqual([{ text: 'Motherboard-Bericht über Datenverkäufe' }, { text: sources[1]!.title, lang: 'nl' }, { text: 'Facebook to Banks: Give Us Your Data', lang: 'en' }]);
    expect(sourceTitle(sources[2]!, 'en')).toEqual({ text: 'Facebook to Banks: Give Us Your Data' });
    expect(sourceTitle(sources[0]!, 'fr')).toEqual({ text: 'Article de Motherboard sur la vente de données' });
    expect(sourceTitle(sources[0]!, 'es')).toEqual({ text: 'Motherboard report on data sales', lang: 'en' });
    expect(sourceTitle(sources[0]!, 'en')).toEqual({ text: 'Motherboard report on data sales' });
  });

  it('at run time, refuses what is not a file of its language (the full check runs at build time)', () => {
    expect(asTranslationFile({ lang: 'de', texts: { A: 'B' } }, 'de').texts.A).toBe('B');
    expect(() => asTranslationFile({ lang: 'es', texts: {} }, 'de')).toThrow('is not a translation file for de');
    expect(() => asTranslationFile({ lang: 'de' }, 'de')).toThrow('is not a translation file for de');
    expect(() => asTranslationFile(null, 'de')).toThrow('is not a translation file for de');
    expect(checkTranslationFiles(join(ROOT, 'public')).map((f) => f.lang)).toEqual([...TRANSLATED_LANGS]);
  });

  it('refuses a file of another language or with a non-text translation, naming where', () => {
    expect(() => parseTranslationFile({ lang: 'es', texts: {} }, 'de')).toThrow('Catalog translation file for de says it is es');
    expect(() => parseTranslationFile({ lang: 'de', texts: { A: 3 } }, 'de')).toThrow(/invalid at texts\.A/);
    expect(() => parseTranslationFile({ lang: 'de', texts: { A: ' ' } }, 'de')).toThrow(/invalid at texts\.A/);
    expect(() => parseTranslationFile({ lang: 'xx', texts: {} }, 'de')).toThrow(/invalid at lang/);
  });

  it('the bundled files translate every field of the real catalog once applied (nothing shown in English)', () => {
    const copy = JSON.parse(JSON.stringify([arrangementsFile.arrangements, actionsFile.actions])) as unknown[];
    for (const lang of TRANSLATED_LANGS) expect(applyTranslations(copy, file(lang))).toEqual([]);
    const story = (copy[0] as { id: string; title: Record<string, string> }[]).find((a) => a.id === 'fb-us-banks-messenger-2018')!;
    expect(story.title.de).toMatch(/Facebook/);
    expect(story.title.de).not.toBe(story.title.en);
    expect(story.title.es).not.toBe(story.title.en);
  });
});
