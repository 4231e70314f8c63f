/**
 * Popup container: finds the tab, asks the background for its state, reads the catalog entries, and
 * renders the presentational <Popup>. `?tab=ID` shows a given tab (tests, and opening the popup in a tab).
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { I18nContext } from '../../components/i18n';
import { Popup } from '../../components/Popup';
import { bundledCatalog, type Arrangement } from '../../lib/catalog';
import { PrefsStore } from '../../lib/prefs/db';
import { sendRequest, t, uiLocale } from '../../lib/runtime';
import type { TabState } from '../../lib/tab-state';
import '../../assets/ui.css';

const prefs = new PrefsStore();

async function findTabId(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

function App() {
  const [state, setState] = useState<TabState | null>(null);
  const [error, setError] = useState<string>();
  const [justMuted, setJustMuted] = useState(false);

  async function load() {
    try {
      const tabId = await findTabId();
      if (tabId === undefined) throw new Error('no active tab');
      const next = await sendRequest({ type: 'get-tab-state', tabId });
      if (!next) throw new Error('the tab is gone');
      setState(next);
    } catch (e) {
      setError(t('errorState', e instanceof Error ? e.message : String(e)));
    }
  }
  useEffect(() => void load(), []);

  async function decide(action: 'mute' | 'unmute') {
    const site = state?.match?.site;
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

  const catalog = bundledCatalog();
  const byId = new Map(catalog.arrangements.map((a) => [a.id, a]));
  const arrangements = (state?.arrangementIds ?? []).map((id) => byId.get(id)).filter((a): a is Arrangement => !!a);
  const names = new Map(catalog.institutions.map((i) => [i.id, i.name]));
  return (
    <Popup
      state={state}
      loading={!state && !error}
      error={error}
      arrangements={arrangements}
      names={names}
      justMuted={justMuted}
      onMute={() => decide('mute')}
      onUnmute={() => decide('unmute')}
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
