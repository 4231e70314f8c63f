/**
 * The file check behind `npm run validate -- FILE...` (scripts/validate.ts), as a pure function so it can be
 * tested and fuzzed without a process: text in, report lines out. It runs exactly what the options page runs
 * on import (`importConfig`) against an empty state.
 */
import type { Catalog } from '../catalog';
import { importConfig, type ImportResult } from './index';

/**
 * The verdict on one file. `lines` are ready to print, each starting with `name: `:
 * - one per error: `FILE: $.path: message`;
 * - one per dropped key: `FILE: warning: $.path: unknown key dropped`;
 * - one per part left out (an ended snooze): `FILE: warning: $.path: message`;
 * - when valid, last: `FILE: valid linkwatch-config v1 (N decisions, M lists)` or
 *   `FILE: valid linkwatch-list v1 (list ID: N institutions, M arrangements)`, with
 *   `; converted from format version V` inside the parentheses for an older file.
 */
export interface FileReport {
  valid: boolean;
  lines: string[];
  result: ImportResult;
}

/** Check one file's text. `name` prefixes every line (a path, as given on the command line). Never throws. */
export function validateConfigText(name: string, text: string, options: { bundled?: Catalog; now?: Date } = {}): FileReport {
  const result = importConfig(text, undefined, options);
  const prefix = `${oneLine(name)}: `;
  if (!result.ok) {
    return { valid: false, result, lines: result.errors.map((e) => `${prefix}${e.path}: ${oneLine(e.message)}`) };
  }
  const lines = result.dropped.map((path) => `${prefix}warning: ${oneLine(path)}: unknown key dropped`);
  for (const skipped of result.skipped) lines.push(`${prefix}warning: ${oneLine(skipped.path)}: ${oneLine(skipped.message)}`);
  const converted = result.migrated ? `; converted from format version ${result.fromVersion}` : '';
  if (result.kind === 'list') {
    const list = result.config.customLists[0]!;
    lines.push(
      `${prefix}valid linkwatch-list v${result.config.version} (list ${list.id}: ${count(list.institutions.length, 'institution')}, ${count(list.arrangements.length, 'arrangement')}${converted})`,
    );
  } else {
    const { siteDecisions, customLists } = result.config;
    lines.push(
      `${prefix}valid linkwatch-config v${result.config.version} (${count(siteDecisions.length, 'decision')}, ${count(customLists.length, 'list')}${converted})`,
    );
  }
  return { valid: true, result, lines };
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Control characters (a newline in a key, an escape sequence) would forge or garble terminal lines. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
