/**
 * Popup container: finds the tab, asks the background for its state, reads the catalog entries, and
 * renders the presentational <Popup>. `?tab=ID` shows a given tab (tests, and opening the popup in a tab).
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { I18nContext } from '../../components/i18n';
import { Popup } from '../../components/Popup';
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
