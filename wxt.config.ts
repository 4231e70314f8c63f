import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import institutions from './assets/catalog/institutions.json';
import { contentScriptMatches } from './lib/catalog/matches';
import type { Catalog } from './lib/catalog/schema';

// Firefox keeps a temporary add-on's storage only when the add-on id is fixed.
const GECKO_ID = 'linkwatch@linkwatch.invalid';

export default defineConfig({
  // LINKWATCH_OUT_DIR lets parallel builds (a benchmark beside the tests) use their own folder.
  outDir: process.env.LINKWATCH_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  // No browser launch on a headless box; set LINKWATCH_OPEN_BROWSER=1 to let `wxt` open one.
  webExt: { disabled: process.env.LINKWATCH_OPEN_BROWSER !== '1' },
  hooks: {
    // The observer content script runs on exactly the catalog's non-platform sites.
    'build:manifestGenerated': (_wxt, manifest) => {
      const matches = contentScriptMatches(institutions as Pick<Catalog, 'institutions'>);
      for (const script of manifest.content_scripts ?? []) {
        if (script.matches?.includes('*://linkwatch.invalid/*')) script.matches = matches;
      }
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'tabs'],
    action: { default_title: 'Linkwatch' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
