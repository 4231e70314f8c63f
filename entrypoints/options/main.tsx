/**
 * Options page container: hash routing (#/settings, #/sites, #/catalog, #/arrangement/ID, #/data,
 * #/diagnostics), reads and writes through lib/prefs, tells the background when something changed, and
 * renders the presentational pages in components/options.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { I18nContext } from '../../components/i18n';
import { CatalogPage } from '../../components/options/CatalogPage';
import { DataPage } from '../../components/options/DataPage';
import { DiagnosticsPage, type Diagnostics } from '../../components/options/DiagnosticsPage';
import { OptionsLayout, OPTIONS_ROUTES, type OptionsRoute } from '../../components/options/OptionsLayout';
import { SettingsPage } from '../../components/options/SettingsPage';
import { SitesPage } from '../../components/options/SitesPage';
import { bundledCatalog } from '../../lib/catalog';
import type { CatalogQuery } from '../../lib/catalog/search';
import { applyImportToState, exportConfig, exportFileName, importConfig, LIMITS, tooLargeMessage, type CustomList, type ImportResult } from '../../lib/config';
import { DB_NAME, DB_VERSION, DEFAULT_PREFERENCES, PrefsStore, type Preferences, type SiteDecision } from '../../lib/prefs/db';
import { sendRequest, t, uiLocale } from '../../lib/runtime';
import { parseSiteInput } from '../../lib/sites';
import '../../assets/ui.css';

const prefsStore = new PrefsStore();
type Message = { kind: 'status' | 'error'; text: string };

function parseRoute(hash: string): { route: OptionsRoute; arrangementId?: string } {
  const path = hash.replace(/^#\/?/, '');
  const arrangement = /^arrangement\/([a-z0-9-]+)$/.exec(path);
  if (arrangement) return { route: 'catalog', arrangementId: arrangement[1] };
  return { route: (OPTIONS_ROUTES as readonly string[]).includes(path) ? (path as OptionsRoute) : 'settings' };
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

function App() {
  const [{ route, arrangementId }, setRoute] = useState(parseRoute(location.hash));
  const [prefs, setPrefs] = useState<Preferences>(DEFAULT_PREFERENCES);
  // Until the stored values are read, the settings and sites pages show "Loading", never the defaults
  // (a click on a default that is not the saved value would overwrite it).
  const [loaded, setLoaded] = useState(false);
  const [decisions, setDecisions] = useState<SiteDecision[]>([]);
  const [noticeSeen, setNoticeSeen] = useState<string[]>([]);
  const [lastRemoved, setLastRemoved] = useState<SiteDecision>();
  const [message, setMessage] = useState<Message>();
  const [query, setQuery] = useState<CatalogQuery>({});
  const [diagnostics, setDiagnostics] = useState<Diagnostics | null>(null);
  const [copied, setCopied] = useState(false);
  const [importResult, setImportResult] = useState<ImportResult>();
  const [lists, setLists] = useState<CustomList[]>([]);
  const [lastRemovedList, setLastRemovedList] = useState<CustomList>();

  useEffect(() => {
    const onHash = () => {
      setRoute(parseRoute(location.hash));
      setMessage(undefined);
    };
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  async function reload() {
    try {
      setPrefs(await prefsStore.getPreferences());
      setDecisions(await prefsStore.listSiteDecisions());
      setNoticeSeen((await sendRequest({ type: 'get-notice-seen' })).sites);
      setLists(await prefsStore.listCustomLists());
    } catch (e) {
      setMessage({ kind: 'error', text: t('errorStorageRead', errorText(e)) });
    } finally {
      setLoaded(true);
    }
  }
  useEffect(() => void reload(), []);

  // Another page (the popup) may change decisions while this one is open.
  useEffect(() => {
    const onFocus = () => void reload();
    addEventListener('focus', onFocus);
    return () => removeEventListener('focus', onFocus);
  }, []);

  async function changed(text: string) {
    await sendRequest({ type: 'prefs-changed' }).catch(() => undefined);
    await reload();
    setMessage({ kind: 'status', text });
  }

  async function write(action: () => Promise<unknown>, done: string) {
    try {
      await action();
      await changed(done);
    } catch (e) {
      setMessage({ kind: 'error', text: t('errorStorage', errorText(e)) });
    }
  }

  async function checkImport(text: string) {
    setMessage(undefined);
    try {
      setImportResult(importConfig(text, await prefsStore.getConfigState()));
    } catch (e) {
      setMessage({ kind: 'error', text: t('errorStorageRead', errorText(e)) });
    }
  }

  async function loadDiagnostics() {
    try {
      const manifest = browser.runtime.getManifest();
      const catalog = bundledCatalog();
      setDiagnostics({
        extensionVersion: manifest.version,
        browser: import.meta.env.BROWSER,
        manifestVersion: manifest.manifest_version,
        catalogVersion: catalog.version,
        databaseVersion: DB_VERSION,
        institutions: catalog.institutions.length,
        arrangements: catalog.arrangements.length,
        storedPreferences: Object.keys(await prefsStore.getStoredPreferences()).length,
        siteDecisions: (await prefsStore.listSiteDecisions()).length,
        customLists: (await prefsStore.listCustomLists()).length,
        uiLanguage: browser.i18n.getUILanguage(),
      });
    } catch (e) {
      setMessage({ kind: 'error', text: t('errorStorageRead', errorText(e)) });
    }
  }
  useEffect(() => {
    if (route === 'diagnostics') void loadDiagnostics();
  }, [route]);

  let page;
  if (!loaded && (route === 'settings' || route === 'sites' || route === 'data')) {
    return (
      <OptionsLayout route={route}>
        <p aria-busy="true">{t('loading')}</p>
      </OptionsLayout>
    );
  }
  switch (route) {
    case 'settings':
      page = (
        <SettingsPage
          prefs={prefs}
          message={message}
          onChange={(key, value) => write(() => prefsStore.setPreference(key, value), t('saved'))}
          noticeSeen={noticeSeen}
          onForgetNoticeSeen={() => write(() => sendRequest({ type: 'clear-notice-seen' }), t('noticeSeenForgotten'))}
          onClearAll={() =>
            write(async () => {
              await prefsStore.clearAll();
              await sendRequest({ type: 'clear-notice-seen' });
            }, t('cleared'))
          }
        />
      );
      break;
    case 'sites':
      page = (
        <SitesPage
          decisions={decisions}
          lastRemoved={lastRemoved}
          message={message}
          onRemove={(site) =>
            write(async () => setLastRemoved(await prefsStore.removeSiteDecision(site)), t('saved'))
          }
          onUndo={() => {
            const back = lastRemoved;
            setLastRemoved(undefined);
            if (back) void write(() => prefsStore.setSiteDecision(back), t('saved'));
          }}
          onAdd={(input, until) => {
            const site = parseSiteInput(input);
            if (!site) {
              setMessage({ kind: 'error', text: t('siteInvalid', input) });
              return false;
            }
            const untilIso = until ? new Date(`${until}T23:59:59`).toISOString() : undefined;
            if (untilIso && Date.parse(untilIso) <= Date.now()) {
              setMessage({ kind: 'error', text: t('snoozeInPast') });
              return false;
            }
            void write(
              () =>
                prefsStore.setSiteDecision({
                  site,
                  decision: untilIso ? 'snoozed' : 'muted',
                  ...(untilIso ? { until: untilIso } : {}),
                  createdAt: new Date().toISOString(),
                }),
              // Say which site it became (www.chase.com/login is chase.com) and what was decided.
              untilIso
                ? t('siteSavedSnoozed', [site, new Date(untilIso).toLocaleDateString(uiLocale().locale, { dateStyle: 'long' })])
                : t('siteSavedMuted', site),
            );
            return true;
          }}
        />
      );
      break;
    case 'catalog':
      page = <CatalogPage catalog={bundledCatalog()} query={query} onQuery={setQuery} selectedId={arrangementId} />;
      break;
    case 'data':
      page = (
        <DataPage
          result={importResult}
          lists={lists}
          lastRemovedList={lastRemovedList}
          message={message}
          onDownload={async () => {
            try {
              const text = exportConfig(await prefsStore.getConfigState());
              const name = exportFileName();
              const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
              const link = document.createElement('a');
              link.href = url;
              link.download = name;
              link.click();
              setTimeout(() => URL.revokeObjectURL(url), 10_000);
              setMessage({ kind: 'status', text: t('exportSaved', name) });
            } catch (e) {
              setMessage({ kind: 'error', text: t('errorStorageRead', errorText(e)) });
            }
          }}
          onCopy={async () => {
            try {
              await navigator.clipboard.writeText(exportConfig(await prefsStore.getConfigState()));
              setMessage({ kind: 'status', text: t('exportCopied') });
            } catch (e) {
              setMessage({ kind: 'error', text: errorText(e) });
            }
          }}
          onCheckText={(text) => void checkImport(text)}
          onCheckFile={(file) => {
            // Refuse an oversized file before reading it into memory.
            if (file.size > LIMITS.maxBytes) {
              setImportResult({ ok: false, errors: [{ path: '$', message: tooLargeMessage(file.size) }] });
              return;
            }
            file.text().then(
              (text) => checkImport(text),
              (e) => setMessage({ kind: 'error', text: t('importReadError', errorText(e)) }),
            );
          }}
          onApply={async () => {
            if (!importResult?.ok) return;
            try {
              // Apply over what is stored now (the popup may have changed something since the check).
              const current = await prefsStore.getConfigState();
              await prefsStore.replaceConfigState(applyImportToState(current, importResult));
              setImportResult(undefined);
              await changed(t('importApplied'));
            } catch (e) {
              setMessage({ kind: 'error', text: t('errorStorage', errorText(e)) });
            }
          }}
          onCancel={() => {
            setImportResult(undefined);
            setMessage(undefined);
          }}
          onToggleList={(id, enabled) => write(() => prefsStore.setCustomListEnabled(id, enabled), t('saved'))}
          onRemoveList={(id) => write(async () => setLastRemovedList(await prefsStore.removeCustomList(id)), t('saved'))}
          onUndoRemoveList={() => {
            const back = lastRemovedList;
            setLastRemovedList(undefined);
            if (back) void write(() => prefsStore.putCustomList(back), t('saved'));
          }}
        />
      );
      break;
    case 'diagnostics':
      page = (
        <DiagnosticsPage
          diagnostics={diagnostics}
          error={message?.kind === 'error' ? message.text : undefined}
          copied={copied}
          onCopy={(text) =>
            navigator.clipboard.writeText(text).then(
              () => setCopied(true),
              (e) => setMessage({ kind: 'error', text: errorText(e) }),
            )
          }
        />
      );
      break;
  }
  return <OptionsLayout route={route}>{page}</OptionsLayout>;
}

const { locale, lang } = uiLocale();
document.documentElement.lang = lang;
document.title = t('optionsTitle');
render(
  <I18nContext.Provider value={{ t, lang, locale }}>
    <App />
  </I18nContext.Provider>,
  document.getElementById('app')!,
);
