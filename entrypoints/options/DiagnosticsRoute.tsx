/** Container of #/diagnostics: versions, build id and counts for testers (no browsing data). */
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { DiagnosticsPage } from '../../components/options/DiagnosticsPage';
import { BUILD_COMMIT, buildId } from '../../lib/build-id';
import { bundledCatalog } from '../../lib/catalog';
import { DB_VERSION } from '../../lib/prefs/db';
import { catalogCounts } from '../../lib/config/catalog-view';
import { errorText, prefsStore, useStored } from './shared';

export function DiagnosticsRoute() {
  const [copied, setCopied] = useState(false);
  const stored = useStored(async () => {
    const manifest = browser.runtime.getManifest();
    const catalog = bundledCatalog();
    const counts = catalogCounts(catalog);
    return {
      extensionVersion: manifest.version,
      build: buildId(manifest.version, BUILD_COMMIT),
      browser: import.meta.env.BROWSER,
      manifestVersion: manifest.manifest_version,
      catalogVersion: catalog.version,
      catalog: counts.text,
      databaseVersion: DB_VERSION,
      institutions: catalog.institutions.length,
      arrangements: counts.arrangements,
      contextEntries: counts.context,
      storedPreferences: Object.keys(await prefsStore.getStoredPreferences()).length,
      siteDecisions: (await prefsStore.listSiteDecisions()).length,
      customLists: (await prefsStore.listCustomLists()).length,
      uiLanguage: browser.i18n.getUILanguage(),
    };
  });
  return (
    <DiagnosticsPage
      diagnostics={stored.value ?? null}
      error={stored.message?.kind === 'error' ? stored.message.text : undefined}
      copied={copied}
      onCopy={(text) =>
        navigator.clipboard.writeText(text).then(
          () => setCopied(true),
          (e) => stored.setMessage({ kind: 'error', text: errorText(e) }),
        )
      }
    />
  );
}
