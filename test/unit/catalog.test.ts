import { describe, expect, it } from 'vitest';
import {
  arrangementsForInstitution,
  bundledCatalog,
  groupFamily,
  groupRoot,
  rawBundledCatalog,
  type Catalog,
} from '../../lib/catalog';
import { checkCatalog, formatProblem } from '../../lib/catalog/check';

const clone = <T>(x: T): T => structuredClone(x);

describe('the bundled catalog', () => {
  it('passes the whole check: schema, ids, parties, dates, https URLs, unique domains, both languages', () => {
    const problems = checkCatalog(rawBundledCatalog()).map(formatProblem);
    expect(problems).toEqual([]);
  });

  it('holds the 2018 Facebook–US banks report with its history and at least three sources', () => {
    const a = bundledCatalog().arrangements.find((x) => x.id === 'fb-us-banks-messenger-2018');
    expect(a).toBeDefined();
    expect(a!.parties).toEqual(expect.arrayContaining(['jpmorgan-chase', 'citigroup', 'wells-fargo', 'us-bancorp', 'messenger']));
    expect(a!.status.map((s) => s.status)).toEqual(['reported', 'ended', 'denied']);
    expect(a!.sources.length).toBeGreaterThanOrEqual(3);
    expect(a!.sources.map((s) => s.publisher)).toEqual(expect.arrayContaining(['The Wall Street Journal', 'AFP']));
  });
});

describe('group queries', () => {
  const catalog = bundledCatalog();
  it('finds the top of a group', () => {
    expect(groupRoot(catalog, 'chase')).toBe('jpmorgan-chase');
    expect(groupRoot(catalog, 'messenger')).toBe('meta');
    expect(groupRoot(catalog, 'citigroup')).toBe('citigroup');
  });
  it('lists a group family', () => {
    expect([...groupFamily(catalog, 'messenger')].sort()).toEqual(['facebook', 'instagram', 'messenger', 'meta', 'whatsapp']);
  });
  it('gives a brand its group’s arrangements, and Messenger Meta’s', () => {
    expect(arrangementsForInstitution(catalog, 'chase').map((a) => a.id)).toContain('fb-us-banks-messenger-2018');
    expect(arrangementsForInstitution(catalog, 'instagram').map((a) => a.id)).toContain('fb-us-banks-messenger-2018');
  });
});

describe('the catalog check names the entry and the field', () => {
  const base = rawBundledCatalog() as Catalog;
  const today = '2026-11-29';
  // [situation, mutate, expected message fragment]
  const rows: Array<[string, (c: Catalog) => void, string]> = [
    ['unknown party', (c) => (c.arrangements[0]!.parties[0] = 'nobody'), 'arrangement fb-us-banks-messenger-2018: parties[0]: no institution "nobody"'],
    ['duplicate arrangement id', (c) => c.arrangements.push(clone(c.arrangements[0]!)), 'arrangement fb-us-banks-messenger-2018: id: id is used twice'],
    ['duplicate institution id', (c) => c.institutions.push({ ...clone(c.institutions[1]!), domains: [] }), 'institution facebook: id: id is used twice'],
    ['domain claimed twice', (c) => c.institutions[1]!.domains.push({ domain: 'chase.com', verified: 'C' }), 'institution chase: domains[0].domain: "chase.com" is already claimed by institution facebook'],
    ['http URL', (c) => (c.arrangements[0]!.sources[0]!.url = 'http://example.org/'), 'arrangement fb-us-banks-messenger-2018: sources[0].url: must be an https:// URL'],
    ['javascript URL', (c) => (c.arrangements[0]!.sources[0]!.url = 'javascript:alert(1)'), 'sources[0].url: must be an https:// URL'],
    ['future date', (c) => (c.arrangements[0]!.status[0]!.date = '2027-01'), 'status[0].date: 2027-01 is in the future'],
    ['impossible date', (c) => (c.arrangements[0]!.status[0]!.date = '2018-02-30'), 'status[0].date: must be a real calendar date'],
    ['day without month', (c) => (c.arrangements[0]!.sources[1]!.date = '2018-8-6'), 'sources[1].date: must be YYYY, YYYY-MM or YYYY-MM-DD'],
    ['missing French', (c) => (c.arrangements[0]!.summary.fr = ''), 'summary.fr: French text is missing'],
    ['missing English', (c) => delete (c.arrangements[0]!.title as Partial<Record<string, string>>).en, 'arrangement fb-us-banks-messenger-2018: title.en'],
    ['text too long for the popup', (c) => (c.arrangements[0]!.title.en = 'x'.repeat(200)), 'title.en: English text is longer than 120 characters'],
    ['no source', (c) => (c.arrangements[0]!.sources = []), 'sources: at least one source is needed'],
    ['source without publisher', (c) => (c.arrangements[0]!.sources[0]!.publisher = ' '), 'sources[0].publisher: publisher is missing'],
    ['step citing a missing source', (c) => (c.arrangements[0]!.status[0]!.source = 99), 'status[0].source: no source #99'],
    ['step by an unknown institution', (c) => (c.arrangements[0]!.status[1]!.by = 'ghost'), 'status[1].by: no institution "ghost"'],
    ['unknown status', (c) => ((c.arrangements[0]!.status[0] as { status: string }).status = 'rumoured'), 'status[0].status'],
    ['id not kebab-case', (c) => (c.arrangements[0]!.id = 'Bad_Id'), 'id: must be kebab-case'],
    ['unknown field', (c) => ((c.arrangements[0] as Record<string, unknown>).extra = 1), 'arrangement fb-us-banks-messenger-2018'],
    ['group that does not exist', (c) => (c.institutions[1]!.group = 'nobody'), 'institution facebook: group: no institution "nobody"'],
    ['group cycle', (c) => (c.institutions[0]!.group = 'facebook'), 'group relations form a cycle'],
    ['domain that is a public suffix', (c) => c.institutions[0]!.domains.push({ domain: 'co.uk', verified: 'C' }), 'has no registrable domain'],
    ['domain with a scheme', (c) => c.institutions[0]!.domains.push({ domain: 'https://x.com', verified: 'C' }), 'must be a lowercase host name'],
  ];
  it.each(rows)('%s', (_s, mutate, fragment) => {
    const c = clone(base);
    mutate(c);
    const problems = checkCatalog(c, { today }).map(formatProblem);
    expect(problems.join('\n')).toContain(fragment);
  });
});
