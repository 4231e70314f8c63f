/**
 * A per-tab work queue: updates of one tab run one at a time, in the order they were asked for (a
 * navigation and a content script's report must not overwrite each other), while tabs run independently.
 *
 * Re-entrant by capability: the work receives a `TabTurn` for its tab, and a call that passes that turn
 * back runs at once inside the current turn instead of waiting behind it (which would deadlock). A call
 * without it waits its turn. In-memory only: losing it with the worker loses nothing (it only orders work).
 */

/** Proof that the caller is running inside `tabId`'s turn. */
export interface TabTurn {
  readonly tabId: number;
  /** False once the turn's work has settled: a kept turn no longer lets anyone skip the queue. */
  readonly active: boolean;
}

/** The queue: `run(tabId, work, turn?)` resolves or rejects with the work's own result. */
export interface TabQueue {
  run<T>(tabId: number, work: (turn: TabTurn) => Promise<T>, turn?: TabTurn): Promise<T>;
  /** Tabs with work queued or running (for tests and diagnostics). */
  size(): number;
}

/** A new, empty per-tab queue. */
export function createTabQueue(): TabQueue {
  const tails = new Map<number, Promise<unknown>>();
  return {
    run<T>(tabId: number, work: (turn: TabTurn) => Promise<T>, turn?: TabTurn): Promise<T> {
      if (turn && turn.tabId === tabId && turn.active) return work(turn);
      const previous = tails.get(tabId) ?? Promise.resolve();
      const mine = { tabId, active: false };
      const next = previous.then(async () => {
        mine.active = true;
        try {
          return await work(mine);
        } finally {
          mine.active = false;
        }
      });
      // The queue goes on after a failure; the failure itself reaches this call's caller.
      const settled = next.then(
        () => undefined,
        () => undefined,
      );
      tails.set(tabId, settled);
      void settled.then(() => {
        if (tails.get(tabId) === settled) tails.delete(tabId);
      });
      return next;
    },
    size: () => tails.size,
  };
}
