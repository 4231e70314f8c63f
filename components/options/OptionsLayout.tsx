import type { ComponentChildren } from 'preact';
import { useI18n } from '../i18n';

export type OptionsRoute = 'settings' | 'sites' | 'catalog' | 'map' | 'recordings' | 'data' | 'diagnostics';
export const OPTIONS_ROUTES: readonly OptionsRoute[] = ['settings', 'sites', 'catalog', 'map', 'recordings', 'data', 'diagnostics'];

/** The options page frame: a navigation bar of hash links and the current page. */
export function OptionsLayout({ route, children }: { route: OptionsRoute; children: ComponentChildren }) {
  const { t } = useI18n();
  return (
    <div class="options">
      <header class="brand">
        <span class="logo" aria-hidden="true" />
        <span>Linkwatch</span>
      </header>
      <nav aria-label={t('optionsNav')}>
        <ul>
          {OPTIONS_ROUTES.map((r) => (
            <li key={r}>
              <a href={`#/${r}`} aria-current={r === route ? 'page' : undefined}>
                {t(`nav_${r}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main>{children}</main>
    </div>
  );
}
