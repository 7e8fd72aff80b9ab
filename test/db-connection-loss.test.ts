import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPostgresDatabase } from '../src/db/create-postgres.js';
import { createThrowawayDatabase } from './support/postgres.js';
import type { ConnectionLossResult } from './support/connection-loss-worker.js';

const run = promisify(execFile);
const worker = fileURLToPath(new URL('./support/connection-loss-worker.ts', import.meta.url));
const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));

// The worker locks a whole table; a database of this file's own keeps that away from every other test.
describe('a transaction whose connection is terminated while it waits on a lock', () => {
  let throwaway: Awaited<ReturnType<typeof createThrowawayDatabase>>;

  beforeAll(async () => {
    throwaway = await createThrowawayDatabase(inject('postgresServerUrl'), 'termin_connloss');
    const database = createPostgresDatabase({ url: throwaway.url, poolMax: 1, statementTimeoutMs: 10_000 });
    try {
      await database.migrate();
    } finally {
      await database.close();
    }
  });
  afterAll(async () => {
    await throwaway?.drop();
  });

  it.each([{ preparedStatements: true }, { preparedStatements: false }])(
    'rejects the call, keeps the process alive, and the pool serves the next query (prepared statements: $preparedStatements)',
    async ({ preparedStatements }) => {
      const job = { url: throwaway.url, preparedStatements };
      // Its own process: the driver's crash is thrown from a timer, outside any promise, and would end the
      // runner's worker instead; a call that never settles shows as the child outliving the bound.
      const { stdout } = await run(tsx, [worker, JSON.stringify(job)], { timeout: 20_000 });
      const result = JSON.parse(stdout.trim()) as ConnectionLossResult;
      expect(result.call).toEqual({ kind: 'rejected', message: expect.stringContaining('CONNECTION_CLOSED') as unknown });
      expect(result.next).toEqual({ kind: 'resolved', value: [{ one: 1 }] });
      expect(result.after).toEqual({ kind: 'resolved', value: [] });
    },
  );
});
