/** Issue 24 (foundation): the map's graph built from the catalog (lib/map). */
import { describe, expect, it } from 'vitest';
import { bundledCatalog, type Arrangement, type Institution } from '../../lib/catalog';
import { buildMapGraph, filterMap } from '../../lib/map';
import { FONT_PX, layoutMap, MAX_LABEL, STATUS_STYLE } from '../../lib/map/layout';

const catalog = bundledCatalog();

describe('the map of reported arrangements', () => {
  const graph = buildMapGraph(catalog);

  it('links platform parties of each arrangement to its other parties (each to each, or the pairs it names), never a regulator, never a context entry', () => {
    const byId = new Map(catalog.institutions.map((i) => [i.id, i]));
    for (const l of graph.links) {
      const a = catalog.arrangements.find((x) => x.id === l.arrangement)!;
      expect(a.kind).toBe('arrangement');
      expect(a.parties).toContain(l.platform);
      expect(a.parties).toContain(l.institution);
      expect(byId.get(l.platform)!.kind).toBe('platform');
      expect(['platform', 'regulator']).not.toContain(byId.get(l.institution)!.kind);
      expect(a.status.map((s) => s.status)).toContain(l.status);
    }
    // The 2018 report: Facebook and Messenger to each of the four banks.
    const seed = graph.links.filter((l) => l.arrangement === 'fb-us-banks-messenger-2018').map((l) => `${l.platform}>${l.institution}`);
    expect(seed).toContain('facebook>jpmorgan-chase');
    expect(seed).toContain('messenger>us-bancorp');
    // Every arrangement is either on the map or named as off it; context entries are neither.
    const onMap = new Set(graph.links.map((l) => l.arrangement));
    for (const a of catalog.arrangements) expect(a.kind === 'context' || onMap.has(a.id) || graph.offMap.some((o) => o.arrangement === a.id), a.id).toBe(true);
  });

  it('gives each line the latest step that speaks for its pair: its own party’s, or a whole one by the platform or a third party', () => {
    const status = (arrangement: string, platform: string, institution: string) => graph.links.find((l) => l.id === `${arrangement}|${platform}|${institution}`)?.status;
    // 2018: U.S. Bank denied; Chase ended the talks; Facebook confirmed in part only (a scope), which is no
    // confirmation on any bank's line: Citi and Wells Fargo read the report.
    const seed = catalog.arrangements.find((a) => a.id === 'fb-us-banks-messenger-2018')!;
    expect(seed.status.map((s) => `${s.status}${s.by ? `@${s.by}` : ''}${s.scope ? ' (in part)' : ''}`)).toEqual(['reported', 'ended@jpmorgan-chase', 'confirmed@facebook (in part)', 'denied@us-bancorp (in part)']);
    expect(status('fb-us-banks-messenger-2018', 'messenger', 'us-bancorp')).toBe('denied');
    expect(status('fb-us-banks-messenger-2018', 'messenger', 'jpmorgan-chase')).toBe('ended');
    expect(status('fb-us-banks-messenger-2018', 'facebook', 'jpmorgan-chase')).toBe('ended');
    expect(status('fb-us-banks-messenger-2018', 'facebook', 'wells-fargo')).toBe('reported');
    expect(status('fb-us-banks-messenger-2018', 'facebook', 'citigroup')).toBe('reported');
    // A bank's own statement in part is its line's: DNB confirmed sharing who uses Vipps.
    expect(status('vipps-dnb-facebook-app-events-2016', 'facebook', 'dnb')).toBe('confirmed');
    // A regulator's ruling (not a side of the map) speaks for every line: Avanza–Meta reads "ruled".
    expect(status('avanza-meta-pixel-imy-2024', 'meta', 'avanza')).toBe('ruled');
    // Each health insurer's line reads its own ending, not the last insurer's.
    const insurers = graph.links.filter((l) => l.arrangement === 'nl-health-insurers-facebook-pixel-2018');
    expect(insurers.length).toBeGreaterThan(3);
    const own = catalog.arrangements.find((a) => a.id === 'nl-health-insurers-facebook-pixel-2018')!.status;
    for (const l of insurers) expect(l.status).toBe(own.some((s) => s.by === l.institution) ? 'ended' : 'reported');
  });

  it('draws only the pairs an entry says its sources tie, where it says so', () => {
    const cliqz = graph.links.filter((l) => l.arrangement === 'de-online-banking-trackers-cliqz-2016').map((l) => `${l.platform}>${l.institution}`);
    expect(cliqz.sort()).toEqual(['facebook>n26', 'google>n26']);
    // Libra's members left Facebook's project: no line between two members (eBay and PayPal, Booking and Visa).
    const libra = graph.links.filter((l) => l.arrangement === 'libra-payment-partners-withdraw-2019');
    expect(libra.length).toBe(5);
    expect(libra.every((l) => l.platform === 'facebook')).toBe(true);
    const vipps = graph.links.filter((l) => l.arrangement === 'vipps-dnb-facebook-app-events-2016').map((l) => l.institution);
    expect(vipps.sort()).toEqual(['dnb', 'vipps']);
    for (const a of catalog.arrangements.filter((x) => x.pairs)) {
      const drawn = new Set(graph.links.filter((l) => l.arrangement === a.id).map((l) => `${l.platform}>${l.institution}`));
      expect(drawn).toEqual(new Set(a.pairs!.map(([p, o]) => `${p}>${o}`)));
    }
  });

  it('is deterministic: the same catalog in another order draws the same map', () => {
    const shuffled = { institutions: [...catalog.institutions].reverse(), arrangements: [...catalog.arrangements].reverse() };
    expect(buildMapGraph(shuffled)).toEqual(graph);
    const order = graph.institutions.map((n) => `${n.country} ${n.kind} ${n.name}`);
    expect(order).toEqual([...order].sort((a, b) => {
      const [ca, ka] = a.split(' ');
      const [cb, kb] = b.split(' ');
      return ca!.localeCompare(cb!) || ka!.localeCompare(kb!) || 0;
    }));
  });

  it('filters by platform, country, kind, status, year and focus, keeping only the nodes the links reach', () => {
    const meta = filterMap(graph, { platforms: ['facebook'] });
    expect(meta.links.every((l) => l.platform === 'facebook')).toBe(true);
    expect(meta.platforms.map((p) => p.id)).toEqual(['facebook']);
    const us = filterMap(graph, { countries: ['US'], statuses: ['ended'] });
    expect(us.links.length).toBeGreaterThan(0);
    expect(us.links.every((l) => l.status === 'ended' && us.institutions.find((n) => n.id === l.institution)!.country === 'US')).toBe(true);
    const chase = filterMap(graph, { focus: 'jpmorgan-chase' });
    expect(new Set(chase.institutions.map((n) => n.id))).toEqual(new Set(['jpmorgan-chase']));
    const y2018 = filterMap(graph, { years: [2018, 2018] });
    expect(y2018.links.every((l) => l.year === 2018)).toBe(true);
    expect(filterMap(graph, {})).toEqual(graph);
  });

  it('counts only the off-map arrangements its filter keeps: a focused map speaks of that institution', () => {
    expect(graph.offMap.length).toBeGreaterThan(1);
    const penfed = filterMap(graph, { focus: 'penfed' });
    expect(penfed.offMap.map((o) => o.arrangement)).toContain('penfed-jornaya-leadid-class-action-2023');
    expect(penfed.offMap.every((o) => o.parties.some((p) => p.id === 'penfed'))).toBe(true);
    expect(penfed.offMap.length).toBeLessThan(graph.offMap.length);
    // Wells Fargo is on the map and a party of no off-map arrangement: nothing "more" to count beside its map.
    expect(filterMap(graph, { focus: 'wells-fargo' }).links.length).toBeGreaterThan(0);
    expect(graph.offMap.some((o) => o.parties.some((p) => p.id === 'wells-fargo'))).toBe(false);
    expect(filterMap(graph, { focus: 'wells-fargo' }).offMap).toEqual([]);
    // Off-map arrangements have no platform: none is kept when platforms are chosen.
    expect(filterMap(graph, { platforms: ['facebook'] }).offMap).toEqual([]);
    const us = filterMap(graph, { countries: ['US'] });
    expect(us.offMap.length).toBeGreaterThan(0);
    expect(us.offMap.every((o) => o.parties.some((p) => p.country === 'US'))).toBe(true);
  });

  it('shows an enabled list’s entries marked as the list’s', () => {
    const bank: Institution = { id: 'list-bank', name: 'List Bank', country: 'US', kind: 'bank', domains: [{ domain: 'listbank.example', verified: 'unverified' }] } as Institution;
    const entry = { ...catalog.arrangements.find((a) => a.id === 'fb-us-banks-messenger-2018')!, id: 'list-entry', parties: ['facebook', 'list-bank'] } as Arrangement;
    const withList = buildMapGraph(catalog, [{ id: 'my-list', institutions: [bank], arrangements: [entry] }]);
    expect(withList.links.filter((l) => l.list === 'my-list').map((l) => l.id)).toEqual(['list-entry|facebook|list-bank']);
    expect(withList.links.filter((l) => !l.list)).toEqual(graph.links);
  });
});

describe('the map’s layout (lib/map/layout)', () => {
  const graph = buildMapGraph(catalog);

  it('is deterministic: the same catalog, in any order, draws the same map', () => {
    const shuffled = { institutions: [...catalog.institutions].reverse(), arrangements: [...catalog.arrangements].reverse() };
    expect(layoutMap(buildMapGraph(shuffled))).toEqual(layoutMap(graph));
  });

  it('gives each label its own row, at least a font size and a margin apart, in each column', () => {
    const layout = layoutMap(graph);
    for (const column of [layout.platforms.map((p) => p.y), [...layout.institutions.map((p) => p.y), ...layout.countries.map((c) => c.y)].sort((a, b) => a - b)]) {
      column.forEach((y, i) => i > 0 && expect(y - column[i - 1]!).toBeGreaterThanOrEqual(FONT_PX + 4));
    }
    expect(layout.institutions).toHaveLength(graph.institutions.length);
    expect(layout.links.map((l) => l.link.id)).toEqual(graph.links.map((l) => l.id));
    for (const p of [...layout.platforms, ...layout.institutions]) expect(p.label.length).toBeLessThanOrEqual(MAX_LABEL);
    expect(() => layoutMap(graph, { row: FONT_PX })).toThrow(RangeError);
  });

  it('draws every status with its own line style, not colour alone', () => {
    const styles = Object.values(STATUS_STYLE).map((s) => `${s.dash}/${s.width}`);
    expect(new Set(styles).size).toBe(styles.length);
  });
});
