import { setTimeout as sleep } from 'node:timers/promises';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { createInProcessLocks } from './in-process-locks.js';

/** Counts holders per key and remembers the highest count seen at once. */
function createOccupancy() {
  const holders = new Map<string, number>();
  let maxSeen = 0;
  return {
    enter(keys: string[]) {
      for (const key of keys) {
        const n = (holders.get(key) ?? 0) + 1;
        holders.set(key, n);
        maxSeen = Math.max(maxSeen, n);
      }
    },
    leave(keys: string[]) {
      for (const key of keys) holders.set(key, (holders.get(key) ?? 1) - 1);
    },
    get maxSeen() {
      return maxSeen;
    },
  };
}

describe('createInProcessLocks', () => {
  it('lets only one of many concurrent holders of a key run at a time', async () => {
    const locks = createInProcessLocks();
    const occupancy = createOccupancy();
    let completed = 0;
    await Promise.all(
      Array.from({ length: 200 }, async (_, i) =>
        locks.withLocks(['staff:a'], async (lease) => {
          expect(lease.degraded).toBe(false);
          occupancy.enter(['staff:a']);
          if (i % 3 === 0) await sleep(0);
          else await Promise.resolve();
          occupancy.leave(['staff:a']);
          completed++;
        }),
      ),
    );
    expect(completed).toBe(200);
    expect(occupancy.maxSeen).toBe(1);
  });

  it('grants a key to waiters in the order they asked', async () => {
    const locks = createInProcessLocks();
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        locks.withLocks(['staff:a'], async () => {
          order.push(i);
          await sleep(i % 2);
        }),
      ),
    );
    expect(order).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('runs holders of different keys in parallel', async () => {
    const locks = createInProcessLocks();
    let running = 0;
    let maxRunning = 0;
    await Promise.all(
      ['staff:a', 'staff:b', 'staff:c', 'staff:d'].map((key) =>
        locks.withLocks([key], async () => {
          running++;
          maxRunning = Math.max(maxRunning, running);
          await sleep(20);
          running--;
        }),
      ),
    );
    expect(maxRunning).toBe(4);
  });

  it('never deadlocks when callers name the same keys in opposite orders', async () => {
    const locks = createInProcessLocks();
    const occupancy = createOccupancy();
    const tasks = Array.from({ length: 100 }, (_, i) => {
      const keys = i % 2 === 0 ? ['staff:a', 'staff:b', 'staff:c'] : ['staff:c', 'staff:b', 'staff:a'];
      return locks.withLocks(keys, async () => {
        occupancy.enter(keys);
        await sleep(0);
        occupancy.leave(keys);
      });
    });
    await expect(withTimeout(Promise.all(tasks), 5_000)).resolves.toHaveLength(100);
    expect(occupancy.maxSeen).toBe(1);
    expect(locks.heldKeyCount()).toBe(0);
  });

  it('keeps every key exclusive for random overlapping key sets, and always finishes', async () => {
    const keyPool = ['k0', 'k1', 'k2', 'k3', 'k4'];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ keys: fc.shuffledSubarray(keyPool, { minLength: 1 }), yields: fc.nat({ max: 3 }) }), { minLength: 1, maxLength: 30 }),
        async (jobs) => {
          const locks = createInProcessLocks();
          const occupancy = createOccupancy();
          const tasks = jobs.map(({ keys, yields }) =>
            locks.withLocks(keys, async () => {
              occupancy.enter(keys);
              for (let i = 0; i < yields; i++) await sleep(0);
              occupancy.leave(keys);
            }),
          );
          await withTimeout(Promise.all(tasks), 2_000);
          expect(occupancy.maxSeen).toBeLessThanOrEqual(1);
          expect(locks.heldKeyCount()).toBe(0);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('releases the lock when the holder throws, and passes the error on', async () => {
    const locks = createInProcessLocks();
    await expect(
      locks.withLocks(['staff:a'], async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await expect(
      withTimeout(
        locks.withLocks(['staff:a'], async () => 'next'),
        1_000,
      ),
    ).resolves.toBe('next');
    expect(locks.heldKeyCount()).toBe(0);
  });

  it('keeps no bookkeeping for keys once they are released', async () => {
    const locks = createInProcessLocks();
    await Promise.all(Array.from({ length: 1_000 }, (_, i) => locks.withLocks([`staff:${i % 100}`, `staff:${i}`], async () => {})));
    expect(locks.heldKeyCount()).toBe(0);
  });

  it('treats a key named twice as one key instead of waiting on itself', async () => {
    const locks = createInProcessLocks();
    await expect(
      withTimeout(
        locks.withLocks(['staff:a', 'staff:a'], async () => 'ran'),
        1_000,
      ),
    ).resolves.toBe('ran');
  });

  it('answers ping and refuses work after close', async () => {
    const locks = createInProcessLocks();
    expect(await locks.ping()).toBe(true);
    await locks.close();
    await expect(locks.withLocks(['staff:a'], async () => 'ran')).rejects.toMatchObject({ code: 'lock_service_closed' });
  });
});

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms (deadlock?)`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
