/**
 * What the in-page notice says about a page, joined from its tab state and the bundled catalog. Pure.
 */
import { findInstitution, type Catalog } from '../catalog';
import { sourcing } from '../catalog/sourcing';
import { outcomeTotals, reportedCount, type TabState } from '../tab-state';
import type { NoticeContent } from './index';

/**
 * The notice's content for a tab state, or null for a site the catalog (and the user's lists) do not know.
 * `reported` counts the bundled arrangements and the lists' ones; `latestTitle` is the first (most relevant, lib/catalog ranking)
 * bundled arrangement's title; `observed` the display names of the platforms observed on this page.
 */
export function noticeContent(state: TabState, catalog: Catalog): NoticeContent | null {
  const match = state.match;
  if (!match) return null;
  const latest = state.arrangementIds.length ? catalog.arrangements.find((a) => a.id === state.arrangementIds[0]) : undefined;
  return {
    site: match.site,
    owner: state.ownerName ?? match.site,
    group: state.groupName && state.groupName !== state.ownerName ? state.groupName : null,
    firstParty: state.firstParty,
    reported: reportedCount(state),
    latestTitle: latest?.title ?? null,
    ...(latest ? { latestSourcing: sourcing(latest) } : {}),
    observed: (state.observed ?? []).map((p) => findInstitution(catalog, p.platform)?.name ?? p.platform),
    // How each platform's requests ended, so the notice words them as the popup does.
    observedOutcomes: (state.observed ?? []).map((p) => {
      const { completed, failed, requested, blocked } = outcomeTotals(p);
      // `blocked`: stopped by Linkwatch's protection (issue 23), only when some were. Requests beyond the
      // itemised lines keep no outcome: counted as requested (seen, outcome unknown), never as failed.
      return { name: findInstitution(catalog, p.platform)?.name ?? p.platform, completed, failed, requested: requested + (p.more ?? 0), ...(blocked ? { blocked } : {}) };
    }),
  };
}
