import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';

// One WXT configuration per target, made one after the other (WxtVitest registers a global WXT instance).
const chromeWxt = await WxtVitest();
const firefoxWxt = await WxtVitest({ browser: 'firefox', manifestVersion: 2 });

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [chromeWxt, preact()],
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          // An unexpected console.error fails the test (test/unit/console-guard.ts).
          setupFiles: ['fake-indexeddb/auto', 'test/unit/console-guard.ts'],
        },
      },
      {
        // The unit tests of code that differs on Firefox, against Firefox's MV2 API (no browser.action).
        plugins: [firefoxWxt, preact()],
        test: {
          name: 'unit-firefox',
          include: ['test/unit/background.test.ts'],
          environment: 'happy-dom',
          // An unexpected console.error fails the test (test/unit/console-guard.ts).
          setupFiles: ['fake-indexeddb/auto', 'test/unit/console-guard.ts'],
          env: { LINKWATCH_TARGET: 'firefox-mv2' },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          // One browser at a time: the machine has two cores and each test launches Chromium.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
