/** Container of #/settings: preferences, the notice's "seen" list, clear all. */
import { SettingsPage } from '../../components/options/SettingsPage';
import { sendRequest, t } from '../../lib/runtime';
import { prefsStore, useStored, writeThen } from './shared';

export function SettingsRoute() {
  const stored = useStored(async () => ({
    prefs: await prefsStore.getPreferences(),
    // The "seen" list comes from the background; without it the settings still show.
    noticeSeen: (await sendRequest({ type: 'get-notice-seen' }).catch(() => ({ sites: [] as string[] }))).sites,
  }));
  const write = (action: () => Promise<unknown>, done: string) => writeThen(action, done, stored.reload, stored.setMessage);
  if (!stored.value) return stored.loaded ? <p role="alert">{stored.message?.text}</p> : <p aria-busy="true">{t('loading')}</p>;
  return (
    <SettingsPage
      prefs={stored.value.prefs}
      message={stored.message}
      onChange={(key, value) =>
        key === 'language'
          ? // The page is drawn again in the chosen language once the background speaks it too (badge titles).
            void write(() => prefsStore.setPreference(key, value), t('saved')).then(() => prefsStore.getPreferences().then((p) => p.language === value && location.reload()))
          : write(() => prefsStore.setPreference(key, value), t('saved'))
      }
      noticeSeen={stored.value.noticeSeen}
      onForgetNoticeSeen={() => write(() => sendRequest({ type: 'clear-notice-seen' }), t('noticeSeenForgotten'))}
      onClearAll={() =>
        write(async () => {
          await prefsStore.clearAll();
          await sendRequest({ type: 'clear-notice-seen' });
        }, t('cleared'))
      }
    />
  );
}
