/**
 * lib/config: export, import (every refusal named after its situation), migrations, preview, apply, the JSON
 * Schema file and the CLI validator. Hostile inputs live as files in test/fixtures/config/; the huge and the
 * deeply nested ones are generated here.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Catalog, Institution } from '../../lib/catalog';
import {
  applyImportToState,
  exportConfig,
  exportFileName,
  exportList,
  importConfig,
  LIMITS,
  MAX_REPORTED_ERRORS,
  type ConfigState,
  type CustomList,
  type ImportResult,
  type ImportSuccess,
} from '../../lib/config';
import { configJsonSchema, configJsonSchemaText } from '../../lib/config/json-schema';
import { detectVersion, MIGRATIONS } from '../../lib/config/migrations';
import { CURRENT_VERSION } from '../../lib/config/schema';
import { validateConfigText } from '../../lib/config/validate';
import { catalogCounts, catalogWithLists } from '../../lib/config/catalog-view';
import { describeLocation } from '../../lib/config/messages';
import { BUILD_COMMIT, buildId } from '../../lib/build-id';
import { DEFAULT_PREFERENCES, EVIDENCE_LEVELS, type SiteDecision } from '../../lib/prefs/schema';

// Paths from this file (happy-dom's URL cannot resolve file: URLs, so node:path does it).
const HERE = dirname(fileURLToPath(import.meta.url));
const FIXTURES = `${resolve(HERE, '../fixtures/config')}/`;
const ROOT = `${resolve(HERE, '../..')}/`;
const fixture = (name: string): string => readFileSync(FIXTURES + name, 'utf8');
const fixtureJson = <T = Record<string, unknown>>(name: string): T => JSON.parse(fixture(name)) as T;

/** Fixed instant for every import: the fixtures' dates (2025) are in its past. */
const NOW = new Date('2026-11-29T12:00:00.000Z');
const EMPTY: ConfigState = { preferences: {}, siteDecisions: [], customLists: [], siteProtection: [] };

function expectOk(result: ImportResult): ImportSuccess {
  if (!result.ok) throw new Error(`expected ok, got:\n${result.errors.map((e) => `${e.path}: ${e.message}`).join('\n')}`);
  return result;
}
function errorsOf(result: ImportResult): string[] {
  if (result.ok) throw new Error('expected the file to be refused');
  return result.errors.map((e) => `${e.path}: ${e.message}`);
}
const importText = (text: string, current: ConfigState = EMPTY, bundled?: Catalog) => importConfig(text, current, { now: NOW, bundled });

const LIST: CustomList = fixtureJson<{ list: CustomList }>('v1-list.json').list;

afterEach(() => {
  // No test may leave Object.prototype polluted.
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

// -------------------------------------------------------------------------------------------------------
describe('export', () => {
  const at = new Date('2026-11-29T10:15:00.000Z');
  const prefsOf = (stored: Record<string, unknown>) =>
    (JSON.parse(exportConfig({ preferences: stored, siteDecisions: [], customLists: [] }, at)) as { preferences: unknown }).preferences;

  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['nothing stored', {}, {}],
    ['a stored value equal to the default', { alertStyle: DEFAULT_PREFERENCES.alertStyle, badgeLevels: { ...DEFAULT_PREFERENCES.badgeLevels } }, {}],
    ['a changed alert style', { alertStyle: 'badge-only' }, { alertStyle: 'badge-only' }],
    [
      'one badge level changed (the key is written whole)',
      { badgeLevels: { reported: true, owned: true, observed: true, linked: true } },
      { badgeLevels: { reported: true, owned: true, observed: true, linked: true } },
    ],
    ['a partial stored badge level, written as what it means', { badgeLevels: { linked: true } }, { badgeLevels: { ...DEFAULT_PREFERENCES.badgeLevels, linked: true } }],
    ['an invalid stored value (means the default)', { alertStyle: 'shout' }, {}],
    ['an unknown stored key', { lastOpened: '2026-11-01', alertStyle: 'notice-every-visit' }, { alertStyle: 'notice-every-visit' }],
  ])('writes only non-default preferences: %s', (_situation, stored, expected) => {
    expect(prefsOf(stored)).toEqual(expected);
  });

  it('writes the format, version and creation instant, as pretty JSON with a final newline', () => {
    const text = exportConfig(EMPTY, at);
    expect(text).toBe(
      '{\n  "format": "linkwatch-config",\n  "version": 1,\n  "createdAt": "2026-11-29T10:15:00.000Z",\n  "preferences": {},\n  "siteDecisions": [],\n  "customLists": []\n}\n',
    );
  });

  it('never writes anything the format does not know (no visit history riding along on a decision or list)', () => {
    const decision = { site: 'chase.com', decision: 'muted', createdAt: '2026-11-01T10:00:00.000Z', lastVisit: '2026-11-28', visits: ['https://chase.com/login'] };
    const list = { ...LIST, localNotes: 'seen on chase.com', institutions: [{ ...LIST.institutions[0]!, history: [1, 2] }] };
    const text = exportConfig({ preferences: {}, siteDecisions: [decision as SiteDecision], customLists: [list as CustomList] }, at);
    expect(text).not.toMatch(/lastVisit|visits|localNotes|history|login/);
    const doc = JSON.parse(text) as { siteDecisions: unknown[] };
    expect(doc.siteDecisions).toEqual([{ site: 'chase.com', decision: 'muted', createdAt: '2026-11-01T10:00:00.000Z' }]);
  });

  it('names the file after the local date', () => {
    expect(exportFileName(new Date(2026, 10, 29, 12, 0))).toBe('linkwatch-config-2026-11-29.json');
    expect(exportFileName(new Date(2027, 0, 5, 9, 0))).toBe('linkwatch-config-2027-01-05.json');
  });

  it('writes a list file an advocate can publish, which imports as a list', () => {
    const result = expectOk(importText(exportList(LIST)));
    expect(result.kind).toBe('list');
    expect(result.config.customLists).toEqual([LIST]);
  });
});

// -------------------------------------------------------------------------------------------------------
describe('round trip', () => {
  const states: Array<[string, ConfigState]> = [
    ['an empty state', EMPTY],
    [
      'preferences, both kinds of decision, protection choices and a custom list',
      {
        preferences: { alertStyle: 'badge-only', badgeLevels: { reported: false, owned: true, observed: true, linked: true }, protectAll: true },
        siteDecisions: [
          { site: 'chase.com', decision: 'muted', createdAt: '2026-11-01T10:00:00.000Z' },
          { site: 'barclays.co.uk', decision: 'snoozed', until: '2026-12-01T00:00:00.000Z', createdAt: '2026-11-02T10:00:00.000Z' },
        ],
        customLists: [LIST, { ...LIST, id: 'second-list', enabled: false, institutions: [], arrangements: [] }],
        siteProtection: [
          { site: 'chase.com', protect: false, createdAt: '2026-12-05T10:00:00.000Z' },
          { site: 'hometowncu-example.org', protect: true, createdAt: '2026-12-05T10:01:00.000Z' },
        ],
      },
    ],
  ];
  it.each(states)('export then import gives the same state: %s', (_situation, state) => {
    const result = expectOk(importText(exportConfig(state, NOW)));
    expect(result.dropped).toEqual([]);
    expect(applyImportToState(EMPTY, result)).toEqual(state);
    // Importing into the state it came from changes nothing.
    expect(expectOk(importText(exportConfig(state, NOW), state)).preview.every((c) => c.change === 'unchanged')).toBe(true);
  });
});

// -------------------------------------------------------------------------------------------------------
describe('preview and apply', () => {
  const current: ConfigState = {
    preferences: { alertStyle: 'badge-only', somethingElse: 5 },
    siteDecisions: [
      { site: 'chase.com', decision: 'muted', createdAt: '2025-05-01T10:00:00.000Z' },
      { site: 'barclays.co.uk', decision: 'muted', createdAt: '2025-01-01T00:00:00.000Z' },
      { site: 'hsbc.com', decision: 'muted', createdAt: '2025-01-01T00:00:00.000Z' },
    ],
    customLists: [{ ...LIST, name: 'Old name', arrangements: [] }, { ...LIST, id: 'kept-list', institutions: [], arrangements: [] }],
  };
  const snapshot = structuredClone(current);
  const result = expectOk(importText(fixture('v1-config.json'), current));
  const file = fixtureJson<{ siteDecisions: SiteDecision[] }>('v1-config.json');

  // Every site the fixture list claims, with its institution (a path kept: example.org/chat).
  const LIST_SITES = [
    { site: 'example.com', institution: 'Example Bank' },
    { site: 'example.net', institution: 'Example Platform' },
    { site: 'example.org/chat', institution: 'Example Platform' },
  ];

  it('lists exactly what would change, with the file’s date', () => {
    expect(result.createdAt).toBe('2025-06-02T08:00:00.000Z');
    expect(result.preview).toEqual([
      { kind: 'preference', change: 'changed', key: 'alertStyle', from: 'badge-only', to: 'notice-every-visit' },
      {
        kind: 'preference',
        change: 'changed',
        key: 'badgeLevels',
        from: { reported: true, owned: true, observed: true, linked: false },
        to: { reported: true, owned: true, observed: true, linked: true },
      },
      { kind: 'site-decision', change: 'unchanged', site: 'chase.com', from: current.siteDecisions[0], to: current.siteDecisions[0] },
      { kind: 'site-decision', change: 'changed', site: 'barclays.co.uk', from: current.siteDecisions[1], to: file.siteDecisions[1] },
      {
        kind: 'list',
        change: 'replaced',
        id: 'advocate-test-list',
        from: { name: 'Old name', author: 'Example Privacy Group', date: '2025-06-01', enabled: true, institutions: 2, arrangements: 0, sites: LIST_SITES, entries: [] },
        to: {
          name: "Advocate's test list",
          author: 'Example Privacy Group',
          date: '2025-06-01',
          enabled: true,
          institutions: 2,
          arrangements: 1,
          sites: LIST_SITES,
          entries: [{ id: 'example-bank-platform-2025', title: { en: 'Test fixture: Example Bank and Example Platform', fr: 'Donnée de test : Example Bank et Example Platform' } }],
        },
      },
    ]);
  });

  it('previews a new decision and a new list as added, against an empty state', () => {
    const changes = expectOk(importText(fixture('v1-config.json'))).preview;
    expect(changes.filter((c) => c.kind !== 'preference').map((c) => `${c.kind} ${c.change}`)).toEqual(['site-decision added', 'site-decision added', 'list added']);
  });

  it('applies: sets the file’s preferences, adds or replaces decisions and lists in place, removes nothing', () => {
    const next = applyImportToState(current, result);
    expect(next.preferences).toEqual({
      alertStyle: 'notice-every-visit',
      somethingElse: 5,
      badgeLevels: { reported: true, owned: true, observed: true, linked: true },
    });
    expect(next.siteDecisions.map((d) => `${d.site} ${d.decision}`)).toEqual(['chase.com muted', 'barclays.co.uk snoozed', 'hsbc.com muted']);
    expect(next.customLists.map((l) => `${l.id} ${l.name}`)).toEqual(["advocate-test-list Advocate's test list", 'kept-list Advocate\'s test list']);
  });

  it('says what the file does not mention (issue 22): the user\'s other decisions and lists; preferences the file sets are not "left out"', () => {
    expect(result.leftOut).toEqual([
      { kind: 'site-decision', decision: current.siteDecisions[2] },
      { kind: 'list', id: 'kept-list', summary: expect.objectContaining({ name: "Advocate's test list", institutions: 0, arrangements: 0 }) },
    ]);
    // A preference away from its default that the file does not set is left out too.
    const withPref = expectOk(importText(JSON.stringify({ format: 'linkwatch-config', version: 1, createdAt: '2026-11-29T10:00:00Z' }), current));
    expect(withPref.leftOut[0]).toEqual({ kind: 'preference', key: 'alertStyle', value: 'badge-only', default: DEFAULT_PREFERENCES.alertStyle });
    // A list file only adds its list: nothing is left out of it.
    expect(expectOk(importText(fixture('v1-list.json'), current)).leftOut).toEqual([]);
  });

  it('"replace" makes the state the file\'s: other preferences back to their defaults, other decisions and lists removed, switches kept', () => {
    const switchedOff: ConfigState = { ...current, customLists: [{ ...current.customLists[0]!, enabled: false }, current.customLists[1]!] };
    const next = applyImportToState(switchedOff, result, 'replace');
    expect(next.preferences).toEqual({ alertStyle: 'notice-every-visit', badgeLevels: { reported: true, owned: true, observed: true, linked: true } });
    expect(next.siteDecisions.map((d) => `${d.site} ${d.decision}`)).toEqual(['chase.com muted', 'barclays.co.uk snoozed']);
    expect(next.customLists.map((l) => `${l.id} ${l.enabled}`)).toEqual(['advocate-test-list false']);
    // "keep" is the merge, and the default.
    expect(applyImportToState(switchedOff, result, 'keep')).toEqual(applyImportToState(switchedOff, result));
  });

  it('mutates neither the current state nor the result', () => {
    const resultCopy = structuredClone(result);
    const next = applyImportToState(current, result);
    next.customLists[0]!.institutions.pop();
    (next.preferences.badgeLevels as Record<string, boolean>).linked = false;
    expect(current).toEqual(snapshot);
    expect(result).toEqual(resultCopy);
  });
});

// -------------------------------------------------------------------------------------------------------
describe('migrations', () => {
  it('has one step per version: MIGRATIONS[n] takes version n to n + 1', () => {
    expect(MIGRATIONS).toHaveLength(CURRENT_VERSION);
  });

  const versioned = readdirSync(FIXTURES).filter((f) => /^v\d+-.*\.json$/.test(f));
  it('has a fixture for every version from 0 to the current one', () => {
    const versions = new Set(versioned.map((f) => Number(/^v(\d+)-/.exec(f)![1])));
    for (let n = 0; n <= CURRENT_VERSION; n++) expect(versions.has(n), `a v${n}-*.json fixture`).toBe(true);
  });

  it.each(versioned)('walks %s through every step to the current version, then imports it', (name) => {
    const stated = Number(/^v(\d+)-/.exec(name)![1]);
    let doc = fixtureJson(name);
    const detected = detectVersion(doc);
    expect(detected).toMatchObject({ ok: true, version: stated });
    if (detected.ok && detected.format === 'linkwatch-config') {
      for (let n = stated; n < CURRENT_VERSION; n++) {
        const before = structuredClone(doc);
        const next = MIGRATIONS[n]!(doc, { now: NOW });
        expect(doc, `step ${n} -> ${n + 1} leaves its input alone`).toEqual(before);
        expect(next.version).toBe(n + 1);
        doc = next;
      }
    }
    const result = expectOk(importText(fixture(name)));
    expect(result.fromVersion).toBe(stated);
    expect(result.migrated).toBe(stated < CURRENT_VERSION);
  });

  it('turns the pre-release export into version 1, reporting the setting it could not carry', () => {
    const result = expectOk(importText(fixture('v0-pre-release.json')));
    expect(result.config).toEqual({
      format: 'linkwatch-config',
      version: 1,
      createdAt: '2025-06-01T09:30:00Z',
      preferences: { alertStyle: 'badge-only', badgeLevels: { reported: true, owned: true, observed: true, linked: true } },
      siteDecisions: [
        { site: 'chase.com', decision: 'muted', createdAt: '2025-06-01T09:30:00Z' },
        { site: 'citi.com', decision: 'muted', createdAt: '2025-06-01T09:30:00Z' },
      ],
      customLists: [],
      siteProtection: [],
      watchedSites: [],
    });
    expect(result.dropped).toEqual(['$.preferences.theme']);
  });

  it('dates the decisions of an undated pre-release export with the import instant', () => {
    const result = expectOk(importText('{"app":"linkwatch","muted":["chase.com"]}'));
    expect(result.config.siteDecisions).toEqual([{ site: 'chase.com', decision: 'muted', createdAt: NOW.toISOString() }]);
  });

  it('names a bad value in an old file, and says the paths are after conversion', () => {
    expect(errorsOf(importText('{"app":"linkwatch","prefs":{"notice":"sometimes"},"muted":["www.chase.com"]}'))).toEqual([
      '$.preferences.alertStyle: Invalid type: Expected ("badge-only" | "notice-first-visit" | "notice-every-visit") but received "sometimes"',
      '$.siteDecisions[0].site: must be the registrable domain "chase.com", not a host below it',
      '$: paths refer to the file after conversion from format version 0 to 1',
    ]);
  });
});

// -------------------------------------------------------------------------------------------------------
describe('refused files', () => {
  /** Each error starts with the expected text, in order, and there are no others. */
  const expectErrors = (result: ImportResult, expected: readonly string[]) => {
    const errors = errorsOf(result);
    errors.forEach((e, i) => expect(e.startsWith(expected[i] ?? '\u0000'), `${e}\n  should start with\n${expected[i]}`).toBe(true));
    expect(errors).toHaveLength(expected.length);
  };

  // [situation, fixture, every error expected, as `path: message` (or its start, where the words come from
  // the JSON parser or the bundled catalog, which may change)]
  const rows: Array<[string, string, string[]]> = [
    ['an empty file', 'empty.json', ['$: the file is empty']],
    ['not JSON (a JavaScript object literal)', 'not-json.json', ['$: this is not JSON (line 1, column 3: ']],
    ['JSON that is an array', 'array.json', ['$: expected a JSON object with a "format" field, found an array']],
    ['JSON that is a string', 'string.json', ['$: expected a JSON object with a "format" field, found a string']],
    ['JSON that is null', 'null.json', ['$: expected a JSON object with a "format" field, found null']],
    ['JSON that is a number', 'number.json', ['$: expected a JSON object with a "format" field, found a number']],
    ['a newer format version', 'newer-version.json', ['$.version: made by a newer Linkwatch (format version 2); this version reads up to 1; update Linkwatch']],
    [
      'wrong types everywhere',
      'wrong-types.json',
      [
        '$.createdAt: Invalid type: Expected string but received 20250602',
        '$.preferences.alertStyle: Invalid type: Expected ("badge-only" | "notice-first-visit" | "notice-every-visit") but received true',
        '$.preferences.badgeLevels.linked: Invalid type: Expected boolean but received "yes"',
        '$.siteDecisions: Invalid type: Expected Array but received Object',
        '$.customLists: Invalid type: Expected Array but received "none"',
      ],
    ],
    ['duplicate ids in a list', 'duplicate-ids-in-list.json', ['$.list.institutions[2].id: id is used twice', '$.list.arrangements[1].id: id is used twice']],
    ['two decisions for one site', 'duplicate-site-decisions.json', ['$.siteDecisions[2].site: "chase.com" has two decisions (also $.siteDecisions[0])']],
    [
      'links with other schemes (javascript:, data:, http:, file:, credentials)',
      'other-schemes.json',
      [
        '$.list.homepage: must be an https:// URL without credentials',
        ...[0, 1, 2, 3, 4].map((i) => `$.list.arrangements[0].sources[${i}].url: must be an https:// URL without credentials`),
      ],
    ],
    [
      'a list redefining bundled ids and domains',
      'list-redefines-bundled.json',
      [
        '$.list.institutions[0].domains[1].domain: "online.chase.com" is claimed by both the list "Advocate\'s test list" (institution "Example Bank") and Linkwatch\'s catalog (institution "Chase", which claims chase.com); a site belongs to one owner only',
        '$.list.institutions[1].domains[2].domain: "messenger.com" is claimed by both the list "Advocate\'s test list" (institution "Example Platform") and Linkwatch\'s catalog (institution "',
        '$.list.institutions[2].id: "chase" is a bundled institution; a list may name it as a party but cannot redefine it',
        '$.list.arrangements[1].id: "fb-us-banks-messenger-2018" is a bundled arrangement; a list cannot redefine it',
      ],
    ],
  ];
  it.each(rows)('%s (%s)', (_situation, name, expected) => {
    expectErrors(importText(fixture(name)), expected);
  });

  const config = (extra: Record<string, unknown>) =>
    JSON.stringify({ format: 'linkwatch-config', version: 1, createdAt: '2026-11-29T10:00:00Z', ...extra });
  const decision = (i: number) => ({ site: `site${i}.com`, decision: 'muted', createdAt: '2026-11-29T10:00:00Z' });
  const institution = (i: number): Institution => ({ id: `inst-${i}`, name: `Institution ${i}`, country: 'US', kind: 'bank', domains: [] });

  // [situation, text generated here, expected errors (prefix match on each)]
  const generated: Array<[string, () => string, string[]]> = [
    ['a 10 MB file', () => `{"pad":"${'x'.repeat(10 * 1024 * 1024 - 10)}"}`, ['$: the file is 10.0 MiB (10,485,760 bytes); Linkwatch reads config and list files up to 1 MiB']],
    ['1 MiB and one byte of multi-byte text', () => `"${'é'.repeat(LIMITS.maxBytes / 2 - 1)}é"`, ['$: the file is 1.0 MiB (1,048,578 bytes)']],
    ['arrays nested 100,000 levels deep', () => '['.repeat(100_000) + ']'.repeat(100_000), [`$${'[0]'.repeat(20)}: nested more than 20 levels deep`]],
    ['objects nested 50,000 levels deep', () => '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000), [`$${'.a'.repeat(20)}: nested more than 20 levels deep`]],
    ['nesting one level past the limit inside a valid config', () => config({ preferences: { badgeLevels: { linked: JSON.parse('['.repeat(18) + ']'.repeat(18)) } } }), ['$.preferences.badgeLevels.linked' + '[0]'.repeat(17) + ': nested more than 20 levels deep']],
    ['1,001 site decisions', () => config({ siteDecisions: Array.from({ length: 1001 }, (_, i) => decision(i)) }), ['$.siteDecisions: 1,001 found; at most 1000 site decisions are allowed']],
    ['21 custom lists', () => config({ customLists: Array.from({ length: 21 }, (_, i) => ({ ...LIST, id: `list-${i}` })) }), ['$.customLists: 21 found; at most 20 custom lists are allowed']],
    [
      '2,001 institutions in one list',
      () => JSON.stringify({ format: 'linkwatch-list', version: 1, list: { ...LIST, institutions: Array.from({ length: 2001 }, (_, i) => institution(i)) } }),
      ['$.list.institutions: 2,001 found; at most 2000 institutions per list are allowed'],
    ],
    [
      'a group chain deeper than eight levels',
      () => JSON.stringify({ format: 'linkwatch-list', version: 1, list: { ...LIST, institutions: Array.from({ length: 2000 }, (_, i) => ({ ...institution(i), group: i > 0 ? `inst-${i - 1}` : undefined })), arrangements: [] } }),
      ['$.list.institutions[8].group: group chains may be at most 8 levels deep'],
    ],
    ['no format field', () => '{"version":1}', ['$.format: the "format" field is missing: this is not a Linkwatch config or list file']],
    ['another program’s format', () => '{"format":"ublock-backup","version":1}', ['$.format: format is "ublock-backup"; expected "linkwatch-config" or "linkwatch-list"']],
    ['a version that is not a number', () => '{"format":"linkwatch-config","version":"1"}', ['$.version: version must be a whole number, found a string']],
    ['a missing version', () => '{"format":"linkwatch-config"}', ['$.version: the format version is missing']],
    ['version 0 with a format field', () => '{"format":"linkwatch-config","version":0}', ['$.version: format version 0 does not exist; versions start at 1']],
    ['a missing required field', () => '{"format":"linkwatch-list","version":1}', ['$.list: required, but missing']],
    ['a list dated in the future', () => JSON.stringify({ format: 'linkwatch-list', version: 1, list: { ...LIST, date: '2027-01-01' } }), ['$.list.date: 2027-01-01 is in the future']],
    ['two lists with one id', () => config({ customLists: [LIST, LIST] }), ['$.customLists[1].id: list id "advocate-test-list" is used twice (also $.customLists[0])']],
    [
      'protection for a platform’s and a regulator’s own sites',
      () => config({ siteProtection: [{ site: 'facebook.com', protect: true, createdAt: '2026-12-05T00:00:00Z' }, { site: 'ftc.gov', protect: true, createdAt: '2026-12-05T00:00:00Z' }] }),
      ['$.siteProtection[0].site: "facebook.com" is a platform\'s own site (Facebook)', '$.siteProtection[1].site: "ftc.gov" is a regulator\'s own site ('],
    ],
    [
      'two protection choices for one site',
      () => config({ siteProtection: [{ site: 'chase.com', protect: true, createdAt: '2026-12-05T00:00:00Z' }, { site: 'chase.com', protect: false, createdAt: '2026-12-05T00:00:00Z' }] }),
      ['$.siteProtection[1].site: "chase.com" has two protection choices (also $.siteProtection[0])'],
    ],
    [
      'a party that exists nowhere',
      () => JSON.stringify({ format: 'linkwatch-list', version: 1, list: { ...LIST, arrangements: [{ ...LIST.arrangements[0]!, parties: ['example-bank', 'nobody'] }] } }),
      ['$.list.arrangements[0].parties[1]: no institution "nobody"'],
    ],
  ];
  it.each(generated)('%s', (_situation, make, expected) => {
    expectErrors(importText(make()), expected);
  });

  it('a value given twice has plain words in every language (code used-twice, with the value)', () => {
    const result = importText(config({ siteDecisions: [decision(1), decision(1)] }));
    if (result.ok) throw new Error('expected the file to be refused');
    expect(result.errors.map((e) => [e.code, e.values])).toEqual([['used-twice', ['site1.com']]]);
  });

  it('refuses a non-string argument instead of throwing', () => {
    expect(errorsOf(importConfig(undefined as unknown as string))).toEqual(['$: expected the text of a file, got undefined']);
    expect(errorsOf(importConfig({ format: 'linkwatch-config' } as unknown as string))).toEqual(['$: expected the text of a file, got an object']);
  });

  it('caps the error list, saying how many more there are', () => {
    const bad = Array.from({ length: 300 }, () => ({ site: 'NOT A SITE', decision: 'muted', createdAt: '2026-11-29T10:00:00Z' }));
    const errors = errorsOf(importText(config({ siteDecisions: bad })));
    expect(errors).toHaveLength(MAX_REPORTED_ERRORS + 1);
    expect(errors.at(-1)).toBe('$: 200 more problems not shown');
  });

  it('reads a file that starts with a byte-order mark', () => {
    expect(expectOk(importText(`\uFEFF${fixture('v1-config.json')}`)).kind).toBe('config');
  });
});

// -------------------------------------------------------------------------------------------------------
describe('site decisions', () => {
  const withSite = (site: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify({ format: 'linkwatch-config', version: 1, createdAt: '2026-11-29T10:00:00Z', siteDecisions: [{ site, decision: 'muted', createdAt: '2026-11-29T10:00:00Z', ...extra }] });

  it.each([
    ['a .com bank', 'chase.com'],
    ['a country-code second level', 'barclays.co.uk'],
    ['a brand top-level domain', 'mabanque.bnpparibas'],
    ['a punycode name', 'xn--bcher-kva.de'],
  ])('accepts %s (%s)', (_situation, site) => {
    expect(expectOk(importText(withSite(site))).config.siteDecisions[0]!.site).toBe(site);
  });

  it.each([
    ['a subdomain', 'www.chase.com', 'must be the registrable domain "chase.com", not a host below it'],
    ['upper case', 'Chase.com', 'must be a lowercase domain name like chase.com (no scheme, port, path or trailing dot)'],
    ['a URL', 'https://chase.com/', 'must be a lowercase domain name like chase.com (no scheme, port, path or trailing dot)'],
    ['a trailing dot', 'chase.com.', 'must be a lowercase domain name like chase.com (no scheme, port, path or trailing dot)'],
    ['a public suffix', 'co.uk', '"co.uk" has no registrable domain under a public suffix'],
    ['an IP address', '192.168.1.20', 'must be a domain name, not an IP address'],
    ['a single label', 'localhost', 'must be a lowercase domain name like chase.com (no scheme, port, path or trailing dot)'],
    ['an empty string', '', 'must be a lowercase domain name like chase.com (no scheme, port, path or trailing dot)'],
  ])('refuses %s (%s)', (_situation, site, message) => {
    expect(errorsOf(importText(withSite(site)))).toEqual([`$.siteDecisions[0].site: ${message}`]);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['a snooze without an end', { decision: 'snoozed' }, ['$.siteDecisions[0].until: required, but missing']],
    ['an unknown decision', { decision: 'blocked' }, ['$.siteDecisions[0].decision: Invalid type: Expected ("muted" | "snoozed") but received "blocked"']],
    ['an impossible date', { createdAt: '2026-02-30T10:00:00Z' }, ['$.siteDecisions[0].createdAt: must be a real date and time']],
    ['a date without a zone', { createdAt: '2026-11-29T10:00:00' }, ['$.siteDecisions[0].createdAt: must be an ISO 8601 instant like 2026-11-29T10:15:00Z']],
  ])('refuses %s', (_situation, extra, expected) => {
    expect(errorsOf(importText(withSite('chase.com', extra)))).toEqual(expected);
  });

  it('drops (and reports) an end date on a plain mute', () => {
    const result = expectOk(importText(withSite('chase.com', { until: '2026-12-01T00:00:00Z' })));
    expect(result.dropped).toEqual(['$.siteDecisions[0].until']);
    expect(result.config.siteDecisions[0]).toEqual({ site: 'chase.com', decision: 'muted', createdAt: '2026-11-29T10:00:00Z' });
  });
});

// -------------------------------------------------------------------------------------------------------
describe('unknown and dangerous keys', () => {
  it('drops unknown keys anywhere and lists them as JSON paths', () => {
    const result = expectOk(importText(fixture('unknown-keys.json')));
    expect(result.dropped).toEqual([
      '$.preferences.fontSize',
      '$.siteDecisions[0].lastVisit',
      '$.customLists[0].institutions[0].logo',
      '$.history',
    ]);
    expect(JSON.stringify(result.config)).not.toMatch(/fontSize|lastVisit|logo|history/);
  });

  it('drops __proto__, constructor and prototype keys, and reports them', () => {
    const result = expectOk(importText(fixture('proto-keys.json')));
    expect(result.dropped).toEqual([
      '$.__proto__',
      '$.constructor',
      '$.preferences.__proto__',
      '$.preferences.badgeLevels.__proto__',
      '$.siteDecisions[0].__proto__',
      '$.siteDecisions[0].prototype',
    ]);
    expect(result.config.preferences).toEqual({ alertStyle: 'badge-only', badgeLevels: { ...DEFAULT_PREFERENCES.badgeLevels, linked: true } });
    expect(Object.getPrototypeOf(result.config)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(result.config.preferences)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(result.config.siteDecisions[0])).toBe(Object.prototype);
    expect((result.config.preferences as Record<string, unknown>).polluted).toBeUndefined();
  });

  const payload = '{"polluted":1}';
  const list = (inner: string) => `{"format":"linkwatch-list","version":1,"list":${inner}}`;
  const listText = JSON.stringify(LIST);
  it.each([
    ['at the top of a file with no format', `{"__proto__":${payload}}`],
    ['at the top of a config', `{"__proto__":${payload},"format":"linkwatch-config","version":1,"createdAt":"2026-11-29T10:00:00Z"}`],
    ['as constructor.prototype', `{"constructor":{"prototype":${payload}},"format":"linkwatch-config","version":1,"createdAt":"2026-11-29T10:00:00Z"}`],
    ['in preferences', `{"format":"linkwatch-config","version":1,"createdAt":"2026-11-29T10:00:00Z","preferences":{"__proto__":${payload}}}`],
    ['in a list', list(listText.replace('{', `{"__proto__":${payload},`))],
    ['in a list’s institution', list(listText.replace('"institutions":[{', `"institutions":[{"__proto__":${payload},`))],
    ['in a wrongly typed value', `{"format":"linkwatch-config","version":1,"createdAt":{"__proto__":${payload}}}`],
    ['in a pre-release file’s prefs', `{"app":"linkwatch","prefs":{"__proto__":${payload},"notice":"off"},"__proto__":${payload}}`],
    ['in a pre-release file with prefs of the wrong type', `{"app":"linkwatch","prefs":[{"__proto__":${payload}}],"muted":{"__proto__":${payload}}}`],
    ['in a list file’s list of the wrong type', list(`[{"__proto__":${payload}}]`)],
  ])('never pollutes Object.prototype: __proto__ %s', (_situation, text) => {
    const result = importText(text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    if (result.ok) {
      expect(result.dropped.some((p) => p.endsWith('__proto__') || p.endsWith('constructor'))).toBe(true);
      expect(JSON.stringify(result.config)).not.toContain('polluted');
    }
  });
});

// -------------------------------------------------------------------------------------------------------
describe('custom lists and the bundled catalog', () => {
  const bundled: Catalog = {
    version: '2026-11-29',
    institutions: [
      { id: 'acme-platform', name: 'Acme Platform', country: 'US', kind: 'platform', domains: [{ domain: 'acme-platform.com', verified: 'A' }] },
    ],
    arrangements: [],
  };
  const listWith = (changes: Partial<CustomList>) => JSON.stringify({ format: 'linkwatch-list', version: 1, list: { ...LIST, ...changes } });
  const arrangement = LIST.arrangements[0]!;

  it.each<[string, Partial<CustomList>, string[]]>([
    ['a bundled institution named as a party', { arrangements: [{ ...arrangement, parties: ['example-bank', 'acme-platform'] }] }, []],
    ['a bundled institution as a group', { institutions: [{ ...LIST.institutions[0]!, group: 'acme-platform' }, LIST.institutions[1]!] }, []],
    ['a bundled institution redefined', { institutions: [...LIST.institutions, { ...LIST.institutions[0]!, id: 'acme-platform', domains: [] }] }, ['$.list.institutions[2].id: "acme-platform" is a bundled institution; a list may name it as a party but cannot redefine it. To add a domain to it, add an institution of your own with "group": "acme-platform" and that domain']],
    ['a bundled domain claimed', { institutions: [{ ...LIST.institutions[0]!, domains: [{ domain: 'acme-platform.com', verified: 'C' }] }, LIST.institutions[1]!] }, ['$.list.institutions[0].domains[0].domain: "acme-platform.com" is claimed by both the list "Advocate\'s test list" (institution "Example Bank") and Linkwatch\'s catalog (institution "Acme Platform"); a site belongs to one owner only']],
    ['a host below a bundled domain claimed', { institutions: [{ ...LIST.institutions[0]!, domains: [{ domain: 'pay.acme-platform.com', verified: 'C' }] }, LIST.institutions[1]!] }, ['$.list.institutions[0].domains[0].domain: "pay.acme-platform.com" is claimed by both the list "Advocate\'s test list" (institution "Example Bank") and Linkwatch\'s catalog (institution "Acme Platform", which claims acme-platform.com); a site belongs to one owner only']],
    ['a look-alike domain (not at a dot boundary)', { institutions: [{ ...LIST.institutions[0]!, domains: [{ domain: 'notacme-platform.com', verified: 'C' }] }, LIST.institutions[1]!] }, []],
    ['a domain claimed twice in the list', { institutions: [LIST.institutions[0]!, { ...LIST.institutions[1]!, domains: [{ domain: 'example.com', verified: 'C' }] }] }, ['$.list.institutions[1].domains[0].domain: "example.com" is already claimed by institution example-bank']],
    ['a status step in the future', { arrangements: [{ ...arrangement, status: [{ status: 'reported', date: '2027-02' }] }] }, ['$.list.arrangements[0].status[0].date: 2027-02 is in the future']],
    ['a step naming a missing source', { arrangements: [{ ...arrangement, status: [{ status: 'reported', date: '2025-03', source: 4 }] }] }, ['$.list.arrangements[0].status[0].source: no source #4 (there are 1)']],
    ['a missing French text', { arrangements: [{ ...arrangement, summary: { en: 'Only English.', fr: ' ' } }] }, ['$.list.arrangements[0].summary.fr: French text is missing']],
  ])('%s', (_situation, changes, expected) => {
    const result = importText(listWith(changes), EMPTY, bundled);
    if (expected.length === 0) expectOk(result);
    else expect(errorsOf(result)).toEqual(expected);
  });

  it('fills a list’s defaults: enabled, empty entries', () => {
    const { institutions: _i, arrangements: _a, enabled: _e, ...bare } = LIST;
    const result = expectOk(importText(JSON.stringify({ format: 'linkwatch-list', version: 1, list: bare })));
    expect(result.config.customLists[0]).toMatchObject({ enabled: true, institutions: [], arrangements: [] });
    expect(result.createdAt).toBe('2025-06-01');
  });
});

// -------------------------------------------------------------------------------------------------------
describe('the published JSON Schema', () => {
  it('docs/config.schema.json is up to date (regenerate: npx tsx scripts/config-schema.ts)', () => {
    expect(readFileSync(`${ROOT}docs/config.schema.json`, 'utf8')).toBe(configJsonSchemaText());
  });

  it('knows exactly the preferences and evidence levels the extension has', () => {
    const schema = configJsonSchema() as { oneOf: Array<{ properties: Record<string, { properties?: Record<string, { properties?: object }> }> }> };
    const prefs = schema.oneOf[0]!.properties.preferences!.properties!;
    expect(Object.keys(prefs)).toEqual(Object.keys(DEFAULT_PREFERENCES));
    expect(Object.keys(prefs.badgeLevels!.properties!)).toEqual([...EVIDENCE_LEVELS]);
  });
});

// -------------------------------------------------------------------------------------------------------
describe('the validator behind npm run validate', () => {
  it.each<[string, string, string[]]>([
    ['a valid config', 'v1-config.json', ['F: valid linkwatch-config v1 (2 decisions, 1 list)']],
    ['a valid list', 'v1-list.json', ['F: valid linkwatch-list v1 (list advocate-test-list: 2 institutions, 1 arrangement)']],
    ['an old file with a dropped key', 'v0-pre-release.json', ['F: warning: $.preferences.theme: unknown key dropped', 'F: valid linkwatch-config v1 (2 decisions, 0 lists; converted from format version 0)']],
    ['a refused file', 'duplicate-site-decisions.json', ['F: $.siteDecisions[2].site: "chase.com" has two decisions (also $.siteDecisions[0])']],
  ])('prints one line per finding: %s', (_situation, name, lines) => {
    expect(validateConfigText('F', fixture(name), { now: NOW }).lines).toEqual(lines);
  });

  it('keeps every finding on one line, whatever the key or file name holds', () => {
    const report = validateConfigText('a\nb', '{"format":"linkwatch-config","version":1,"createdAt":"2026-11-29T10:00:00Z","x\\ny":1}', { now: NOW });
    expect(report.lines).toEqual(['a\\u000ab: warning: $["x\\ny"]: unknown key dropped', 'a\\u000ab: valid linkwatch-config v1 (0 decisions, 0 lists)']);
  });

  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/validate.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  const rel = (name: string) => `test/fixtures/config/${name}`;

  it('runs as a command: exit 0 when every file is valid, 1 when one is not, with one line per finding', () => {
    const ok = run(rel('v1-config.json'), rel('v1-list.json'));
    expect(ok.stdout).toBe(
      `${rel('v1-config.json')}: valid linkwatch-config v1 (2 decisions, 1 list)\n${rel('v1-list.json')}: valid linkwatch-list v1 (list advocate-test-list: 2 institutions, 1 arrangement)\n`,
    );
    expect(ok.status).toBe(0);

    const bad = run(rel('v1-config.json'), rel('other-schemes.json'));
    expect(bad.status).toBe(1);
    const lines = bad.stdout.trim().split('\n');
    expect(lines[0]).toBe(`${rel('v1-config.json')}: valid linkwatch-config v1 (2 decisions, 1 list)`);
    expect(lines[1]).toBe(`${rel('other-schemes.json')}: $.list.homepage: must be an https:// URL without credentials`);
    expect(lines).toHaveLength(7);
  }, 60_000);

  it('runs as a command: exit 2 with no file, or a file it cannot read', () => {
    const none = run();
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('no file given');
    const missing = run(rel('no-such-file.json'), rel('v1-config.json'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain(`${rel('no-such-file.json')}: cannot read:`);
    expect(missing.stdout).toContain('valid linkwatch-config v1');
  }, 60_000);

  it('runs as a command: refuses an oversized file from its size, without reading it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'linkwatch-validate-'));
    const big = join(dir, 'big.json');
    try {
      writeFileSync(big, `"${'x'.repeat(2 * 1024 * 1024)}"`);
      const result = run(big);
      expect(result.status).toBe(1);
      expect(result.stdout).toBe(`${big}: $: the file is 2.0 MiB (2,097,154 bytes); Linkwatch reads config and list files up to 1 MiB\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

// -------------------------------------------------------------------------------------------------------
describe('hostile lists (issue 16): one row per case, each refused or reported with its path and plain-words code', () => {
  const bundled: Catalog = {
    version: '2026-11-29',
    institutions: [
      { id: 'acme-bank', name: 'Acme Bank', country: 'US', kind: 'bank', domains: [{ domain: 'acmebank.com', verified: 'A' }] },
    ],
    arrangements: [],
  };
  const listFile = (list: Partial<CustomList>) => JSON.stringify({ format: 'linkwatch-list', version: 1, list: { ...LIST, ...list } });
  const arrangement = LIST.arrangements[0]!;
  const [bank, platform] = [LIST.institutions[0]!, LIST.institutions[1]!];
  const other: CustomList = { ...LIST, id: 'other-list', name: 'Other list', institutions: [{ ...bank, id: 'other-bank', name: 'Other Bank', domains: [{ domain: 'otherbank.com', verified: 'C' }] }], arrangements: [] };
  const installed: ConfigState = { preferences: {}, siteDecisions: [], customLists: [other] };

  it.each<[string, string, ConfigState, Array<[string, string, string]>]>([
    // [situation, file, state, [[path, message starts with, code]]]
    ['RLO in a list name', listFile({ name: 'Fintech \u202Ehctaw\u202C' }), EMPTY, [['$.list.name', 'contains U+202E RIGHT-TO-LEFT OVERRIDE, U+202C POP DIRECTIONAL FORMATTING: an invisible character', 'hidden-characters']]],
    ['an isolate in an author', listFile({ author: 'Group \u2067x\u2069' }), EMPTY, [['$.list.author', 'contains U+2067 RIGHT-TO-LEFT ISOLATE, U+2069 POP DIRECTIONAL ISOLATE', 'hidden-characters']]],
    ['a right-to-left mark in an institution name', listFile({ institutions: [{ ...bank, name: 'Example\u200F Bank' }, platform] }), EMPTY, [['$.list.institutions[0].name', 'contains U+200F RIGHT-TO-LEFT MARK', 'hidden-characters']]],
    ['an Arabic letter mark in a description', listFile({ description: 'A list\u061C' }), EMPTY, [['$.list.description', 'contains U+061C ARABIC LETTER MARK', 'hidden-characters']]],
    ['zero-width space in an entry title', listFile({ arrangements: [{ ...arrangement, title: { ...arrangement.title, en: 'Test\u200B fixture' } }] }), EMPTY, [['$.list.arrangements[0].title.en', 'contains U+200B ZERO WIDTH SPACE', 'hidden-characters']]],
    ['zero-width joiner in a French summary', listFile({ arrangements: [{ ...arrangement, summary: { ...arrangement.summary, fr: 'Ré\u200Dsumé' } }] }), EMPTY, [['$.list.arrangements[0].summary.fr', 'contains U+200D ZERO WIDTH JOINER', 'hidden-characters']]],
    ['a word joiner in a source publisher', listFile({ arrangements: [{ ...arrangement, sources: [{ ...arrangement.sources[0]!, publisher: 'Ex\u2060ample' }] }] }), EMPTY, [['$.list.arrangements[0].sources[0].publisher', 'contains U+2060 WORD JOINER', 'hidden-characters']]],
    ['a BOM inside a domain note', listFile({ institutions: [{ ...bank, domains: [{ domain: 'example.com', verified: 'C', note: 'x\uFEFFy' }] }, platform] }), EMPTY, [['$.list.institutions[0].domains[0].note', 'contains U+FEFF ZERO WIDTH NO-BREAK SPACE', 'hidden-characters']]],
    ['an LRO in a config list name', JSON.stringify({ format: 'linkwatch-config', version: 1, createdAt: '2026-11-29T10:00:00Z', customLists: [{ ...LIST, name: '\u202Dx' }] }), EMPTY, [['$.customLists[0].name', 'contains U+202D LEFT-TO-RIGHT OVERRIDE', 'hidden-characters']]],
    ['a domain of the bundled catalog', listFile({ institutions: [{ ...bank, domains: [{ domain: 'acmebank.com', verified: 'C' }] }, platform] }), EMPTY, [['$.list.institutions[0].domains[0].domain', '"acmebank.com" is claimed by both the list "Advocate\'s test list" (institution "Example Bank") and Linkwatch\'s catalog (institution "Acme Bank")', 'domain-in-catalog']]],
    ['a domain in two lists (one installed)', listFile({ institutions: [{ ...bank, domains: [{ domain: 'otherbank.com', verified: 'C' }] }, platform] }), installed, [['$.list.institutions[0].domains[0].domain', '"otherbank.com" is claimed by both the list "Advocate\'s test list" (institution "Example Bank") and the list "Other list" (institution "Other Bank"); a site belongs to one list only', 'domain-claimed-twice']]],
    ['a host below another list’s domain', listFile({ institutions: [{ ...bank, domains: [{ domain: 'online.otherbank.com', verified: 'C' }] }, platform] }), installed, [['$.list.institutions[0].domains[0].domain', '"online.otherbank.com" and "otherbank.com" overlap (one is within the other); they are claimed by the list "Advocate\'s test list" (institution "Example Bank") and the list "Other list"', 'domain-claimed-twice']]],
    ['a domain in two lists of one file', JSON.stringify({ format: 'linkwatch-config', version: 1, createdAt: '2026-11-29T10:00:00Z', customLists: [LIST, { ...other, institutions: [{ ...other.institutions[0]!, domains: [{ domain: 'example.com', verified: 'C' }] }] }] }), EMPTY, [['$.customLists[1].institutions[0].domains[0].domain', '"example.com" is claimed by both the list "Advocate\'s test list" (institution "Example Bank") and the list "Other list" (institution "Other Bank")', 'domain-claimed-twice']]],
    ['an institution id of another list', listFile({ institutions: [{ ...bank, id: 'other-bank' }, platform], arrangements: [] }), installed, [['$.list.institutions[0].id', 'institution id "other-bank" is also used by the list "Other list"', 'id-used-twice']]],
  ])('%s', (_situation, text, state, expected) => {
    const result = importConfig(text, state, { now: NOW, bundled });
    if (result.ok) throw new Error('expected the file to be refused');
    expect(result.errors.map((e) => [e.path, e.message.slice(0, expected.find(([p]) => p === e.path)?.[1].length ?? 0), e.code])).toEqual(expected);
  });

  it('a re-import of an installed list under its own id is no clash with itself', () => {
    expectOk(importConfig(listFile({ ...other, name: 'Other list, corrected' }), installed, { now: NOW, bundled }));
  });

  it('a snooze that has passed is left out and reported (the rest is imported)', () => {
    const text = JSON.stringify({
      format: 'linkwatch-config',
      version: 1,
      createdAt: '2026-11-29T10:00:00Z',
      siteDecisions: [
        { site: 'chase.com', decision: 'snoozed', until: '2026-11-01T00:00:00Z', createdAt: '2026-10-01T00:00:00Z' },
        { site: 'citi.com', decision: 'snoozed', until: '2027-01-01T00:00:00Z', createdAt: '2026-10-01T00:00:00Z' },
      ],
    });
    const result = expectOk(importConfig(text, EMPTY, { now: NOW, bundled }));
    expect(result.config.siteDecisions.map((d) => d.site)).toEqual(['citi.com']);
    expect(result.skipped).toEqual([
      { path: '$.siteDecisions[0].until', message: 'the snooze of chase.com ended on 2026-11-01T00:00:00Z; it is left out', code: 'snooze-ended', values: ['chase.com', '2026-11-01T00:00:00Z'] },
    ]);
    expect(validateConfigText('F', text, { now: NOW, bundled }).lines[0]).toBe('F: warning: $.siteDecisions[0].until: the snooze of chase.com ended on 2026-11-01T00:00:00Z; it is left out');
  });

  it('a hidden character in an unknown key is dropped, and its path shows it escaped', () => {
    const result = expectOk(importConfig(listFile({ ['x\u202Ey' as 'name']: 'z' } as Partial<CustomList>), EMPTY, { now: NOW, bundled }));
    expect(result.dropped).toEqual(['$.list["x\\u202ey"]']);
  });

  it('a re-import refreshes the whole list at once and keeps the user’s switch', () => {
    const off: ConfigState = { preferences: {}, siteDecisions: [], customLists: [{ ...LIST, enabled: false }] };
    const corrected = {
      ...LIST,
      enabled: true,
      institutions: [{ ...bank, name: 'Example Bank (corrected)', domains: [{ domain: 'example.co.uk', verified: 'C' as const }] }, platform],
      arrangements: [{ ...arrangement, title: { en: 'Corrected title', fr: 'Titre corrigé' } }],
    };
    const result = expectOk(importConfig(listFile(corrected), off, { now: NOW, bundled }));
    const change = result.preview.find((c) => c.kind === 'list');
    expect(change).toMatchObject({ change: 'replaced', to: { enabled: false, sites: [{ site: 'example.co.uk', institution: 'Example Bank (corrected)' }, ...LIST_SITES_PLATFORM], entries: [{ title: { en: 'Corrected title' } }] } });
    const after = applyImportToState(off, result).customLists;
    expect(after).toHaveLength(1);
    expect(after[0]).toEqual({ ...corrected, enabled: false });
    // The same file again changes nothing: the switch alone never counts as a change.
    const again = expectOk(importConfig(listFile(corrected), { ...off, customLists: after }, { now: NOW, bundled }));
    expect(again.preview.map((c) => c.change)).toEqual(['unchanged']);
  });
  const LIST_SITES_PLATFORM = [
    { site: 'example.net', institution: 'Example Platform' },
    { site: 'example.org/chat', institution: 'Example Platform' },
  ];
});

// -------------------------------------------------------------------------------------------------------
describe('plain words for a problem’s place (lib/config/messages.ts)', () => {
  it.each<[string, string[]]>([
    ['$', ['where_file']],
    ['$.createdAt', ['where_field createdAt']],
    ['$.list.name', ['where_list', 'where_field name']],
    ['$.siteDecisions[2].until', ['where_siteDecision 3', 'where_field until']],
    ['$.customLists[0].institutions[1].domains[0].domain', ['where_customList 1', 'where_institution 2', 'where_item 1 domains', 'where_field domain']],
    ['$.list.arrangements[0].title.en', ['where_list', 'where_arrangement 1', 'where_field title', 'where_field en']],
    ['$["a b"]', ['where_field a b']],
    ['not a path', ['where_file']],
  ])('%s', (path, expected) => {
    expect(describeLocation(path).map((s) => [s.key, ...s.values].join(' '))).toEqual(expected);
  });
});

describe('the options catalog with custom lists (lib/config/catalog-view.ts)', () => {
  const bundled: Catalog = { version: '2026-11-29', institutions: [], arrangements: [] };
  it('adds each list’s entries, tagged with their list (a switched-off list too), bundled entries untagged', () => {
    const off = { ...LIST, id: 'off-list', enabled: false, institutions: [], arrangements: [{ ...LIST.arrangements[0]!, id: 'off-entry' }] };
    const view = catalogWithLists(bundled, [LIST, off]);
    expect(view.catalog.arrangements.map((a) => a.id)).toEqual(['example-bank-platform-2025', 'off-entry']);
    expect(view.catalog.institutions.map((i) => i.id)).toEqual(['example-bank', 'example-platform']);
    expect(view.sources.get('example-bank-platform-2025')).toEqual({ listId: 'advocate-test-list', name: "Advocate's test list", author: 'Example Privacy Group', date: '2025-06-01', enabled: true });
    expect(view.sources.get('off-entry')?.enabled).toBe(false);
  });
  it('counts arrangements and context entries the way docs/catalog.md does', () => {
    const doc = readFileSync(`${ROOT}docs/catalog.md`, 'utf8');
    const stated = /(\d+) arrangements and (\d+) context entries/.exec(doc)!;
    const real = JSON.parse(readFileSync(`${ROOT}assets/catalog/arrangements.json`, 'utf8')) as { arrangements: Catalog['arrangements'] } | Catalog['arrangements'];
    const counts = catalogCounts({ arrangements: Array.isArray(real) ? real : real.arrangements });
    expect(counts.text).toBe(`${stated[1]} arrangements and ${stated[2]} context entries`);
  });
});

describe('build id (lib/build-id.ts)', () => {
  it.each([
    ['0.2.0', '1a2b3c4', '0.2.0+1a2b3c4'],
    ['0.2.0', 'unknown', '0.2.0+unknown'],
    ['0.2.0', 'not a hash; rm -rf', '0.2.0+unknown'],
  ])('%s with %s is %s', (version, commit, expected) => expect(buildId(version, commit)).toBe(expected));
  it('is "unknown" where no build injected a commit (unit tests)', () => expect(BUILD_COMMIT).toBe('unknown'));
});
