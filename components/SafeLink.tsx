import type { ComponentChildren } from 'preact';
import { isHttpsLink } from '../lib/url/parse';

/**
 * A link that is only a link for `https:` URLs; anything else (javascript:, data:, http:, malformed)
 * renders as plain text. Opens in a new tab without a referrer or opener. `lang`: the text's language where it
 * differs from the page's (catalog text shown in English).
 */
export function SafeLink({ href, lang, children }: { href: string | undefined; lang?: string | undefined; children: ComponentChildren }) {
  if (!isSafeHref(href)) return <span lang={lang}>{children}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" lang={lang}>
      {children}
    </a>
  );
}

/** True for a parseable `https:` URL without credentials (lib/url's `isHttpsLink`). */
export function isSafeHref(href: string | undefined): href is string {
  return isHttpsLink(href);
}
