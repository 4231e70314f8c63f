/**
 * Popup container: finds the tab, asks the background for its state, reads the catalog entries, and
 * renders the presentational <Popup>. `?tab=ID` shows a given tab (tests, and opening the popup in a tab).
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { I18nContext } from '../../components/i18n';
import { Popup } from '../../components/Popup';
import institutionsFile from '../../assets/catalog/institutions.json';
import { actionsFor, type Action } from '../../lib/actions';
import { PrefsStore } from '../../lib/prefs/db';
import { sendRequest, t, uiLocale } from '../../lib/runtime';
import type { TabView } from '../../lib/messages';
import '../../assets/ui.css';

const prefs = new PrefsStore();

async function findTabId(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** The owner's country, from the bundled institutions (custom-list institutions have none here: no regulator then). */
function countryOf(id: string): string | null {
  return (institutionsFile.institutions as { id: string; country: string }[]).find((i) => i.id === id)?.country ?? null;
}

/** "What you can do" for a tab's view (lib/actions decides; this only gathers what it needs). */
function actionsOf(view: TabView | null): Action[] {
  const match = view?.state.match;
  if (!view || !match) return [];
  const involved = [
    ...(view.state.observed ?? []).map((p) => p.platform),
    ...view.arrangements.flatMap((a) => a.parties),
    ...view.fromLists.flatMap((l) => l.arrangements.flatMap((a) => a.parties)),
  ];
  const country = countryOf(match.group) ?? countryOf(match.institution);
  return actionsFor({ owner: [match.institution, match.group], ownerIsPlatform: match.role === 'platform', involved, country: country && /^[A-Z]{2}$/.test(country) ? country : null });
}

function App() {
  const [view, setView] = useState<TabView | null>(null);
  const [error, setError] = useState<string>();
  const [justMuted, setJustMuted] = useState(false);

  async function load() {
    try {
      const tabId = await findTabId();
      if (tabId === undefined) throw new Error(t('errorNoActiveTab'));
      const next = await sendRequest({ type: 'get-tab-state', tabId });
      if (!next) throw new Error(t('errorTabGone'));
      setView(next);
    } catch (e) {
      setError(t('errorState', e instanceof Error ? e.message : String(e)));
    }
  }
  useEffect(() => void load(), []);

  async function decide(action: 'mute' | 'unmute') {
    const site = view?.state.match?.site;
    if (!site) return;
    try {
      if (action === 'mute') await prefs.setSiteDecision({ site, decision: 'muted', createdAt: new Date().toISOString() });
      else await prefs.removeSiteDecision(site);
      setJustMuted(action === 'mute');
      await sendRequest({ type: 'prefs-changed' });
      await load();
    } catch (e) {
      setError(t('errorStorage', e instanceof Error ? e.message : String(e)));
    }
  }

  return (
    <Popup
      state={view?.state ?? null}
      loading={!view && !error}
      error={error}
      arrangements={view?.arrangements ?? []}
      related={view?.related ?? []}
      platformArrangements={view?.platformArrangements ?? {}}
      fromLists={view?.fromLists ?? []}
      names={new Map(Object.entries(view?.names ?? {}))}
      relevance={view?.relevance}
      justMuted={justMuted}
      onMute={() => decide('mute')}
      onUnmute={() => decide('unmute')}
      detailsHref={(id) => browser.runtime.getURL(`/options.html#/arrangement/${id}`)}
      actions={actionsOf(view)}
    />
  );
}

const { locale, lang } = uiLocale();
document.documentElement.lang = lang;
render(
  <I18nContext.Provider value={{ t, lang, locale }}>
    <App />
  </I18nContext.Provider>,
  document.getElementById('app')!,
);
