/**
 * The catalog check: everything the schema cannot say. Runs in the unit tests over the bundled catalog
 * (so a catalog that fails it never ships) and at import time over custom lists.
 *
 * Each problem names the entry and the field, e.g.
 * `arrangement fb-us-banks-messenger-2018: parties[2]: no institution "citi"`.
 * Rules: shared/DESIGN.md "Catalog rules"; issue 3 ("dates valid and not in the future", "no domain claimed
 * by two institutions").
 */
import * as v from 'valibot';
import { parse as parseDomain } from 'tldts';
import { CatalogSchema, type Arrangement, type Catalog, type Status } from './schema';

/** One rule broken: where (`entry` and `field`, a dotted path) and what. */
export interface CatalogProblem {
  entry: string;
  field: string;
  message: string;
}

/** `problem.entry: problem.field: problem.message`, the form used in test failures and the CLI. */
export function formatProblem(p: CatalogProblem): string {
  return `${p.entry}: ${p.field || '(root)'}: ${p.message}`;
}

/** Turn valibot issues into problems that name the entry (by id where the data has one) and field. */
export function schemaProblems(issues: readonly v.BaseIssue<unknown>[], root: unknown): CatalogProblem[] {
  return issues.map((issue) => {
    const keys = (issue.path ?? []).map((item) => item.key as string | number);
    let entry = 'catalog';
    let fieldKeys = keys;
    if ((keys[0] === 'arrangements' || keys[0] === 'institutions') && typeof keys[1] === 'number') {
      const list = (root as Record<string, unknown>)?.[keys[0]];
      const item = Array.isArray(list) ? (list[keys[1]] as { id?: unknown } | undefined) : undefined;
      const id = typeof item?.id === 'string' ? item.id : `#${keys[1]}`;
      entry = `${keys[0] === 'arrangements' ? 'arrangement' : 'institution'} ${id}`;
      fieldKeys = keys.slice(2);
    }
    return { entry, field: pathToString(fieldKeys), message: issue.message };
  });
}

function pathToString(keys: readonly (string | number)[]): string {
  return keys.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
}

/** Compare a partial date (YYYY, YYYY-MM, YYYY-MM-DD) with today: the earliest day it could mean. */
function isInFuture(date: string, today: string): boolean {
  return date > today.slice(0, date.length);
}

/**
 * Check a catalog. `known` lists institution ids that exist outside it (the bundled ones, when checking a
 * custom list). Returns an empty array when every rule holds; never throws.
 */
export function checkCatalog(
  input: unknown,
  options: { today?: string; knownInstitutions?: ReadonlySet<string>; bundled?: boolean } = {},
): CatalogProblem[] {
  const parsed = v.safeParse(CatalogSchema, input);
  if (!parsed.success) return schemaProblems(parsed.issues, input);
  const problems = checkReferences(parsed.output, options);
  return options.bundled ? [...problems, ...checkSourcing(parsed.output)] : problems;
}

/**
 * Titles that give themselves away as our description of a source rather than its headline: "Report on
 * ...", "Coverage of ...", or the publisher's own name followed by "article on", "report on", "summary
 * of" ("Finextra coverage of the Bloomberg report"). Such a title must carry `titleIsDescription: true`.
 * A heuristic: it catches the descriptions we used to write, not every one; a real headline such as
 * "RBC disputes report that ..." passes because it does not name its publisher.
 */
const DESCRIPTIVE_START = /^(?:report|coverage|summary|analysis|text|market data|press release) (?:on|of|that|about)\b/i;
const DESCRIPTIVE_WORDS = /\b(?:article|coverage|summary|analysis|note|post|brief|update|wire|report|text|interview) (?:on|of|about|that|with)\b/i;

function looksLikeDescription(title: string, publisher: string): boolean {
  if (DESCRIPTIVE_START.test(title)) return true;
  const name = publisher.split(/[\s(]/)[0]!.toLowerCase();
  return name.length > 2 && title.toLowerCase().includes(name) && DESCRIPTIVE_WORDS.test(title);
}

/** Statuses that say more than "someone reported it": each must cite the source that says it. */
const STRONG_STATUSES: ReadonlySet<Status> = new Set(['confirmed', 'denied', 'ended', 'settled', 'ruled']);

/**
 * The sourcing rules the bundled catalog must meet (issue 13), on top of `checkReferences`. Custom lists
 * share the schema but not these rules: the new fields are optional there.
 *
 * Checked mechanically:
 * - every source has an `excerpt` (the schema caps it at 500 characters);
 * - a title that reads as a description ("... report on ...", "coverage of ...") is marked
 *   `titleIsDescription`, and such a description has its French (`titleFr`), a headline never;
 * - every status step cites a source (`source`, an index that exists: `checkReferences` checks the index);
 * - a `confirmed` step is backed by a primary source or names the party (`by`) that confirmed it, and that
 *   party is one of the arrangement's parties or its source is primary;
 * - a `denied` step names who denied (`by`);
 * - the `scope` of a step taken by someone (`by`) says what that party did, starting lower-case in both
 *   languages, so that "Facebook: confirmed working with banks…" reads as one sentence (lib/catalog/step-words);
 * - every group relation has its date (`groupSince`).
 *
 * Not checkable by a program, and checked by hand in docs/research/catalog-trace.md: that the excerpt is
 * quoted as found, that it says what the step says (an 'ended', 'settled' or 'ruled' step rests on a
 * sentence stating it), that a title marked as a headline is the real headline, and that `primary` is only
 * set on regulators', courts', official registers' and the companies' own documents.
 */
export function checkSourcing(catalog: Catalog): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  const add = (entry: string, field: string, message: string) => problems.push({ entry, field, message });
  for (const inst of catalog.institutions) {
    if (inst.group !== undefined && inst.groupSince === undefined) {
      add(`institution ${inst.id}`, 'groupSince', `the relation to "${inst.group}" has no date`);
    }
  }
  for (const a of catalog.arrangements) {
    const entry = `arrangement ${a.id}`;
    a.sources.forEach((s, i) => {
      if (s.excerpt === undefined) add(entry, `sources[${i}].excerpt`, 'no excerpt: quote the sentence(s) the entry rests on');
      if (!s.titleIsDescription && looksLikeDescription(s.title, s.publisher)) {
        add(entry, `sources[${i}].title`, 'reads as a description: use the real headline or set titleIsDescription');
      }
      if (s.titleIsDescription && s.titleFr === undefined) add(entry, `sources[${i}].titleFr`, 'a description written by Linkwatch needs its French (titleFr)');
      if (!s.titleIsDescription && s.titleFr !== undefined) add(entry, `sources[${i}].titleFr`, 'a real headline is never translated: titleFr only with titleIsDescription');
    });
    a.status.forEach((step, i) => {
      const field = `status[${i}]`;
      if (step.source === undefined) {
        add(entry, `${field}.source`, `a "${step.status}" step must cite its source`);
        return;
      }
      const source = a.sources[step.source];
      if (!source) return; // checkReferences names the missing index
      if (step.status === 'confirmed' && !source.primary && !isParty(a, step.by)) {
        add(entry, `${field}`, '"confirmed" needs a primary source or the confirming party (by) among the parties');
      }
      if (step.status === 'denied' && step.by === undefined) add(entry, `${field}.by`, '"denied" must say who denied');
      if (step.by !== undefined && step.scope && (['en', 'fr'] as const).some((l) => !/^\p{Ll}/u.test(step.scope![l]))) {
        add(entry, `${field}.scope`, 'says what the party (by) did, starting lower-case: "confirmed working with…", never its name or a noun phrase');
      }
      if (STRONG_STATUSES.has(step.status) && source.excerpt === undefined) {
        add(entry, `${field}.source`, `the source of a "${step.status}" step has no excerpt`);
      }
    });
  }
  return problems;
}

function isParty(a: Arrangement, id: string | undefined): boolean {
  return id !== undefined && a.parties.includes(id);
}

/** The cross-reference rules, on a catalog that already passed the schema. */
export function checkReferences(
  catalog: Catalog,
  options: { today?: string; knownInstitutions?: ReadonlySet<string> } = {},
): CatalogProblem[] {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const problems: CatalogProblem[] = [];
  const add = (entry: string, field: string, message: string) => problems.push({ entry, field, message });

  const institutionIds = new Set<string>(options.knownInstitutions ?? []);
  const seenInstitutions = new Set<string>();
  const domainOwner = new Map<string, string>();
  for (const inst of catalog.institutions) {
    const entry = `institution ${inst.id}`;
    if (seenInstitutions.has(inst.id) || options.knownInstitutions?.has(inst.id)) add(entry, 'id', 'id is used twice');
    seenInstitutions.add(inst.id);
    institutionIds.add(inst.id);
    inst.domains.forEach((rule, i) => {
      const field = `domains[${i}]`;
      const parsed = parseDomain(rule.domain);
      if (!parsed.domain || parsed.isIp || !parsed.isIcann) {
        add(entry, `${field}.domain`, `"${rule.domain}" has no registrable domain under a public suffix`);
      }
      // A host under another of the same institution's domains is already covered by it: one rule, not two.
      const cover = rule.path === undefined ? inst.domains.find((other) => other !== rule && other.path === undefined && rule.domain.endsWith(`.${other.domain}`)) : undefined;
      if (cover) add(entry, `${field}.domain`, `"${rule.domain}" is already covered by its domain "${cover.domain}"`);
      const key = rule.domain + (rule.path ?? '');
      const owner = domainOwner.get(key);
      if (owner !== undefined) add(entry, `${field}.domain`, `"${key}" is already claimed by institution ${owner}`);
      else domainOwner.set(key, inst.id);
    });
  }
  const byId = new Map(catalog.institutions.map((i) => [i.id, i]));
  for (const inst of catalog.institutions) {
    if (inst.group === undefined) continue;
    if (!institutionIds.has(inst.group)) add(`institution ${inst.id}`, 'group', `no institution "${inst.group}"`);
    // A group chain must end: follow parents and refuse a cycle.
    const seen = new Set([inst.id]);
    let parent: string | undefined = inst.group;
    while (parent !== undefined) {
      if (seen.has(parent)) {
        add(`institution ${inst.id}`, 'group', 'group relations form a cycle');
        break;
      }
      seen.add(parent);
      parent = byId.get(parent)?.group;
    }
  }

  const seenArrangements = new Set<string>();
  for (const a of catalog.arrangements) {
    const entry = `arrangement ${a.id}`;
    if (seenArrangements.has(a.id)) add(entry, 'id', 'id is used twice');
    seenArrangements.add(a.id);
    a.parties.forEach((p, i) => {
      if (!institutionIds.has(p)) add(entry, `parties[${i}]`, `no institution "${p}"`);
    });
    if (new Set(a.parties).size !== a.parties.length) add(entry, 'parties', 'a party is listed twice');
    a.pairs?.forEach((pair, i) => {
      pair.forEach((id, j) => {
        if (!a.parties.includes(id)) add(entry, `pairs[${i}][${j}]`, `"${id}" is not one of the parties`);
      });
      if (pair[0] === pair[1]) add(entry, `pairs[${i}]`, 'a pair ties two different parties');
    });
    a.status.forEach((step, i) => {
      if (isInFuture(step.date, today)) add(entry, `status[${i}].date`, `${step.date} is in the future`);
      if (step.by !== undefined && !institutionIds.has(step.by)) add(entry, `status[${i}].by`, `no institution "${step.by}"`);
      if (step.source !== undefined && step.source >= a.sources.length) {
        add(entry, `status[${i}].source`, `no source #${step.source} (there are ${a.sources.length})`);
      }
      const prev = a.status[i - 1];
      if (prev && step.date.slice(0, 4) < prev.date.slice(0, 4)) add(entry, `status[${i}].date`, 'status steps must be oldest first');
    });
    a.sources.forEach((s, i) => {
      if (isInFuture(s.date, today)) add(entry, `sources[${i}].date`, `${s.date} is in the future`);
    });
  }
  return problems;
}
