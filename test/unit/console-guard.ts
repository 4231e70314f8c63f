/**
 * Setup file of the `unit` and `unit-firefox` projects (vitest.config.ts): an unexpected `console.error`
 * fails the test that caused it, with what was logged. Code under test logs an error only when something
 * went wrong; a test that provokes one on purpose says so with `expectConsoleError(pattern)` (re-exported by
 * ./helpers.ts), which both allows the matching errors and requires at least one of them.
 *
 * console.error is replaced for the duration of each test by a recorder (not a vi.spyOn spy, so a test's own
 * `vi.restoreAllMocks()` cannot remove it). A test that installs its own mock over console.error (as
 * test/unit/background.test.ts does) takes those calls out of this check.
 */
import { formatWithOptions } from 'node:util';
import { afterEach, beforeEach } from 'vitest';

interface Expected {
  pattern: RegExp | string;
  matched: number;
}

interface Guard {
  calls: unknown[][];
  expected: Expected[];
}

const KEY = Symbol.for('linkwatch.test.consoleGuard');
type WithGuard = typeof globalThis & { [KEY]?: Guard };

/** One logged call as text: what a person reading the failure needs (an Error's stack included). */
export function formatConsoleArgs(args: unknown[]): string {
  return formatWithOptions({ depth: 4, colors: false }, ...args);
}

function matches(pattern: RegExp | string, text: string): boolean {
  return typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text);
}

/**
 * Declare that the running test is expected to log, through console.error, at least one error matching
 * `pattern` (a substring or a RegExp, matched against the formatted arguments, an Error's stack included).
 * Every matching call is then allowed; any other call still fails the test. Call it before the code that logs.
 */
export function expectConsoleError(pattern: RegExp | string): void {
  const guard = (globalThis as WithGuard)[KEY];
  if (!guard) throw new Error('expectConsoleError: the console guard is not installed (setupFiles in vitest.config.ts)');
  guard.expected.push({ pattern, matched: 0 });
}

const original = console.error;

beforeEach(() => {
  const guard: Guard = { calls: [], expected: [] };
  (globalThis as WithGuard)[KEY] = guard;
  console.error = (...args: unknown[]) => {
    guard.calls.push(args);
  };
});

afterEach(() => {
  const guard = (globalThis as WithGuard)[KEY];
  console.error = original;
  delete (globalThis as WithGuard)[KEY];
  if (!guard) return;
  const unexpected: string[] = [];
  for (const args of guard.calls) {
    const text = formatConsoleArgs(args);
    const expectation = guard.expected.find((e) => matches(e.pattern, text));
    if (expectation) expectation.matched++;
    else unexpected.push(text);
  }
  const problems: string[] = [];
  if (unexpected.length > 0) {
    problems.push(`console.error was called ${unexpected.length} time(s) unexpectedly (use expectConsoleError(pattern) from test/unit/helpers.ts if the test provokes it on purpose):\n${unexpected.map((t, i) => `  [${i + 1}] ${t.replace(/\n/g, '\n      ')}`).join('\n')}`);
  }
  for (const e of guard.expected.filter((x) => x.matched === 0)) {
    problems.push(`expected a console.error matching ${String(e.pattern)}, but none was logged`);
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
});
