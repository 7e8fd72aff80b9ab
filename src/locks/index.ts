import type { Logger } from 'pino';
import type { Registry } from 'prom-client';

import { createInProcessLocks } from './in-process-locks.js';
import type { BusyPolicy, LockService } from './lock-service.js';
import { createRedlockLocks } from './redlock-locks.js';

export type { LockService } from './lock-service.js';

export interface LockServiceConfig {
  /** Independent Redis nodes; empty means the embedded single-process mode. */
  redisUrls: string[];
  /** Above the database statement timeout; extended while the holder runs. Default 10 000. */
  lockTtlMs?: number;
  retryCount?: number;
  retryDelayMs?: number;
  retryJitterMs?: number;
  onBusy?: BusyPolicy;
}

export interface LockServiceDeps {
  logger: Logger;
  metrics?: Registry;
}

/** Redlock over the configured Redis nodes, or the in-process mutex when none are configured. */
export function createLockService(config: LockServiceConfig, deps: LockServiceDeps): LockService {
  if (config.redisUrls.length === 0) return createInProcessLocks();
  return createRedlockLocks({
    urls: config.redisUrls,
    ttlMs: config.lockTtlMs,
    retryCount: config.retryCount,
    retryDelayMs: config.retryDelayMs,
    retryJitterMs: config.retryJitterMs,
    onBusy: config.onBusy,
    logger: deps.logger.child({ component: 'locks' }),
    metrics: deps.metrics,
  });
}
