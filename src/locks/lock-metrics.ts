import { Counter, Histogram, type Registry } from 'prom-client';

import type { DegradedReason } from './lock-service.js';

export type AcquireOutcome = 'acquired' | DegradedReason;

/** The lock metrics; no-ops when no registry is given. */
export interface LockMetrics {
  degraded(reason: DegradedReason): void;
  lost(kind: 'expired' | 'superseded'): void;
  acquireSeconds(outcome: AcquireOutcome, seconds: number): void;
}

/** Registers the lock metrics on `registry`, reusing ones a second lock service already registered there. */
export function createLockMetrics(registry: Registry | undefined): LockMetrics {
  if (!registry) return { degraded: () => {}, lost: () => {}, acquireSeconds: () => {} };
  const degraded = counter(
    registry,
    'termin_lock_degraded_total',
    'Calls that ran without the distributed lock (the database constraint still guards).',
    'reason',
  );
  const lost = counter(registry, 'termin_lock_lost_total', 'Held locks that expired or were superseded while their holder was running.', 'kind');
  const acquire = histogram(registry, 'termin_lock_acquire_seconds', 'Time to acquire the distributed lock, or to give up on it.', 'outcome');
  return {
    degraded: (reason) => degraded.inc({ reason }),
    lost: (kind) => lost.inc({ kind }),
    acquireSeconds: (outcome, seconds) => acquire.observe({ outcome }, seconds),
  };
}

function counter(registry: Registry, name: string, help: string, label: string): Counter<string> {
  const existing = registry.getSingleMetric(name);
  if (existing instanceof Counter) return existing;
  return new Counter({ name, help, labelNames: [label], registers: [registry] });
}

function histogram(registry: Registry, name: string, help: string, label: string): Histogram<string> {
  const existing = registry.getSingleMetric(name);
  if (existing instanceof Histogram) return existing;
  return new Histogram({
    name,
    help,
    labelNames: [label],
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
}
