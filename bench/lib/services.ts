import postgres from 'postgres';
import { createPostgresDatabase } from '../../src/db/create-postgres.js';
import type { Database } from '../../src/db/database.js';
import { createThrowawayDatabase, ensurePostgres } from '../../test/support/postgres.js';
import { startRedisServer, type RedisServer } from '../../test/support/redis-server.js';

/** A fresh migrated Postgres database for one benchmark, and the way to drop it. */
export async function benchDatabase(poolMax = 20): Promise<{ database: Database; url: string; dispose(): Promise<void> }> {
  const server = await ensurePostgres();
  const throwaway = await createThrowawayDatabase(server, 'termin_bench');
  const database = createPostgresDatabase({ url: throwaway.url, poolMax, statementTimeoutMs: 10_000 });
  await database.migrate();
  return {
    database,
    url: throwaway.url,
    async dispose() {
      await database.close();
      await throwaway.drop();
    },
  };
}

/** Three Redis nodes on free ports. */
export async function benchRedis(count = 3): Promise<{ nodes: RedisServer[]; urls: string[]; dispose(): Promise<void> }> {
  const nodes = await Promise.all(Array.from({ length: count }, () => startRedisServer()));
  return { nodes, urls: nodes.map((n) => n.url), dispose: async () => void (await Promise.all(nodes.map((n) => n.stop()))) };
}

/** A raw postgres.js client for floor measurements (no drizzle, no pool beyond `max`). */
export function rawClient(url: string, max = 10) {
  return postgres(url, { max, onnotice: () => {} });
}
