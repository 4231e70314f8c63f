/** Container of #/data: export, import (check, preview, apply all at once), custom lists on, off, removed. */
import { useState } from 'preact/hooks';
import { DataPage } from '../../components/options/DataPage';
import { applyImportToState, exportConfig, exportFileName, importConfig, LIMITS, tooLargeMessage, type CustomList, type ImportResult } from '../../lib/config';
import { t } from '../../lib/runtime';
import { errorText, prefsStore, useStored, writeThen } from './shared';

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

  if (!stored.value && !stored.loaded) return <p aria-busy="true">{t('loading')}</p>;
  return (
    <DataPage
      result={importResult}
      lists={stored.value ?? []}
      lastRemovedList={lastRemovedList}
      message={stored.message}
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
          setImportResult({ ok: false, errors: [{ path: '$', message: tooLargeMessage(file.size), code: 'too-large' }] });
          return;
        }
        file.text().then(
          (text) => checkImport(text),
          (e) => setMessage({ kind: 'error', text: t('importReadError', errorText(e)) }),
        );
      }}
      onApply={async () => {
        if (!importResult?.ok) return;
        // Apply over what is stored now (the popup may have changed something since the check): one
        // transaction replaces lists whole (entries, institutions, domains at once), keeping their switches.
        await write(async () => {
          const current = await prefsStore.getConfigState();
          await prefsStore.replaceConfigState(applyImportToState(current, importResult));
          setImportResult(undefined);
        }, t('importApplied'));
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
}
