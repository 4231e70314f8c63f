// @vitest-environment node
/**
 * The store listings (docs/store, docs/store/README.md says which store field each section fills):
 *
 * - every language file has the same sections, in the same order;
 * - Name and Summary are the locale's `extName` and `extDescription` (the Chrome Web Store takes both from
 *   the package), within both stores' limits: name <= 50 characters (addons.mozilla.org; Chrome allows 75),
 *   summary <= 132 (Chrome; addons.mozilla.org allows 250), description <= 16,000 (Chrome);
 * - every permission and host permission the manifest asks for has a justification in every language, and
 *   no justification is left for a permission it no longer asks for. The permissions are read from
 *   wxt.config.ts (what the config declares) and from test/fixtures/manifest-permissions.json (what the
 *   builds ask for, `scripting` included, pinned against real builds by manifest.test.ts);
 * - the data usage answers cover Chrome's nine data categories and the three certifications;
 * - typography: French no-break spaces as in public/_locales/fr (lib/i18n `frenchTypography`), no straight
 *   double quotes outside code in French, German and Spanish, formal address in German and Spanish;
 * - the privacy policies exist in the four languages, with the same sections, and invent no contact.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';
import { watchedSitePatterns } from '../../lib/directory';
import { frenchTypography, type MessagesFile } from '../../lib/i18n';
import { requestFilterUrls } from '../../lib/request-watch';
import { ROOT } from './build-helpers';

const STORE = join(ROOT, 'docs/store');
const LANGS = ['en', 'fr', 'de', 'es'] as const;
type Lang = (typeof LANGS)[number];

/** The limits docs/store/README.md gives, with their sources. */
const LIMITS = { name: 50, nameChrome: 75, summary: 132, summaryAmo: 250, description: 16_000 } as const;

/** The sections every listing has (level 2), in order. */
const TOP_SECTIONS = [
  'Name',
  'Summary',
  'Description',
  'Single purpose',
  'Permission justifications',
  'Remote code',
  'Data usage',
  'Data collection (addons.mozilla.org)',
];
const PERMISSIONS = 'Permission justifications';
const HOSTS_TRACKING = 'Host permissions, tracking addresses';
const HOSTS_SITES = 'Host permissions, directory sites and Messenger';
const optionalHostSection = (pattern: string) => `Optional host permission \`${pattern}\``;
/** Chrome's privacy practices tab: its nine data categories, then the certifications. */
const DATA_SECTIONS = [
  'Personally identifiable information',
  'Health information',
  'Financial and payment information',
  'Authentication information',
  'Personal communications',
  'Location',
  'Web history',
  'User activity',
  'Website content',
  'Certifications',
];

interface Section {
  /** `Parent > Title` for a level-3 heading, `Title` for a level-2 one. */
  path: string;
  level: number;
  title: string;
  /** The text under the heading, up to the next heading of any level, trimmed. */
  body: string;
}

/** The level-2 and level-3 sections of a Markdown file, in order (the level-1 title is not a section). */
function parseSections(text: string): Section[] {
  const sections: Section[] = [];
  let parent = '';
  let current: (Section & { lines: string[] }) | undefined;
  const close = () => {
    if (current) sections.push({ path: current.path, level: current.level, title: current.title, body: current.lines.join('\n').trim() });
  };
  for (const line of text.split('\n')) {
    const heading = /^(#{1,6}) (.+?)\s*$/.exec(line);
    if (heading) {
      close();
      current = undefined;
      const level = heading[1]!.length;
      const title = heading[2]!;
      if (level === 2) parent = title;
      if (level === 2 || level === 3) current = { path: level === 3 ? `${parent} > ${title}` : title, level, title, body: '', lines: [] };
      continue;
    }
    current?.lines.push(line);
  }
  close();
  return sections;
}

/** The sections as a map from path to body. */
const byPath = (sections: readonly Section[]) => new Map(sections.map((s) => [s.path, s.body]));

/** The requested permissions (not hosts) without a justification section, and the justified ones not requested. */
function justificationGaps(sections: readonly Section[], permissions: readonly string[]): { missing: string[]; stale: string[] } {
  const justified = sections
    .filter((s) => s.level === 3 && s.path.startsWith(`${PERMISSIONS} > \``))
    .map((s) => /^`([^`]+)`$/.exec(s.title)?.[1])
    .filter((p): p is string => p !== undefined && !p.includes('://'));
  const has = byPath(sections);
  return {
    missing: permissions.filter((p) => (has.get(`${PERMISSIONS} > \`${p}\``) ?? '').length < 80),
    stale: justified.filter((p) => !permissions.includes(p)),
  };
}

const read = (file: string) => readFileSync(join(STORE, file), 'utf8');
const listing = Object.fromEntries(LANGS.map((lang) => [lang, read(`listing.${lang}.md`)])) as Record<Lang, string>;
const sections = Object.fromEntries(LANGS.map((lang) => [lang, parseSections(listing[lang])])) as Record<Lang, Section[]>;
const messages = Object.fromEntries(
  LANGS.map((lang) => [lang, JSON.parse(readFileSync(join(ROOT, `public/_locales/${lang}/messages.json`), 'utf8')) as MessagesFile]),
) as Record<Lang, MessagesFile>;
const policyFile = (lang: Lang) => (lang === 'en' ? 'privacy-policy.md' : `privacy-policy.${lang}.md`);

// What the manifest asks for: wxt.config.ts (declared) and the pinned builds (what the build hook adds).
type ManifestLike = { permissions?: string[]; host_permissions?: string[]; optional_host_permissions?: string[]; optional_permissions?: string[] };
const declared = (await (config.manifest as (env: object) => ManifestLike | Promise<ManifestLike>)({
  browser: 'chrome',
  manifestVersion: 3,
  mode: 'production',
  command: 'build',
})) as ManifestLike;
const pinned = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/manifest-permissions.json'), 'utf8')) as Record<string, ManifestLike>;
const isHost = (p: string) => p.includes('://');
const unique = (xs: Iterable<string>) => [...new Set(xs)].sort();
const everyBuild = [declared, ...Object.values(pinned)];
const PERMS = unique(everyBuild.flatMap((m) => (m.permissions ?? []).filter((p) => !isHost(p))));
const HOSTS = unique(everyBuild.flatMap((m) => [...(m.host_permissions ?? []), ...(m.permissions ?? []).filter(isHost)]));
const OPTIONAL_HOSTS = unique(everyBuild.flatMap((m) => [...(m.optional_host_permissions ?? []), ...(m.optional_permissions ?? []).filter(isHost)]));

describe('docs/store: the files', () => {
  it('has the README, a listing and a privacy policy for each language', () => {
    for (const file of ['README.md', ...LANGS.map((l) => `listing.${l}.md`), ...LANGS.map(policyFile)]) expect(existsSync(join(STORE, file)), file).toBe(true);
  });

  it('reads the permissions from the manifest config and the pinned builds', () => {
    // The reading itself: if wxt.config.ts moved its permissions, the checks below would check nothing.
    expect(declared.permissions).toContain('storage');
    expect(PERMS).toEqual(expect.arrayContaining(['storage', 'tabs', 'webNavigation', 'webRequest', 'scripting', 'declarativeNetRequestWithHostAccess']));
    expect(HOSTS.length).toBeGreaterThan(100);
    expect(OPTIONAL_HOSTS).toContain('*://*/*');
  });
});

describe.each(LANGS)('docs/store/listing.%s.md', (lang) => {
  const own = sections[lang];
  const field = (path: string) => byPath(own).get(path) ?? '';

  it('has the same sections, in the same order, as the English file', () => {
    expect(own.map((s) => s.path)).toEqual(sections.en.map((s) => s.path));
    expect(own.filter((s) => s.level === 2).map((s) => s.title)).toEqual(TOP_SECTIONS);
  });

  it("has the name from the package, within both stores' limits", () => {
    const name = field('Name');
    expect(name).toBe(messages[lang].extName!.message);
    expect(name.length).toBeLessThanOrEqual(LIMITS.name);
    expect(name.length).toBeLessThanOrEqual(LIMITS.nameChrome);
  });

  it("has the summary from the package (extDescription), within both stores' limits", () => {
    const summary = field('Summary');
    expect(summary).toBe(messages[lang].extDescription!.message);
    expect(summary).not.toContain('\n');
    expect(summary.length).toBeGreaterThan(0);
    expect(summary.length).toBeLessThanOrEqual(LIMITS.summary);
    expect(summary.length).toBeLessThanOrEqual(LIMITS.summaryAmo);
  });

  it('has a description within the limit, of a reasonable length, in plain text', () => {
    const description = field('Description');
    expect(description.length).toBeLessThanOrEqual(LIMITS.description);
    // Words: runs of letters and digits (French « : » and ; stand apart but are no words).
    const words = (description.match(/[\p{L}\p{N}][\p{L}\p{N}’'-]*/gu) ?? []).length;
    expect(words).toBeGreaterThanOrEqual(150);
    expect(words).toBeLessThanOrEqual(420);
    // Chrome's field is plain text: no Markdown emphasis, code or links that would show as symbols.
    expect(description).not.toMatch(/\*\*|`|\]\(|^#/m);
  });

  it('states a single purpose', () => {
    expect(field('Single purpose').length).toBeGreaterThan(100);
  });

  it('justifies every permission the manifest asks for, and only those', () => {
    expect(justificationGaps(own, PERMS)).toEqual({ missing: [], stale: [] });
  });

  it('justifies every host permission the manifest asks for', () => {
    const tracking = new Set(requestFilterUrls());
    const sites = new Set(watchedSitePatterns());
    const messenger = (h: string) => /^\*:\/\/(\*\.)?messenger\.com\/\*$/.test(h);
    // Every host falls in a group that has its section; a new kind of host needs a justification of its own.
    expect(HOSTS.filter((h) => !tracking.has(h) && !sites.has(h) && !messenger(h))).toEqual([]);
    if (HOSTS.some((h) => tracking.has(h))) expect(field(`${PERMISSIONS} > ${HOSTS_TRACKING}`).length).toBeGreaterThan(80);
    if (HOSTS.some((h) => sites.has(h) || messenger(h))) expect(field(`${PERMISSIONS} > ${HOSTS_SITES}`).length).toBeGreaterThan(80);
    for (const pattern of OPTIONAL_HOSTS) expect(field(`${PERMISSIONS} > ${optionalHostSection(pattern)}`).length, pattern).toBeGreaterThan(80);
  });

  it("answers every data category of Chrome's privacy practices tab, and the certifications", () => {
    for (const category of DATA_SECTIONS) expect(field(`Data usage > ${category}`).length, category).toBeGreaterThan(20);
    expect(field('Data usage > Certifications').split('\n').filter((l) => l.startsWith('- '))).toHaveLength(3);
    expect(field('Remote code').length).toBeGreaterThan(50);
    expect(field('Data collection (addons.mozilla.org)')).toContain('"none"');
  });
});

/** The file's text outside code spans, where typography applies. */
const prose = (text: string) => text.replace(/`[^`\n]*`/g, 'CODE');

const translatedFiles = (lang: Lang) => [`listing.${lang}.md`, policyFile(lang)];

describe('typography of the French, German and Spanish files', () => {
  it.each(['fr', 'de', 'es'] as const)('%s: no straight double quotes outside code', (lang) => {
    for (const file of translatedFiles(lang)) {
      const hits = prose(read(file)).split('\n').filter((line) => line.includes('"'));
      expect(hits, file).toEqual([]);
    }
  });

  it('fr: no-break spaces where public/_locales/fr has them (lib/i18n frenchTypography)', () => {
    for (const file of translatedFiles('fr')) {
      const wrong = prose(read(file))
        .split('\n')
        .filter((line) => !line.startsWith('#') && frenchTypography(line) !== line);
      expect(wrong, file).toEqual([]);
    }
  });

  it('de: the reader is „Sie“', () => {
    for (const file of translatedFiles('de')) expect(prose(read(file)).match(/\b(du|dich|dir|dein|deine|deinen|deiner|deines)\b/g), file).toBeNull();
  });

  it('es: the reader is «usted»', () => {
    for (const file of translatedFiles('es')) expect(prose(read(file)).match(/(^|[^\p{L}])(tú|tu|tus|te|ti|contigo)(?=[^\p{L}]|$)/gmu), file).toBeNull();
  });
});

describe('docs/store privacy policies', () => {
  const policies = Object.fromEntries(LANGS.map((lang) => [lang, read(policyFile(lang))])) as Record<Lang, string>;

  it('have the same sections in every language', () => {
    const count = (text: string) => parseSections(text).filter((s) => s.level === 2).length;
    for (const lang of LANGS) expect(count(policies[lang]), lang).toBe(count(policies.en));
    expect(count(policies.en)).toBeGreaterThanOrEqual(6);
  });

  it('invent no contact address or web address', () => {
    for (const lang of LANGS) {
      expect(policies[lang], lang).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
      expect(policies[lang], lang).not.toMatch(/https?:\/\//);
    }
  });

  it('name every permission the manifest asks for', () => {
    for (const lang of LANGS) for (const permission of PERMS) expect(policies[lang], `${lang}: ${permission}`).toContain(`\`${permission}\``);
  });
});

describe('the checks themselves', () => {
  it('a listing without one justification fails, and so does a justification for a permission not asked for', () => {
    const without = listing.en.replace(/### `tabs`\n[\s\S]*?(?=\n### )/, '');
    expect(without).not.toContain('### `tabs`');
    expect(justificationGaps(parseSections(without), PERMS)).toEqual({ missing: ['tabs'], stale: [] });
    expect(justificationGaps(sections.en, PERMS.filter((p) => p !== 'scripting'))).toEqual({ missing: [], stale: ['scripting'] });
  });

  it('parses headings into sections with their bodies', () => {
    const parsed = parseSections('# T\n\nintro\n\n## A\n\none\n\n### `x`\n\ntwo\n\n## B\nthree\n');
    expect(parsed).toEqual([
      { path: 'A', level: 2, title: 'A', body: 'one' },
      { path: 'A > `x`', level: 3, title: '`x`', body: 'two' },
      { path: 'B', level: 2, title: 'B', body: 'three' },
    ]);
  });
});
