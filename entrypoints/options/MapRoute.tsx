/**
 * Container of #/map and #/map/focus/ID (issue 24): the graph of the bundled catalog and the enabled custom
 * lists (lib/map), the filter, and the exports (SVG, PNG) with their caption. Nothing leaves the machine: an
 * export is a local download made from the picture on screen.
 */
import { useMemo, useState } from 'preact/hooks';
import { MapPage, type MapEntry } from '../../components/options/MapPage';
import { ancestors, bundledCatalog, describeSourcing, sourcing } from '../../lib/catalog';
import { buildMapGraph, filterMap, type MapFilter, type MapGraph } from '../../lib/map';
import { saveFile } from '../../lib/report/save';
import { catalogText } from '../../lib/i18n';
import { t, uiLocale } from '../../lib/runtime';
import { prefsStore, useStored } from './shared';
import '../../assets/map.css';

/** The map, focused on `focus` when given (an institution or platform id; its group when it is not on the map itself). */
export function MapRoute({ focus }: { focus?: string }) {
  const lists = useStored(() => prefsStore.listCustomLists());
  const catalog = bundledCatalog();
  const { lang, locale } = uiLocale();
  // The graph and the entries change only with the lists: a filter or a message re-renders without them.
  const { graph, entries } = useMemo(() => {
    const enabled = (lists.value ?? []).filter((l) => l.enabled !== false);
    const entries = new Map<string, MapEntry>();
    for (const a of catalog.arrangements) entries.set(a.id, { title: catalogText(a.title, lang), summary: catalogText(a.summary, lang), sourcing: describeSourcing(sourcing(a), t) });
    for (const l of enabled) for (const a of l.arrangements) entries.set(a.id, { title: catalogText(a.title, lang), summary: catalogText(a.summary, lang), sourcing: describeSourcing(sourcing(a), t), list: l.name });
    return { graph: buildMapGraph(catalog, enabled), entries };
  }, [lists.value, catalog, lang]);
  const [filter, setFilter] = useState<MapFilter>(() => (focus ? { focus: onMap(graph, focus) } : {}));
  const [message, setMessage] = useState<{ kind: 'status' | 'error'; text: string }>();
  const shown = filterMap(graph, filter);
  const caption = captionOf(graph, filter, catalog.version, locale);
  return (
    <MapPage
      graph={graph}
      shown={shown}
      filter={filter}
      onFilter={setFilter}
      entries={entries}
      caption={caption}
      message={message}
      onExport={(form, svg) => {
        const text = standaloneSvg(svg, caption);
        const name = `linkwatch-map-${catalog.version}.${form}`;
        if (form === 'svg') {
          saveFile(document, name, 'image/svg+xml', text);
          setMessage({ kind: 'status', text: t('mapExported', name) });
        } else {
          void toPng(text, svg.width.baseVal.value, svg.height.baseVal.value + CAPTION_PX * caption.length).then(
            (png) => {
              saveFile(document, name, 'image/png', png);
              setMessage({ kind: 'status', text: t('mapExported', name) });
            },
            (e: unknown) => setMessage({ kind: 'error', text: t('mapExportFailed', e instanceof Error ? e.message : String(e)) }),
          );
        }
      }}
    />
  );
}

/** `id` if it is on the map, else the first of its groups that is (a bank's brand -> its group), else `id`. */
function onMap(graph: MapGraph, id: string): string {
  const ids = new Set([...graph.platforms, ...graph.institutions].map((n) => n.id));
  return [id, ...ancestors(bundledCatalog(), id)].find((x) => ids.has(x)) ?? id;
}

/** The caption's lines: what the filters keep, the catalog's version, where the sources are. */
function captionOf(graph: MapGraph, filter: MapFilter, version: string, locale: string): string[] {
  const name = (id: string) => [...graph.platforms, ...graph.institutions].find((n) => n.id === id)?.name ?? id;
  const parts: string[] = [];
  if (filter.focus) parts.push(name(filter.focus));
  if (filter.platforms?.length) parts.push(filter.platforms.map(name).join(', '));
  if (filter.countries?.length) parts.push(filter.countries.join(', '));
  if (filter.kinds?.length) parts.push(filter.kinds.map((k) => t(`mapKind_${k.replace(/-/g, '_')}`)).join(', '));
  if (filter.statuses?.length) parts.push(filter.statuses.map((s) => t(`status_${s.replace(/-/g, '_')}`)).join(', '));
  if (filter.years) parts.push(`${filter.years[0]}–${filter.years[1]}`);
  const date = new Date(`${version}T00:00:00Z`).toLocaleDateString(locale, { dateStyle: 'long', timeZone: 'UTC' });
  return [parts.length ? t('mapCaptionFiltered', parts.join(' · ')) : t('mapCaptionAll'), t('mapCaptionSource', [version, date])];
}

/** Height of one caption line in an export (px). */
const CAPTION_PX = 20;

/**
 * The picture on screen as a file that stands alone: explicit colours (no page stylesheet), a white
 * background, and the caption drawn under it. Built with DOM methods on a clone (never markup from data).
 */
function standaloneSvg(svg: SVGSVGElement, caption: string[]): string {
  const ns = 'http://www.w3.org/2000/svg';
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const width = svg.width.baseVal.value;
  const height = svg.height.baseVal.value + CAPTION_PX * caption.length + 8;
  copy.setAttribute('height', String(height));
  copy.setAttribute('viewBox', `0 0 ${width} ${height}`);
  copy.querySelectorAll('[fill="currentColor"]').forEach((g) => g.setAttribute('fill', '#111827'));
  copy.querySelectorAll('.active').forEach((g) => g.removeAttribute('class'));
  const background = document.createElementNS(ns, 'rect');
  for (const [k, v] of Object.entries({ x: '0', y: '0', width: String(width), height: String(height), fill: '#ffffff' })) background.setAttribute(k, v);
  copy.insertBefore(background, copy.querySelector('g'));
  caption.forEach((line, i) => {
    const text = document.createElementNS(ns, 'text');
    for (const [k, v] of Object.entries({ x: '12', y: String(svg.height.baseVal.value + CAPTION_PX * (i + 1)), fill: '#374151', 'font-size': '13' })) text.setAttribute(k, v);
    text.textContent = line;
    copy.append(text);
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}\n`;
}

/** Draw an SVG text into a canvas at twice its size (sharp on high-density screens) and encode it as PNG. */
async function toPng(svgText: string, width: number, height: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width * 2;
    canvas.height = height * 2;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    context.scale(2, 2);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the PNG could not be encoded'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

