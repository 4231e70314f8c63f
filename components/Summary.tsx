import type { Arrangement, StatusStep } from '../lib/catalog/schema';
import { FDIC_LISTED_ID } from '../lib/directory/ids';
import { isOne, yearOf, type Translate } from '../lib/i18n';
import type { ObservedPlatform, TabState } from '../lib/tab-state';
import { useI18n } from './i18n';

export interface SummaryProps {
  state: TabState & { match: NonNullable<TabState['match']> };
  /** The site's reported arrangements, most relevant first (the catalog's order): the first is summed up. */
  arrangements: Arrangement[];
  /** The first entry of the user's custom lists about the site, used when the catalog has none. */
  fromList?: { listName: string; arrangement: Arrangement };
  names: ReadonlyMap<string, string>;
  /**
   * Where Linkwatch does not watch the site's requests (a custom list's bank: issue 21), the way to ask the
   * browser for it, and the answer to the last ask.
   */
  onWatch?: () => void;
  watchAnswer?: 'granted' | 'refused';
}

/**
 * The popup's first screen (issue 15): who owns the site; the most relevant report in one sentence with
 * its latest status and year; what this page was observed sending, one line per platform with the outcome
 * ("blocked: nothing sent" when every request failed). Larger type than the details below it.
 */
export function Summary({ state, arrangements, fromList, names, onWatch, watchAnswer }: SummaryProps) {
  const { t, lang } = useI18n();
  const owner = state.ownerName ?? state.match.site;
  const group = state.groupName && state.groupName !== owner ? state.groupName : null;
  const first = arrangements[0];
  return (
    <section class="glance" aria-label={t('summaryLabel')} aria-live="polite" data-state={state.firstParty ? 'platform' : 'known'}>
      <h1>{state.host}</h1>
      <p class="owner">
        {state.firstParty
          ? group
            ? t('siteIsPlatformOfGroup', [owner, group])
            : t('siteIsPlatform', owner)
          : state.match.institution === FDIC_LISTED_ID
            ? t('siteListedByFdic', state.match.site)
            : group
              ? t('siteOwnedByOfGroup', [owner, group])
              : t('siteOwnedBy', owner)}
      </p>
      <div class="summary-item" data-summary="reported">
        <h2>{t('summaryReportLabel')}</h2>
        {first ? (
          <>
            <p class="headline">{t('summaryReport', [first.title[lang], latestPhrase(first, names, t, lang), yearOf(latestStep(first).date)])}</p>
            {arrangements.length > 1 && (
              <p class="more">
                {isOne(arrangements.length - 1, lang) ? t('summaryMoreOne', group ?? owner) : t('summaryMoreMany', [group ?? owner, String(arrangements.length - 1)])}
              </p>
            )}
          </>
        ) : fromList ? (
          <p class="headline">{t('summaryFromList', [fromList.listName, fromList.arrangement.title[lang]])}</p>
        ) : (
          <p class="headline">{t('noArrangements', group ?? owner)}</p>
        )}
      </div>
      <div class="summary-item" data-summary="observed">
        <h2>{t('summaryObservedLabel')}</h2>
        {state.firstParty ? (
          <p class="headline">{t('summaryPlatformSite', group ?? owner)}</p>
        ) : (state.observed ?? []).length === 0 ? (
          // "None seen" only where Linkwatch watches requests (TabState.watched); elsewhere it says it cannot.
          <>
            <p class="headline">{t(state.watched ? 'summaryObservedNone' : 'summaryNotWatched')}</p>
            {!state.watched && state.site && onWatch && (
              <p class="watch-offer">
                <button type="button" onClick={onWatch}>
                  {t('watchSite', state.site)}
                </button>{' '}
                {watchAnswer === 'refused' && <span role="status">{t('watchRefused')}</span>}
              </p>
            )}
            {watchAnswer === 'granted' && <p role="status">{t('watchGranted')}</p>}
          </>
        ) : (
          <ul class="observed-lines">
            {state.observed.map((p) => (
              <li key={p.platform} data-platform={p.platform} data-outcome={isBlocked(p) ? 'blocked' : 'sent'}>
                {t('summaryObservedPlatform', [names.get(p.platform) ?? p.platform, outcomeText(p, t, lang)])}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

/** The last step of an arrangement's history (the list is oldest first). */
function latestStep(a: Arrangement): StatusStep {
  return a.status[a.status.length - 1]!;
}

/**
 * "Ended by JPMorgan Chase", "Denied by Facebook", "Reported by The Wall Street Journal", or the bare status;
 * then what the step is about when it is not the arrangement itself ("(the enforcement order, not the
 * arrangement)") and what a partial step covers ("Confirmed by Facebook, in part: confirmed working with banks on
 * customer chat…; denied actively asking for transaction data…") (issue 13:
 * a bare "Confirmed" or "Ended" under a title would claim more than the sources).
 */
function latestPhrase(a: Arrangement, names: ReadonlyMap<string, string>, t: Translate, lang: 'en' | 'fr'): string {
  const step = latestStep(a);
  const key = step.status.replace(/-/g, '_');
  const source = step.source === undefined ? undefined : a.sources[step.source];
  const phrase =
    step.by !== undefined
      ? t(`statusBy_${key}`, names.get(step.by) ?? step.by)
      : source && step.status === 'reported'
        ? t('statusBy_reported', source.publisher)
        : t(`status_${key}`);
  const subject = step.subject === 'order' ? ` ${t('stepSubject_order')}` : step.subject === 'rule' ? ` ${t('stepSubject_rule')}` : '';
  // A step with a scope is partial by definition (lib/catalog/schema): said as such, never as the whole.
  return step.scope ? t('stepInPart', [phrase + subject, step.scope[lang]]) : phrase + subject;
}

/** Every request to the platform failed (blocked or unreachable): nothing was sent. */
export function isBlocked(p: ObservedPlatform): boolean {
  return p.requests.length > 0 && p.requests.every((r) => r.completed === 0 && r.requested === 0 && r.failed > 0);
}

function outcomeText(p: ObservedPlatform, t: Translate, lang: 'en' | 'fr'): string {
  if (isBlocked(p)) return t('summaryBlocked');
  const sum = (k: 'completed' | 'failed' | 'requested') => p.requests.reduce((n, r) => n + r[k], 0);
  const [sent, failed, unknown] = [sum('completed'), sum('failed'), sum('requested')];
  return [
    sent ? (isOne(sent, lang) ? t('summarySentOne') : t('summarySentMany', String(sent))) : '',
    failed ? (isOne(failed, lang) ? t('summaryFailedOne') : t('summaryFailedMany', String(failed))) : '',
    unknown ? (isOne(unknown, lang) ? t('summaryUnknownOne') : t('summaryUnknownMany', String(unknown))) : '',
  ]
    .filter(Boolean)
    .join(', ');
}
