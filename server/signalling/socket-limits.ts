/**
 * Per-socket event budgets. A socket lives on one node, so these counters stay in memory;
 * limits shared across nodes (sign-in, sign-up) use the SharedStore instead.
 */
export interface EventBudget {
  limit: number;
  windowMs: number;
}

export const EVENT_BUDGETS = {
  /** Every request a socket makes. */
  events: { limit: 50, windowMs: 10_000 },
  chat: { limit: 5, windowMs: 5_000 },
  /**
   * Consumer confirmations and tile preferences scale with the room (two consumers per other
   * person on join), so they have a budget of their own instead of the general one.
   */
  media: { limit: 600, windowMs: 10_000 },
} satisfies Record<string, EventBudget>;

export type BudgetName = keyof typeof EVENT_BUDGETS;

/** Largest JSON payload a request may carry (the transport itself caps a message at 64 KiB). */
export const MAX_EVENT_BYTES = 32 * 1024;

export class SocketBudgets {
  readonly #windows = new Map<BudgetName, { count: number; resetAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Counts one use; false when the budget for this window is spent. */
  take(name: BudgetName): boolean {
    const { limit, windowMs } = EVENT_BUDGETS[name];
    const now = this.now();
    let window = this.#windows.get(name);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + windowMs };
      this.#windows.set(name, window);
    }
    window.count += 1;
    return window.count <= limit;
  }
}
