/**
 * The catalog as a readable document: `docs/catalog.md`, for people who review the data without reading JSON.
 *
 * The document is generated, never edited by hand: `scripts/catalog-doc.ts` writes the output of
 * `renderCatalogDoc(bundledCatalog())`, and a unit test fails when the file and the data disagree. The
 * function is pure (catalog in, Markdown out) and deterministic, so the same data always gives the same bytes.
 *
 * Wording follows the evidence levels of shared/DESIGN.md: a status step reads "denied by Facebook" or
 * "reported by The Wall Street Journal", as in the popup; nothing is stated beyond the data.
 */
import enMessages from '../../public/_locales/en/messages.json';
import { translatorFromMessages, type MessagesFile } from '../i18n';
import { relevanceClass } from './index';
import type { Arrangement, Catalog, DomainRule, Institution, Status, StatusStep } from './schema';
import { describeRelevance, describeSourcing, sourcing } from './sourcing';

/** The English UI wording, so the document and the extension say the same thing. */
const tEn = translatorFromMessages(enMessages as MessagesFile);

/** How each domain's owner was checked, in words (shared/research/domains.md). */
const OWNERSHIP_WORDS: Readonly<Record<DomainRule['verified'], string>> = {
  register: 'a regulator’s register (FDIC BankFind)',
  A: 'A: public entity lists',
  B: 'B: the brand’s own pages',
  C: 'C: public code lists only, weak',
  unverified: 'not checked',
};

const COUNTRY_NAMES: Readonly<Record<string, string>> = {
  BR: 'Brazil',
  CA: 'Canada',
  CH: 'Switzerland',
  EU: 'European Union',
  FR: 'France',
  GB: 'United Kingdom',
  IE: 'Ireland',
  INTL: 'International',
  SE: 'Sweden',
  US: 'United States',
};

const STATUS_WORDS: Readonly<Record<Status, string>> = {
  proposed: 'proposed',
  'in-talks': 'in talks',
  reported: 'reported',
  confirmed: 'confirmed',
  denied: 'denied',
  ended: 'ended',
  settled: 'settled',
  ruled: 'ruled',
};

const STATUS_MEANINGS: ReadonlyArray<readonly [Status, string]> = [
  ['proposed', 'a party publicly proposed or announced the plan.'],
  ['in-talks', 'a report says the parties were discussing it; nothing was concluded.'],
  ['reported', 'a public report or official document says the arrangement exists or existed.'],
  ['confirmed', 'a party confirmed it: its own statement, documentation or launch.'],
  ['denied', 'a party denied it.'],
  ['ended', 'a party ended it or left it.'],
  ['settled', 'a party settled a lawsuit or a regulator’s case, usually without admitting wrongdoing.'],
  ['ruled', 'a regulator, court or rule-maker decided: a decision, order, fine or final rule.'],
];

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Render the whole catalog as Markdown. Pure and deterministic. */
export function renderCatalogDoc(catalog: Catalog): string {
  const names = new Map(catalog.institutions.map((i) => [i.id, i.name]));
  const arrangements = catalog.arrangements.filter((a) => a.kind === 'arrangement');
  const context = catalog.arrangements.filter((a) => a.kind === 'context');
  const out: string[] = [];

  out.push(
    '# Linkwatch catalog',
    '',
    '<!-- Generated from assets/catalog/*.json by `npx tsx scripts/catalog-doc.ts`. Do not edit by hand. -->',
    '',
    `Catalog version ${catalog.version}: ${catalog.institutions.length} institutions, ${arrangements.length} arrangements and ${context.length} context entries.`,
    '',
    'Every arrangement below was **reported** by a named public source; its status history says who confirmed, denied, ended, settled or ruled on it, and when. Nothing here says that data is flowing now, or that a given page sends anything: that is what Linkwatch *observes* in the browser, separately.',
    '',
    '- [Institutions by country](#institutions-by-country)',
    '- [Arrangements by year](#arrangements-by-year)',
    '- [Context](#context)',
    '- [How to propose a correction](#how-to-propose-a-correction)',
    '',
  );

  out.push('## Institutions by country', '');
  out.push(
    'Domains cover their subdomains (matched at dot boundaries on the registrable domain). After each domain, how its owner was checked: **A** its owner is named in public entity lists (DuckDuckGo Tracker Radar, Disconnect); **B** the brand’s own pages on that host say who operates them; **C** the domain appears only in public code lists (phishing allow-lists, banking scrapers), weak evidence; **not checked**. A group relation gives the date it began (acquisition completed, or brand launched by its parent).',
    '',
  );
  const byCountry = groupBy(catalog.institutions, (i) => i.country);
  const countries = [...byCountry.keys()].sort((a, b) => collator.compare(countryName(a), countryName(b)));
  for (const country of countries) {
    const list = [...byCountry.get(country)!].sort((a, b) => collator.compare(a.name, b.name) || compareIds(a.id, b.id));
    out.push(`### ${countryName(country)} (${country})`, '');
    out.push('| Institution | Id | Kind | Group | Domains |', '|---|---|---|---|---|');
    for (const inst of list) {
      const since = inst.groupSince === undefined ? '' : `, since ${inst.groupSince}`;
      const group = inst.group === undefined ? '—' : `${cell(names.get(inst.group) ?? inst.group)} (\`${inst.group}\`)${since}`;
      out.push(`| ${cell(inst.name)} | \`${inst.id}\` | ${inst.kind} | ${group} | ${domainsCell(inst)} |`);
    }
    out.push('');
  }

  out.push('## Arrangements by year', '');
  out.push('Grouped by the year of each entry’s first status step; the latest status is the last step of its history.', '');
  renderByYear(out, arrangements, names, catalog);

  out.push('## Context', '');
  out.push('Laws, rules and events that explain the arrangements; they are not arrangements themselves.', '');
  renderByYear(out, context, names, catalog);

  out.push(...correctionSection());
  return out.join('\n');
}

function renderByYear(out: string[], entries: readonly Arrangement[], names: ReadonlyMap<string, string>, catalog: Catalog): void {
  if (entries.length === 0) {
    out.push('None.', '');
    return;
  }
  const sorted = [...entries].sort((a, b) => compareIds(firstDate(a), firstDate(b)) || compareIds(a.id, b.id));
  const byYear = groupBy(sorted, (a) => firstDate(a).slice(0, 4));
  for (const [year, list] of byYear) {
    out.push(`### ${year}`, '');
    for (const a of list) {
      const parties = a.parties.map((p) => names.get(p) ?? p).join(', ');
      const label = describeRelevance(relevanceClass(catalog, a), tEn);
      out.push(
        `- **${inline(a.title.en)}** (\`${a.id}\`)${label ? ` — ${label}` : ''}  `,
        `  Parties: ${inline(parties)}. Latest status: ${latestStatus(a, names)}. ${describeSourcing(sourcing(a), tEn)}.`,
      );
    }
    out.push('');
  }
}

/** "denied by Facebook, 2018-08-06", "reported by The Wall Street Journal, 2018-08-06", "ended, 2019-10-11, according to CoinDesk". */
function latestStatus(a: Arrangement, names: ReadonlyMap<string, string>): string {
  const step = a.status[a.status.length - 1] as StatusStep;
  const subject = step.subject === 'order' ? 'the enforcement order (not the arrangement) ' : step.subject === 'rule' ? 'the rule ' : '';
  const scope = step.scope ? ` (${inline(step.scope.en)})` : '';
  return subject + latestStep(a, step, names) + scope;
}

function latestStep(a: Arrangement, step: StatusStep, names: ReadonlyMap<string, string>): string {
  const source = step.source === undefined ? undefined : a.sources[step.source];
  const word = STATUS_WORDS[step.status];
  if (step.by !== undefined) {
    const who = inline(names.get(step.by) ?? step.by);
    return step.status === 'in-talks' ? `${word}, ${step.date}, according to ${who}` : `${word} by ${who}, ${step.date}`;
  }
  if (source && step.status === 'reported') return `${word} by ${inline(source.publisher)}, ${step.date}`;
  return source ? `${word}, ${step.date}, according to ${inline(source.publisher)}` : `${word}, ${step.date}`;
}

function correctionSection(): string[] {
  return [
    '## How to propose a correction',
    '',
    'Open an issue or a pull request in this repository with:',
    '',
    '1. the entry id (an arrangement such as `fb-us-banks-messenger-2018`, or an institution such as `chase`);',
    '2. the field that is wrong (for example `status[1].date`, `parties`, `sources[0].url` or `domains`) and the value you propose;',
    '3. a named source for it: publisher, title, date (only as precise as the source: `2018`, `2018-08` or `2018-08-06`) and the URL if there is one (https only). Name the original outlet; if you read a copy, say where.',
    '',
    'Please paraphrase rather than quote, name organisations rather than individual employees, and say what is known, no more: a report is not a confirmation, and a denial stays on record next to the report. Pull requests edit `assets/catalog/*.json`, then regenerate this file with `npx tsx scripts/catalog-doc.ts`; the unit tests check the catalog (schema, ids, parties, dates, https URLs, unique domains, English and French text).',
    '',
    '### Evidence levels',
    '',
    'Linkwatch keeps four kinds of statement apart:',
    '',
    '- **Reported**: a public report or official document says an arrangement exists or existed. This document lists those reports.',
    '- **Owned by**: a site belongs to an institution in the catalog (messenger.com is Meta’s; chase.com is JPMorgan Chase’s).',
    '- **Observed**: a page, in a tab, requested a resource from a platform’s tracking endpoint; Linkwatch says whether the request completed or failed.',
    '- **Linked**: a page contains a link or button to a platform (such as “chat with us on Messenger”).',
    '',
    '### Statuses',
    '',
    ...STATUS_MEANINGS.map(([status, meaning]) => `- **${STATUS_WORDS[status]}** (\`${status}\`): ${meaning}`),
    '',
    'A step “by” an institution names who took it (denied by, ended by, ruled by); a step without one names the source that reported it.',
    '',
    'A step may carry a scope, in brackets, when it covers only part of the report (“confirmed the talks; denied asking for transaction data for ads”), and may concern an enforcement order or a rule rather than the arrangement itself (the CFPB ending Apple’s order ended that order, not the Apple Card).',
    '',
    '### How well sourced',
    '',
    'Sources are counted by publisher: the count says how many independent publishers stand behind an entry, so it can be smaller than the list of sources (one wire relayed by three outlets is one publisher). A **primary** source is a regulator’s or court’s decision or docket, an official register, or the company’s own statement or filing. Every source quotes the sentence(s) the entry rests on; each claim is traced in `docs/research/catalog-trace.md`.',
    '',
    '- **Well sourced**: three or more publishers, or two or more with at least one primary.',
    '- **Two publishers, none primary**.',
    '- **One publisher, a primary document**.',
    '- **One publisher**: a single secondary report (perhaps relayed by several outlets); read it as such.',
    '',
    '### Classes',
    '',
    'On a bank’s site, reports between that bank (or its group) and a platform come first; the others are labelled: **Other company** (a bank and a company that is neither a platform nor an aggregator), **Aggregator or data broker**, **Regulation** (a regulator’s rule or decision), **Context**.',
    '',
  ];
}

function domainsCell(inst: Institution): string {
  if (inst.domains.length === 0) return 'none listed';
  return inst.domains.map((d) => `\`${d.domain}${d.path ?? ''}\` (${OWNERSHIP_WORDS[d.verified]})`).join(', ');
}

function firstDate(a: Arrangement): string {
  return a.status[0]?.date ?? '';
}

function countryName(code: string): string {
  return COUNTRY_NAMES[code] ?? code;
}

/** Plain code-unit order: ids and ISO dates sort the same everywhere. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/** Text from data inside a table cell: no pipe may end the cell, no newline may end the row. */
function cell(text: string): string {
  return inline(text).replace(/\|/g, '\\|');
}

/** Text from data on one Markdown line. */
function inline(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
