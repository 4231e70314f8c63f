/**
 * Container of #/recordings: reads the recordings through the background (which writes them), saves a
 * recording's report (lib/report, against the bundled catalog) as a local download, stops and deletes.
 */
import { browser } from 'wxt/browser';
import { RecordingsPage } from '../../components/options/RecordingsPage';
import { bundledCatalog, groupFamily } from '../../lib/catalog';
import { catalogLookup } from '../../lib/report';
import { buildReport, reportEnvironment, saveReport } from '../../lib/report/save';
import { sendRequest, t, uiLocale } from '../../lib/runtime';
import { errorText, useStored } from './shared';

export function RecordingsRoute() {
  const stored = useStored(async () => (await sendRequest({ type: 'recording-list' })).recordings);
  if (!stored.value) return stored.loaded ? <p role="alert">{stored.message?.text}</p> : <p aria-busy="true">{t('loading')}</p>;
  const recordings = stored.value;
  async function act(work: () => Promise<unknown>, done: string) {
    try {
      await work();
      await stored.reload();
      stored.setMessage({ kind: 'status', text: done });
    } catch (e) {
      stored.setMessage({ kind: 'error', text: t('errorStorage', errorText(e)) });
    }
  }
  return (
    <RecordingsPage
      recordings={recordings}
      message={stored.message}
      onSave={(site, form) => {
        const r = recordings.find((x) => x.site === site);
        if (!r) return;
        const { lang, locale } = uiLocale();
        const report = buildReport({
          kind: 'recording',
          site: r.site,
          institution: r.institution,
          ...(r.institution ? { ownIds: [...groupFamily(bundledCatalog(), r.institution)] } : {}),
          loads: r.loads,
          recording: r,
          lookup: catalogLookup(bundledCatalog()),
          ...reportEnvironment(browser.runtime.getManifest().version, navigator.userAgent, lang, t),
        });
        saveReport(document, report, form, t, locale);
      }}
      onStop={(site) => void act(() => sendRequest({ type: 'recording-stop', site }), t('saved'))}
      onDelete={(site, loadId) => void act(() => sendRequest({ type: 'recording-delete', site, loadId }), t('recordingsDeleted'))}
    />
  );
}
