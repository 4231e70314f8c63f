/** The first-run page (welcome.html), opened once after a new install. */

/** storage.local flag: the first-run page was opened once. */
export const WELCOME_SHOWN_KEY = 'welcomeShown';

/** The part of `storage.local` used. */
export interface FlagStorage {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/**
 * Open the first-run page at `url`, unless it was opened before. Chromium reports every start of a build
 * loaded with --load-extension (`npm start`, the tests) as an install, with the extension's storage kept: the
 * flag in storage.local keeps the page to the first one. A real reinstall starts with empty storage, so it
 * shows the page again. Rejects when storage or the tab cannot be written.
 */
export async function showWelcomeOnce(local: FlagStorage, open: (url: string) => Promise<unknown>, url: string): Promise<void> {
  if ((await local.get(WELCOME_SHOWN_KEY))[WELCOME_SHOWN_KEY]) return;
  await local.set({ [WELCOME_SHOWN_KEY]: true });
  await open(url);
}
