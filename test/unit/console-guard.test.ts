/** The console guard itself (test/unit/console-guard.ts, a setup file of the unit projects). */
import { describe, expect, it } from 'vitest';
import { formatConsoleArgs } from './console-guard';
import { expectConsoleError } from './helpers';

describe('the console guard', () => {
  it('lets a test log an error it announced, and the formatted text carries an Error’s message', () => {
    expectConsoleError(/\[linkwatch\] Error: the disk is full/);
    console.error('[linkwatch]', new Error('the disk is full'));
    expect(formatConsoleArgs(['[linkwatch]', new Error('boom')])).toMatch(/^\[linkwatch\] Error: boom\n\s+at /);
  });

  // The afterEach of the guard throws for these: `it.fails` passes only if the test (hooks included) failed.
  it.fails('fails a test that logs an error it did not announce', () => {
    console.error('something went wrong');
  });

  it.fails('fails a test that announced an error which was never logged', () => {
    expectConsoleError('never logged');
  });
});
