import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import type { AppContext } from '../src/context.js';
import { createApp } from '../src/http/app.js';
import { createLogger } from '../src/logger.js';
import { buildContext } from '../src/main.js';
import { openTestPglite } from './support/databases.js';

describe('health endpoints', () => {
  let ctx: AppContext;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    const database = await openTestPglite();
    ctx = await buildContext(loadConfig({ SEED_DEMO: 'false' }), { database, logger: createLogger('silent') });
    app = createApp(ctx);
  });
  afterAll(async () => {
    await ctx.locks.close();
    await ctx.database.close();
  });

  it('answers /healthz with ok', async () => {
    const res = await app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('answers /readyz with the database up and Redis not configured', async () => {
    const res = await app.request('/readyz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', checks: { database: 'ok', redis: 'not_configured' } });
  });

  it('serves Prometheus metrics including process metrics and request durations', async () => {
    await app.request('/healthz');
    const res = await app.request('/metrics');
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('termin_process_cpu_user_seconds_total');
    expect(text).toContain('termin_http_request_duration_seconds_bucket');
  });

  it('answers unknown routes with the error envelope', async () => {
    const res = await app.request('/nope');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'No such route.' } });
  });

  it('answers /readyz with 503 once the database is gone', async () => {
    const database = await openTestPglite();
    const local = await buildContext(loadConfig({ SEED_DEMO: 'false' }), { database, logger: createLogger('silent') });
    await database.close();
    const res = await createApp(local).request('/readyz');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'unavailable', checks: { database: 'down' } });
    await local.locks.close();
  });
});
