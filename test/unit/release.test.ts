// @vitest-environment node
/**
 * Issue 7, release packages: `wxt zip` and `wxt zip -b firefox` (what `npm run zip` runs), into a
 * temporary folder, give the Chrome package, the Firefox package and the sources package Firefox's
 * reviewers need; the sources hold what a reviewer needs to rebuild (and nothing local: no node_modules, no
 * build output, no dot folders), and rebuilding the Firefox package from them gives the same files.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles, ROOT, wxt } from './build-helpers';

const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** The files of a zip archive, read with JSZip: name -> bytes (folders left out). */
async function readZip(file: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const files = new Map<string, Buffer>();
  for (const entry of Object.values(zip.files)) if (!entry.dir) files.set(entry.name, await entry.async('nodebuffer'));
  return files;
}

let outDir: string;
const zips = {} as Record<'chrome' | 'firefox' | 'sources', Map<string, Buffer>>;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'linkwatch-zip-'));
  await wxt(['zip'], outDir);
  await wxt(['zip', '-b', 'firefox'], outDir);
  for (const kind of ['chrome', 'firefox', 'sources'] as const) {
    const file = join(outDir, `linkwatch-${VERSION}-${kind}.zip`);
    if (existsSync(file)) zips[kind] = await readZip(file);
  }
}, 180_000);

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('npm run zip', () => {
  it('gives a Chrome package, a Firefox package and a sources package, named by version', () => {
    expect(readdirSync(outDir).filter((f) => f.endsWith('.zip')).sort()).toEqual(
      [`linkwatch-${VERSION}-chrome.zip`, `linkwatch-${VERSION}-firefox.zip`, `linkwatch-${VERSION}-sources.zip`].sort(),
    );
  });

  it('the Chrome package is the MV3 build; the Firefox package the MV2 build with its add-on id', () => {
    const chrome = JSON.parse(zips.chrome.get('manifest.json')!.toString('utf8')) as Record<string, unknown>;
    expect(chrome.manifest_version).toBe(3);
    expect(chrome.version).toBe(VERSION);
    expect(chrome.browser_specific_settings).toBeUndefined();
    const firefox = JSON.parse(zips.firefox.get('manifest.json')!.toString('utf8')) as { manifest_version: number; browser_specific_settings: { gecko: { id: string } } };
    expect(firefox.manifest_version).toBe(2);
    expect(firefox.browser_specific_settings.gecko.id).toBe('linkwatch@linkwatch.invalid');
    for (const zip of [zips.chrome, zips.firefox]) {
      expect([...zip.keys()]).toEqual(expect.arrayContaining(['background.js', 'popup.html', 'options.html', '_locales/en/messages.json', '_locales/fr/messages.json', '_locales/de/messages.json', '_locales/es/messages.json']));
      expect([...zip.keys()].filter((f) => f.endsWith('.map'))).toEqual([]);
    }
  });

  it('the sources package holds what a reviewer needs to rebuild, and nothing local', () => {
    const names = [...zips.sources.keys()];
    expect(names).toEqual(
      expect.arrayContaining([
        'package.json',
        'package-lock.json',
        'wxt.config.ts',
        'tsconfig.json',
        'README.md',
        'CHANGELOG.md',
        'docs/release.md',
        'docs/privacy.md',
        'docs/permissions.md',
        'entrypoints/background.ts',
        'lib/sites/index.ts',
        'assets/catalog/institutions.json',
        'public/_locales/en/messages.json',
      ]),
    );
    const local = names.filter((n) => /(^|\/)node_modules\/|(^|\/)\.[^/]+|^\.?output|\.log$|^test-results\/|^stats\.html$|^bench\/results\.json$/.test(n));
    expect(local).toEqual([]);
  });

  it('rebuilding the Firefox package from the sources gives the same files', async () => {
    const src = join(outDir, 'rebuild-src');
    for (const [name, data] of zips.sources) {
      mkdirSync(dirname(join(src, name)), { recursive: true });
      writeFileSync(join(src, name), data);
    }
    // A reviewer runs `npm ci`; the same packages are borrowed here to stay offline and fast.
    symlinkSync(join(ROOT, 'node_modules'), join(src, 'node_modules'), 'dir');
    const rebuilt = join(outDir, 'rebuild-out');
    await wxt(['build', '-b', 'firefox'], rebuilt, src);
    const dir = join(rebuilt, 'firefox-mv2');
    const files = listFiles(dir).sort();
    expect(files).toEqual([...zips.firefox.keys()].sort());
    const different = files.filter((f) => !readFileSync(join(dir, f)).equals(zips.firefox.get(f)!));
    expect(different).toEqual([]);
  }, 120_000);
});
