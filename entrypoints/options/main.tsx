/**
 * Options page: hash routing (#/settings, #/sites, #/catalog, #/catalog/institution/ID, #/arrangement/ID, #/recordings, #/data,
 * #/diagnostics) to one container per route (SettingsRoute.tsx, SitesRoute.tsx, CatalogRoute.tsx,
 * RecordingsRoute.tsx, DataRoute.tsx, DiagnosticsRoute.tsx). Each container reads and writes through lib/prefs (shared.ts) and renders its
 * presentational page from components/options; a route change mounts a fresh container, so a message from
 * one page never shows on another.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { I18nContext } from '../../components/i18n';
import { OptionsLayout, OPTIONS_ROUTES, type OptionsRoute } from '../../components/options/OptionsLayout';
import { bundledCatalog } from '../../lib/catalog';
import { loadCatalogTranslations, startInLanguage, t } from '../../lib/runtime';
import { prefsStore } from './shared';
import { CatalogRoute } from './CatalogRoute';
import { DataRoute } from './DataRoute';
import { DiagnosticsRoute } from './DiagnosticsRoute';
import { RecordingsRoute } from './RecordingsRoute';
import { SettingsRoute } from './SettingsRoute';
import { SitesRoute } from './SitesRoute';
import { MapRoute } from './MapRoute';
import '../../assets/ui.css';

function parseRoute(hash: string): { route: OptionsRoute; arrangementId?: string; institution?: string; focus?: string } {
  const path = hash.replace(/^#\/?/, '');
  // #/map/focus/ID: the map focused on one institution (the popup's "See on the map").
  const focus = /^map\/focus\/([a-z0-9-]+)$/.exec(path);
  if (focus) return { route: 'map', focus: focus[1] };
  const arrangement = /^arrangement\/([a-z0-9-]+)$/.exec(path);
  if (arrangement) return { route: 'catalog', arrangementId: arrangement[1] };
  // #/catalog/institution/ID: the catalog filtered on one institution (the popup's "Meta figures in N other reports").
  const institution = /^catalog\/institution\/([a-z0-9-]+)$/.exec(path);
  if (institution) return { route: 'catalog', institution: institution[1] };
  return { route: (OPTIONS_ROUTES as readonly string[]).includes(path) ? (path as OptionsRoute) : 'settings' };
}

function App() {
  const [{ route, arrangementId, institution, focus }, setRoute] = useState(parseRoute(location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  const page = {
    settings: () => <SettingsRoute />,
    sites: () => <SitesRoute />,
    catalog: () => <CatalogRoute selectedId={arrangementId} institution={institution} />,
    map: () => <MapRoute key={focus ?? ''} focus={focus} />,
    recordings: () => <RecordingsRoute />,
    data: () => <DataRoute />,
    diagnostics: () => <DiagnosticsRoute />,
  }[route]();
  return <OptionsLayout route={route}>{page}</OptionsLayout>;
}

// The language the person chose (Settings) or the browser's, then the catalog's German or Spanish text
// (lib/catalog/translations), before the first render, so no page shows another language first; should a
// file fail, the page still opens (in the browser's language, or with English catalog text) and the console
// says why.
void startInLanguage(() => prefsStore.getPreferences().then((p) => p.language)).then(async ({ locale, lang }) => {
  document.documentElement.lang = lang;
  document.title = t('optionsTitle');
  await loadCatalogTranslations(lang, [bundledCatalog()]).catch((error: unknown) => console.error('[linkwatch]', error));
  render(
    <I18nContext.Provider value={{ t, lang, locale }}>
      <App />
    </I18nContext.Provider>,
    document.getElementById('app')!,
  );
});
