import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

import { ExecutionError, type Lock, Redlock, ResourceLockedError } from '@sesamecare-oss/redlock';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';

import { createInProcessLocks } from './in-process-locks.js';
import { createLockMetrics } from './lock-metrics.js';
import {
  type BusyPolicy,
  type DegradedReason,
  LockBusyError,
  type LockLease,
  LockLostError,
  type LockService,
  LockServiceClosedError,
  normalizeKeys,
} from './lock-service.js';
import { createRedisLockClients } from './redis-lock-clients.js';

export interface RedlockLocksOptions {
  /** One URL per independent Redis node; the quorum is a majority of them. */
  urls: string[];
  /** Lock lifetime in ms, extended while fn runs. Keep it above the booking transaction's statement timeout. Default 10 000. */
  ttlMs?: number;
  /** Further attempts while another holder has the lock (never infinite). Default 20. */
  retryCount?: number;
  /** Pause between attempts. Default 50 ms, so the default budget is about one second. */
  retryDelayMs?: number;
  /** Each pause varies by up to ± this much, so waiters do not retry in lockstep. Default 25 ms. */
  retryJitterMs?: number;
  /** Per-command timeout: a node that hangs instead of refusing costs at most this. Default 500 ms. */
  commandTimeoutMs?: number;
  /** See BusyPolicy. Default 'proceed'. */
  onBusy?: BusyPolicy;
  /** Prefix of the Redis keys holding the locks. Default 'termin:lock:'. */
  keyPrefix?: string;
  logger: Logger;
  metrics?: Registry;
}

type Acquired = { kind: 'acquired'; lock: Lock } | { kind: DegradedReason };

/**
 * Redlock over independent Redis nodes, behind the LockService interface.
 *
 * Callers in this process first queue per key in FIFO order (in-process mutex); only the head of each queue
 * talks to Redis, so local contention costs no polling. Acquisition retries only while the lock is busy; an
 * unreachable quorum degrades at once, because retrying a dead quorum only delays the caller.
 * The package's `using` helper is not used: its release runs with the full retry budget and throws out of
 * `finally` when the quorum is gone, which would replace fn's result with a lock error.
 */
export function createRedlockLocks(options: RedlockLocksOptions): LockService {
  const {
    urls,
    ttlMs: requestedTtlMs = 10_000,
    retryCount = 20,
    retryDelayMs = 50,
    retryJitterMs = 25,
    commandTimeoutMs = 500,
    onBusy = 'proceed',
    keyPrefix = 'termin:lock:',
    logger,
  } = options;
  if (urls.length === 0) throw new Error('createRedlockLocks needs at least one Redis URL.');
  if (!Number.isInteger(retryCount) || retryCount < 0) throw new Error('retryCount must be a non-negative integer (retries are never infinite).');
  const ttlMs = Math.round(requestedTtlMs);
  if (ttlMs < 100) throw new Error('ttlMs must be at least 100 ms.');

  const metrics = createLockMetrics(options.metrics);
  const nodes = createRedisLockClients(urls, { commandTimeoutMs, connectTimeoutMs: 2 * commandTimeoutMs, reconnectMaxDelayMs: 1_000, logger });
  // Retries are driven here (retryCount 0 per call), so busy and unreachable can be told apart after each attempt.
  const redlock = new Redlock(nodes.clients, { retryCount: 0 });
  const quorum = Math.floor(urls.length / 2) + 1;
  const local = createInProcessLocks();
  // Never aborted: a degraded holder has no lock that could be lost.
  const unlockedSignal = new AbortController().signal;
  let closed = false;
  let closing: Promise<void> | undefined;

  async function acquire(resources: string[]): Promise<Acquired> {
    // Telling busy from unreachable waits for every vote, so a node that hangs (rather than refusing) slows each
    // attempt to commandTimeoutMs; the deadline keeps the budget near retryCount pauses even then.
    const giveUpAt = Date.now() + retryCount * (retryDelayMs + retryJitterMs);
    for (let attempt = 0; ; attempt++) {
      try {
        return { kind: 'acquired', lock: await redlock.acquire(resources, ttlMs) };
      } catch (error) {
        const reason = await classifyFailure(error);
        if (reason === 'unreachable' || attempt >= retryCount || Date.now() >= giveUpAt) return { kind: reason };
      }
      await sleep(Math.max(0, retryDelayMs + Math.round((Math.random() * 2 - 1) * retryJitterMs)));
      if (closed) throw new LockServiceClosedError();
    }
  }

  async function withDistributedLock<T>(keys: string[], fn: (lease: LockLease) => Promise<T>): Promise<T> {
    await nodes.connecting;
    if (closed) throw new LockServiceClosedError();
    const started = performance.now();
    const acquired = await acquire(keys.map((key) => keyPrefix + key));
    metrics.acquireSeconds(acquired.kind, (performance.now() - started) / 1000);
    if (acquired.kind !== 'acquired') {
      if (acquired.kind === 'busy' && onBusy === 'throw') throw new LockBusyError();
      metrics.degraded(acquired.kind);
      // Key count only: keys name staff members today, but a key must never put caller data into the log.
      logger.warn({ reason: acquired.kind, keyCount: keys.length }, 'running without the distributed lock; the database constraint guards');
      return fn({ degraded: true, signal: unlockedSignal });
    }
    const held = holdLock(acquired.lock);
    try {
      return await fn({ degraded: false, signal: held.signal });
    } finally {
      await held.release();
    }
  }

  /** Extends the lock at half its remaining life while fn runs; aborts the signal once it can no longer be held. */
  function holdLock(acquired: Lock): { signal: AbortSignal; release(): Promise<void> } {
    const controller = new AbortController();
    let lock = acquired;
    let done = false;
    let extendTimer: NodeJS.Timeout | undefined;
    let expiryTimer: NodeJS.Timeout | undefined;
    let extending: Promise<void> | undefined;

    const lose = (kind: 'expired' | 'superseded') => {
      if (done || controller.signal.aborted) return;
      clearTimeout(extendTimer);
      clearTimeout(expiryTimer);
      metrics.lost(kind);
      logger.warn({ kind, keyCount: lock.resources.length }, 'distributed lock lost while its holder was running');
      controller.abort(new LockLostError(kind));
    };
    const armTimers = () => {
      const remaining = lock.expiration - Date.now();
      clearTimeout(expiryTimer);
      expiryTimer = setTimeout(() => lose('expired'), Math.max(0, remaining));
      scheduleExtension(remaining / 2);
    };
    const scheduleExtension = (delayMs: number) => {
      extendTimer = setTimeout(() => (extending = extend()), Math.max(0, delayMs));
    };
    const extend = async () => {
      try {
        lock = await redlock.extend(lock, ttlMs);
        if (!done && !controller.signal.aborted) armTimers();
      } catch (error) {
        if (done || controller.signal.aborted) return;
        // Busy here means a quorum answered but no longer holds our value: another holder or an expiry won.
        const reason = error instanceof ExecutionError ? await classifyFailure(error) : 'unreachable';
        if (reason === 'busy') lose('superseded');
        else if (!done && !controller.signal.aborted) scheduleExtension(retryDelayMs);
      }
    };

    armTimers();
    return {
      signal: controller.signal,
      async release() {
        done = true;
        clearTimeout(extendTimer);
        clearTimeout(expiryTimer);
        // An extension in flight would otherwise race the release; extend() never rejects.
        await extending;
        try {
          await redlock.release(lock);
        } catch (error) {
          // Nodes that missed the release drop the lock when its TTL runs out.
          logger.debug({ err: error }, 'lock release did not reach a quorum');
        }
      },
    };
  }

  /** A failed quorum operation: busy when enough nodes answered for a quorum but some refused (another holder), else unreachable. */
  async function classifyFailure(error: unknown): Promise<DegradedReason> {
    if (!(error instanceof ExecutionError)) throw error;
    const last = error.attempts.at(-1);
    if (!last) return 'unreachable';
    // Settles once every node has voted; a node that hangs costs at most commandTimeoutMs.
    const stats = await last;
    let answered = stats.votesFor.size;
    for (const vote of stats.votesAgainst.values()) if (vote instanceof ResourceLockedError) answered++;
    return answered >= stats.quorumSize ? 'busy' : 'unreachable';
  }

  return {
    async withLocks<T>(keys: string[], fn: (lease: LockLease) => Promise<T>): Promise<T> {
      if (closed) throw new LockServiceClosedError();
      const sorted = normalizeKeys(keys);
      if (sorted.length === 0) return fn({ degraded: false, signal: unlockedSignal });
      return local.withLocks(sorted, () => withDistributedLock(sorted, fn));
    },
    async ping() {
      if (closed) return false;
      return nodes.pingQuorum(quorum);
    },
    close() {
      closed = true;
      closing ??= local.close().then(() => nodes.close());
      return closing;
    },
  };
}
