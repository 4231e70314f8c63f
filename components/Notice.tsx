import type { Lang, Translate } from '../lib/i18n';
import type { NoticeContent } from '../lib/notice';
import type { Corner } from '../lib/notice/placement';
import type { I18n } from './i18n';

/** `card`: the full notice; `pill`: collapsed (the card would cover a sign-in form); `muted`: just muted. */
export type NoticeMode = 'card' | 'pill' | 'muted';

export interface NoticeProps {
  /** Passed in rather than read from context: the content script stays free of preact/hooks (size). */
  i18n: I18n;
  content: NoticeContent;
  mode: NoticeMode;
  corner: Corner;
  /** True until the container has measured the card and chosen its corner (the card is then invisible). */
  measuring?: boolean;
  onDetails: () => void;
  onNotHere: () => void;
  onClose: () => void;
  onExpand: () => void;
}

/** "This site belongs to Chase (JPMorgan Chase)." / "This site is Messenger, part of Meta (first party)." */
export function noticeOwnerLine(c: NoticeContent, t: Translate): string {
  if (c.firstParty) return c.group ? t('siteIsPlatformOfGroup', [c.owner, c.group]) : t('siteIsPlatform', c.owner);
  return c.group ? t('siteOwnedByOfGroup', [c.owner, c.group]) : t('siteOwnedBy', c.owner);
}

/** The one-line summary: how many arrangements are reported and the latest one's title; what was observed. */
export function noticeSummary(c: NoticeContent, t: Translate, lang: Lang, locale: string): string {
  const who = c.group ?? c.owner;
  const title = c.latestTitle?.[lang] ?? '';
  const count = new Intl.NumberFormat(locale).format(c.reported);
  const parts: string[] = [];
  if (c.reported === 1) parts.push(t(c.firstParty ? 'noticePlatformOne' : 'noticeReportedOne', who));
  else if (c.reported > 1) parts.push(t(c.firstParty ? 'noticePlatformMany' : 'noticeReportedMany', [who, count]));
  if (c.reported > 0 && title) parts.push(t('noticeLatest', title));
  if (c.observed.length > 0) parts.push(t('noticeObserved', formatList(c.observed, locale)));
  return parts.join(' ');
}

function formatList(items: string[], locale: string): string {
  try {
    return new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}

/** The kind of statement, in words as well as in the card's colour. */
const TAG_KEYS = { 'first-party': 'noticeTagFirstParty', reported: 'noticeTagReported', observed: 'noticeTagObserved' } as const;

/**
 * The in-page notice, rendered in a shadow root by the notice content script: who owns the site, a one-line
 * summary, and three actions (details, not on this site, close). A landmark with a name, plain buttons,
 * Escape closes. It never takes focus on its own; when the user's action replaces the content (expand,
 * mute), the container moves focus to the element marked `data-lw-focus`.
 */
export function Notice({ i18n, content, mode, corner, measuring, onDetails, onNotHere, onClose, onExpand }: NoticeProps) {
  const { t, lang, locale } = i18n;
  const kind = content.firstParty ? 'first-party' : content.reported > 0 ? 'reported' : 'observed';
  return (
    <aside
      class={`lw-notice lw-${mode}`}
      data-corner={corner}
      data-kind={kind}
      data-measuring={measuring ? 'true' : undefined}
      aria-label={t('noticeLabel')}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      {mode === 'pill' ? (
        <button type="button" class="lw-pill" aria-expanded="false" onClick={onExpand}>
          <span class="lw-logo" aria-hidden="true" />
          {t('noticePill')}
        </button>
      ) : (
        <>
          <p class="lw-brand">
            <span class="lw-logo" aria-hidden="true" />
            Linkwatch
          </p>
          {mode === 'muted' ? (
            <div class="lw-body" role="status" data-lw-focus tabIndex={-1}>
              <p class="lw-owner">{t('mutedJustNow', content.site)}</p>
              <p class="lw-summary">{t('noticeUndoHint')}</p>
            </div>
          ) : (
            <div class="lw-body">
              <p class="lw-owner">{noticeOwnerLine(content, t)}</p>
              <p class="lw-summary">
                <span class="lw-tag">{t(TAG_KEYS[kind])}</span> {noticeSummary(content, t, lang, locale)}
              </p>
              <div class="lw-actions">
                <button type="button" class="lw-primary" onClick={onDetails} data-lw-focus>
                  {t('noticeDetails')}
                </button>
                <button type="button" onClick={onNotHere}>
                  {t('noticeNotHere')}
                </button>
              </div>
            </div>
          )}
          {/* Last in the tab order (the actions come first); placed in the top corner by CSS. */}
          <button type="button" class="lw-close" aria-label={t('noticeClose')} onClick={onClose}>
            <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
              <path d="M3 3l10 10M13 3L3 13" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
            </svg>
          </button>
        </>
      )}
    </aside>
  );
}
