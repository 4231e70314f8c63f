import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Firefox keeps a temporary add-on's storage only when the add-on id is fixed.
const GECKO_ID = 'linkwatch@linkwatch.invalid';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  // No browser launch on a headless box; set LINKWATCH_OPEN_BROWSER=1 to let `wxt` open one.
  webExt: { disabled: process.env.LINKWATCH_OPEN_BROWSER !== '1' },
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
