/**
 * The first-run page, opened by the background once, on install: what Linkwatch does and doesn't do, the
 * privacy promise, and where the settings are. An unlisted extension page (welcome.html).
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { I18nContext } from '../../components/i18n';
import { Welcome } from '../../components/Welcome';
import { PrefsStore } from '../../lib/prefs/db';
import { startInLanguage, t } from '../../lib/runtime';
import '../../assets/ui.css';

// In the language the person chose (a config imported before this page opened), else the browser's.
void startInLanguage(() => new PrefsStore().getPreferences().then((p) => p.language)).then(({ locale, lang }) => {
  document.documentElement.lang = lang;
  document.title = t('welcomeTitle');
  render(
    <I18nContext.Provider value={{ t, lang, locale }}>
      <Welcome optionsHref={browser.runtime.getURL('/options.html#/settings')} catalogHref={browser.runtime.getURL('/options.html#/catalog')} />
    </I18nContext.Provider>,
    document.getElementById('app')!,
  );
});
