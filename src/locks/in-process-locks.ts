import { type LockLease, type LockService, LockServiceClosedError, normalizeKeys } from './lock-service.js';

/** The in-process lock service, with a view of its bookkeeping for tests and health output. */
export interface InProcessLocks extends LockService {
  /** How many keys are currently held (an entry exists only while a key is held). */
  heldKeyCount(): number;
}

/**
 * Per-key async mutex for the embedded single-process mode: FIFO per key, no polling.
 * A key is present in the map only while held; its array lists the waiters in arrival order.
 */
export function createInProcessLocks(): InProcessLocks {
  const held = new Map<string, Array<() => void>>();
  // Nothing can abort this signal: an in-process lock cannot be lost while its holder runs.
  const lease: LockLease = Object.freeze({ degraded: false, signal: new AbortController().signal });
  let closed = false;

  function acquire(key: string): Promise<void> | undefined {
    const waiters = held.get(key);
    if (!waiters) {
      held.set(key, []);
      return undefined;
    }
    return new Promise<void>((resolve) => waiters.push(resolve));
  }

  function release(key: string): void {
    const waiters = held.get(key);
    const next = waiters?.shift();
    // Ownership passes straight to the next waiter, so no newcomer can slip in between.
    if (next) next();
    else held.delete(key);
  }

  return {
    async withLocks<T>(keys: string[], fn: (lease: LockLease) => Promise<T>): Promise<T> {
      if (closed) throw new LockServiceClosedError();
      const sorted = normalizeKeys(keys);
      const taken: string[] = [];
      try {
        for (const key of sorted) {
          const wait = acquire(key);
          // The wait only ever resolves (ownership is handed over), so every key reached here is ours to release.
          if (wait) await wait;
          taken.push(key);
        }
        return await fn(lease);
      } finally {
        for (let i = taken.length - 1; i >= 0; i--) release(taken[i]!);
      }
    },
    async ping() {
      return true;
    },
    async close() {
      closed = true;
    },
    heldKeyCount() {
      return held.size;
    },
  };
}
