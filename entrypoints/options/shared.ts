/**
 * What the options page's route containers share: one PrefsStore, the status/error message shape, and a
 * hook that reads stored data, says when it is loaded, and reads again when the page regains focus (the
 * popup may have changed something meanwhile).
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PrefsStore } from '../../lib/prefs/db';
import { userGrantedSites } from '../../lib/url/parse';
import { sendRequest, t } from '../../lib/runtime';

export const prefsStore = new PrefsStore();

/** A line under a page's controls: a status (polite) or an error (alert). */
export type Message = { kind: 'status' | 'error'; text: string };

export const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * `read()` on mount and on window focus. `value` is undefined until the first read ends (pages show
 * "Loading", never defaults: a click on a shown default could overwrite a saved value); a failed read sets
 * `message` to the storage error.
 */
export function useStored<T>(read: () => Promise<T>): {
  value: T | undefined;
  loaded: boolean;
  reload: () => Promise<void>;
  message: Message | undefined;
  setMessage: (m: Message | undefined) => void;
} {
  const [value, setValue] = useState<T>();
  const [loaded, setLoaded] = useState(false);
  const [message, setMessage] = useState<Message>();
  async function reload() {
    try {
      setValue(await read());
    } catch (e) {
      setMessage({ kind: 'error', text: t('errorStorageRead', errorText(e)) });
    } finally {
      setLoaded(true);
    }
  }
  useEffect(() => {
    void reload();
    const onFocus = () => void reload();
    addEventListener('focus', onFocus);
    return () => removeEventListener('focus', onFocus);
  }, []);
  return { value, loaded, reload, message, setMessage };
}

/**
 * Run a write, tell the background that preferences changed, read again and say `done`; a failed write
 * says so instead.
 */
export async function writeThen(action: () => Promise<unknown>, done: string, reload: () => Promise<void>, setMessage: (m: Message) => void): Promise<void> {
  try {
    await action();
  } catch (e) {
    setMessage({ kind: 'error', text: t('errorStorage', errorText(e)) });
    return;
  }
  // Saved. The background puts it in force (protection's rules, every tab's badge); when it cannot, the
  // person is told: saying "saved" alone would let them believe their bank's pages are protected.
  const applied = await sendRequest({ type: 'prefs-changed' }).then(
    () => null,
    (e: unknown) => e,
  );
  await reload();
  setMessage(applied === null ? { kind: 'status', text: done } : { kind: 'error', text: t('errorNotApplied', errorText(applied)) });
}

/** Sites granted through "Watch this site": the browser's grants less the manifest's own hosts. */
export async function readWatchedSites(): Promise<string[]> {
  const manifest = browser.runtime.getManifest();
  const declared = [...(manifest.host_permissions ?? []), ...((manifest.permissions ?? []) as string[])];
  return userGrantedSites((await browser.permissions.getAll()).origins ?? [], declared);
}
