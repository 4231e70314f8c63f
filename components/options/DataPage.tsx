import { useState } from 'preact/hooks';
import type { Change, ImportResult } from '../../lib/config';
import type { CustomList } from '../../lib/config/schema';
import type { SiteDecision } from '../../lib/prefs/schema';
import { isOne, type Lang, type Translate } from '../../lib/i18n';
import { useI18n } from '../i18n';

export interface DataPageProps {
  onDownload: () => void;
  onCopy: () => void;
  /** Check pasted text or a picked file; the container runs importConfig and passes `result` back. */
  onCheckText: (text: string) => void;
  onCheckFile: (file: File) => void;
  /** The last check's result, until applied or cancelled. */
  result?: ImportResult;
  onApply: () => void;
  onCancel: () => void;
  lists: CustomList[];
  onToggleList: (id: string, enabled: boolean) => void;
  onRemoveList: (id: string) => void;
  lastRemovedList?: CustomList;
  onUndoRemoveList: () => void;
  message?: { kind: 'status' | 'error'; text: string };
}

/**
 * Import and export: a config file or text out; a file or pasted text in, checked, previewed line by line
 * (every change, every dropped key), then applied all at once or cancelled. Custom lists: on, off, removed.
 * Everything from a file is rendered as text.
 */
export function DataPage(props: DataPageProps) {
  const { t, lang } = useI18n();
  const counts = (arrangements: number, institutions: number) => listCounts(t, lang, arrangements, institutions);
  const [text, setText] = useState('');
  const { result } = props;
  return (
    <section aria-labelledby="data-heading">
      <h1 id="data-heading">{t('dataHeading')}</h1>

      <h2>{t('exportHeading')}</h2>
      <p class="hint">{t('exportHint')}</p>
      <p class="actions">
        <button type="button" onClick={props.onDownload}>
          {t('exportDownload')}
        </button>{' '}
        <button type="button" onClick={props.onCopy}>
          {t('exportCopy')}
        </button>
      </p>

      <h2>{t('importHeading')}</h2>
      <p class="hint">{t('importHint')}</p>
      <p>
        <label>
          {t('importFile')}{' '}
          <input
            type="file"
            accept=".json,application/json"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) props.onCheckFile(file);
              e.currentTarget.value = '';
            }}
          />
        </label>
      </p>
      <label class="stacked">
        {t('importPaste')}
        <textarea rows={6} value={text} spellcheck={false} onInput={(e) => setText(e.currentTarget.value)} />
      </label>
      <p>
        <button type="button" disabled={!text.trim()} onClick={() => props.onCheckText(text)}>
          {t('importCheck')}
        </button>
      </p>

      {result && !result.ok && (
        <div role="alert" class="import-errors">
          <p>
            <strong>{t('importRefused')}</strong>
          </p>
          <ul>
            {result.errors.map((e, i) => (
              <li key={i}>
                <code>{e.path}</code> {e.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {result && result.ok && <Preview result={result} onApply={props.onApply} onCancel={props.onCancel} />}

      {props.message && (
        <p role={props.message.kind === 'error' ? 'alert' : 'status'} class={props.message.kind}>
          {props.message.text}
        </p>
      )}

      <h2>{t('listsHeading')}</h2>
      {props.lists.length > 0 && <p class="hint">{t('listsHint')}</p>}
      {props.lastRemovedList && (
        <p role="status">
          {t('listRemoved', props.lastRemovedList.name)}{' '}
          <button type="button" onClick={props.onUndoRemoveList}>
            {t('undo')}
          </button>
        </p>
      )}
      {props.lists.length === 0 ? (
        <p class="empty">{t('listsEmpty')}</p>
      ) : (
        <ul class="lists">
          {props.lists.map((l) => (
            <li key={l.id} data-list={l.id}>
              <label class="choice">
                <input type="checkbox" checked={l.enabled} onChange={(e) => props.onToggleList(l.id, e.currentTarget.checked)} />
                <span>
                  <strong>{l.name}</strong> {t('listMeta', [l.author, l.date, counts(l.arrangements.length, l.institutions.length)])}
                </span>
              </label>{' '}
              <button type="button" onClick={() => props.onRemoveList(l.id)} aria-label={t('removeList', l.name)}>
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** "1 arrangement, 2 institutions" with each count in its singular or plural form. */
function listCounts(t: Translate, lang: Lang, arrangements: number, institutions: number): string {
  return `${t(isOne(arrangements, lang) ? 'countArrangementsOne' : 'countArrangementsMany', String(arrangements))}, ${t(isOne(institutions, lang) ? 'countInstitutionsOne' : 'countInstitutionsMany', String(institutions))}`;
}

function Preview({ result, onApply, onCancel }: { result: Extract<ImportResult, { ok: true }>; onApply: () => void; onCancel: () => void }) {
  const { t, lang, locale } = useI18n();
  const counts = (arrangements: number, institutions: number) => listCounts(t, lang, arrangements, institutions);
  const changed = result.preview.filter((c) => c.change !== 'unchanged');
  const unchanged = result.preview.length - changed.length;
  const date = new Date(result.createdAt);
  return (
    <div class="preview" aria-labelledby="preview-heading">
      <h3 id="preview-heading">{t('previewHeading')}</h3>
      <p>
        {t(
          result.kind === 'list' ? 'previewListFile' : 'previewConfigFile',
          isNaN(date.getTime())
            ? result.createdAt
            : result.kind === 'list'
              ? // A list is dated by day only: no made-up time of day.
                date.toLocaleDateString(locale, { dateStyle: 'long', timeZone: 'UTC' })
              : date.toLocaleString(locale, { dateStyle: 'long', timeStyle: 'short' }),
        )}
        {result.migrated ? ` ${t('previewMigrated', String(result.fromVersion))}` : ''}
      </p>
      {changed.length === 0 ? (
        <p class="empty">{t('previewNothing')}</p>
      ) : (
        <ul class="changes">
          {changed.map((c, i) => (
            <li key={i}>{describeChange(c)}</li>
          ))}
        </ul>
      )}
      {unchanged > 0 && <p class="hint">{t('previewUnchanged', String(unchanged))}</p>}
      {result.dropped.length > 0 && (
        <div class="dropped">
          <p>{t('previewDropped')}</p>
          <ul>
            {result.dropped.map((p) => (
              <li key={p}>
                <code>{p}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      <p class="actions">
        <button type="button" class="primary" disabled={changed.length === 0} onClick={onApply}>
          {t('importApply')}
        </button>{' '}
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </p>
    </div>
  );

  function describeChange(c: Change): string {
    switch (c.kind) {
      case 'preference':
        return t('changePreference', [t(`prefName_${c.key}`), describePref(c.key, c.from), describePref(c.key, c.to)]);
      case 'site-decision':
        return c.from
          ? t('changeDecision', [c.site, describeDecision(c.from), describeDecision(c.to)])
          : t('addDecision', [c.site, describeDecision(c.to)]);
      case 'list':
        return c.from
          ? t('replaceList', [c.to.name, c.to.author, c.to.date, c.from.date])
          : t('addList', [c.to.name, c.to.author, c.to.date, counts(c.to.arrangements, c.to.institutions)]);
    }
  }
  function describePref(key: string, value: unknown): string {
    if (key === 'alertStyle' && typeof value === 'string') return t(`alertStyle_${value.replace(/-/g, '_')}`);
    if (key === 'badgeLevels' && value && typeof value === 'object') {
      const on = Object.entries(value as Record<string, boolean>).filter(([, v]) => v).map(([k]) => t(`levelShort_${k}`));
      return on.length ? on.join(', ') : t('levelNone');
    }
    return String(value);
  }
  function describeDecision(d: SiteDecision): string {
    return d.decision === 'muted' ? t('decisionMuted') : t('decisionSnoozed', d.until ? new Date(d.until).toLocaleDateString(locale, { dateStyle: 'long' }) : '?');
  }
}
