import { describe, expect, it } from 'vitest';
import {
  arrangementsForInstitution,
  bundledCatalog,
  groupFamily,
  groupRoot,
  rawBundledCatalog,
  relevanceClass,
  type Arrangement,
  type Catalog,
} from '../../lib/catalog';
import { checkCatalog, formatProblem } from '../../lib/catalog/check';
import { stepSentence } from '../../lib/catalog/step-words';
import { describeOwnership, describeRelevance, describeSourcing, sourcing } from '../../lib/catalog/sourcing';
import { formatDatePhrase, frenchTypography } from '../../lib/i18n';
import { classifyUrl } from '../../lib/sites';
import { tEn, tFr } from './helpers';

const clone = <T>(x: T): T => structuredClone(x);

describe('the bundled catalog', () => {
  it('passes the whole check: schema, ids, parties, dates, https URLs, unique domains, both languages', () => {
    const problems = checkCatalog(rawBundledCatalog()).map(formatProblem);
    expect(problems).toEqual([]);
  });

  it('passes the sourcing rules: every source quoted, real headlines or marked descriptions, steps cited, group relations dated', () => {
    const problems = checkCatalog(rawBundledCatalog(), { bundled: true }).map(formatProblem);
    expect(problems).toEqual([]);
  });

  it('dates the group relations the audit named: Virgin Money in Nationwide, Discover in Capital One', () => {
    const c = bundledCatalog();
    const inst = (id: string) => c.institutions.find((i) => i.id === id)!;
    expect([inst('virgin-money').group, inst('virgin-money').groupSince]).toEqual(['nationwide', '2024-10-01']);
    expect([inst('discover').group, inst('discover').groupSince]).toEqual(['capital-one', '2025-05-18']);
  });

  it('says what the audit found: the Apple Card step ends an order, the seed step confirms in part, the 1033 rule is enjoined', () => {
    const byId = (id: string) => bundledCatalog().arrangements.find((a) => a.id === id)!;
    const apple = byId('apple-goldman-apple-card-cfpb-2024').status.find((s) => s.status === 'ended')!;
    expect(apple.subject).toBe('order');
    const seed = byId('fb-us-banks-messenger-2018').status.find((s) => s.by === 'facebook')!;
    expect(seed.status).toBe('confirmed');
    expect(seed.scope?.en).toMatch(/denied actively asking for transaction data/);
    // U.S. Bank's own answer (MPR News, August 2018; issue 22): a denial, said for what it covers.
    const usBank = byId('fb-us-banks-messenger-2018').status.find((s) => s.by === 'us-bancorp')!;
    expect(usBank.status).toBe('denied');
    expect(usBank.scope?.en).toBeTruthy();
    const rule = byId('cfpb-personal-financial-data-rights-1033-2024');
    expect(rule.status.map((s) => s.date)).toContain('2025-10-29');
    expect(rule.sources.some((s) => s.publisher === 'Federal Register' && s.date === '2024-11-18')).toBe(true);
    const plex = byId('google-plex-citi-2019-2021');
    expect(plex.summary.en).toMatch(/November 2020 Google announced Plex accounts with 11/);
  });

  it('holds the 2018 Facebook–US banks report with its history and at least three sources', () => {
    const a = bundledCatalog().arrangements.find((x) => x.id === 'fb-us-banks-messenger-2018');
    expect(a).toBeDefined();
    expect(a!.parties).toEqual(expect.arrayContaining(['jpmorgan-chase', 'citigroup', 'wells-fargo', 'us-bancorp', 'messenger']));
    expect(a!.status.map((s) => s.status)).toEqual(['reported', 'ended', 'confirmed', 'denied']);
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

describe('the most relevant report first', () => {
  const catalog = bundledCatalog();
  const firstOn = (url: string) => {
    const match = classifyUrl(url);
    if (!match) throw new Error(`no match for ${url}`);
    return arrangementsForInstitution(catalog, match.institution).map((a) => a.id);
  };
  it.each([
    ['Chase', 'https://www.chase.com/'],
    ['Citi', 'https://online.citi.com/'],
    ['Wells Fargo', 'https://www.wellsfargo.com/'],
    ['U.S. Bank', 'https://www.usbank.com/'],
    ['Messenger', 'https://www.messenger.com/t/1'],
  ])('on %s the 2018 Messenger report comes first', (_name, url) => {
    expect(firstOn(url)[0]).toBe('fb-us-banks-messenger-2018');
  });

  it('puts platform-and-bank reports before aggregator, regulation and context entries', () => {
    const order = ['platform-bank', 'other', 'aggregator', 'regulation', 'context'];
    for (const url of ['https://www.chase.com/', 'https://www.usbank.com/', 'https://www.messenger.com/', 'https://www.capitalone.com/']) {
      const match = classifyUrl(url)!;
      const classes = arrangementsForInstitution(catalog, match.institution).map((a) => order.indexOf(relevanceClass(catalog, a)));
      expect(classes, url).toEqual([...classes].sort((x, y) => x - y));
    }
    const chase = firstOn('https://www.chase.com/');
    expect(chase.indexOf('jpmorgan-aggregator-fees-plaid-deal-2025')).toBeGreaterThan(chase.indexOf('amazon-jpm-capitalone-checking-talks-2018'));
  });

  it('within a class, names this institution or its parent before other members of its group', () => {
    // Instagram's page: a report naming Instagram comes before ones that reach it only through Meta's other apps.
    const ids = arrangementsForInstitution(catalog, 'instagram').filter((a) => relevanceClass(catalog, a) === 'platform-bank');
    const direct = ids.map((a) => a.parties.includes('instagram') || a.parties.includes('meta'));
    expect(direct).toEqual([...direct].sort((x, y) => Number(y) - Number(x)));
  });

  it.each([
    ['fb-us-banks-messenger-2018', 'platform-bank'],
    ['jpmorgan-aggregator-fees-plaid-deal-2025', 'aggregator'],
    ['fb-partner-categories-data-brokers-ended-2018', 'aggregator'],
    ['cfpb-personal-financial-data-rights-1033-2024', 'regulation'],
    ['carrefour-banque-cnil-2020', 'regulation'],
    ['context-fb-market-value-2018', 'context'],
    ['us-bancorp-memberworks-1999', 'other'],
  ])('classes %s as %s', (id, cls) => {
    expect(relevanceClass(catalog, catalog.arrangements.find((a) => a.id === id)!)).toBe(cls);
  });

  it('labels every class but platform-and-bank, in English and French', () => {
    expect(describeRelevance('platform-bank', tEn)).toBe('');
    expect(describeRelevance('aggregator', tEn)).toBe('Aggregator or data broker');
    expect(describeRelevance('regulation', tFr)).toBe('Réglementation');
    expect(describeRelevance('context', tEn)).toBe('Context');
  });
});

describe('how well an entry is sourced', () => {
  const src = (publisher: string, primary = false) => ({ publisher, title: 't', date: '2020', ...(primary ? { primary: true as const } : {}) });
  const entry = (...sources: ReturnType<typeof src>[]) => ({ sources }) as Pick<Arrangement, 'sources'>;
  it.each([
    ['one secondary source', entry(src('A')), 'single-source', 'One publisher'],
    ['three relays of one wire', entry(src('AFP'), src('AFP'), src('afp ')), 'single-source', 'One publisher'],
    ['one primary document', entry(src('CFPB', true)), 'primary-only', 'One publisher, a primary document'],
    ['two outlets', entry(src('A'), src('B')), 'corroborated', 'Two publishers, none primary'],
    ['two with one primary', entry(src('A'), src('CFPB', true)), 'well-sourced', 'Well sourced: 2 publishers, 1 primary'],
    ['four, two primary', entry(src('A'), src('B'), src('FTC', true), src('CFPB', true)), 'well-sourced', 'Well sourced: 4 publishers, 2 primary'],
    ['three secondary', entry(src('A'), src('B'), src('C')), 'well-sourced', 'Well sourced: 3 publishers'],
  ])('%s', (_s, e, level, words) => {
    expect(sourcing(e).level).toBe(level);
    expect(describeSourcing(sourcing(e), tEn)).toBe(words);
  });
  it('says it in French', () => {
    expect(describeSourcing({ sources: 4, primary: 2, level: 'well-sourced' }, tFr)).toBe(frenchTypography('Bien sourcé : 4 éditeurs, dont 2 primaires'));
    expect(describeSourcing({ sources: 1, primary: 0, level: 'single-source' }, tFr)).toBe('Un seul éditeur');
  });
  it('words how a domain owner was checked', () => {
    expect(describeOwnership('A', tEn)).toMatch(/public entity lists/);
    expect(describeOwnership('C', tEn)).toMatch(/weak/);
    expect(describeOwnership('unverified', tFr)).toBe('propriétaire non vérifié');
  });
});

describe('dates after a verb, at the precision stored', () => {
  it.each([
    ['2022', 'en-US', 'in 2022'],
    ['2018-08', 'en-US', 'in August 2018'],
    ['2018-08-06', 'en-US', 'on August 6, 2018'],
    ['2022', 'fr-FR', 'en 2022'],
    ['2018-08', 'fr-FR', 'en août 2018'],
    ['2018-08-06', 'fr-FR', 'le 6 août 2018'],
    ['2022', 'de-DE', 'im Jahr 2022'],
    ['2018-08', 'de-DE', 'im August 2018'],
    ['2018-08-06', 'de-DE', 'am 6. August 2018'],
    ['2018-08-01', 'de', 'am 1. August 2018'],
    ['2018-01', 'de-AT', 'im Jänner 2018'],
    ['2022', 'es-ES', 'en 2022'],
    ['2018-08', 'es-ES', 'en agosto de 2018'],
    ['2018-08-06', 'es-ES', 'el 6 de agosto de 2018'],
    ['2018-08-06', 'es-419', 'el 6 de agosto de 2018'],
    ['soon', 'de-DE', 'soon'],
  ])('%s in %s reads "%s"', (date, locale, phrase) => {
    expect(formatDatePhrase(date, locale)).toBe(phrase);
  });
});

describe('"part of a group since" a date, at the precision stored', () => {
  it.each([
    ['2024-10-01', 'en-US', 'since October 1, 2024'],
    ['2024', 'en-US', 'since 2024'],
    ['2024-10-01', 'fr-FR', 'depuis le 1er octobre 2024'],
    ['2024-10', 'fr-FR', 'depuis octobre 2024'],
    ['2024-10-01', 'de-DE', 'seit dem 1. Oktober 2024'],
    ['2024', 'de-DE', 'seit 2024'],
    ['2024-10-01', 'es-ES', 'desde el 1 de octubre de 2024'],
    ['2024-10', 'es-ES', 'desde octubre de 2024'],
  ])('%s in %s reads "%s"', (date, locale, phrase) => {
    expect(formatDatePhrase(date, locale, 'since')).toBe(phrase);
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
    ['pair naming someone not a party', (c) => (c.arrangements[0]!.pairs = [['facebook', 'bank-of-america']]), 'pairs[0][1]: "bank-of-america" is not one of the parties'],
    ['host under the same institution’s own domain', (c) => c.institutions[0]!.domains.push({ domain: 'business.meta.com', verified: 'C' }), 'domain: "business.meta.com" is already covered by its domain "meta.com"'],
    ['pair tying a party to itself', (c) => (c.arrangements[0]!.pairs = [['facebook', 'facebook']]), 'pairs[0]: a pair ties two different parties'],
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

  // The sourcing rules apply to the bundled catalog only; custom lists share the schema without them.
  const sourcingRows: Array<[string, (c: Catalog) => void, string]> = [
    ['source without excerpt', (c) => delete c.arrangements[0]!.sources[0]!.excerpt, 'arrangement fb-us-banks-messenger-2018: sources[0].excerpt: no excerpt'],
    ['title that is a description', (c) => (c.arrangements[0]!.sources[0]!.title = 'Report on Facebook and banks'), 'sources[0].title: reads as a description'],
    ['title naming its own publisher', (c) => (c.arrangements[3]!.sources[1]!.title = 'Finextra coverage of the Bloomberg report') && delete c.arrangements[3]!.sources[1]!.titleIsDescription, 'sources[1].title: reads as a description'],
    ['step citing no source', (c) => delete c.arrangements[0]!.status[0]!.source, 'status[0].source: a "reported" step must cite its source'],
    ['confirmed by no party, on a secondary source', (c) => delete c.arrangements[0]!.status[2]!.by, 'status[2]: "confirmed" needs a primary source or the confirming party'],
    ['denied by nobody', (c) => ((c.arrangements[0]!.status[2]!.status = 'denied'), delete c.arrangements[0]!.status[2]!.by), 'status[2].by: "denied" must say who denied'],
    ['our description without its French', (c) => delete c.arrangements[0]!.sources[4]!.titleFr, 'sources[4].titleFr: a description written by Linkwatch needs its French'],
    ['a real headline translated', (c) => (c.arrangements[0]!.sources[1]!.titleFr = 'Traduction'), 'sources[1].titleFr: a real headline is never translated'],
    ['a named party\'s scope starting with its name', (c) => (c.arrangements[0]!.status[2]!.scope!.en = 'Facebook confirmed working with banks'), 'status[2].scope: says what the party (by) did'],
    ['group relation without a date', (c) => delete c.institutions.find((i) => i.id === 'chase')!.groupSince, 'institution chase: groupSince: the relation to "jpmorgan-chase" has no date'],
  ];
  it.each(sourcingRows)('%s', (_s, mutate, fragment) => {
    const c = clone(base);
    mutate(c);
    expect(checkCatalog(c, { today, bundled: true }).map(formatProblem).join('\n')).toContain(fragment);
    expect(checkCatalog(c, { today }).map(formatProblem).join('\n')).not.toContain(fragment);
  });

  it('keeps the new fields optional in the schema: a custom list without them validates', () => {
    const c = clone(base);
    for (const a of c.arrangements) for (const s of a.sources) (delete s.excerpt, delete s.primary, delete s.titleIsDescription, delete s.titleFr);
    for (const i of c.institutions) delete i.groupSince;
    expect(checkCatalog(c, { today })).toEqual([]);
  });
});

describe('a step in words (lib/catalog/step-words)', () => {
  it('a scope written as a sentence loses its final stop inside the step’s sentence, never doubled with ", according to"', () => {
    const entry = bundledCatalog().arrangements.find((a) => a.id === 'capital-one-website-trackers-class-action-2024')!;
    const names = new Map(bundledCatalog().institutions.map((i) => [i.id, i.name]));
    const sentence = stepSentence(entry, entry.status[1]!, names, tEn, 'en', 'en-US');
    expect(sentence).toMatch(/^Ruled, in part: Class certification denied, according to /);
    expect(sentence).not.toMatch(/\.,/);
  });
});
