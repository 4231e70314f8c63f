import type { Action } from '../lib/actions';
import type { Arrangement } from '../lib/catalog/schema';
import type { SiteReport } from '../lib/catalog/site-report';
import { stepSentence } from '../lib/catalog/step-words';
import { FDIC_LISTED_ID } from '../lib/directory/ids';
import { catalogText, formatPartialDate, isOne, type Lang, type Translate } from '../lib/i18n';
import type { ObservedPlatform, TabState } from '../lib/tab-state';
import { blockedByLinkwatch, escapedProtection, nothingSent, outcomeTotals, reportedCount } from '../lib/tab-state/count';
import { useI18n } from './i18n';
import { LanguageMark } from './LanguageMark';
import { SafeLink } from './SafeLink';

export interface SummaryProps {
  state: TabState & { match: NonNullable<TabState['match']> };
  /** The site's reported arrangements, most relevant first (the catalog's order): the first is summed up. */
  arrangements: Arrangement[];
  /** The first arrangement read for this site (TabView.lead): who named it, its own step, the other side's answer. */
  lead?: SiteReport | null;
  /** "What you can do" for this page: the first one is shown as a line, the rest stay below. */
  actions?: Action[];
  /** The first entry of the user's custom lists about the site, used when the catalog has none. */
  fromList?: { listName: string; arrangement: Arrangement };
  names: ReadonlyMap<string, string>;
  /**
   * Where Linkwatch does not watch the site's requests (a custom list's bank: issue 21), the way to ask the
   * browser for it, and the answer to the last ask.
   */
  onWatch?: () => void;
  watchAnswer?: 'granted' | 'refused';
  /** Sites of the page's frames whose requests Linkwatch cannot see (TabView.unwatchedFrames). */
  unwatchedFrames?: readonly string[];
}

/**
 * The popup's first screen (issues 15 and 22), about the site in front of the reader: who owns it; the most
 * relevant report as who named this institution and when, then this institution's own step ("JPMorgan
 * Chase ended it, according to AFP") and the other side's answer ("Facebook: confirmed working with banks
 * on customer chat…; denied…"), each with its date; how many other reports there are (the badge's count,
 * `reportedCount`); what this page was observed sending, one line per platform with the outcome and what the
 * requests carried; and one visible line of what to do. Larger type than the details below it.
 */
export function Summary({ state, arrangements, lead, actions = [], fromList, names, onWatch, watchAnswer, unwatchedFrames }: SummaryProps) {
  const { t, lang, locale } = useI18n();
  const owner = state.ownerName ?? state.match.site;
  const group = state.groupName && state.groupName !== owner ? state.groupName : null;
  const first = arrangements[0];
  // The same count as the badge and the notice (context entries are background, not reports).
  const others = reportedCount(state) - (first && first.kind !== 'context' ? 1 : 0);
  const act = actions[0];
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
            <p class="headline">{lead && lead.arrangement.id === first.id ? leadSentence(lead, names, t, lang, locale) : t('summaryTitleOnly', catalogText(first.title, lang))}</p>
            {lead && lead.arrangement.id === first.id && <StepLines lead={lead} owner={owner} names={names} />}
            {others > 0 && (
              <p class="more">{isOne(others, lang) ? t('summaryMoreOne', group ?? owner) : t('summaryMoreMany', [group ?? owner, String(others)])}</p>
            )}
          </>
        ) : fromList ? (
          <p class="headline">{t('summaryFromList', [fromList.listName, catalogText(fromList.arrangement.title, lang)])}</p>
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
              <li key={p.platform} data-platform={p.platform} data-outcome={blockedByLinkwatch(p) ? 'blocked-by-linkwatch' : nothingSent(p) ? 'blocked' : 'sent'}>
                {whatText(p, t, lang)
                  ? t('summaryObservedWhat', [names.get(p.platform) ?? p.platform, outcomeText(p, t, lang), whatText(p, t, lang)])
                  : t('summaryObservedPlatform', [names.get(p.platform) ?? p.platform, outcomeText(p, t, lang)])}
              </li>
            ))}
          </ul>
        )}
        {/* Frames from sites Linkwatch does not watch: neither seen nor protected; never left to read as "none". */}
        {unwatchedFrames && unwatchedFrames.length > 0 && !state.firstParty && <p class="frames-line">{t('summaryFramesUnwatched', unwatchedFrames.join(', '))}</p>}
        {state.protected && !state.firstParty && (
          <p class="protected-line">{t(escapedProtection(state.observed) ? 'summaryProtectionOnEscaped' : 'summaryProtectionOn', state.protectionSite ?? state.match.site)}</p>
        )}
      </div>
      {act && (
        <div class="summary-item" data-summary="act">
          <h2>{t('summaryActLabel')}</h2>
          <p class="headline">
            <SafeLink href={act.url}>{catalogText(act.title, lang)}</SafeLink>
            <LanguageMark lang={act.lang} />
            {actions.length > 1 && <span class="meta"> {t('summaryActMore')}</span>}
          </p>
        </div>
      )}
    </section>
  );
}

/**
 * "The Wall Street Journal (6 August 2018) named JPMorgan Chase in a report on Facebook and Messenger: <title>."
 * The publisher is the first report's own (a relay is named only in the details); the date is the report's.
 */
function leadSentence(lead: SiteReport, names: ReadonlyMap<string, string>, t: Translate, lang: Lang, locale: string): string {
  const title = catalogText(lead.arrangement.title, lang);
  if (!lead.firstReport) return t('summaryTitleOnly', title);
  const publisher = lead.firstReport.source.publisher;
  const date = formatPartialDate(lead.firstReport.date, locale);
  if (!lead.named) return t('summaryReportedBy', [publisher, date, title]);
  const owner = names.get(lead.named) ?? lead.named;
  if (lead.platforms.length === 0) return t('summaryNamed', [publisher, date, owner, title]);
  const withNames = new Intl.ListFormat(locale, { type: 'conjunction' }).format(lead.platforms.map((p) => names.get(p) ?? p));
  return t('summaryNamedWith', [publisher, date, owner, withNames, title]);
}

/**
 * Under the lead sentence: this institution's own latest step (or that it made no statement the sources
 * keep, when the report names it), then the other side's latest answer; when neither party took a step,
 * the entry's latest step. Each line is `stepSentence`: who, what exactly, on whose report, when.
 */
function StepLines({ lead, owner, names }: { lead: SiteReport; owner: string; names: ReadonlyMap<string, string> }) {
  const { t, lang, locale } = useI18n();
  const a = lead.arrangement;
  const lines: { key: string; text: string }[] = [];
  if (lead.own) lines.push({ key: 'own', text: stepSentence(a, lead.own, names, t, lang, locale) });
  else if (lead.named) lines.push({ key: 'own', text: t('summaryNoOwnStep', names.get(lead.named) ?? owner) });
  if (lead.answer) lines.push({ key: 'answer', text: stepSentence(a, lead.answer, names, t, lang, locale) });
  if (!lead.own && !lead.answer && a.status.length > 1) lines.push({ key: 'latest', text: t('summaryLatest', stepSentence(a, lead.latest, names, t, lang, locale)) });
  return (
    <ul class="steps">
      {lines.map((l) => (
        <li key={l.key} data-step={l.key}>
          {l.text}
        </li>
      ))}
    </ul>
  );
}

/** What a platform's requests carried, in words: their event names (at most three) and data categories. */
function whatText(p: ObservedPlatform, t: Translate, lang: Lang): string {
  const events = [...new Set(p.requests.flatMap((r) => (r.event ? [r.event] : [])))];
  const carried = [...new Set(p.requests.flatMap((r) => r.carries ?? []))].map((c) => t(`carried_${c.replace(/-/g, '_')}`));
  if (carried.length === 0 && p.requests.some((r) => r.hashedUserData)) carried.push(t('summaryHashed'));
  const quoted = events.slice(0, 3).map((e) => t('eventName', e));
  const parts = [
    quoted.length ? t(isOne(events.length, lang) ? 'summaryEventOne' : 'summaryEventMany', quoted.join(', ') + (events.length > 3 ? '…' : '')) : '',
    carried.length ? t('summaryCarrying', carried.join(', ')) : '',
  ];
  return parts.filter(Boolean).join(', ');
}

/** "2 requests went through, 1 blocked by Linkwatch"; "blocked by Linkwatch: nothing sent" when every one was. */
function outcomeText(p: ObservedPlatform, t: Translate, lang: Lang): string {
  if (blockedByLinkwatch(p)) return t('summaryBlockedByLinkwatch');
  if (nothingSent(p) && outcomeTotals(p).blocked === 0) return t('summaryBlocked');
  const { completed: sent, failed, requested: unknown, blocked } = outcomeTotals(p);
  return [
    blocked ? (isOne(blocked, lang) ? t('summaryBlockedByLinkwatchOne') : t('summaryBlockedByLinkwatchMany', String(blocked))) : '',
    sent ? (isOne(sent, lang) ? t('summarySentOne') : t('summarySentMany', String(sent))) : '',
    failed ? (isOne(failed, lang) ? t('summaryFailedOne') : t('summaryFailedMany', String(failed))) : '',
    unknown ? (isOne(unknown, lang) ? t('summaryUnknownOne') : t('summaryUnknownMany', String(unknown))) : '',
    // Requests beyond the lines Linkwatch itemises: counted, never left out of the total (lib/tab-state `more`).
    (p.more ?? 0) > 0 ? t('observedMore', String(p.more)) : '',
  ]
    .filter(Boolean)
    .join(', ');
}
