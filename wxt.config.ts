import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { validateBundledCatalog } from './lib/catalog';
import compiledDirectory from './assets/directory/compiled.json';
import { checkBundledDirectory } from './lib/directory/bundled-source';
import { checkTranslationFiles } from './lib/catalog/translation-schema';
import { watchedSitePatterns } from './lib/directory';
import { requestFilterUrls } from './lib/request-watch';
import { gitShortHash, writeCommitFile } from './scripts/git-commit';

// Set while the sources package is being zipped (see the zip hooks).
let removeCommitFile: (() => void) | undefined;

// Firefox keeps a temporary add-on's storage only when the add-on id is fixed.
const GECKO_ID = 'linkwatch@linkwatch.invalid';

export default defineConfig({
  // LINKWATCH_OUT_DIR lets parallel builds (a benchmark beside the tests) use their own folder.
  outDir: process.env.LINKWATCH_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact(), contentScriptsWithoutPolyfill(), preactWithoutInnerHtml()], define: { __LINKWATCH_COMMIT__: JSON.stringify(gitShortHash()) } }),
  // No browser launch on a headless box; set LINKWATCH_OPEN_BROWSER=1 to let `wxt` open one.
  webExt: { disabled: process.env.LINKWATCH_OPEN_BROWSER !== '1' },
  // The sources zip for Firefox reviewers (docs/release.md): WXT already leaves out node_modules, dot
  // folders (.output*, .git) and test files; also leave out local, untracked results.
  zip: { excludeSources: ['bench/results.json', 'stats.html', 'test-results/**', '**/*.log'] },
  hooks: {
    // The sources package carries the commit (build-commit.txt), so a rebuild from it has the same build id.
    'zip:sources:start': (wxt) => {
      removeCommitFile = writeCommitFile(wxt.config.zip.sourcesRoot);
    },
    'zip:sources:done': () => removeCommitFile?.(),
    // The catalog is validated here, once per build, not at every service-worker start (issue 14): a
    // catalog that fails its schema fails the build.
    'build:before': () => {
      validateBundledCatalog();
      // The directory likewise (issue 21): its rules hold and compiled.json is not stale.
      checkBundledDirectory(compiledDirectory);
      // The catalog's German and Spanish text (issue 25): a broken file fails the build.
      checkTranslationFiles(fileURLToPath(new URL('./public', import.meta.url)));
    },
    // The page content script runs on exactly the directory's non-platform sites (lib/directory: the
    // catalog's institutions and the directory's; Messenger's script has its own patterns).
    'build:manifestGenerated': (_wxt, manifest) => {
      const matches = watchedSitePatterns();
      for (const script of manifest.content_scripts ?? []) {
        const placeholder = '*://linkwatch.invalid/*';
        if (script.matches?.includes(placeholder)) script.matches = [...matches, ...script.matches.filter((m) => m !== placeholder)];
      }
      // The notice's UI is injected by the background only where it shows (issue 14): that takes the
      // `scripting` permission and host permission for exactly the sites whose content scripts ask for it
      // (the catalog's sites and Messenger, where content scripts run already, so no new install warning).
      // Merged with any host permission declared in `manifest` below; LINKWATCH_NOTICE_INJECT=0 leaves both
      // out (the notice then cannot show).
      if (process.env.LINKWATCH_NOTICE_INJECT !== '0') {
        const sites = [...new Set((manifest.content_scripts ?? []).flatMap((c) => c.matches ?? []))];
        const union = (xs: readonly string[] | undefined, ys: readonly string[]) => [...new Set([...(xs ?? []), ...ys])];
        if (manifest.manifest_version === 3) {
          manifest.permissions = union(manifest.permissions, ['scripting']) as typeof manifest.permissions;
          manifest.host_permissions = union(manifest.host_permissions, sites);
        } else {
          // MV2 (Firefox): host permissions are permissions.
          manifest.permissions = union(manifest.permissions, ['scripting', ...sites]) as typeof manifest.permissions;
        }
      }
      // MV2 (Firefox) has no optional_host_permissions: optional origins are optional_permissions.
      const optionalHosts = (manifest as { optional_host_permissions?: string[] }).optional_host_permissions;
      if (manifest.manifest_version === 2 && optionalHosts) {
        manifest.optional_permissions = [...(manifest.optional_permissions ?? []), ...optionalHosts] as typeof manifest.optional_permissions;
        delete (manifest as { optional_host_permissions?: string[] }).optional_host_permissions;
      }
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // webRequest (observe only, never block) for the platform endpoint hosts and the directory's sites;
    // webNavigation for when a document commits (docs/permissions.md says why each is needed). MV2 lists hosts among `permissions`; WXT moves
    // `host_permissions` there for MV2 builds.
    // declarativeNetRequestWithHostAccess: protection's block rules (issue 23), acting only where the host
    // permissions above already reach, so no new install warning (docs/permissions.md).
    permissions: ['storage', 'tabs', 'webNavigation', 'webRequest', 'declarativeNetRequestWithHostAccess'],
    host_permissions: [...requestFilterUrls(), ...watchedSitePatterns()],
    // "Watch this site" (issue 21): one site at a time, at the person's request, through the browser's own
    // prompt (permissions.request with that site's pattern); nothing is granted at install.
    optional_host_permissions: ['*://*/*'],
    action: { default_title: 'Linkwatch' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // 140 (an ESR) is the first Firefox to read data_collection_permissions; storage.session needs 115.
            gecko: {
              id: GECKO_ID,
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});

/**
 * Content scripts without webextension-polyfill (issue 14). The polyfill module aliases `wxt/browser` to the
 * polyfill everywhere; Linkwatch's content scripts never import it (lib/content/runtime uses the browser's
 * global), but WXT's content-script wrapper builds a `ContentScriptContext`, whose module imports it. Our
 * content scripts take no `ctx`, so that module is swapped for a stand-in (lib/content/context.ts) and
 * the polyfill stays in the background and extension pages only. `bench` checks the built size.
 */
function contentScriptsWithoutPolyfill() {
  const standIn = fileURLToPath(new URL('./lib/content/context.ts', import.meta.url));
  return {
    name: 'linkwatch:content-scripts-without-polyfill',
    enforce: 'pre' as const,
    resolveId(source: string) {
      return source === 'wxt/utils/content-script-context' ? standIn : null;
    },
  };
}

/**
 * Preact's renderer holds the one HTML-from-a-string write of the bundles: `dom.innerHTML = props
 * .dangerouslySetInnerHTML.__html`. Linkwatch never passes that prop (test/unit/manifest.test.ts checks our
 * sources), so the write is replaced by an error: no bundle can turn a string into HTML, and `web-ext lint`
 * has no warning left (it flagged that assignment, issue 25). The build fails should a Preact version change
 * that code, rather than ship it unreviewed.
 */
function preactWithoutInnerHtml() {
  const write = /\(\s*(\w+)\.innerHTML\s*=\s*(\w+)\.__html\s*\)/g;
  return {
    name: 'linkwatch:preact-without-inner-html',
    transform(code: string, id: string) {
      if (!/[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs$/.test(id)) return null;
      const writes = code.match(write)?.length ?? 0;
      if (writes !== 1) throw new Error(`preact-without-inner-html: expected 1 innerHTML write in ${id}, found ${writes}; review Preact's renderer`);
      return { code: code.replace(write, '(()=>{throw new Error("Linkwatch renders no HTML from strings (dangerouslySetInnerHTML)")})()'), map: null };
    },
  };
}
