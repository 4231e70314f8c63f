import type { Arrangement, Institution, StatusStep } from '../lib/catalog/schema';
import type { RelevanceClass } from '../lib/catalog/index';
import { describeRelevance, describeSourcing, sourceOrder, sourceTitle, sourcing } from '../lib/catalog/sourcing';
import { catalogText, catalogTextLang, formatPartialDate, sourceLanguage, type CatalogText } from '../lib/i18n';
import { LanguageMark } from './LanguageMark';
import { useI18n } from './i18n';
import { SafeLink } from './SafeLink';

export interface ArrangementCardProps {
  arrangement: Arrangement;
  /** Institution names by id, for parties and status actors. */
  names: ReadonlyMap<string, string>;
  /** Where the full entry lives (options page), if anywhere. */
  detailsHref?: string;
  /** The title's heading level: 3 in the popup (under its h2), 2 where the card stands under the page's h1. */
  level?: 2 | 3;
  /** The entry's class on this site (`relevanceClass`); every class but platform-and-bank is labelled. */
  relevance?: RelevanceClass;
}

/**
 * One reported arrangement: its class label (aggregator, regulation, context...), title, how well it is
 * sourced, parties, data concerned, the dated status timeline and the sources.
 * Wording follows the evidence: "Reported by <publisher>", "Denied by <institution>", never more.
 */
export function ArrangementCard({ arrangement: a, names, detailsHref, level = 3, relevance }: ArrangementCardProps) {
  const { t, lang, locale } = useI18n();
  const headingId = `arr-${a.id}`;
  const Title = level === 2 ? 'h2' : 'h3';
  const Sub = level === 2 ? 'h3' : 'h4';
  const classLabel = relevance ? describeRelevance(relevance, t) : '';
  // Catalog text falls back to English where it has no translation (lib/i18n `catalogText`), marked so.
  const textLang = (text: CatalogText) => catalogTextLang(text, lang);
  return (
    <article class="card" aria-labelledby={headingId} data-arrangement={a.id} data-relevance={relevance}>
      {classLabel && <p class="class-label">{classLabel}</p>}
      <Title id={headingId} lang={textLang(a.title)}>{catalogText(a.title, lang)}</Title>
      <p class="sourcing" data-sourcing={sourcing(a).level}>
        {describeSourcing(sourcing(a), t)}
      </p>
      <p class="summary" lang={textLang(a.summary)}>{catalogText(a.summary, lang)}</p>
      <dl class="facts">
        <dt>{t('parties')}</dt>
        <dd>{a.parties.map((p) => names.get(p) ?? p).join(', ')}</dd>
        <dt>{t('dataConcerned')}</dt>
        <dd>
          {a.data.map((d) => t(`data_${d.replace(/-/g, '_')}`)).join(', ')}
          <span class="detail" lang={textLang(a.dataDetail)}>{catalogText(a.dataDetail, lang)}</span>
        </dd>
        <dt>{t('purpose')}</dt>
        <dd lang={textLang(a.purpose)}>{catalogText(a.purpose, lang)}</dd>
      </dl>
      <Sub class="sub">{t('statusHistory')}</Sub>
      <ol class="timeline">
        {a.status.map((step, i) => (
          <StatusLine key={i} step={step} arrangement={a} names={names} />
        ))}
      </ol>
      <Sub class="sub">{t('sources')}</Sub>
      <ul class="sources">
        {/* Primary documents first, then the reports in the catalog's order, copies last (lib/catalog/sourcing `sourceOrder`). */}
        {sourceOrder(a.sources).map((i) => [a.sources[i]!, sourceTitle(a.sources[i]!, lang)] as const).map(([s, title], i) => (
          <li key={i}>
            <SafeLink href={s.url} lang={title.lang}>{title.text}</SafeLink>
            <LanguageMark lang={sourceLanguage(s)} />
            {s.titleIsDescription && <span class="meta"> {t('sourceIsDescription')}</span>}
            <span class="meta">
              {' '}
              {s.via ? t('sourceMetaVia', [s.publisher, formatDate(s.date), s.via]) : t('sourceMeta', [s.publisher, formatDate(s.date)])}
            </span>
            {s.primary && <span class="meta primary"> · {t('sourcePrimary')}</span>}
          </li>
        ))}
      </ul>
      {detailsHref && (
        <p class="more">
          <a href={detailsHref} target="_blank" rel="noopener">
            {t('fullEntry')}
          </a>
        </p>
      )}
    </article>
  );

  function formatDate(date: string) {
    return formatPartialDate(date, locale);
  }
}

/** "6 August 2018: Ended by JPMorgan Chase, according to AFP." plus the step's note. */
function StatusLine({ step, arrangement, names }: { step: StatusStep; arrangement: Arrangement; names: ReadonlyMap<string, string> }) {
  const { t, lang, locale } = useI18n();
  const source = step.source === undefined ? undefined : arrangement.sources[step.source];
  const key = step.status.replace(/-/g, '_');
  let phrase: string;
  let sourceUsed = false;
  if (step.by !== undefined) phrase = t(`statusBy_${key}`, names.get(step.by) ?? step.by);
  else if (source && step.status === 'reported') {
    phrase = t('statusBy_reported', source.publisher);
    sourceUsed = true;
  } else phrase = t(`status_${key}`);
  const according = source && !sourceUsed ? t('accordingTo', source.publisher) : '';
  return (
    <li data-status={step.status}>
      {step.dateOfReport ? (
        // The step's own date is unknown: say that this is when it was reported ("on" a day, "in" a month or year).
        <span>{t(step.date.length === 10 ? 'reportedOnDate' : 'reportedInDate', formatPartialDate(step.date, locale))}</span>
      ) : (
        <time dateTime={step.date}>{formatPartialDate(step.date, locale)}</time>
      )}
      {t('timelineSeparator')}
      <strong>{phrase}</strong>
      {step.subject === 'order' && <span class="subject"> {t('stepSubject_order')}</span>}
      {step.subject === 'rule' && <span class="subject"> {t('stepSubject_rule')}</span>}
      {according && <span>{according}</span>}
      {step.scope && <span class="scope" lang={catalogTextLang(step.scope, lang)}> ({catalogText(step.scope, lang)})</span>}
      {step.note && <p class="note" lang={catalogTextLang(step.note, lang)}>{catalogText(step.note, lang)}</p>}
    </li>
  );
}
