// `npm start`: after the build, opens Chromium (or Chrome) with the unpacked extension loaded in a
// profile kept in .profile/, so preferences survive between runs. On a machine without a display it
// says where the build is and how to load it instead.
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { spawn } from 'node:child_process';

const root = resolve(import.meta.dirname, '..');
const extension = resolve(root, '.output/chrome-mv3');
const candidates = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
].filter(Boolean);
const browser = candidates.find((p) => existsSync(p));
const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;

if (!existsSync(resolve(extension, 'manifest.json'))) {
  console.error(`No build at ${extension}: run "npm run build" first.`);
  process.exit(1);
}
if (!browser || headless) {
  console.log(`Built: ${extension}`);
  console.log(browser ? 'No display here, so no browser was opened.' : 'No Chromium or Chrome found (set CHROMIUM_PATH).');
  console.log('Load it: chrome://extensions (or edge://extensions) > Developer mode > Load unpacked > choose that folder.');
  console.log('Firefox: npm run build:firefox, then about:debugging > This Firefox > Load Temporary Add-on > .output/firefox-mv2/manifest.json');
  process.exit(0);
}
const profile = resolve(root, '.profile/chromium');
mkdirSync(profile, { recursive: true });
console.log(`Opening ${browser} with Linkwatch loaded (profile: ${profile}).`);
spawn(
  browser,
  [`--user-data-dir=${profile}`, `--disable-extensions-except=${extension}`, `--load-extension=${extension}`, '--no-first-run', 'https://www.chase.com/'],
  { stdio: 'inherit', detached: true },
).unref();
