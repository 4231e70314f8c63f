import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import institutions from './assets/catalog/institutions.json';
import { contentScriptMatches } from './lib/catalog/matches';
import { requestFilterUrls } from './lib/request-watch';
import type { Catalog } from './lib/catalog/schema';
import { rmSync, writeFileSync } from 'node:fs';
import { BUILD_COMMIT_FILE, gitShortHash } from './scripts/git-commit';

// Firefox keeps a temporary add-on's storage only when the add-on id is fixed.
const GECKO_ID = 'linkwatch@linkwatch.invalid';

export default defineConfig({
  // LINKWATCH_OUT_DIR lets parallel builds (a benchmark beside the tests) use their own folder.
  outDir: process.env.LINKWATCH_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()], define: { __LINKWATCH_COMMIT__: JSON.stringify(gitShortHash()) } }),
  // No browser launch on a headless box; set LINKWATCH_OPEN_BROWSER=1 to let `wxt` open one.
  webExt: { disabled: process.env.LINKWATCH_OPEN_BROWSER !== '1' },
  // The sources zip for Firefox reviewers (docs/release.md): WXT already leaves out node_modules, dot
  // folders (.output*, .git) and test files; also leave out local, untracked results.
  zip: { excludeSources: ['bench/results.json', 'stats.html', 'test-results/**', '**/*.log'] },
  hooks: {
    // The sources package carries the commit the build id names, so a rebuild from it is identical.
    'zip:sources:start': () => writeFileSync(BUILD_COMMIT_FILE, `${gitShortHash()}\n`),
    'zip:sources:done': () => rmSync(BUILD_COMMIT_FILE, { force: true }),
    // The observer content script runs on exactly the catalog's non-platform sites; the notice's on those
    // too (its other patterns, Messenger's, are kept).
    'build:manifestGenerated': (_wxt, manifest) => {
      const matches = contentScriptMatches(institutions as Pick<Catalog, 'institutions'>);
      for (const script of manifest.content_scripts ?? []) {
        const placeholder = '*://linkwatch.invalid/*';
        if (script.matches?.includes(placeholder)) script.matches = [...matches, ...script.matches.filter((m) => m !== placeholder)];
      }
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // webRequest (observe only, never block) for the platform endpoint hosts and the catalog's sites
    // (docs/permissions.md says why each is needed). MV2 lists hosts among `permissions`; WXT moves
    // `host_permissions` there for MV2 builds.
    permissions: ['storage', 'tabs', 'webRequest'],
    host_permissions: [...requestFilterUrls(), ...contentScriptMatches(institutions as Pick<Catalog, 'institutions'>)],
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
