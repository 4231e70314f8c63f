/**
 * How well an entry is sourced, and how a domain's owner was checked, in words a reader understands.
 *
 * The idea: a reader should see at a glance whether a statement rests on one article or on several
 * independent reports and official documents. Sources are counted by publisher (three AFP relays are one
 * source); `primary` counts regulators' and courts' documents, official registers and the companies' own
 * statements (`Source.primary`). Pure: wording goes through a `Translate` so the popup, the options page,
 * the notice and docs/catalog.md share it.
 */
import { sourceLanguage, type Lang, type Translate } from '../i18n';
import type { Arrangement, DomainRule, RelevanceClass, Source } from './schema';

/**
 * - `well-sourced`: three or more publishers, or two or more with at least one primary document;
 * - `corroborated`: two publishers, none primary;
 * - `primary-only`: one publisher, and it is a primary document;
 * - `single-source`: one publisher, not primary.
 */
export type SourcingLevel = 'well-sourced' | 'corroborated' | 'primary-only' | 'single-source';

export interface Sourcing {
  /** Distinct publishers among the sources (relays of one wire by several outlets count once). */
  sources: number;
  /** Distinct publishers with at least one primary document. */
  primary: number;
  level: SourcingLevel;
}

/** Count an entry's sources by publisher and grade them (see `SourcingLevel`). */
export function sourcing(a: Pick<Arrangement, 'sources'>): Sourcing {
  const publishers = new Map<string, boolean>();
  for (const s of a.sources) {
    const key = s.publisher.trim().toLowerCase();
    publishers.set(key, (publishers.get(key) ?? false) || s.primary === true);
  }
  const sources = publishers.size;
  const primary = [...publishers.values()].filter(Boolean).length;
  let level: SourcingLevel;
  if (sources >= 3 || (sources >= 2 && primary >= 1)) level = 'well-sourced';
  else if (sources === 2) level = 'corroborated';
  else if (primary === 1) level = 'primary-only';
  else level = 'single-source';
  return { sources, primary, level };
}

/**
 * "Well sourced: 4 publishers, 2 primary" / "Bien sourcé : 4 éditeurs, dont 2 primaires", "Two publishers,
 * none primary", "One publisher, a primary document", "One publisher": publishers, because the list of
 * sources under it may be longer (relays of one wire count once). `t` resolves the `sourcing_*` messages.
 */
export function describeSourcing(s: Sourcing, t: Translate): string {
  switch (s.level) {
    case 'well-sourced':
      return s.primary === 0
        ? t('sourcing_well_none', String(s.sources))
        : t(s.primary === 1 ? 'sourcing_well_one' : 'sourcing_well_many', [String(s.sources), String(s.primary)]);
    case 'corroborated':
      return t('sourcing_two');
    case 'primary-only':
      return t('sourcing_primary_only');
    case 'single-source':
      return t('sourcing_single');
  }
}

const OWNERSHIP_KEYS = { register: 'ownership_register', A: 'ownership_A', B: 'ownership_B', C: 'ownership_C', unverified: 'ownership_unverified' } as const;

/**
 * How a domain's owner was checked, in words (shared/research/domains.md): A "ownership checked in public
 * entity lists", B "ownership checked on the brand's own pages", C "ownership found only in public code
 * lists (weak evidence)", unverified "ownership not checked".
 */
export function describeOwnership(level: DomainRule['verified'], t: Translate): string {
  return t(OWNERSHIP_KEYS[level]);
}

const RELEVANCE_KEYS = { other: 'class_other', aggregator: 'class_aggregator', regulation: 'class_regulation', context: 'class_context' } as const;

/**
 * The label of an entry's class ("Aggregator or data broker", "Regulation", "Context", "Other company"), or
 * '' for platform-and-bank reports, which need no label.
 */
export function describeRelevance(cls: RelevanceClass, t: Translate): string {
  return cls === 'platform-bank' ? '' : t(RELEVANCE_KEYS[cls]);
}

/**
 * Whether a source was read through a copy (a scraper or mirror site: `via` says "copy"), which is never
 * the lead source of a claim when anything better is kept (issue 22).
 */
export function isCopy(s: Pick<Source, 'via'>): boolean {
  return s.via !== undefined && /\bcopy\b/i.test(s.via);
}

/**
 * The order to show an entry's sources in (indexes into `sources`; steps keep citing by index): primary
 * documents first, then the reports in the catalog's order (the first report first, even when read through
 * a relay), then copies (issue 22: "primary sources first"; a copy is never the lead).
 */
export function sourceOrder(sources: readonly Pick<Source, 'primary' | 'via'>[]): number[] {
  const rank = (s: Pick<Source, 'primary' | 'via'>) => (s.primary ? 0 : isCopy(s) ? 2 : 1);
  return sources.map((s, i) => [rank(s), i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, i]) => i);
}

/**
 * A source's German and Spanish description, set at run time only by lib/catalog/translations on a source
 * whose title Linkwatch wrote (`titleIsDescription`), from `public/catalog-text/<lang>.json`; never in a file.
 */
export type TranslatedSource = Source & { titleIn?: Partial<Record<Lang, string>> };

/**
 * Whether `s.title` is a description Linkwatch wrote in English, to be translated: `titleIsDescription`, and
 * not a headline read from the article's address (those keep their own language: `titleFr` then repeats it).
 */
export function isEnglishDescription(s: Pick<Source, 'title' | 'titleIsDescription' | 'titleFr'>): boolean {
  return s.titleIsDescription === true && s.titleFr !== s.title;
}

/**
 * A source's link text in the UI language `lang`, with the `lang` attribute its element needs where the text
 * is in another language (so that screen readers read it in that language): a headline as published, never
 * translated, in its source's language (lib/i18n `sourceLanguage`); a description Linkwatch wrote, in the UI
 * language where it has it (`titleFr`, or the run-time `titleIn`), else in English.
 */
export function sourceTitle(s: TranslatedSource, lang: Lang): { text: string; lang?: string } {
  const other = (l: string | undefined) => (l && l !== lang ? { lang: l } : {});
  if (!isEnglishDescription(s)) return { text: s.title, ...other(sourceLanguage(s)) };
  if (lang === 'en') return { text: s.title };
  const text = lang === 'fr' ? s.titleFr : s.titleIn?.[lang];
  return text ? { text } : { text: s.title, lang: 'en' };
}
