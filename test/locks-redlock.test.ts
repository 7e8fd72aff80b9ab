import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

import { Redis } from 'ioredis';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { LockBusyError, LockLostError, type LockService } from '../src/locks/lock-service.js';
import { createRedlockLocks, type RedlockLocksOptions } from '../src/locks/redlock-locks.js';
import { type RedisServer, startRedisServer } from './support/redis-server.js';

const KEY_PREFIX = 'test:lock:';
let nodes: RedisServer[] = [];
const dead = new Set<number>();
const services: LockService[] = [];

beforeAll(async () => {
  nodes = await Promise.all([startRedisServer(), startRedisServer(), startRedisServer()]);
});

afterEach(async () => {
  await Promise.all(services.splice(0).map((service) => service.close()));
  // Every test starts with all three nodes up, at the addresses the clients know.
  for (const i of dead) nodes[i] = await startRedisServer({ port: node(i).port });
  dead.clear();
});

afterAll(async () => {
  await Promise.all(nodes.map((n) => n.stop()));
});

function node(i: number): RedisServer {
  const n = nodes[i];
  if (!n) throw new Error(`no node ${i}`);
  return n;
}

async function killNode(i: number): Promise<void> {
  dead.add(i);
  node(i).kill();
  await node(i).stop();
}

/** One service per simulated process, each with its own clients, logs and metrics. */
function createService(overrides: Partial<RedlockLocksOptions> = {}) {
  const lines: string[] = [];
  const registry = new Registry();
  const service = createRedlockLocks({
    urls: nodes.map((n) => n.url),
    ttlMs: 2_000,
    retryCount: 400,
    retryDelayMs: 5,
    retryJitterMs: 3,
    commandTimeoutMs: 200,
    keyPrefix: KEY_PREFIX,
    logger: pino({ level: 'debug' }, { write: (line: string) => void lines.push(line) }),
    metrics: registry,
    ...overrides,
  });
  services.push(service);
  return { service, lines, registry };
}

async function metricValue(registry: Registry, name: string, labels: Record<string, string>): Promise<number> {
  const metric = registry.getSingleMetric(name);
  if (!metric) return 0;
  const { values } = await metric.get();
  const match = values.find((v) => Object.entries(labels).every(([k, val]) => v.labels[k] === val));
  return match?.value ?? 0;
}

/**
 * Many callers spread over the services increment a shared counter with a read-pause-write cycle,
 * so any overlap of two holders shows up as a lost update as well as in the holder count.
 */
async function runContention(lockServices: LockService[], key: string, tasks: number, onProgress?: (done: number) => void) {
  let holders = 0;
  let maxHolders = 0;
  let counter = 0;
  let degraded = 0;
  let done = 0;
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: tasks }, async (_, i) => {
      const t0 = performance.now();
      await lockServices[i % lockServices.length]!.withLocks([key], async (lease) => {
        if (lease.degraded) degraded++;
        holders++;
        maxHolders = Math.max(maxHolders, holders);
        const read = counter;
        await sleep(1);
        counter = read + 1;
        holders--;
      });
      latencies.push(performance.now() - t0);
      onProgress?.(++done);
    }),
  );
  latencies.sort((a, b) => a - b);
  return {
    maxHolders,
    counter,
    degraded,
    totalMs: Math.round(performance.now() - started),
    p50Ms: Math.round(latencies[Math.floor(latencies.length / 2)] ?? 0),
    maxMs: Math.round(latencies[latencies.length - 1] ?? 0),
  };
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(50);
  }
}

describe('createRedlockLocks against three Redis nodes', () => {
  it('keeps holders in two separate services mutually exclusive', async () => {
    const a = createService();
    const b = createService();
    const result = await runContention([a.service, b.service], `staff:${randomUUID()}`, 80);
    console.log('all nodes up:', result);
    expect(result).toMatchObject({ maxHolders: 1, counter: 80, degraded: 0 });
  });

  it('stays exclusive without stalling when one node dies mid-run', async () => {
    const a = createService();
    const b = createService();
    let killed: Promise<void> | undefined;
    const result = await runContention([a.service, b.service], `staff:${randomUUID()}`, 80, (done) => {
      if (done === 20) killed = killNode(2);
    });
    await killed;
    console.log('one node killed mid-run:', result);
    expect(dead.has(2)).toBe(true);
    expect(result).toMatchObject({ maxHolders: 1, counter: 80, degraded: 0 });
    expect(await a.service.ping()).toBe(true);
  });

  it('runs the holder in degraded mode when two of three nodes are down, and counts it as unreachable', async () => {
    await killNode(1);
    await killNode(2);
    const { service, lines, registry } = createService();
    const key = `staff:${randomUUID()}`;
    const t0 = performance.now();
    const lease = await service.withLocks([key], async (l) => l);
    console.log(`degraded acquisition took ${(performance.now() - t0).toFixed(1)} ms`);
    expect(lease.degraded).toBe(true);
    expect(lease.signal.aborted).toBe(false);
    expect(await metricValue(registry, 'termin_lock_degraded_total', { reason: 'unreachable' })).toBe(1);
    expect(await metricValue(registry, 'termin_lock_degraded_total', { reason: 'busy' })).toBe(0);
    expect(lines.some((line) => line.includes('"reason":"unreachable"'))).toBe(true);
    expect(lines.join('\n')).not.toContain(key);
    expect(await service.ping()).toBe(false);
  });

  it('uses a node again once it comes back', async () => {
    await killNode(1);
    await killNode(2);
    const { service } = createService();
    expect((await service.withLocks(['staff:x'], async (l) => l)).degraded).toBe(true);

    nodes[1] = await startRedisServer({ port: node(1).port });
    dead.delete(1);
    await waitFor(() => service.ping(), 5_000);
    // Node 2 is still down, so a quorum of two needs the node that came back.
    expect((await service.withLocks([`staff:${randomUUID()}`], async (l) => l)).degraded).toBe(false);
  });

  it('tells a busy lock apart from an unreachable quorum, and throws LockBusyError only when asked to', async () => {
    const holder = createService();
    const proceeding = createService({ retryCount: 3, retryDelayMs: 10 });
    const strict = createService({ retryCount: 3, retryDelayMs: 10, onBusy: 'throw' });
    const key = `staff:${randomUUID()}`;
    let entered!: () => void;
    let releaseHolder!: () => void;
    const holding = new Promise<void>((resolve) => (entered = resolve));
    const gate = new Promise<void>((resolve) => (releaseHolder = resolve));
    const held = holder.service.withLocks([key], async () => {
      entered();
      await gate;
    });
    await holding;

    const lease = await proceeding.service.withLocks([key], async (l) => l);
    expect(lease.degraded).toBe(true);
    expect(await metricValue(proceeding.registry, 'termin_lock_degraded_total', { reason: 'busy' })).toBe(1);
    expect(await metricValue(proceeding.registry, 'termin_lock_degraded_total', { reason: 'unreachable' })).toBe(0);
    await expect(strict.service.withLocks([key], async () => 'ran')).rejects.toBeInstanceOf(LockBusyError);

    releaseHolder();
    await held;
    expect((await strict.service.withLocks([key], async (l) => l)).degraded).toBe(false);
  });

  it('releases the lock when the holder throws', async () => {
    const a = createService();
    const b = createService({ retryCount: 0, onBusy: 'throw' });
    const key = `staff:${randomUUID()}`;
    await expect(a.service.withLocks([key], async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(b.service.withLocks([key], async () => 'free')).resolves.toBe('free');
  });

  it('extends the lock while a holder runs past the TTL', async () => {
    const a = createService({ ttlMs: 300 });
    const b = createService({ retryCount: 2, retryDelayMs: 10, onBusy: 'throw' });
    const key = `staff:${randomUUID()}`;
    const signal = await a.service.withLocks([key], async (lease) => {
      await sleep(900);
      await expect(b.service.withLocks([key], async () => 'stolen')).rejects.toBeInstanceOf(LockBusyError);
      return lease.signal;
    });
    expect(signal.aborted).toBe(false);
  });

  it('aborts the signal when the quorum is lost while the holder runs', async () => {
    const { service, registry } = createService({ ttlMs: 300 });
    const reason = await service.withLocks([`staff:${randomUUID()}`], async (lease) => {
      await killNode(1);
      await killNode(2);
      await waitFor(async () => lease.signal.aborted, 2_000);
      return lease.signal.reason;
    });
    expect(reason).toBeInstanceOf(LockLostError);
    expect(reason).toMatchObject({ kind: 'expired' });
    expect(await metricValue(registry, 'termin_lock_lost_total', { kind: 'expired' })).toBe(1);
  });

  it('aborts the signal when another value took over the keys on the quorum', async () => {
    const { service } = createService({ ttlMs: 300 });
    const key = `staff:${randomUUID()}`;
    const reason = await service.withLocks([key], async (lease) => {
      const raw = nodes.map((n) => new Redis(n.url));
      await Promise.all(raw.map((client) => client.set(KEY_PREFIX + key, 'someone-else', 'PX', 10_000)));
      await Promise.all(raw.map((client) => client.quit()));
      await waitFor(async () => lease.signal.aborted, 2_000);
      return lease.signal.reason;
    });
    expect(reason).toMatchObject({ kind: 'superseded' });
  });

  it('leaves no sockets or timers behind after close, even while reconnecting to a dead node', async () => {
    await killNode(2);
    const count = () => {
      const resources = process.getActiveResourcesInfo();
      return { sockets: resources.filter((r) => r === 'TCPSocketWrap').length, timers: resources.filter((r) => r === 'Timeout').length };
    };
    const before = count();
    const { service } = createService();
    await service.withLocks([`staff:${randomUUID()}`], async () => {});
    await sleep(300); // let a reconnect attempt to the dead node get scheduled
    await service.close();
    await service.close();
    await sleep(20);
    const after = count();
    expect(after.sockets).toBeLessThanOrEqual(before.sockets);
    expect(after.timers).toBeLessThanOrEqual(before.timers);
    await expect(service.withLocks(['staff:x'], async () => 'ran')).rejects.toMatchObject({ code: 'lock_service_closed' });
  });
});
