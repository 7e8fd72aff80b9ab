import { createPostgresDatabase } from '../../src/db/create-postgres.js';
import { seedDemo } from '../../src/business-file/seed-demo.js';
import { createThrowawayDatabase, ensurePostgres } from '../../test/support/postgres.js';
import { startRedisServer, type RedisServer } from '../../test/support/redis-server.js';
import type { Cleanup } from './cleanup.js';
import { startServerInstance, type ServerInstance } from './server-instance.js';

export interface Infrastructure {
  databaseUrl: string;
  redis: RedisServer[];
  instances: ServerInstance[];
}

/**
 * A fresh database on the local Postgres (migrated, the demo salon seeded), `settings.redis` Redis nodes and
 * `settings.instances` server processes that use all of them. Each kind registers its teardown with `cleanup`
 * before the first one starts, so a failed or interrupted startup leaves nothing behind.
 */
export async function startInfrastructure(
  settings: { instances: number; redis: number; keepDatabase: boolean },
  cleanup: Cleanup,
  log: (line: string) => void,
): Promise<Infrastructure> {
  const server = await ensurePostgres();
  const throwaway = await createThrowawayDatabase(server, 'termin_soak');
  if (settings.keepDatabase) cleanup.add('keep the database', async () => log(`database kept: ${throwaway.name}`));
  else cleanup.add('drop the database', () => throwaway.drop());
  const database = createPostgresDatabase({ url: throwaway.url, poolMax: 2, statementTimeoutMs: 30_000 });
  try {
    await database.migrate();
    await seedDemo(database.db, new Date());
  } finally {
    await database.close();
  }
  log(`database ${throwaway.name} migrated and seeded`);

  // One teardown step per kind, stopping all of them at once: a sequential stop would add up the grace periods.
  const redis: RedisServer[] = [];
  cleanup.add('stop the redis nodes', async () => void (await Promise.all(redis.map((node) => node.stop()))));
  await allStarted(Array.from({ length: settings.redis }, async () => void redis.push(await startRedisServer())));
  log(`${redis.length} redis nodes on ports ${redis.map((r) => r.port).join(', ')}`);

  const instances: ServerInstance[] = [];
  cleanup.add('stop the server instances', async () => void (await Promise.all(instances.map((instance) => instance.stop(5_000)))));
  const redisUrls = redis.map((r) => r.url);
  await allStarted(
    Array.from(
      { length: settings.instances },
      async (_, index) => void instances.push(await startServerInstance(index, { databaseUrl: throwaway.url, redisUrls })),
    ),
  );
  instances.sort((a, b) => a.index - b.index);
  log(`${instances.length} server instances ready: ${instances.map((i) => `#${i.index} pid ${i.pid} ${i.url}`).join(', ')}`);
  return { databaseUrl: throwaway.url, redis, instances };
}

/** Waits for every start to settle (so none finishes after teardown began), then fails with the first error. */
async function allStarted(starts: Array<Promise<void>>): Promise<void> {
  const results = await Promise.allSettled(starts);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}
