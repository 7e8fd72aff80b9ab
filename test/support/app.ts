import { PassThrough } from 'node:stream';
import { sign } from 'retell-sdk';
import { systemClock, type Clock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import type { AppContext } from '../../src/context.js';
import type { Database } from '../../src/db/database.js';
import { createApp } from '../../src/http/app.js';
import { createLogger } from '../../src/logger.js';
import { buildContext } from '../../src/main.js';
import { openTestPostgres } from './databases.js';

export const TEST_RETELL_KEY = 'key_test_5f1c2d3e4a5b6c7d8e9f';

export interface TestApp {
  ctx: AppContext;
  app: ReturnType<typeof createApp>;
  database: Database;
  /** Every log line written so far, parsed. */
  logs(): Array<Record<string, unknown>>;
  close(): Promise<void>;
}

/** The whole HTTP app over the shared test Postgres, with a signing key configured and logs captured. */
export async function createTestApp(env: Record<string, string> = {}, options: { clock?: Clock; database?: Database } = {}): Promise<TestApp> {
  const database = options.database ?? openTestPostgres(4);
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const ctx = await buildContext(loadConfig({ SEED_DEMO: 'false', RETELL_API_KEY: TEST_RETELL_KEY, METRICS_ENABLED: 'false', ...env }), {
    database,
    logger: createLogger('debug', stream),
    clock: options.clock ?? systemClock,
  });
  return {
    ctx,
    app: createApp(ctx),
    database,
    logs: () =>
      text
        .split('\n')
        .filter((line) => line.trim().length > 0)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    async close() {
      await ctx.locks.close();
      if (!options.database) await database.close();
    },
  };
}

/** POSTs a body exactly as given, signed the way Retell signs (with the official SDK's `sign`). */
export async function postSigned(app: TestApp['app'], path: string, body: string, headers: Record<string, string> = {}): Promise<Response> {
  const signature = await sign(body, TEST_RETELL_KEY);
  return app.request(path, { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-retell-signature': signature, ...headers } });
}

/** A bearer header. */
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
