import { facets, searchArrangements, type CatalogQuery } from '../../lib/catalog/search';
import { catalogWithLists } from '../../lib/config/catalog-view';
import type { CustomList } from '../../lib/config/schema';
import { findInstitution, latestDate, relevanceClass, type Catalog } from '../../lib/catalog';
import type { Institution, Status } from '../../lib/catalog/schema';
import { describeOwnership, describeRelevance, describeSourcing, sourcing } from '../../lib/catalog/sourcing';
import { catalogText, formatDatePhrase, formatPartialDate, isOne } from '../../lib/i18n';
import { stepSentence } from '../../lib/catalog/step-words';
import { ArrangementCard } from '../ArrangementCard';
import { FilterSelect } from './FilterSelect';
import { useI18n } from '../i18n';

/** A catalog search plus the source filter: '' any, 'catalog' the bundled catalog, 'list:ID' one custom list. */
export type CatalogPageQuery = CatalogQuery & { source?: string };

export interface CatalogPageProps {
  catalog: Catalog;
  /** The user's custom lists: their entries are shown too, each with its list's name (issue 16). */
  lists?: CustomList[];
  query: CatalogPageQuery;
  onQuery: (query: CatalogPageQuery) => void;
  /** Shown in full when set (route #/arrangement/ID). */
  selectedId?: string;
}

/**
 * The catalog browser: search by words, institution, country, year and status; each entry links to its
 * own address (#/arrangement/ID), where it is shown in full, and says how well it is sourced and, unless
 * it is a platform-and-bank report, its class. Choosing an institution shows its sites and how each
 * site's owner was checked.
 */
export function CatalogPage({ catalog: bundled, lists = [], query, onQuery, selectedId }: CatalogPageProps) {
  const { t, lang, locale } = useI18n();
  // Custom lists' entries join the bundled ones, each tagged with its list (never mixed silently).
  const { catalog, sources } = catalogWithLists(bundled, lists);
  const fromList = (id: string) => {
    const source = sources.get(id);
    return source ? `${t('catalogFromList', [source.name, source.author])}${source.enabled ? '' : ` ${t('catalogListOff')}`}` : undefined;
  };
  const names = new Map(catalog.institutions.map((i) => [i.id, i.name]));
  if (selectedId !== undefined) {
    const entry = catalog.arrangements.find((a) => a.id === selectedId);
    return (
      <section aria-labelledby="catalog-heading">
        <p>
          <a href="#/catalog">{t('backToCatalog')}</a>
        </p>
        <h1 id="catalog-heading">{t('catalogEntry')}</h1>
        {entry ? (
          <>
            {sources.has(entry.id) && <p class="from-list">{fromList(entry.id)}</p>}
            {entry.kind === 'context' && <p class="hint">{t('contextEntryNote')}</p>}
            <ArrangementCard arrangement={entry} names={names} level={2} relevance={relevanceClass(catalog, entry)} />
          </>
        ) : (
          <p role="alert">{t('catalogEntryMissing', selectedId)}</p>
        )}
      </section>
    );
  }
  const { countries, years, statuses } = facets(catalog);
  const source = query.source ?? '';
  const results = searchArrangements(catalog, query).filter((a) =>
    source === '' ? true : source === 'catalog' ? !sources.has(a.id) : sources.get(a.id)?.listId === source.slice('list:'.length),
  );
  const institutions = [...catalog.institutions].filter((i) => !i.group).sort((a, b) => a.name.localeCompare(b.name));
  const set = (patch: Partial<CatalogPageQuery>) => onQuery({ ...query, ...patch });
  return (
    <section aria-labelledby="catalog-heading">
      <h1 id="catalog-heading">{t('catalogHeading')}</h1>
      <p class="hint">{t('catalogIntro', String(bundled.arrangements.length))}</p>
      <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('searchWords')}
          <input type="search" value={query.text ?? ''} onInput={(e) => set({ text: e.currentTarget.value })} />
        </label>
        <FilterSelect label={t('filterInstitution')} value={query.institution ?? ''} options={institutions.map((i) => ({ value: i.id, label: i.name }))} onChange={(v) => set({ institution: v || undefined })} />
        {lists.length > 0 && (
          <FilterSelect
            label={t('catalogSourceFilter')}
            value={source}
            options={[{ value: 'catalog', label: t('catalogSourceBundled') }, ...lists.map((l) => ({ value: `list:${l.id}`, label: t('catalogSourceList', l.name) }))]}
            onChange={(v) => set({ source: v || undefined })}
          />
        )}
        <FilterSelect label={t('filterCountry')} value={query.country ?? ''} options={countries.map((c) => ({ value: c, label: c === 'INTL' ? t('countryIntl') : countryName(c, locale) })).sort((a, b) => a.label.localeCompare(b.label, locale))} onChange={(v) => set({ country: v || undefined })} />
        <FilterSelect label={t('filterYear')} value={query.year === undefined ? '' : String(query.year)} options={years.map((y) => ({ value: String(y), label: String(y) }))} onChange={(v) => set({ year: v ? Number(v) : undefined })} />
        <FilterSelect label={t('filterStatus')} value={query.status ?? ''} options={statuses.map((s) => ({ value: s, label: t(`status_${s.replace(/-/g, '_')}`) }))} onChange={(v) => set({ status: (v || undefined) as Status | undefined })} />
      </form>
      {query.institution !== undefined && findInstitution(catalog, query.institution) && (
        <InstitutionSites catalog={catalog} institution={findInstitution(catalog, query.institution)!} />
      )}
      <p role="status" class="result-count">
        {t(isOne(results.length, lang) ? 'catalogResultsOne' : 'catalogResultsMany', String(results.length))}
      </p>
      {results.length === 0 ? (
        <p class="empty">{t('catalogNoResults')}</p>
      ) : (
        <ul class="entries">
          {results.map((a) => {
            const last = a.status[a.status.length - 1]!;
            const label = describeRelevance(relevanceClass(catalog, a), t);
            return (
              <li key={a.id} data-arrangement={a.id}>
                <a href={`#/arrangement/${a.id}`}>{catalogText(a.title, lang)}</a>
                <span class="meta">
                  {' — '}
                  {a.parties.map((p) => names.get(p) ?? findInstitution(catalog, p)?.name ?? p).join(', ')}
                  {' · '}
                  {/* The same words as the popup's first screen: who, what exactly, on whose report, when. */}
                  {stepSentence(a, last, names, t, lang, locale)}
                  {label ? ` · ${label}` : ''}
                </span>
                <span class="meta sourcing" data-sourcing={sourcing(a).level}>
                  {' · '}
                  {describeSourcing(sourcing(a), t)}
                </span>
                {sources.has(a.id) && <span class="from-list"> · {fromList(a.id)}</span>}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** An institution's sites, each with how its owner was checked, and since when it belongs to its group. */
function InstitutionSites({ catalog, institution }: { catalog: Catalog; institution: Institution }) {
  const { t, locale } = useI18n();
  const group = institution.group === undefined ? undefined : findInstitution(catalog, institution.group);
  const members = catalog.institutions.filter((i) => i.id === institution.id || i.group === institution.id);
  const headingId = `sites-${institution.id}`;
  return (
    <section class="institution-sites" aria-labelledby={headingId} data-institution={institution.id}>
      <h2 id={headingId}>{t('institutionSites', institution.name)}</h2>
      {group && institution.groupSince && <p class="hint">{t('groupSince', [group.name, formatDatePhrase(institution.groupSince, locale, 'since')])}</p>}
      {members.every((m) => m.domains.length === 0) ? (
        <p class="empty">{t('institutionNoSites')}</p>
      ) : (
        <ul class="sites">
          {members.flatMap((m) =>
            m.domains.map((d) => (
              <li key={`${m.id}/${d.domain}${d.path ?? ''}`} data-verified={d.verified}>
                <code>{d.domain + (d.path ?? '')}</code>
                {m.id !== institution.id ? ` (${m.name})` : ''}
                {t('timelineSeparator')}
                {describeOwnership(d.verified, t)}
              </li>
            )),
          )}
        </ul>
      )}
    </section>
  );
}

/** "FR" -> "France", "EU" -> "European Union", in the UI language. */
export function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
