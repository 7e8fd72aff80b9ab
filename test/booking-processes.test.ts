import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '../src/db/database.js';
import { createTestSalon } from './support/business.js';
import { activeAppointments, berlin, overlappingActiveSegments } from './support/booking.js';
import { openTestPostgres } from './support/databases.js';
import { startRedisServer, type RedisServer } from './support/redis-server.js';

const run = promisify(execFile);
const worker = fileURLToPath(new URL('./support/book-worker.ts', import.meta.url));
const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));

describe('two OS processes booking against one Postgres', () => {
  let database: Database;
  let redis: RedisServer[];

  beforeAll(async () => {
    database = openTestPostgres(2);
    redis = await Promise.all([startRedisServer(), startRedisServer(), startRedisServer()]);
  });
  afterAll(async () => {
    await database.close();
    await Promise.all(redis.map((r) => r.stop()));
  });

  it.each([
    { locks: 'Redlock over three nodes', urls: () => redis.map((r) => r.url) },
    { locks: 'each process its own in-process locks (Postgres alone orders them)', urls: () => [] },
  ])('gives one slot to exactly one booking across both processes: $locks', async ({ urls }) => {
    const salon = await createTestSalon(database.db);
    const job = {
      url: inject('postgresUrl'),
      redisUrls: urls(),
      businessId: salon.id,
      serviceId: salon.services.herrenhaarschnitt,
      staffId: salon.staff.oliver,
      startsAt: berlin('2030-03-06T10:00').toISOString(),
      now: '2030-03-04T07:00:00Z',
      count: 15,
      keyPrefix: randomUUID(),
    };
    const results = await Promise.all([1, 2].map(() => run(tsx, [worker, JSON.stringify(job)], { timeout: 60_000 })));
    const parsed = results.map((r) => JSON.parse(r.stdout.trim()) as { kinds: string[]; booked: string[] });
    const all = parsed.flatMap((p) => p.kinds);
    expect(all).toHaveLength(30);
    expect(all.filter((k) => k === 'booked')).toHaveLength(1);
    expect(all.filter((k) => k === 'slot_taken')).toHaveLength(29);
    const active = await activeAppointments(database.db, salon.id);
    expect(active.map((a) => a.id)).toEqual(parsed.flatMap((p) => p.booked));
    expect(await overlappingActiveSegments(database.db, salon.id)).toBe(0);
  });
});
