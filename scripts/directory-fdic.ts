/**
 * Imports the FDIC BankFind website list into assets/directory/fdic-bankfind.json (issue 21).
 *
 * The list: https://github.com/elliotwutingfeng/FDIC-insured-banking-institution-websites, `urls.txt`
 * (BSD 3-Clause), the website fields (TE01N528..TE10N528) of the FDIC's public-domain BankFind API,
 * about 1,150 entries without institution names. Run with a local copy of the file and the commit it
 * was read at:
 *
 *   npx tsx scripts/directory-fdic.ts path/to/urls.txt <commit> <YYYY-MM-DD>
 *
 * Each entry is read as the browser reads a typed address (`https://` + entry, WHATWG URL parser via
 * lib/url); its host is kept, a leading `www.` dropped (the rule covers the host and every host under it).
 * Entries left out are listed in the file with the reason: not a host name, no registrable domain, or a
 * page on a general-purpose platform (a bank's Facebook or LinkedIn page is not the bank's own site).
 * Then run `npx tsx scripts/directory.ts` to recompile.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'tldts';
import { hostOf } from '../lib/url';
import { GENERAL_PURPOSE_SITES } from '../lib/directory/compile';

const [file, commit, date] = process.argv.slice(2);
if (!file || !commit || !date) throw new Error('usage: directory-fdic.ts urls.txt <commit> <YYYY-MM-DD>');

const hosts = new Set<string>();
const dropped: { entry: string; reason: string }[] = [];
for (const raw of readFileSync(file, 'utf8').split('\n')) {
  // The list's own cleaning leaves zero-width characters out; a few entries carry a trailing word ("… SOCIAL").
  const entry = raw.replace(/[\u200B-\u200D\uFEFF]/g, '').trim();
  if (!entry) continue;
  const first = entry.split(/\s+/)[0]!;
  const host = hostOf(`https://${first}`);
  if (host === null || !/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/.test(host)) {
    dropped.push({ entry, reason: 'not a host name' });
    continue;
  }
  const parsed = parse(host);
  if (!parsed.domain || parsed.isIp || !parsed.isIcann) {
    dropped.push({ entry, reason: 'no registrable domain' });
    continue;
  }
  if (GENERAL_PURPOSE_SITES.has(parsed.domain)) {
    dropped.push({ entry, reason: `a page on ${parsed.domain}, not the bank's own site` });
    continue;
  }
  hosts.add(host.startsWith('www.') && host.slice(4).includes('.') ? host.slice(4) : host);
}

const out = {
  source: {
    name: 'FDIC-insured banking institution websites',
    publisher: 'Wu Tingfeng (elliotwutingfeng), from the FDIC BankFind API',
    repository: 'https://github.com/elliotwutingfeng/FDIC-insured-banking-institution-websites',
    commit,
    date,
    licence: 'BSD-3-Clause (list); FDIC BankFind data is public domain',
    upstream: 'https://banks.data.fdic.gov/api/institutions (website fields TE01N528 to TE10N528)',
  },
  institution: { id: 'fdic-insured-bank', name: 'FDIC-insured bank' },
  hosts: [...hosts].sort(),
  dropped,
};
writeFileSync(new URL('../assets/directory/fdic-bankfind.json', import.meta.url), JSON.stringify(out, null, 1) + '\n');
console.log(`wrote assets/directory/fdic-bankfind.json: ${out.hosts.length} hosts, ${dropped.length} entries left out`);
