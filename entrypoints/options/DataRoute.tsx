/** Container of #/data: export, import (check, preview, apply all at once), custom lists on, off, removed. */
import { useState } from 'preact/hooks';
import { DataPage } from '../../components/options/DataPage';
import { browser } from 'wxt/browser';
import { applyImportToState, exportConfig, exportFileName, importConfig, LIMITS, sitesToAsk, tooLargeMessage, type CustomList, type ImportResult } from '../../lib/config';
import { sitePattern } from '../../lib/url/parse';
import { t } from '../../lib/runtime';
import { errorText, prefsStore, readWatchedSites, useStored, writeThen } from './shared';

export function DataRoute() {
  const stored = useStored(() => prefsStore.listCustomLists());
  const { setMessage } = stored;
  const [importResult, setImportResult] = useState<ImportResult>();
  const [lastRemovedList, setLastRemovedList] = useState<CustomList>();
  const write = (action: () => Promise<unknown>, done: string) => writeThen(action, done, stored.reload, setMessage);

  async function checkImport(text: string) {
    setMessage(undefined);
    try {
      setImportResult(importConfig(text, await prefsStore.getConfigState()));
    } catch (e) {
      setMessage({ kind: 'error', text: t('errorStorageRead', errorText(e)) });
    }
  }

  // The sites applying will ask the browser to watch (the file's, and its lists' that will be on).
  const askSites = importResult?.ok ? sitesToAsk(importResult.config, { customLists: stored.value ?? [] }) : [];

  if (!stored.value && !stored.loaded) return <p aria-busy="true">{t('loading')}</p>;
  return (
    <DataPage
      result={importResult}
      askSites={askSites}
      lists={stored.value ?? []}
      lastRemovedList={lastRemovedList}
      message={stored.message}
      onDownload={async () => {
        try {
          const text = exportConfig(await prefsStore.getConfigState(), new Date(), await readWatchedSites());
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
          await navigator.clipboard.writeText(exportConfig(await prefsStore.getConfigState(), new Date(), await readWatchedSites()));
          setMessage({ kind: 'status', text: t('exportCopied') });
        } catch (e) {
          setMessage({ kind: 'error', text: errorText(e) });
        }
      }}
      onCheckText={(text) => void checkImport(text)}
      onCheckFile={(file) => {
        // Refuse an oversized file before reading it into memory.
        if (file.size > LIMITS.maxBytes) {
          setImportResult({ ok: false, errors: [{ path: '$', message: tooLargeMessage(file.size), code: 'too-large' }] });
          return;
        }
        file.text().then(
          (text) => checkImport(text),
          (e) => setMessage({ kind: 'error', text: t('importReadError', errorText(e)) }),
        );
      }}
      onApply={async (mode) => {
        if (!importResult?.ok) return;
        // The browser's prompt is asked first, while the click is still the person's gesture (Firefox
        // allows it only then), but the import does not wait for the answer: a no, or a prompt left open,
        // keeps the rest.
        const asking: Promise<boolean | Error> =
          askSites.length > 0 ? browser.permissions.request({ origins: askSites.map(sitePattern) }).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e)))) : Promise.resolve(true);
        // Apply over what is stored now (the popup may have changed something since the check): one
        // transaction replaces lists whole (entries, institutions, domains at once), keeping their switches.
        await write(async () => {
          const current = await prefsStore.getConfigState();
          await prefsStore.replaceConfigState(applyImportToState(current, importResult, mode));
          setImportResult(undefined);
        }, t('importApplied'));
        const answer = await asking;
        if (answer instanceof Error) setMessage({ kind: 'error', text: errorText(answer) });
        else if (!answer) setMessage({ kind: 'status', text: t('importWatchRefused') });
      }}
      onCancel={() => {
        setImportResult(undefined);
        setMessage(undefined);
      }}
      onToggleList={(id, enabled) => write(() => prefsStore.setCustomListEnabled(id, enabled), t('saved'))}
      onRemoveList={async (id) => {
        // "Removed …" (with its undo) shows once the list is gone from the page too, never beside it.
        let removed: CustomList | undefined;
        await write(async () => (removed = await prefsStore.removeCustomList(id)), t('saved'));
        if (removed) setLastRemovedList(removed);
      }}
      onUndoRemoveList={() => {
        const back = lastRemovedList;
        setLastRemovedList(undefined);
        if (back) void write(() => prefsStore.putCustomList(back), t('saved'));
      }}
    />
  );
}
