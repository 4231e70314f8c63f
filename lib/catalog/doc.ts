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
import type { Arrangement, Catalog, Institution, Status, StatusStep } from './schema';

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
  ruled: 'ruled on',
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
    'Domains cover their subdomains (matched at dot boundaries on the registrable domain). The letter after each domain says how its owner was checked: A entity lists, B the brand’s own pages, C public code lists only (weak), or unverified.',
    '',
  );
  const byCountry = groupBy(catalog.institutions, (i) => i.country);
  const countries = [...byCountry.keys()].sort((a, b) => collator.compare(countryName(a), countryName(b)));
  for (const country of countries) {
    const list = [...byCountry.get(country)!].sort((a, b) => collator.compare(a.name, b.name) || compareIds(a.id, b.id));
    out.push(`### ${countryName(country)} (${country})`, '');
    out.push('| Institution | Id | Kind | Group | Domains |', '|---|---|---|---|---|');
    for (const inst of list) {
      const group = inst.group === undefined ? '—' : `${cell(names.get(inst.group) ?? inst.group)} (\`${inst.group}\`)`;
      out.push(`| ${cell(inst.name)} | \`${inst.id}\` | ${inst.kind} | ${group} | ${domainsCell(inst)} |`);
    }
    out.push('');
  }

  out.push('## Arrangements by year', '');
  out.push('Grouped by the year of each entry’s first status step; the latest status is the last step of its history.', '');
  renderByYear(out, arrangements, names);

  out.push('## Context', '');
  out.push('Laws, rules and events that explain the arrangements; they are not arrangements themselves.', '');
  renderByYear(out, context, names);

  out.push(...correctionSection());
  return out.join('\n');
}

function renderByYear(out: string[], entries: readonly Arrangement[], names: ReadonlyMap<string, string>): void {
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
      const sources = a.sources.length === 1 ? '1 source' : `${a.sources.length} sources`;
      out.push(
        `- **${inline(a.title.en)}** (\`${a.id}\`)  `,
        `  Parties: ${inline(parties)}. Latest status: ${latestStatus(a, names)}. Confidence: ${a.confidence}; ${sources}.`,
      );
    }
    out.push('');
  }
}

/** "denied by Facebook, 2018-08-06", "reported by The Wall Street Journal, 2018-08-06", "ended, 2019-10-11, according to CoinDesk". */
function latestStatus(a: Arrangement, names: ReadonlyMap<string, string>): string {
  const step = a.status[a.status.length - 1] as StatusStep;
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
    'A step “by” an institution names who took it (denied by, ended by, ruled on by); a step without one names the source that reported it.',
    '',
    '### Confidence',
    '',
    '- **high**: a primary document, or several independent outlets agree on the core facts.',
    '- **medium**: one good secondary source, or key dates not pinned down.',
    '',
  ];
}

function domainsCell(inst: Institution): string {
  if (inst.domains.length === 0) return 'none listed';
  return inst.domains.map((d) => `\`${d.domain}${d.path ?? ''}\` (${d.verified})`).join(', ');
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
