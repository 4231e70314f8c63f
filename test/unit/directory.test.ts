/**
 * Issue 21: the directory of financial institutions beside the catalog. Its rules (lib/directory/compile),
 * the compiled form the background loads, and what it changes for a bank the catalog reports nothing about.
 */
import { describe, expect, it } from 'vitest';
import compiledFile from '../../assets/directory/compiled.json';
import curatedFile from '../../assets/directory/institutions.json';
import fdicFile from '../../assets/directory/fdic-bankfind.json';
import { bundledCatalog, INSTITUTION_KINDS, type Institution } from '../../lib/catalog';
import { compileDirectory, domainProblem } from '../../lib/directory/compile';
import { bundledDirectoryDoc, checkBundledDirectory, compileBundledDirectory } from '../../lib/directory/bundled-source';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './build-helpers';
import { bundledDirectory, bundledWorld, compiledSiteOf, watchedDomainSet, watchedSitePatterns } from '../../lib/directory';
import { createSiteClassifier } from '../../lib/sites';
import { FDIC_LISTED_ID } from '../../lib/directory/ids';
import type { DirectoryFile, FdicFile } from '../../lib/directory/schema';
import { isWatchedUrl } from '../../lib/request-watch';
import { classifyUrl } from '../../lib/sites';
import { computeTabState } from '../../lib/tab-state';
import { isPlatformSite } from '../../lib/protection';

const catalogInstitutions = bundledCatalog().institutions;

const fdic = (hosts: string[]): FdicFile => ({ ...(fdicFile as FdicFile), hosts, dropped: [] });
const curated = (institutions: DirectoryFile['institutions']): DirectoryFile => ({ checked: '2026-12-04', institutions });
const entry = (id: string, domains: string[], extra: Partial<DirectoryFile['institutions'][number]> = {}): DirectoryFile['institutions'][number] => ({
  id,
  name: id,
  country: 'US',
  kind: 'bank',
  domains: domains.map((domain) => ({ domain, verified: 'C', source: { codeLists: ['a/b x.txt', 'c/d y.txt'] } })),
  ...extra,
});

describe('the bundled directory', () => {
  it('compiles without a problem, and compiled.json is what it compiles to (npm run directory when this fails)', () => {
    const { problems } = compileBundledDirectory();
    expect(problems).toEqual([]);
    expect(() => checkBundledDirectory(compiledFile)).not.toThrow();
  });

  it('docs/directory.md is what the data says (npm run directory when this fails)', () => {
    expect(readFileSync(join(ROOT, 'docs/directory.md'), 'utf8')).toBe(bundledDirectoryDoc());
  });

  it('adds institutions the catalog does not have, each id once across both', () => {
    const ids = bundledDirectory().map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(bundledDirectory().length).toBe(catalogInstitutions.length + compiledFile.institutions.length);
    expect(bundledWorld().arrangements).toBe(bundledCatalog().arrangements);
  });

  it('claims no domain twice, nor one at or under another institution’s domain', () => {
    const rules = bundledDirectory().flatMap((i) => i.domains.filter((d) => d.path === undefined).map((d) => ({ owner: i.id, domain: d.domain })));
    const seen = new Map<string, string>();
    for (const r of rules) {
      expect(seen.get(r.domain), `${r.domain}: ${r.owner} and ${seen.get(r.domain)}`).toBeUndefined();
      seen.set(r.domain, r.owner);
    }
    for (const r of rules) {
      // Walk up the host: no parent domain may belong to another institution.
      for (let h = r.domain.slice(r.domain.indexOf('.') + 1); h.includes('.'); h = h.slice(h.indexOf('.') + 1)) {
        const owner = seen.get(h);
        if (owner !== undefined) expect(owner, `${r.domain} (${r.owner}) is under ${h} (${owner})`).toBe(r.owner);
      }
    }
  });

  it('every domain is a registrable domain or a host under one, of a known kind and country', () => {
    for (const i of compiledFile.institutions as Institution[]) {
      expect(INSTITUTION_KINDS).toContain(i.kind);
      expect(i.country).toMatch(/^[A-Z]{2}$/);
      for (const d of i.domains) expect(domainProblem(d.domain), `${i.id}: ${d.domain}`).toBeNull();
    }
  });

  it('every curated domain has its source, and every FDIC host is labelled with the dataset, its commit and licence', () => {
    for (const i of (curatedFile as DirectoryFile).institutions) for (const d of i.domains) expect(d.source, `${i.id}: ${d.domain}`).toBeTruthy();
    expect(fdicFile.source.licence).toMatch(/BSD-3-Clause/);
    expect(fdicFile.source.commit).toMatch(/^[0-9a-f]{40}$/);
    const listed = (compiledFile.institutions as Institution[]).find((i) => i.id === FDIC_LISTED_ID)!;
    expect(listed.domains.every((d) => d.verified === 'register')).toBe(true);
    expect(listed.domains.length).toBeGreaterThan(900);
  });

  it("leaves out a bank's pages on general-purpose platforms, with the reason", () => {
    const dropped = fdicFile.dropped.map((d) => d.entry.toLowerCase());
    expect(dropped).toContain('www.facebook.com/anbbank');
    expect(fdicFile.hosts.some((h) => /(^|\.)(facebook|linkedin|instagram|twitter)\.com$/.test(h))).toBe(false);
  });
});

describe('the catalog’s parties have their domains (issue 21)', () => {
  it('every party with a public website has its domains; the few without are named, with the reason (docs/research/catalog-domains.md)', () => {
    const without = catalogInstitutions.filter((i) => i.domains.length === 0).map((i) => i.id).sort();
    // Left out on purpose: Oracle Data Cloud has no site of its own, MemberWorks has no live website. (WPP has
    // wpp.com since it has a recognised-only kind, "advertising".)
    expect(without).toEqual(['memberworks', 'oracle-data-cloud']);
  });

  it('recognises the sites of platforms, data brokers and advertising groups a report names, and watches none of them', () => {
    for (const [url, id] of [
      ['https://www.experian.com/', 'experian'],
      ['https://www.transunion.com/', 'transunion'],
      ['https://www.adobe.com/', 'adobe'],
      ['https://www.ebay.co.uk/', 'ebay'],
      ['https://www.wpp.com/', 'wpp'],
    ] as const) {
      expect(classifyUrl(url)?.institution, url).toBe(id);
      expect(isWatchedUrl(url), url).toBe(false);
      expect(isPlatformSite(new URL(url).hostname.replace(/^www\./, '')), url).toBe(true);
    }
    expect(watchedSitePatterns().some((p) => p.includes('experian'))).toBe(false);
  });

  it('the banks the catalog reports on are recognised on their own sites now', () => {
    for (const [url, id] of [
      ['https://www.penfed.org/', 'penfed'],
      ['https://www.usaa.com/', 'usaa'],
      ['https://www.deutsche-bank.de/', 'deutsche-bank'],
      ['https://www.ing.nl/', 'ing-nederland'],
      ['https://www.openbank.es/', 'openbank'],
      ['https://www.tdbank.com/', 'td-bank-na'],
    ] as const) {
      expect(classifyUrl(url)?.institution, url).toBe(id);
      expect(isWatchedUrl(url), url).toBe(true);
    }
  });
});

describe('the compiled index the worker starts with', () => {
  it('knows each compiled rule’s registrable domain, so the classifier it builds is the one tldts would build', () => {
    expect(compiledSiteOf('addisonbank.com')).toBe('addisonbank.com');
    expect(compiledSiteOf('accounts.svbt.com')).toBe('svbt.com');
    expect(compiledSiteOf('chase.com')).toBeUndefined(); // a catalog rule: asked of the Public Suffix List
    const fast = createSiteClassifier(bundledWorld(), compiledSiteOf);
    const slow = createSiteClassifier(bundledWorld());
    for (const i of bundledDirectory()) {
      for (const d of i.domains) {
        for (const url of [`https://${d.domain}/`, `https://www.${d.domain}${d.path ?? '/'}`, `https://x.${d.domain}.evil.example/`]) expect(fast.classify(url), url).toEqual(slow.classify(url));
      }
    }
  });

  it('the watched set is the content script’s patterns, read as the browser reads them', () => {
    const domains = [...watchedDomainSet()].map((d) => `*://*.${d}/*`).sort();
    expect(domains).toEqual(watchedSitePatterns());
  });
});

describe('compileDirectory: its rules', () => {
  const run = (c: DirectoryFile, hosts: string[] = []) => compileDirectory(catalogInstitutions, c, fdic(hosts));

  it.each([
    ['a domain the catalog claims', [entry('x', ['chase.com'])], /chase\.com is already claimed by chase/],
    ['a host under a catalog domain', [entry('x', ['secure.chase.com'])], /already claimed by chase/],
    ['a domain above a catalog host rule', [entry('x', ['bnpparibas'])], /registrable domain|already claimed/],
    ['one domain in two entries', [entry('x', ['examplebank.com']), entry('y', ['examplebank.com'])], /examplebank\.com is already claimed by x/],
    ['an IP address', [entry('x', ['192.168.1.1'])], /IP address/],
    ['a bare public suffix', [entry('x', ['co.uk'])], /no registrable domain/],
    ['a page host of a general-purpose platform', [entry('x', ['bank.wordpress.com'])], /general-purpose/],
    ['an id the catalog uses', [entry('chase', ['examplebank.com'])], /id already used/],
    ['a group that is no institution', [entry('x', ['examplebank.com'], { group: 'nobody' })], /group "nobody" is no institution/],
  ] as const)('refuses %s', (_what, institutions, message) => {
    const { problems } = run(curated([...institutions]));
    expect(problems.map((p) => `${p.entry}: ${p.message}`).join('\n')).toMatch(message);
  });

  it('accepts a valid entry whose group is a catalog institution, and compiles it without its sources', () => {
    const { compiled, problems } = run(curated([entry('example-bank', ['examplebank.com'], { group: 'jpmorgan-chase', groupSince: '2020' })]));
    expect(problems).toEqual([]);
    expect(compiled.institutions).toEqual([{ id: 'example-bank', name: 'example-bank', country: 'US', kind: 'bank', group: 'jpmorgan-chase', groupSince: '2020', domains: [{ domain: 'examplebank.com', verified: 'C' }] }]);
  });

  it('FDIC hosts covered by a named entry or by another listed host are not repeated', () => {
    const { compiled, stats, problems } = run(curated([entry('example-bank', ['examplebank.com'])]), ['online.examplebank.com', 'secure.chase.com', 'smallbank.com', 'www2.smallbank.com', 'otherbank.net']);
    expect(problems).toEqual([]);
    const listed = compiled.institutions.find((i) => i.id === FDIC_LISTED_ID)!;
    expect(listed.domains.map((d) => d.domain)).toEqual(['smallbank.com', 'otherbank.net']);
    expect(stats.fdicCovered).toBe(3);
    expect(stats.fdicHosts).toBe(2);
  });
});

describe('a bank the catalog reports nothing about', () => {
  const url = 'https://www.addisonbank.com/personal';

  it('is recognised: classified to the FDIC listing, watched, and named by its site', () => {
    const match = classifyUrl(url);
    expect(match).toMatchObject({ institution: FDIC_LISTED_ID, site: 'addisonbank.com', role: 'bank' });
    expect(isWatchedUrl(url)).toBe(true);
    expect(isWatchedUrl('https://addisonbank.com/')).toBe(true);
    expect(isWatchedUrl('https://addisonbank.com.example.net/')).toBe(false);
    expect(watchedSitePatterns()).toContain('*://*.addisonbank.com/*');
    const state = computeTabState({ tabId: 1, url, match, catalog: bundledWorld(), silenced: false, now: 0 });
    expect(state).toMatchObject({ ownerName: null, groupName: null, arrangementIds: [], watched: true });
  });
});

describe('a long address (a sign-in redirect with a SAML payload)', () => {
  it('is still read by its host: a directory bank stays recognised', () => {
    const url = `https://www.addisonbank.com/meta-pixel?saml=${'A'.repeat(9_000)}`;
    expect(classifyUrl(url)?.institution).toBe(FDIC_LISTED_ID);
    expect(classifyUrl(`https://www.chase.com/${'x'.repeat(20_000)}`)?.institution).toBe('chase');
    // An authority that does not end within the part read has no site.
    expect(classifyUrl(`https://${'a'.repeat(9_000)}@www.chase.com/`)).toBeNull();
  });
});
