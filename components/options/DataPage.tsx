import { useState } from 'preact/hooks';
import type { Change, ImportMode, ImportProblem, ImportResult, LeftOut, ListSummary, ProblemCode } from '../../lib/config';
import { describeLocation, type LocationStep } from '../../lib/config/messages';
import type { CustomList } from '../../lib/config/schema';
import type { SiteDecision } from '../../lib/prefs/schema';
import { catalogText, isOne, languageName, type Lang, type Translate } from '../../lib/i18n';
import { useI18n } from '../i18n';

export interface DataPageProps {
  onDownload: () => void;
  onCopy: () => void;
  /** Check pasted text or a picked file; the container runs importConfig and passes `result` back. */
  onCheckText: (text: string) => void;
  onCheckFile: (file: File) => void;
  /** The last check's result, until applied or cancelled. */
  result?: ImportResult;
  /**
   * Sites applying the import will ask the browser to watch (lib/config `sitesToAsk`: the file's watched
   * sites and the sites of its lists that will be on), said in the preview before the browser asks.
   */
  askSites?: readonly string[];
  /** Apply, doing `mode` with what the file does not mention (the person's choice in the preview). */
  onApply: (mode: ImportMode) => void;
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
  const [fileName, setFileName] = useState<string>();
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
      <p class="file-field">
        <span id="import-file-label">{t('importFile')}</span>{' '}
        {/* The input is reset after each choice (so the same file can be checked again), which makes the
            browser say "No file chosen": its label says which file was chosen instead. */}
        <input
          id="import-file"
          class="visually-hidden"
          type="file"
          accept=".json,application/json"
          aria-labelledby="import-file-label import-file-button import-file-name"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) {
              setFileName(file.name);
              props.onCheckFile(file);
            }
            e.currentTarget.value = '';
          }}
        />
        <label for="import-file" id="import-file-button" class="file-button">
          {t('importFileButton')}
        </label>{' '}
        <span id="import-file-name" class="file-name" data-testid="import-file-name">
          {fileName ? t('importFileChosen', fileName) : t('importFileNone')}
        </span>
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
                <ProblemLine problem={e} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {result && result.ok && <Preview result={result} askSites={props.askSites ?? []} onApply={props.onApply} onCancel={props.onCancel} />}

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

function Preview({ result, askSites, onApply, onCancel }: { result: Extract<ImportResult, { ok: true }>; askSites: readonly string[]; onApply: (mode: ImportMode) => void; onCancel: () => void }) {
  const { t, lang, locale } = useI18n();
  const counts = (arrangements: number, institutions: number) => listCounts(t, lang, arrangements, institutions);
  // What to do with what the file does not mention: the person chooses; keeping is the default (a merge).
  const [mode, setMode] = useState<ImportMode>('keep');
  const leftOut = result.leftOut ?? [];
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
      {changed.length === 0 && !(mode === 'replace' && leftOut.length > 0) ? (
        <p class="empty">{t('previewNothing')}</p>
      ) : changed.length === 0 ? (
        <p>{t('previewReplaceOnly', String(leftOut.length))}</p>
      ) : (
        <ul class="changes">
          {changed.map((c, i) => (
            <li key={i} data-list={c.kind === 'list' ? c.id : undefined}>
              {describeChange(c)}
              {c.kind === 'list' && <ListContents summary={c.to} kept={c.from !== undefined && !c.to.enabled} />}
            </li>
          ))}
        </ul>
      )}
      {unchanged > 0 && <p class="hint">{t('previewUnchanged', String(unchanged))}</p>}
      {leftOut.length > 0 && (
        <fieldset class="left-out">
          <legend>{t(isOne(leftOut.length, lang) ? 'leftOutLegendOne' : 'leftOutLegendMany', String(leftOut.length))}</legend>
          <ul>
            {leftOut.map((l, i) => (
              <li key={i} data-left-out={l.kind}>
                {describeLeftOut(l)}
              </li>
            ))}
          </ul>
          <label>
            <input type="radio" name="import-mode" value="keep" checked={mode === 'keep'} onChange={() => setMode('keep')} /> {t('importModeKeep')}
          </label>
          <label>
            <input type="radio" name="import-mode" value="replace" checked={mode === 'replace'} onChange={() => setMode('replace')} /> {t('importModeReplace')}
          </label>
        </fieldset>
      )}
      {askSites.length > 0 && (
        <div class="ask-sites">
          <p>{t('previewAskSites', String(askSites.length))}</p>
          <ul class="ask-sites-list">
            {askSites.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </div>
      )}
      {result.skipped.length > 0 && (
        <div class="skipped">
          <p>{t('previewSkipped')}</p>
          <ul>
            {result.skipped.map((p) => (
              <li key={p.path}>
                <ProblemLine problem={p} />
              </li>
            ))}
          </ul>
        </div>
      )}
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
        <button type="button" class="primary" disabled={changed.length === 0 && askSites.length === 0 && !(mode === 'replace' && leftOut.length > 0)} onClick={() => onApply(mode)}>
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
      case 'site-protection':
        return c.from !== undefined
          ? t('changeDecision', [c.site, describeProtection(c.from), describeProtection(c.to)])
          : t('addDecision', [c.site, describeProtection(c.to)]);
      case 'list':
        return c.from
          ? t('replaceList', [c.to.name, c.to.author, c.to.date, c.from.date])
          : t('addList', [c.to.name, c.to.author, c.to.date, counts(c.to.arrangements, c.to.institutions)]);
    }
  }
  /** "Alert style: Badge, and a small notice on every visit (default: …)", "citi.com: Muted", "List “X” by Y". */
  function describeLeftOut(l: LeftOut): string {
    switch (l.kind) {
      case 'preference':
        return t('leftOutPreference', [t(`prefName_${l.key}`), describePref(l.key, l.value), describePref(l.key, l.default)]);
      case 'site-decision':
        return t('leftOutDecision', [l.decision.site, describeDecision(l.decision)]);
      case 'site-protection':
        return t('leftOutDecision', [l.site, describeProtection(l.protect)]);
      case 'list':
        return t('leftOutList', [l.summary.name, l.summary.author, l.summary.date]);
    }
  }
  function describePref(key: string, value: unknown): string {
    if (key === 'alertStyle' && typeof value === 'string') return t(`alertStyle_${value.replace(/-/g, '_')}`);
    if (key === 'badgeLevels' && value && typeof value === 'object') {
      // The settings page's own labels, never the file's keys (issue 22).
      const on = Object.entries(value as Record<string, boolean>).filter(([, v]) => v).map(([k]) => t(`badgeLevel_${k}`));
      return on.length ? on.join('; ') : t('levelNone');
    }
    if (key === 'protectAll' && typeof value === 'boolean') return t(value ? 'protectAllOn' : 'protectAllOff');
    if (key === 'language' && typeof value === 'string') return value === 'browser' ? t('languageBrowser') : languageName(value, locale);
    return String(value);
  }
  function describeProtection(protect: boolean): string {
    return t(protect ? 'siteProtectionOn' : 'siteProtectionOff');
  }
  function describeDecision(d: SiteDecision): string {
    return d.decision === 'muted' ? t('decisionMuted') : t('decisionSnoozed', d.until ? new Date(d.until).toLocaleDateString(locale, { dateStyle: 'long' }) : '?');
  }
}

/** The message key of each location step (a table, so every key is checked to exist in every language). */
const WHERE_KEYS: Record<LocationStep['key'], string> = {
  where_file: 'where_file',
  where_list: 'where_list',
  where_customList: 'where_customList',
  where_siteDecision: 'where_siteDecision',
  where_preferences: 'where_preferences',
  where_institution: 'where_institution',
  where_arrangement: 'where_arrangement',
  where_item: 'where_item',
  where_field: 'where_field',
};

/** The plain words of each problem code. */
const PROBLEM_KEYS: Record<ProblemCode, string> = {
  'hidden-characters': 'importProblem_hidden_characters',
  'domain-claimed-twice': 'importProblem_domain_claimed_twice',
  'domain-in-catalog': 'importProblem_domain_in_catalog',
  'id-used-twice': 'importProblem_id_used_twice',
  'used-twice': 'importProblem_used_twice',
  'bundled-entry': 'importProblem_bundled_entry',
  'bundled-institution': 'importProblem_bundled_institution',
  'not-one-of': 'importProblem_not_one_of',
  'snooze-ended': 'importProblem_snooze_ended',
  missing: 'importProblem_missing',
  'wrong-type': 'importProblem_wrong_type',
  'not-accepted': 'importProblem_not_accepted',
  'not-json': 'importProblem_not_json',
  empty: 'importProblem_empty',
  'too-large': 'importProblem_too_large',
  'too-deep': 'importProblem_too_deep',
  'newer-version': 'importProblem_newer_version',
  'not-a-config': 'importProblem_not_a_config',
};

/**
 * One import problem for a person: where it is and what is wrong in plain words (in the UI language), then
 * the JSON path and the technical message (English, what `npm run validate` prints) for the file's author.
 */
function ProblemLine({ problem }: { problem: ImportProblem }) {
  const { t, locale } = useI18n();
  const where = describeLocation(problem.path)
    .map((step) => t(WHERE_KEYS[step.key], step.values))
    .join(' › ');
  let values = problem.values ?? [];
  if (problem.code === 'snooze-ended' && values[1] !== undefined) {
    const date = new Date(values[1]);
    if (!isNaN(date.getTime())) values = [values[0]!, date.toLocaleDateString(locale, { dateStyle: 'long' })];
  }
  const plain = problem.code ? t(PROBLEM_KEYS[problem.code], values) : t('importProblemOther');
  return (
    <>
      <span class="plain">
        <strong>{t('importProblemWhere', where)}</strong> {plain}
      </span>{' '}
      <span class="technical">
        {t('importProblemTechnical')} <code>{problem.path}</code> <span lang="en">{problem.message}</span>
      </span>
    </>
  );
}

/** Every site a list will claim (with its institution) and every entry's title, in the UI language. */
function ListContents({ summary, kept }: { summary: ListSummary; kept: boolean }) {
  const { t, lang } = useI18n();
  return (
    <div class="list-contents">
      {kept && <p class="hint">{t('previewListKeptOff')}</p>}
      {summary.sites.length === 0 ? (
        <p>{t('previewListNoSites')}</p>
      ) : (
        <>
          <p>{t('previewListSites', String(summary.sites.length))}</p>
          <ul class="list-sites">
            {summary.sites.map((s) => (
              <li key={s.site}>{t('previewListSite', [s.site, s.institution])}</li>
            ))}
          </ul>
        </>
      )}
      {summary.entries.length > 0 && (
        <>
          <p>{t('previewListEntries', String(summary.entries.length))}</p>
          <ul class="list-entries">
            {summary.entries.map((e) => (
              <li key={e.id}>{catalogText(e.title, lang)}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
