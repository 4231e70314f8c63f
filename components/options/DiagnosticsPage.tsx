import { useI18n } from '../i18n';

/**
 * Facts for testers; holds no browsing data (no site names, no URLs). `build` is the build id
 * (`version+commit`, lib/build-id.ts); `catalog` says the counts the way docs/catalog.md does
 * ("28 arrangements and 3 context entries"); `arrangements` excludes context entries.
 */
export interface Diagnostics {
  extensionVersion: string;
  build: string;
  browser: string;
  manifestVersion: number;
  catalogVersion: string;
  catalog: string;
  databaseVersion: number;
  institutions: number;
  arrangements: number;
  contextEntries: number;
  storedPreferences: number;
  siteDecisions: number;
  customLists: number;
  uiLanguage: string;
}

export interface DiagnosticsPageProps {
  diagnostics: Diagnostics | null;
  error?: string;
  onCopy: (text: string) => void;
  copied?: boolean;
}

/** Plain text of the diagnostics, as copied to the clipboard. */
export function diagnosticsText(d: Diagnostics): string {
  return Object.entries(d)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
}

/** The diagnostics panel: versions and counts, and a button to copy them. */
export function DiagnosticsPage({ diagnostics, error, onCopy, copied }: DiagnosticsPageProps) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="diagnostics-heading">
      <h1 id="diagnostics-heading">{t('diagnosticsHeading')}</h1>
      <p class="hint">{t('diagnosticsIntro')}</p>
      {error && <p role="alert">{error}</p>}
      {diagnostics ? (
        <>
          <pre class="diagnostics" data-testid="diagnostics">{diagnosticsText(diagnostics)}</pre>
          <button type="button" onClick={() => onCopy(diagnosticsText(diagnostics))}>
            {t('copyDiagnostics')}
          </button>
          {copied && <span role="status"> {t('copied')}</span>}
        </>
      ) : (
        !error && <p aria-busy="true">{t('loading')}</p>
      )}
    </section>
  );
}
