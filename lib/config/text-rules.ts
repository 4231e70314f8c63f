/**
 * Characters refused in every text of an imported file, because they make text display differently from
 * what it says: a list named "Fintech \u202Ehctaw\u202C" shows as "Fintech watch" (the right-to-left override
 * reverses what follows), and zero-width characters make two names that look the same differ.
 *
 * Refused (Unicode's bidirectional controls, UAX #9, and the invisible format characters):
 * - embeddings and overrides U+202A-U+202E (LRE, RLE, PDF, LRO, RLO);
 * - isolates U+2066-U+2069 (LRI, RLI, FSI, PDI);
 * - marks U+200E, U+200F (LRM, RLM) and U+061C (ALM);
 * - zero-width U+200B-U+200D (ZWSP, ZWNJ, ZWJ), U+2060 (word joiner) and U+FEFF (BOM / ZWNBSP; a byte-order
 *   mark at the very start of a file is not text and is ignored before parsing).
 *
 * Pure. The walk is iterative-safe because the import pipeline bounds nesting depth before it runs.
 */
import { childPath, isJsonObject } from './project';
import type { ImportProblem } from './types';

/** Every refused character, by code point, with its Unicode name (used in messages). */
export const HIDDEN_CHARACTERS: ReadonlyMap<number, string> = new Map([
  [0x202a, 'LEFT-TO-RIGHT EMBEDDING'],
  [0x202b, 'RIGHT-TO-LEFT EMBEDDING'],
  [0x202c, 'POP DIRECTIONAL FORMATTING'],
  [0x202d, 'LEFT-TO-RIGHT OVERRIDE'],
  [0x202e, 'RIGHT-TO-LEFT OVERRIDE'],
  [0x2066, 'LEFT-TO-RIGHT ISOLATE'],
  [0x2067, 'RIGHT-TO-LEFT ISOLATE'],
  [0x2068, 'FIRST STRONG ISOLATE'],
  [0x2069, 'POP DIRECTIONAL ISOLATE'],
  [0x200e, 'LEFT-TO-RIGHT MARK'],
  [0x200f, 'RIGHT-TO-LEFT MARK'],
  [0x061c, 'ARABIC LETTER MARK'],
  [0x200b, 'ZERO WIDTH SPACE'],
  [0x200c, 'ZERO WIDTH NON-JOINER'],
  [0x200d, 'ZERO WIDTH JOINER'],
  [0x2060, 'WORD JOINER'],
  [0xfeff, 'ZERO WIDTH NO-BREAK SPACE'],
]);

const HIDDEN_RE = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b-\u200d\u2060\ufeff]/g;

/** `U+202E` for a code point. */
export function codePointLabel(c: number): string {
  return `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The refused characters in `text`, each once, in order of first appearance (code points). */
export function hiddenCharacters(text: string): number[] {
  const found = new Set<number>();
  for (const match of text.matchAll(HIDDEN_RE)) found.add(match[0].charCodeAt(0));
  return [...found];
}

/** `text` with every refused character written as `\u202E` (for showing a path or key safely). */
export function escapeHidden(text: string): string {
  return text.replace(HIDDEN_RE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * One problem per string in `value` (a parsed JSON document, already bounded in depth) that holds a refused
 * character, at its JSON path under `path`, e.g. `$.list.name: contains U+202E RIGHT-TO-LEFT OVERRIDE, ...`.
 * Problems carry `code: 'hidden-characters'` and the characters' labels as `values[0]`.
 */
export function hiddenCharacterProblems(value: unknown, path = '$', problems: ImportProblem[] = []): ImportProblem[] {
  if (typeof value === 'string') {
    const found = hiddenCharacters(value);
    if (found.length > 0) {
      const labels = found.map((c) => `${codePointLabel(c)} ${HIDDEN_CHARACTERS.get(c)}`).join(', ');
      problems.push({
        path,
        message: `contains ${labels}: an invisible character that can make text display differently from what it says; remove it`,
        code: 'hidden-characters',
        values: [found.map(codePointLabel).join(', ')],
      });
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => hiddenCharacterProblems(item, childPath(path, i), problems));
  } else if (isJsonObject(value)) {
    for (const key of Object.keys(value)) hiddenCharacterProblems(value[key], childPath(path, key), problems);
  }
  return problems;
}
