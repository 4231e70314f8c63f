/**
 * The map of reported arrangements (issue 24): filters, the picture (lib/map/layout), its legend, and the same
 * data as a table. Presentational: the container (entrypoints/options/MapRoute) builds the graph, keeps the
 * filter and exports.
 *
 * Every link of the picture is a keyboard-reachable link to its catalog entry (`#/arrangement/ID`), in the
 * graph's order (platform, then institution); hovering or focusing one shows the entry's one-line summary.
 */
import { useState } from 'preact/hooks';
import { STATUSES, type Status } from '../../lib/catalog/schema';
import { isOne } from '../../lib/i18n';
import type { MapFilter, MapGraph, MapLink } from '../../lib/map';
import { layoutMap, STATUS_STYLE } from '../../lib/map/layout';
import { useI18n } from '../i18n';
import { countryName } from './CatalogPage';
import { FilterSelect } from './FilterSelect';

/** What the page shows of one catalog entry (in the UI language). */
export interface MapEntry {
  title: string;
  summary: string;
  /** How well sourced, in words (lib/catalog `describeSourcing`). */
  sourcing: string;
  /** The custom list's name, for an entry from a list. */
  list?: string;
}

export interface MapPageProps {
  /** The whole graph (what the filters offer). */
  graph: MapGraph;
  /** The graph as filtered (what is drawn and tabled). */
  shown: MapGraph;
  filter: MapFilter;
  onFilter: (filter: MapFilter) => void;
  entries: ReadonlyMap<string, MapEntry>;
  /** The caption of the picture and of its exports: filters, catalog version, where the sources are. */
  caption: string[];
  onExport: (form: 'svg' | 'png', svg: SVGSVGElement) => void;
  message?: { kind: 'status' | 'error'; text: string };
}


export function MapPage({ graph, shown, filter, onFilter, entries, caption, onExport, message }: MapPageProps) {
  const { t, lang, locale } = useI18n();
  const [active, setActive] = useState<MapLink>();
  const [search, setSearch] = useState('');
  const layout = layoutMap(shown);
  const names = new Map([...graph.platforms, ...graph.institutions].map((n) => [n.id, n.name]));
  const countries = [...new Set(graph.institutions.map((n) => n.country))].sort();
  const kinds = [...new Set(graph.institutions.map((n) => n.kind))].sort();
  const statuses = STATUSES.filter((s) => graph.links.some((l) => l.status === s));
  const years = [...new Set(graph.links.map((l) => l.year))].sort();
  const set = (patch: Partial<MapFilter>) => onFilter({ ...filter, ...patch });
  const one = <T,>(value: string, map: (v: string) => T = (v) => v as T): T[] | undefined => (value ? [map(value)] : undefined);
  const countryLabel = (c: string) => (c === 'INTL' ? t('countryIntl') : countryName(c, locale));
  // Countries by their name in the UI language, as a reader looks for them (not by ISO code).
  countries.sort((a, b) => countryLabel(a).localeCompare(countryLabel(b), locale));
  const yearOptions = years.map((y) => ({ value: String(y), label: String(y) }));
  const describe = (l: MapLink) => {
    const entry = entries.get(l.arrangement);
    const text = t('mapLinkLabel', [names.get(l.platform) ?? l.platform, names.get(l.institution) ?? l.institution, t(`status_${l.status.replace(/-/g, '_')}`), entry?.title ?? l.arrangement]);
    // A custom list's entry says whose it is wherever it appears (never mixed silently with the catalog's).
    return entry?.list ? `${text} · ${t('catalogSourceList', entry.list)}` : text;
  };
  let svg: SVGSVGElement | null = null;
  return (
    <section aria-labelledby="map-heading" class="map-page">
      <h1 id="map-heading">{t('mapHeading')}</h1>
      <p class="hint">{t('mapIntro')}</p>
      <form class="filters map-filters" onSubmit={(e) => e.preventDefault()}>
        <FilterSelect label={t('mapFilterPlatform')} name="platform" value={filter.platforms?.[0] ?? ''} options={graph.platforms.map((p) => ({ value: p.id, label: p.name }))} onChange={(v) => set({ platforms: one(v) })} />
        <FilterSelect label={t('filterCountry')} name="country" value={filter.countries?.[0] ?? ''} options={countries.map((c) => ({ value: c, label: countryLabel(c) }))} onChange={(v) => set({ countries: one(v) })} />
        <FilterSelect label={t('mapFilterKind')} name="kind" value={filter.kinds?.[0] ?? ''} options={kinds.map((k) => ({ value: k, label: t(`mapKind_${k.replace(/-/g, '_')}`) }))} onChange={(v) => set({ kinds: one(v) })} />
        <FilterSelect label={t('filterStatus')} name="status" value={filter.statuses?.[0] ?? ''} options={statuses.map((s) => ({ value: s, label: t(`status_${s.replace(/-/g, '_')}`) }))} onChange={(v) => set({ statuses: one(v, (x) => x as Status) })} />
        <FilterSelect label={t('mapFilterFrom')} name="from" value={filter.years ? String(filter.years[0]) : ''} options={yearOptions} onChange={(v) => set({ years: v ? [Number(v), filter.years?.[1] ?? years.at(-1)!] : undefined })} />
        <FilterSelect label={t('mapFilterTo')} name="to" value={filter.years ? String(filter.years[1]) : ''} options={yearOptions} onChange={(v) => set({ years: v ? [filter.years?.[0] ?? years[0]!, Number(v)] : undefined })} />
        <label>
          {t('mapSearch')}
          <input
            name="search"
            list="map-names"
            value={search}
            onInput={(e) => {
              const value = e.currentTarget.value;
              setSearch(value);
              const found = graph.institutions.find((n) => n.name.toLowerCase() === value.trim().toLowerCase());
              if (found) set({ focus: found.id });
            }}
          />
          <datalist id="map-names">
            {graph.institutions.map((n) => (
              <option key={n.id} value={n.name} />
            ))}
          </datalist>
        </label>
        <button
          type="button"
          onClick={() => {
            setSearch('');
            onFilter({});
          }}
        >
          {t('mapShowAll')}
        </button>
      </form>
      {filter.focus && <p class="map-focus">{t('mapFocused', names.get(filter.focus) ?? filter.focus)}</p>}
      <ul class="map-legend" aria-label={t('mapLegend')}>
        {statuses.map((s) => (
          <li key={s} data-status={s}>
            <svg width="40" height="10" aria-hidden="true">
              <line x1="0" y1="5" x2="40" y2="5" stroke={STATUS_STYLE[s].color} stroke-width={STATUS_STYLE[s].width} stroke-dasharray={STATUS_STYLE[s].dash || undefined} stroke-linecap="round" />
            </svg>{' '}
            {t(`status_${s.replace(/-/g, '_')}`)}
          </li>
        ))}
      </ul>
      {shown.links.length === 0 ? (
        <p class="empty">{t('mapEmpty')}</p>
      ) : (
        <figure class="map-figure">
          <svg
            ref={(el) => void (svg = el)}
            xmlns="http://www.w3.org/2000/svg"
            width={layout.width}
            height={layout.height}
            viewBox={`0 0 ${layout.width} ${layout.height}`}
            aria-labelledby="map-svg-title map-svg-desc"
            font-family="system-ui, sans-serif"
            font-size="13"
          >
            <title id="map-svg-title">{t('mapHeading')}</title>
            <desc id="map-svg-desc">{t('mapAlt', [String(shown.platforms.length), String(shown.institutions.length), String(shown.links.length)])}</desc>
            <g class="map-links">
              {layout.links.map(({ link, path }) => {
                const style = STATUS_STYLE[link.status];
                return (
                  <a
                    key={link.id}
                    href={`#/arrangement/${link.arrangement}`}
                    aria-label={describe(link)}
                    data-link={link.id}
                    data-status={link.status}
                    class={active?.id === link.id ? 'active' : undefined}
                    onMouseEnter={() => setActive(link)}
                    onFocus={() => setActive(link)}
                  >
                    <title>{describe(link)}</title>
                    <path d={path} fill="none" stroke="transparent" stroke-width="10" />
                    <path d={path} fill="none" stroke={style.color} stroke-width={style.width} stroke-dasharray={style.dash || undefined} stroke-linecap="round" opacity={link.list ? 0.75 : 1} />
                  </a>
                );
              })}
            </g>
            <g class="map-labels" fill="currentColor">
              {layout.platforms.map((p) => (
                <text key={p.node.id} x={p.x} y={p.y} dy="0.35em" text-anchor="end" font-weight="600">
                  {p.label}
                </text>
              ))}
              {layout.countries.map((c) => (
                <text key={c.country} x={c.x} y={c.y} dy="0.35em" font-weight="700">
                  {countryLabel(c.country)}
                </text>
              ))}
              {layout.institutions.map((p) => (
                <text key={p.node.id} x={p.x} y={p.y} dy="0.35em" data-institution={p.node.id} font-weight={filter.focus === p.node.id ? '700' : undefined}>
                  {p.label}
                </text>
              ))}
            </g>
          </svg>
          <figcaption>
            {caption.map((line) => (
              <span key={line} class="map-caption-line">
                {line}
              </span>
            ))}
          </figcaption>
        </figure>
      )}
      <p class="map-detail" aria-live="polite">
        {active ? `${describe(active)}. ${entries.get(active.arrangement)?.sourcing ?? ''}. ${entries.get(active.arrangement)?.summary ?? ''}` : t('mapDetailHint')}
      </p>
      {message && <p role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p>}
      <div class="map-export">
        <button type="button" disabled={shown.links.length === 0} onClick={() => svg && onExport('svg', svg)}>
          {t('mapExportSvg')}
        </button>{' '}
        <button type="button" disabled={shown.links.length === 0} onClick={() => svg && onExport('png', svg)}>
          {t('mapExportPng')}
        </button>
      </div>
      <h2 id="map-table-heading">{t('mapTableHeading')}</h2>
      <table class="map-table" aria-labelledby="map-table-heading">
        <thead>
          <tr>
            <th scope="col">{t('mapColPlatform')}</th>
            <th scope="col">{t('mapColInstitution')}</th>
            <th scope="col">{t('filterCountry')}</th>
            <th scope="col">{t('mapFilterKind')}</th>
            <th scope="col">{t('filterStatus')}</th>
            <th scope="col">{t('sourcingLabel')}</th>
            <th scope="col">{t('mapColYear')}</th>
            <th scope="col">{t('mapColEntry')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.links.map((l) => {
            const inst = shown.institutions.find((n) => n.id === l.institution)!;
            const entry = entries.get(l.arrangement);
            return (
              <tr key={l.id} data-link={l.id}>
                <td>{names.get(l.platform)}</td>
                <td>{inst.name}</td>
                <td>{countryLabel(inst.country)}</td>
                <td>{t(`mapKind_${inst.kind.replace(/-/g, '_')}`)}</td>
                <td>{t(`status_${l.status.replace(/-/g, '_')}`)}</td>
                <td>{entry?.sourcing}</td>
                <td>{l.year}</td>
                <td>
                  <a href={`#/arrangement/${l.arrangement}`}>{entry?.title ?? l.arrangement}</a>
                  {entry?.list && <> ({t('catalogSourceList', entry.list)})</>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {shown.offMap.length > 0 && <p class="hint">{t(isOne(shown.offMap.length, lang) ? 'mapOffMapOne' : 'mapOffMap', String(shown.offMap.length))}</p>}
    </section>
  );
}
