/**
 * Whether the background can do its job, said to the user (badge title and popup) and logged, never
 * swallowed (Privacy Badger's critical-error badge is the model). Today one problem is known: the extension's
 * database (IndexedDB: preferences, site choices, lists) cannot be read, so defaults are in use. The state is
 * recomputed at every read of the database, so a worker restart loses nothing that matters.
 */

import type { HealthProblem } from '../messages';

export type { HealthProblem };

/** The health service: report a problem (logged with `log`), clear it, read it. */
export interface Health {
  problem(): HealthProblem | undefined;
  report(kind: HealthProblem['kind'], error: unknown): void;
  clear(kind: HealthProblem['kind']): void;
}

/** A health service; `log` is where errors go (the background's console.error). */
export function createHealth(log: (error: unknown) => void): Health {
  let current: HealthProblem | undefined;
  return {
    problem: () => current,
    report(kind, error) {
      log(error);
      current = { kind, detail: error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 200) : String(error).slice(0, 200) };
    },
    clear(kind) {
      if (current?.kind === kind) current = undefined;
    },
  };
}
