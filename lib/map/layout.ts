/**
 * Where the map's pieces go (issue 24): a two-column layered layout of the bipartite graph of lib/map.
 * Platforms in the left column, institutions in the right one, grouped under a heading per country (the
 * graph's own order: country, kind, name), one curve per link between them.
 *
 * Why our own and not a library: the graph has two layers and no edge inside a layer, so a layered layout
 * reduces to ordering two columns, which the graph already does deterministically. dagre (about 30 kB gzip
 * with graphlib, unmaintained since 2020) or elkjs (over 400 kB) would add size to the options page for
 * the same two columns. Labels never overlap by construction: one row per label, rows `row` px apart, more
 * than the label's font size (`FONT_PX`); long names are cut to `MAX_LABEL` characters with an ellipsis.
 *
 * Pure and deterministic: the same graph gives the same coordinates.
 */
import type { Status } from '../catalog/schema';
import type { MapGraph, MapLink, MapNode } from './index';

/** The label font size the rows are spaced for (px). */
export const FONT_PX = 13;
/** Longest label drawn (characters); the full name stays in the table view and the link's title. */
export const MAX_LABEL = 36;

/** A node placed: its label's anchor point (`x`, `y`: px, the row's middle). */
export interface PlacedNode {
  node: MapNode;
  x: number;
  y: number;
  label: string;
}

/** A link placed: its SVG path (a cubic curve from the platform's anchor to the institution's). */
export interface PlacedLink {
  link: MapLink;
  path: string;
}

/** The whole picture, in px. */
export interface MapLayout {
  width: number;
  height: number;
  platforms: PlacedNode[];
  institutions: PlacedNode[];
  /** Country headings of the right column, at the row above their first institution. */
  countries: Array<{ country: string; x: number; y: number }>;
  links: PlacedLink[];
}

/**
 * How each status is drawn: a dash pattern (empty: solid) and a width, so that the legend does not rely on
 * colour alone; the colour is a mid tone readable on light and dark backgrounds.
 */
export const STATUS_STYLE: Record<Status, { color: string; dash: string; width: number }> = {
  proposed: { color: '#8b5cf6', dash: '2 6', width: 2 },
  'in-talks': { color: '#8b5cf6', dash: '6 6', width: 2 },
  reported: { color: '#3b82f6', dash: '9 4', width: 2 },
  confirmed: { color: '#16a34a', dash: '', width: 2 },
  denied: { color: '#dc2626', dash: '1 4', width: 2.5 },
  ended: { color: '#9ca3af', dash: '12 4 2 4', width: 2 },
  settled: { color: '#d97706', dash: '', width: 4 },
  ruled: { color: '#d97706', dash: '14 3', width: 4 },
};

const cut = (name: string) => (name.length > MAX_LABEL ? `${name.slice(0, MAX_LABEL - 1).trimEnd()}…` : name);

/**
 * Place `graph` in a `width`-px-wide picture.
 * @param options.width total width in px (default 860: the options page's column, so nothing scrolls at 1280x800).
 * @param options.row vertical distance between two labels in px (default 22; at least `FONT_PX` + 4).
 * @throws RangeError when `row` is too small for labels not to overlap.
 */
export function layoutMap(graph: MapGraph, options: { width?: number; row?: number } = {}): MapLayout {
  const width = options.width ?? 860;
  const row = options.row ?? 22;
  if (row < FONT_PX + 4) throw new RangeError(`rows of ${row} px would make labels overlap (at least ${FONT_PX + 4})`);
  const top = row;
  // Room for a platform's name on the left, and for `MAX_LABEL` characters (about 7 px each) on the right.
  const leftX = 150;
  const rightX = width - 270;
  // Right column: a heading row per country, then one row per institution.
  const institutions: PlacedNode[] = [];
  const countries: MapLayout['countries'] = [];
  let y = top;
  let country: string | undefined;
  for (const node of graph.institutions) {
    if (node.country !== country) {
      country = node.country;
      if (institutions.length) y += row / 2;
      countries.push({ country, x: rightX, y });
      y += row;
    }
    institutions.push({ node, x: rightX, y, label: cut(node.name) });
    y += row;
  }
  const height = Math.max(y, top + graph.platforms.length * row) + row;
  // Left column: platforms spread over the same height, each row at least `row` apart.
  const step = graph.platforms.length > 1 ? Math.max(row, (height - 2 * top - row) / (graph.platforms.length - 1)) : 0;
  const platforms = graph.platforms.map((node, i) => ({ node, x: leftX, y: top + row / 2 + i * step, label: cut(node.name) }));
  const at = new Map([...platforms, ...institutions].map((p) => [p.node.id, p]));
  const bend = (rightX - leftX) / 2;
  const links = graph.links.map((link) => {
    const from = at.get(link.platform)!;
    const to = at.get(link.institution)!;
    const r = (n: number) => Math.round(n * 10) / 10;
    return { link, path: `M${r(from.x + 8)} ${r(from.y)} C${r(from.x + bend)} ${r(from.y)} ${r(to.x - bend)} ${r(to.y)} ${r(to.x - 8)} ${r(to.y)}` };
  });
  return { width, height: Math.ceil(height), platforms, institutions, countries, links };
}
