import { useI18n } from './i18n';

export interface WelcomeProps {
  /** The options page's settings and catalog addresses. */
  optionsHref: string;
  catalogHref: string;
}

/** The first-run page: what Linkwatch does, what it doesn't, the privacy promise, where the settings are. */
export function Welcome({ optionsHref, catalogHref }: WelcomeProps) {
  const { t } = useI18n();
  return (
    <div class="welcome">
      <header class="brand">
        <span class="logo" aria-hidden="true" />
        <span>Linkwatch</span>
      </header>
      <main>
        <h1>{t('welcomeTitle')}</h1>
        <p class="lead">{t('welcomeIntro')}</p>
        <section aria-labelledby="welcome-does">
          <h2 id="welcome-does">{t('welcomeDoesHeading')}</h2>
          <ul>
            <li>{t('welcomeDoes1')}</li>
            <li>{t('welcomeDoes2')}</li>
            <li>{t('welcomeDoes3')}</li>
          </ul>
        </section>
        <section aria-labelledby="welcome-doesnt">
          <h2 id="welcome-doesnt">{t('welcomeDoesntHeading')}</h2>
          <ul>
            <li>{t('welcomeDoesnt1')}</li>
            <li>{t('welcomeDoesnt2')}</li>
            <li>{t('welcomeDoesnt3')}</li>
          </ul>
        </section>
        <section aria-labelledby="welcome-privacy">
          <h2 id="welcome-privacy">{t('welcomePrivacyHeading')}</h2>
          <ul>
            <li>{t('welcomePrivacy1')}</li>
            <li>{t('welcomePrivacy2')}</li>
            <li>{t('welcomePrivacy3')}</li>
          </ul>
        </section>
        <section aria-labelledby="welcome-settings">
          <h2 id="welcome-settings">{t('welcomeSettingsHeading')}</h2>
          <p>{t('welcomeToolbar')}</p>
          <p>{t('welcomeSettingsText')}</p>
          <p class="welcome-links">
            <a class="button" href={optionsHref}>
              {t('welcomeOpenSettings')}
            </a>
            <a class="button" href={catalogHref}>
              {t('welcomeOpenCatalog')}
            </a>
          </p>
        </section>
      </main>
    </div>
  );
}
