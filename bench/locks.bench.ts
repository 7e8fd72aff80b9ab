import { Redis } from 'ioredis';
import { pino } from 'pino';

import { createInProcessLocks } from '../src/locks/in-process-locks.js';
import type { LockService } from '../src/locks/lock-service.js';
import { createRedlockLocks } from '../src/locks/redlock-locks.js';
import { type RedisServer, startRedisServer } from '../test/support/redis-server.js';
import { type BenchResult, measure } from './lib/measure.js';

const ITERATIONS = 2_000;

/** Lock acquire + release latency: in-process, Redlock on one and on three local Redis nodes, against a bare PING. */
export async function run(): Promise<BenchResult[]> {
  const servers: RedisServer[] = await Promise.all([startRedisServer(), startRedisServer(), startRedisServer()]);
  const logger = pino({ level: 'silent' });
  const redlock = (urls: string[]) => createRedlockLocks({ urls, logger });
  const services: LockService[] = [];
  const ping = new Redis(servers[0]!.url);
  try {
    const floor = await measure('redis PING round trip', () => ping.ping(), { iterations: ITERATIONS });
    const floorText = `PING ${floor.p50Ms} ms`;
    const results = [floor];

    const inProcess = createInProcessLocks();
    const one = redlock([servers[0]!.url]);
    const three = redlock(servers.map((s) => s.url));
    services.push(inProcess, one, three);
    const noop = async () => {};

    results.push(await measure('lock in-process', () => inProcess.withLocks(['staff:bench'], noop), { iterations: ITERATIONS, target: 'p50 < 0.01 ms' }));
    results.push(
      await measure('lock redlock 1 node', () => one.withLocks(['staff:bench'], noop), { iterations: ITERATIONS, target: 'p50 < 0.3 ms', floor: floorText }),
    );
    results.push(
      await measure('lock redlock 3 nodes', () => three.withLocks(['staff:bench'], noop), { iterations: ITERATIONS, target: 'p50 < 0.5 ms', floor: floorText }),
    );
    results.push(
      await measure('lock redlock 3 nodes, 8 callers, own keys', (_, worker) => three.withLocks([`staff:bench-${worker}`], noop), {
        iterations: ITERATIONS,
        concurrency: 8,
        target: 'p50 < 2 ms',
        floor: floorText,
      }),
    );

    // A dead minority must cost nothing: its commands fail at once instead of waiting for a reconnect.
    servers[2]!.kill();
    await servers[2]!.stop();
    results.push(
      await measure('lock redlock 3 nodes, 1 down', () => three.withLocks(['staff:bench'], noop), {
        iterations: ITERATIONS,
        target: 'p50 < 0.5 ms',
        floor: floorText,
      }),
    );
    return results;
  } finally {
    ping.disconnect();
    await Promise.all(services.map((s) => s.close()));
    await Promise.all(servers.map((s) => s.stop()));
  }
}
