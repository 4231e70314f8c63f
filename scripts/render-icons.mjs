// Renders assets/icon.svg to public/icon/{16,32,48,128}.png with Debian's Chromium (no network).
// Run: node scripts/render-icons.mjs
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { chromium } from 'playwright-core';

const svg = await readFile(new URL('../assets/icon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
await mkdir(new URL('../public/icon/', import.meta.url), { recursive: true });
for (const size of [16, 32, 48, 128]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${svg.replace('width="128" height="128"', `width="${size}" height="${size}"`)}</body></html>`,
  );
  const png = await page.screenshot({ omitBackground: true });
  await writeFile(new URL(`../public/icon/${size}.png`, import.meta.url), png);
  await page.close();
}
await browser.close();
console.log('icons written');
