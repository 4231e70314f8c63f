/**
 * Applies French typography (lib/i18n `frenchTypography`: no-break spaces before : ; ? ! » and after «) to
 * every message of public/_locales/fr/messages.json; test/unit/i18n.test.ts checks the file is already so.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { frenchTypography, type MessagesFile } from '../lib/i18n';

const path = new URL('../public/_locales/fr/messages.json', import.meta.url);
const file = JSON.parse(readFileSync(path, 'utf8')) as MessagesFile;
let changed = 0;
for (const entry of Object.values(file)) {
  const fixed = frenchTypography(entry.message);
  if (fixed !== entry.message) (entry.message = fixed), changed++;
}
writeFileSync(path, JSON.stringify(file, null, 2) + '\n');
console.log(`French typography: ${changed} messages fixed`);
