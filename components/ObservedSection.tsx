import type { Arrangement } from '../lib/catalog/schema';
import { isOne } from '../lib/i18n';
import { outcomeTotals } from '../lib/tab-state/count';
import type { ObservedLink, ObservedPlatform, ObservedRequest } from '../lib/tab-state';
import { useI18n } from './i18n';

export interface ObservedSectionProps {
  observed: ObservedPlatform[];
  /**
   * Whether Linkwatch can see this page's requests (TabState.watched). When false the section says so
   * and never says "none seen". Default true.
   */
  watched?: boolean;
  /**
   * How many times the page changed its address without loading a new page (pushState, replaceState, a
   * fragment): what it sent since it loaded is all counted, and the section says so. Default 0.
   */
  inPageNavigations?: number;
  links: ObservedLink[];
  names: ReadonlyMap<string, string>;
  /** Platform id -> the catalog's other reports involving it (those not about this site), counted in one line. */
  platformArrangements: ReadonlyMap<string, Arrangement[]>;
  /** Address of the catalog filtered on a platform (the options page), for that line's link. */
  catalogHref?: (institution: string) => string;
}

/**
 * "Observed on this page": requests to platforms' tracking endpoints grouped by platform, with counts,
 * event names and outcome (completed / failed / requested when the outcome is not visible), then links to
 * Meta's apps, worded as links and never as tracking.
 */
export function ObservedSection({ observed, watched = true, inPageNavigations = 0, links, names, platformArrangements, catalogHref }: ObservedSectionProps) {
  const { t, lang } = useI18n();
  const platformLine = (name: string, n: number) => (n === 1 ? t('platformArrangementsLineOne', name) : t('platformArrangementsLine', [name, String(n)]));
  return (
    <section class="observed" aria-labelledby="observed-heading" data-watched={watched ? 'yes' : 'no'}>
      <h2 id="observed-heading">{t('observedHeading')}</h2>
      {inPageNavigations > 0 && <p class="same-load">{t('observedSameLoad')}</p>}
      {!watched && observed.length === 0 ? (
        <p class="empty not-watched">{t('observedNotWatched')}</p>
      ) : observed.length === 0 ? (
        <p class="empty">{t('observedNone')}</p>
      ) : (
        observed.map((p) => {
          const name = names.get(p.platform) ?? p.platform;
          const o = outcomeTotals(p);
          const total = o.completed + o.failed + o.requested + o.blocked + (p.more ?? 0);
          // Reports only: context entries are background, not reports (the badge's count, issue 22).
          const related = (platformArrangements.get(p.platform) ?? []).filter((a) => a.kind !== 'context');
          return (
            <div class="platform" key={p.platform} data-platform={p.platform}>
              <h3>
                {name} <span class="count">· {t(isOne(total, lang) ? 'requestsOne' : 'requestsMany', String(total))}</span>
              </h3>
              <ul>
                {p.requests.map((r, i) => (
                  <RequestLine key={i} request={r} platformName={name} />
                ))}
                {(p.more ?? 0) > 0 && <li class="more">{t('observedMore', String(p.more))}</li>}
              </ul>
              {related.length > 0 && (
                // Reports about the platform that do not concern this site: one line and a way to the catalog,
                // never the whole list here (issue 22: relevance first).
                <p class="platform-reports" data-count={related.length}>
                  {catalogHref ? (
                    <a href={catalogHref(p.platform)} target="_blank" rel="noopener">
                      {platformLine(name, related.length)}
                    </a>
                  ) : (
                    platformLine(name, related.length)
                  )}
                </p>
              )}
            </div>
          );
        })
      )}
      {links.length > 0 && (
        <div class="links" data-evidence="linked">
          <h3>{t('linksHeading')}</h3>
          <ul>
            {links.map((l) => (
              <li key={`${l.platform}:${l.target}`}>
                {t('linksTo', [t(`app_${l.platform}`), l.target])}
              </li>
            ))}
          </ul>
          <p class="hint">{t('linksNote')}</p>
        </div>
      )}
    </section>
  );
}

function RequestLine({ request: r, platformName }: { request: ObservedRequest; platformName: string }) {
  const { t, lang } = useI18n();
  const outcomes = [
    r.blocked ? t(isOne(r.blocked, lang) ? 'outcomeBlockedOne' : 'outcomeBlockedMany', String(r.blocked)) : '',
    r.completed ? t(isOne(r.completed, lang) ? 'outcomeCompletedOne' : 'outcomeCompletedMany', String(r.completed)) : '',
    r.failed ? t(isOne(r.failed, lang) ? 'outcomeFailedOne' : 'outcomeFailedMany', String(r.failed)) : '',
    r.requested ? t(isOne(r.requested, lang) ? 'outcomeRequestedOne' : 'outcomeRequestedMany', String(r.requested)) : '',
  ].filter(Boolean);
  const carried = (r.carries ?? []).map((c) => t(`carried_${c.replace(/-/g, '_')}`));
  const from = (r.contexts ?? []).filter((c) => c !== 'page').map((c) => t(c === 'frame' ? 'observedFromFrame' : 'observedFromServiceWorker'));
  return (
    <li data-kind={r.kind} data-event={r.event ?? ''} data-carries={(r.carries ?? []).join(' ')}>
      <strong>{t(`kind_${r.kind.replace(/-/g, '_')}`, platformName)}</strong>
      {r.event && <span class="event"> {t('eventName', r.event)}</span>}
      {carried.length > 0 && (
        <span class="carries" title={t('observedCarriedTitle')}>
          {' '}
          {t('observedCarried', carried.join(', '))}
        </span>
      )}
      <span class="meta"> — {r.endpoint}</span>
      <span class="outcome"> ({outcomes.join(', ')})</span>
      {from.length > 0 && <span class="from"> · {from.join(', ')}</span>}
      {r.hashedUserData && r.carries === undefined && <span class="hashed"> {t('hashedUserData')}</span>}
    </li>
  );
}
