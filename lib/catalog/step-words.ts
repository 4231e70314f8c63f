/**
 * One status step in words, the same on the popup's first screen and in the catalog's list (issue 22): who
 * took the step and what it covers, on whose report, and when. A partial step is said by what it covers
 * ("Facebook: confirmed working with banks on customer chat…; denied actively asking for transaction data…"),
 * never by its bare status ("Confirmed"). Pure: the caller passes the translator and the names.
 */
import { catalogText, formatDatePhrase, formatPartialDate, type Lang, type Translate } from '../i18n';
import type { Arrangement, StatusStep } from './schema';

/**
 * "JPMorgan Chase ended it, according to AFP (reported on 6 August 2018)", "Facebook: confirmed working with
 * banks on customer chat … (6 August 2018)", "Reported by The Wall Street Journal (6 August 2018)".
 * `names` maps institution ids to display names (an unknown id is shown as is). Message keys: `stepBy_*`,
 * `stepByScope`, `stepInPart`, `statusBy_reported`, `status_*`, `stepSubject_*`, `accordingTo`,
 * `stepDate`, `stepReportedOn`.
 */
export function stepSentence(a: Arrangement, step: StatusStep, names: Pick<ReadonlyMap<string, string>, 'get'>, t: Translate, lang: Lang, locale: string): string {
  const key = step.status.replace(/-/g, '_');
  const who = step.by === undefined ? undefined : (names.get(step.by) ?? step.by);
  const source = step.source === undefined ? undefined : a.sources[step.source];
  // A scope written as a sentence ("Class certification denied.") continues this one: its final stop goes
  // (an abbreviation's, "U.S.", stays).
  const scope = step.scope ? catalogText(step.scope, lang).replace(/(?<=[\p{Ll}\d)])\.\s*$/u, '') : undefined;
  let text: string;
  let sourceSaid = false;
  if (who !== undefined) text = scope ? t('stepByScope', [who, scope]) : t(`stepBy_${key}`, who);
  else if (scope) text = t('stepInPart', [t(`status_${key}`), scope]);
  else if (source && step.status === 'reported') {
    text = t('statusBy_reported', source.publisher);
    sourceSaid = true;
  } else text = t(`status_${key}`);
  if (step.subject === 'order') text += ` ${t('stepSubject_order')}`;
  else if (step.subject === 'rule') text += ` ${t('stepSubject_rule')}`;
  // "according to" whenever the step rests on a report by someone other than the one who took it.
  if (source && !sourceSaid && source.publisher !== who) text += t('accordingTo', source.publisher);
  return text + ' ' + (step.dateOfReport ? t('stepReportedOn', formatDatePhrase(step.date, locale)) : t('stepDate', formatPartialDate(step.date, locale)));
}
