import type { Action } from '../lib/actions';
import { LanguageMark } from './LanguageMark';
import type { ComponentChildren } from 'preact';
import type { Arrangement } from '../lib/catalog/schema';
import type { TabView } from '../lib/messages';
import type { TabState } from '../lib/tab-state';
import { reportedCount } from '../lib/tab-state/count';
import { ArrangementCard } from './ArrangementCard';
import { ObservedSection } from './ObservedSection';
import { ProtectionSwitch } from './ProtectionSwitch';
import { Summary } from './Summary';
import { WhatYouCanDo } from './WhatYouCanDo';
import { useI18n } from './i18n';

/** What the popup shows; the container (entrypoints/popup) gathers it and handles the actions. */
export interface PopupProps {
  /** Sites of the page's frames whose requests Linkwatch cannot see (TabView.unwatchedFrames). */
  unwatchedFrames?: readonly string[];
  /** null while loading; `error` when the state could not be read. */
  state: TabState | null;
  loading?: boolean;
  error?: string;
  arrangements: Arrangement[];
  /** Arrangements of observed platforms not already in `arrangements`. */
  related?: Arrangement[];
  /** Observed platform id -> ids of arrangements involving it. */
  platformArrangements?: Record<string, string[]>;
  /** Entries from custom lists, shown apart under their list's name, author and date. */
  fromLists?: TabView['fromLists'];
  names: ReadonlyMap<string, string>;
  /** Arrangement id -> its class on this site; labels aggregator, regulation and context entries. */
  relevance?: TabView['relevance'];
  /** The first arrangement read for this site (TabView.lead), for the first screen. */
  lead?: TabView['lead'];
  /** Set after the user muted the site in this popup, to offer undo. */
  justMuted?: boolean;
  onMute?: () => void;
  onUnmute?: () => void;
  /**
   * On a site Linkwatch knows nothing about: ask the browser for this site's host permission ("Watch this
   * site", issue 21), or give it back. Without them the popup offers nothing.
   */
  onWatch?: () => void;
  onUnwatch?: () => void;
  /** The outcome of the last "Watch this site" in this popup: granted (reload to see it all) or refused. */
  watchAnswer?: 'granted' | 'refused';
  /** Address of an arrangement's full entry, if the options page has one. */
  detailsHref?: (id: string) => string;
  /** Address of the catalog filtered on one institution (a platform's other reports). */
  catalogHref?: (institution: string) => string;
  /** Address of the map focused on one institution (issue 24: "See on the map"); absent where the map draws none of this site's reports. */
  mapHref?: (institution: string) => string;
  /** "What you can do" for this page (lib/actions `actionsFor`); none on an unknown site. */
  actions?: Action[];
  /** The background cannot do all of its job (its database is unreadable): said above everything else. */
  problem?: TabView['problem'];
  /**
   * Protection on this site (issue 23): where the switch's state comes from (`all`: the options page's "every
   * bank"; `site`: the site's own choice, or none), whether it was flipped in this popup, and the handler.
   * Absent where protection does not apply (a platform's site, a site Linkwatch does not watch).
   */
  protection?: { source: 'site' | 'all'; changed: boolean; onChange: (on: boolean) => void };
  /** Shown at the end of the site's view ("Record this site", components/RecordControl.tsx). */
  children?: ComponentChildren;
}

/**
 * The action popup. First screen (issue 15): a short summary (owner, the most relevant report in one
 * sentence, what this page sent), the per-site control, then "What you can do" and the details (what was
 * observed request by request, every report with its timeline and sources), both collapsed.
 * Every state has words: loading, error, not a web page, nothing known, muted.
 */
export function Popup(props: PopupProps) {
  const { t } = useI18n();
  const { state } = props;
  return (
    <main class="popup">
      <header class="brand">
        <span class="logo" aria-hidden="true" />
        <span>Linkwatch</span>
      </header>
      {props.problem && (
        <p role="alert" class="error problem">
          {t('badgeTitleProblemDatabase', props.problem.detail)}
        </p>
      )}
      {props.error ? (
        <p role="alert" class="error">
          {props.error}
        </p>
      ) : props.loading || !state ? (
        <p aria-busy="true">{t('loading')}</p>
      ) : (
        <>
          <SiteView {...props} state={state} />
          {props.children}
        </>
      )}
    </main>
  );
}

function SiteView(props: PopupProps & { state: TabState }) {
  const { state, arrangements, related = [], platformArrangements = {}, fromLists = [], names, relevance, justMuted, onMute, onUnmute, detailsHref, actions = [] } = props;
  const { t } = useI18n();
  if (!state.host) {
    return (
      <section class="site" aria-live="polite">
        <h1>{t('notAWebPage')}</h1>
        <p>{t('notAWebPageDetail')}</p>
      </section>
    );
  }
  const match = state.match;
  if (!match) return <UnknownSite {...props} />;
  const owner = state.ownerName ?? match.site;
  const group = state.groupName && state.groupName !== owner ? state.groupName : null;
  const firstList = fromLists.find((l) => l.arrangements.length > 0);
  const detailCount = arrangements.length + fromLists.reduce((n, l) => n + l.arrangements.length, 0);
  // The badge's count (`reportedCount`), less the lists' entries when those are shown apart below.
  const listContext = fromLists.reduce((n, l) => n + l.arrangements.filter((a) => a.kind === 'context').length, 0);
  const catalogCount = reportedCount({ arrangementIds: state.arrangementIds, contextCount: (state.contextCount ?? 0) - listContext });
  return (
    <>
      <Summary
        state={{ ...state, match }}
        arrangements={arrangements}
        lead={props.lead}
        actions={actions}
        fromList={firstList ? { listName: firstList.list.name, arrangement: firstList.arrangements[0]! } : undefined}
        names={names}
        onWatch={props.onWatch}
        watchAnswer={props.watchAnswer}
        unwatchedFrames={props.unwatchedFrames}
      />

      <section class="decision" aria-label={t('siteControls')}>
        {props.protection && state.protectionSite && !state.firstParty && (
          <ProtectionSwitch site={state.protectionSite} on={state.protected === true} source={props.protection.source} changed={props.protection.changed} onChange={props.protection.onChange} />
        )}
        {state.silenced ? (
          <p role="status">
            {justMuted ? t('mutedJustNow', match.site) : t('mutedHere', match.site)}{' '}
            <button type="button" onClick={onUnmute}>
              {justMuted ? t('undo') : t('warnAgain')}
            </button>
          </p>
        ) : (
          <button type="button" onClick={onMute}>
            {t('muteSite', match.site)}
          </button>
        )}
      </section>

      <WhatYouCanDo actions={actions} />

      <details class="details" data-count={detailCount}>
        <summary>
          <h2>{t('detailsHeading')}</h2>
        </summary>
        {state.firstParty && <p class="hint">{t('firstPartyNote')}</p>}
        {!state.firstParty && (
          <ObservedSection
            observed={state.observed ?? []}
            watched={state.watched ?? false}
            inPageNavigations={state.inPageNavigations ?? 0}
            links={state.links ?? []}
            names={names}
            platformArrangements={resolveByPlatform(platformArrangements, related)}
            catalogHref={props.catalogHref}
          />
        )}

        <section class="arrangements" aria-labelledby="arrangements-heading">
          <h2 id="arrangements-heading">
            {/* With custom lists' entries below, the count is the catalog's alone: the heading says so. */}
            {t(fromLists.length ? 'reportedArrangementsCatalog' : 'reportedArrangements')} <span class="count">({catalogCount})</span>
          </h2>
          {arrangements.length === 0 ? (
            <p class="empty">{t(fromLists.length ? 'noArrangementsButLists' : 'noArrangements', group ?? owner)}</p>
          ) : (
            <>
              <p class="hint">{t(state.firstParty ? 'arrangementsIntroPlatform' : 'arrangementsIntroBank', group ?? owner)}</p>
              {props.mapHref && (
                <p class="see-on-map">
                  <a href={props.mapHref(match.institution)} target="_blank" rel="noopener">
                    {t('seeOnMap')}
                  </a>
                </p>
              )}
              {arrangements.map((a) => (
                <ArrangementCard key={a.id} arrangement={a} names={names} detailsHref={detailsHref?.(a.id)} relevance={relevance?.[a.id]} />
              ))}
            </>
          )}
        </section>

        {fromLists.map(({ list, arrangements: entries }) => (
          <section class="from-list" key={list.id} data-list={list.id} aria-labelledby={`list-${list.id}`}>
            <h2 id={`list-${list.id}`}>
              {t('fromList', [list.name, list.author, list.date])}
              <LanguageMark lang={list.lang} />
            </h2>
            {entries.map((a) => (
              <ArrangementCard key={a.id} arrangement={a} names={names} />
            ))}
          </section>
        ))}
      </details>
    </>
  );
}

/**
 * A site Linkwatch knows nothing about: never an all-clear. It says Linkwatch has no information here, and
 * offers the next step: to watch what the site's pages send to platforms (the browser's own permission
 * prompt, for this site alone), or, once watched, what was seen and the way back.
 */
function UnknownSite(props: PopupProps & { state: TabState }) {
  const { state, names, onWatch, onUnwatch, watchAnswer } = props;
  const { t } = useI18n();
  const site = state.site;
  if (state.userWatched) {
    return (
      <>
        <section class="site" aria-live="polite" data-state="user-watched">
          <h1>{state.host}</h1>
          <p>{t('userWatchedIntro')}</p>
          {watchAnswer === 'granted' && <p role="status">{t('watchGranted')}</p>}
        </section>
        <ObservedSection
          observed={state.observed ?? []}
          watched
          inPageNavigations={state.inPageNavigations ?? 0}
          links={state.links ?? []}
          names={names}
          platformArrangements={new Map()}
        />
        {site && onUnwatch && (
          <section class="decision" aria-label={t('siteControls')}>
            {props.protection && state.protectionSite && (
              <ProtectionSwitch site={state.protectionSite} on={state.protected === true} source={props.protection.source} changed={props.protection.changed} onChange={props.protection.onChange} />
            )}
            <button type="button" onClick={onUnwatch}>
              {t('unwatchSite', site)}
            </button>
          </section>
        )}
      </>
    );
  }
  return (
    <section class="site" aria-live="polite" data-state="unknown">
      <h1>{state.host}</h1>
      <p class="empty">{t('nothingKnown')}</p>
      <p class="hint">{t('nothingKnownDetail')}</p>
      {!state.watched && <p class="hint">{t('nothingKnownNotWatched')}</p>}
      {!state.watched && site && onWatch && (
        <div class="watch-offer">
          <p>{t('watchOffer')}</p>
          <button type="button" onClick={onWatch}>
            {t('watchSite', site)}
          </button>
          {watchAnswer === 'refused' && <p role="status">{t('watchRefused')}</p>}
        </div>
      )}
    </section>
  );
}

/** Platform id -> its reports among `all` (the ones not about this site: `related`), in the catalog's order. */
function resolveByPlatform(ids: Record<string, string[]>, all: Arrangement[]): Map<string, Arrangement[]> {
  const byId = new Map(all.map((a) => [a.id, a]));
  return new Map(Object.entries(ids).map(([p, list]) => [p, list.map((id) => byId.get(id)).filter((a): a is Arrangement => !!a)]));
}
