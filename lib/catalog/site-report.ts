/**
 * What one report says about the site in front of the reader (issue 22, "say it for the bank in front of
 * you"): whether the report names this site's institution, who reported it first and when, the latest step
 * this institution took itself, and the latest step another party took (the platform's answer). The popup's
 * first screen and the notice word it; the catalog's list and status filter use `countsAs` so that a partial
 * step (one with a `scope`) is never counted as the whole status. Pure.
 */
import { findInstitution, groupFamily } from './index';
import type { Arrangement, Catalog, Source, Status, StatusStep } from './schema';

/** One report, read for one site. */
export interface SiteReport {
  arrangement: Arrangement;
  /**
   * The party id under which the report names this site's institution: its own id or a parent's (Chase's
   * page is named as `jpmorgan-chase`), else another member of its group; null when no party is of the group.
   */
  named: string | null;
  /** The platforms among the other parties (Facebook, Messenger), in the entry's order. */
  platforms: string[];
  /**
   * The first report: the source of the first dated step that has one, else the entry's first source
   * (its publisher and the date of the report), or null for an entry without sources (custom lists).
   */
  firstReport: { source: Source; date: string } | null;
  /** The latest step taken by the site's institution or its group (Facebook's statement, read on Messenger), or null. */
  own: StatusStep | null;
  /** The latest step taken by another party (`by` outside the site's group), platforms first, or null. */
  answer: StatusStep | null;
  /** The entry's latest step, for when neither party took one. */
  latest: StatusStep;
}

/**
 * Read a report for a site whose institution and parents are `siteIds` (nearest first, e.g. `['chase',
 * 'jpmorgan-chase']`; on Messenger `['messenger', 'meta']`). `catalog` tells platforms from other parties.
 */
export function siteReport(catalog: Pick<Catalog, 'institutions'>, a: Arrangement, siteIds: readonly string[]): SiteReport {
  // The whole group speaks for the site: on Messenger, Facebook's statement is the site owner's own.
  const mine = new Set(siteIds.flatMap((id) => [...groupFamily(catalog, id)]));
  const named = siteIds.find((id) => a.parties.includes(id)) ?? a.parties.find((p) => mine.has(p)) ?? null;
  const isPlatform = (id: string) => findInstitution(catalog, id)?.kind === 'platform';
  const concerned = new Set(partiesFor(catalog, a, mine));
  const platforms = a.parties.filter((p) => !mine.has(p) && isPlatform(p) && concerned.has(p));
  const firstStep = a.status.find((s) => s.source !== undefined && a.sources[s.source] !== undefined);
  const firstReport = firstStep
    ? { source: a.sources[firstStep.source!]!, date: a.sources[firstStep.source!]!.date }
    : a.sources[0]
      ? { source: a.sources[0], date: a.sources[0].date }
      : null;
  const latestBy = (pred: (by: string) => boolean) => [...a.status].reverse().find((s) => s.by !== undefined && pred(s.by)) ?? null;
  const own = latestBy((by) => mine.has(by));
  const answer = latestBy((by) => !mine.has(by) && isPlatform(by)) ?? latestBy((by) => !mine.has(by));
  return { arrangement: a, named, platforms, firstReport, own, answer, latest: a.status[a.status.length - 1]! };
}

/**
 * Whether a step counts as `status` for the catalog's status filter: the same status, and not partial. A
 * step with a `scope` ("confirmed working with banks on chat; denied asking for transaction data") covers
 * part of the report only, so it never counts as the whole status (issue 22: a partial confirmation was
 * listed under "Confirmed").
 */
export function countsAs(step: StatusStep, status: Status): boolean {
  return step.status === status && step.scope === undefined;
}

/**
 * The parties of `a` that concern a site whose institution and groups are `mine`: all of them, except where the
 * entry says which platform–institution pairs its sources tie (`pairs`); then a platform only when a pair ties
 * it to `mine` (Cliqz 2016 ties Google to N26, so on comdirect Google is no party of concern: no Google line
 * in the first sentence, no Google step in "What you can do").
 */
export function partiesFor(catalog: Pick<Catalog, 'institutions'>, a: Pick<Arrangement, 'parties' | 'pairs'>, mine: ReadonlySet<string>): string[] {
  if (!a.pairs) return [...a.parties];
  const isPlatform = (id: string) => findInstitution(catalog, id)?.kind === 'platform';
  return a.parties.filter((p) => mine.has(p) || !isPlatform(p) || a.pairs!.some(([platform, other]) => platform === p && mine.has(other)));
}
