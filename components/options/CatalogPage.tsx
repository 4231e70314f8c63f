import { facets, searchArrangements, type CatalogQuery } from '../../lib/catalog/search';
import { catalogWithLists } from '../../lib/config/catalog-view';
import type { CustomList } from '../../lib/config/schema';
import { findInstitution, latestDate, type Catalog } from '../../lib/catalog';
import type { Status } from '../../lib/catalog/schema';
import { formatPartialDate, isOne } from '../../lib/i18n';
import { ArrangementCard } from '../ArrangementCard';
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
 * own address (#/arrangement/ID), where it is shown in full.
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
            <ArrangementCard arrangement={entry} names={names} level={2} />
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
        <label>
          {t('filterInstitution')}
          <select value={query.institution ?? ''} onChange={(e) => set({ institution: e.currentTarget.value || undefined })}>
            <option value="">{t('filterAny')}</option>
            {institutions.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
              </option>
            ))}
          </select>
        </label>
        {lists.length > 0 && (
          <label>
            {t('catalogSourceFilter')}
            <select value={source} onChange={(e) => set({ source: e.currentTarget.value || undefined })}>
              <option value="">{t('filterAny')}</option>
              <option value="catalog">{t('catalogSourceBundled')}</option>
              {lists.map((l) => (
                <option key={l.id} value={`list:${l.id}`}>
                  {t('catalogSourceList', l.name)}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t('filterCountry')}
          <select value={query.country ?? ''} onChange={(e) => set({ country: e.currentTarget.value || undefined })}>
            <option value="">{t('filterAny')}</option>
            {countries.map((c) => (
              <option key={c} value={c}>
                {c === 'INTL' ? t('countryIntl') : countryName(c, locale)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filterYear')}
          <select value={query.year === undefined ? '' : String(query.year)} onChange={(e) => set({ year: e.currentTarget.value ? Number(e.currentTarget.value) : undefined })}>
            <option value="">{t('filterAny')}</option>
            {years.map((y) => (
              <option key={y} value={String(y)}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filterStatus')}
          <select value={query.status ?? ''} onChange={(e) => set({ status: (e.currentTarget.value || undefined) as Status | undefined })}>
            <option value="">{t('filterAny')}</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {t(`status_${s.replace(/-/g, '_')}`)}
              </option>
            ))}
          </select>
        </label>
      </form>
      <p role="status" class="result-count">
        {t(isOne(results.length, lang) ? 'catalogResultsOne' : 'catalogResultsMany', String(results.length))}
      </p>
      {results.length === 0 ? (
        <p class="empty">{t('catalogNoResults')}</p>
      ) : (
        <ul class="entries">
          {results.map((a) => {
            const last = a.status[a.status.length - 1]!;
            return (
              <li key={a.id} data-arrangement={a.id}>
                <a href={`#/arrangement/${a.id}`}>{a.title[lang]}</a>
                <span class="meta">
                  {' — '}
                  {a.parties.map((p) => names.get(p) ?? findInstitution(catalog, p)?.name ?? p).join(', ')}
                  {' · '}
                  {t(`status_${last.status.replace(/-/g, '_')}`)} {formatPartialDate(latestDate(a), locale)}
                  {a.kind === 'context' ? ` · ${t('contextLabel')}` : ''}
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

/** "FR" -> "France", "EU" -> "European Union", in the UI language. */
function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
