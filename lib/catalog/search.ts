/**
 * Catalog search for the options page: free text plus filters by institution (or its group), country,
 * year and status. Pure; the catalog is small enough that a linear scan per keystroke costs well under a
 * millisecond.
 */
import { groupFamily, latestDate, type Catalog } from './index';
import type { CatalogText } from '../i18n';
import { countsAs } from './site-report';
import type { Arrangement, Status } from './schema';

/** A search. Every field is optional; an empty query returns every entry. */
export interface CatalogQuery {
  /**
   * Words matched (case- and accent-insensitive) against titles, summaries, party names and sources, each at
   * the start of a word there: "chase" finds Chase, "cha" too, but never "purchase" (issue 22).
   */
  text?: string;
  /** Institution id: entries naming it or any member of its group. */
  institution?: string;
  /** ISO country code (or EU / INTL): entries whose jurisdiction or a party's country is it. */
  country?: string;
  /** A year: entries with a status step in that year. */
  year?: number;
  /** A status: entries that reached it at some step, wholly (a partial step does not count: `countsAs`). */
  status?: Status;
}

/** Lowercase, accents removed: "Société" -> "societe". */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of a text, folded: letters and digits between anything else ("U.S. Bank" -> u, s, bank). */
function wordsOf(s: string): string[] {
  return fold(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** The entries matching every given criterion, most recent first. */
export function searchArrangements(catalog: Catalog, query: CatalogQuery): Arrangement[] {
  const names = new Map(catalog.institutions.map((i) => [i.id, i]));
  const words = wordsOf(query.text ?? '');
  const family = query.institution ? groupFamily(catalog, query.institution) : undefined;
  return catalog.arrangements
    .filter((a) => {
      if (family && !a.parties.some((p) => family.has(p))) return false;
      if (query.status && !a.status.some((s) => countsAs(s, query.status!))) return false;
      if (query.year !== undefined && !a.status.some((s) => s.date.startsWith(String(query.year)))) return false;
      if (query.country) {
        const inJurisdiction = a.jurisdiction.includes(query.country);
        const partyCountry = a.parties.some((p) => names.get(p)?.country === query.country);
        if (!inJurisdiction && !partyCountry) return false;
      }
      if (words.length) {
        const hay = wordsOf(
          [
            a.id,
            // Every language the entry has (German and Spanish once lib/catalog/translations added them).
            ...Object.values(a.title as CatalogText),
            ...Object.values(a.summary as CatalogText),
            ...a.parties.map((p) => names.get(p)?.name ?? p),
            ...a.sources.map((s) => s.publisher),
          ].join(' '),
        );
        if (!words.every((w) => hay.some((h) => h.startsWith(w)))) return false;
      }
      return true;
    })
    .sort((x, y) => latestDate(y).localeCompare(latestDate(x)) || x.id.localeCompare(y.id));
}

/** The values the filters offer: countries, years and statuses present in the catalog, sorted. */
export function facets(catalog: Catalog): { countries: string[]; years: number[]; statuses: Status[] } {
  const countries = new Set<string>();
  const years = new Set<number>();
  const statuses = new Set<Status>();
  const byId = new Map(catalog.institutions.map((i) => [i.id, i]));
  for (const a of catalog.arrangements) {
    a.jurisdiction.forEach((j) => countries.add(j));
    a.parties.forEach((p) => {
      const c = byId.get(p)?.country;
      if (c) countries.add(c);
    });
    a.status.forEach((s) => {
      years.add(Number(s.date.slice(0, 4)));
      statuses.add(s.status);
    });
  }
  return { countries: [...countries].sort(), years: [...years].sort((a, b) => b - a), statuses: [...statuses].sort() };
}
