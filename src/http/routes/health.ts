import { Hono } from 'hono';
import type { AppContext } from '../../context.js';

/** Liveness, readiness (database and locks reachable) and Prometheus metrics. */
export function healthRoutes(ctx: Pick<AppContext, 'database' | 'locks' | 'metrics' | 'config'>): Hono {
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    const [database, locks] = await Promise.all([ctx.database.ping(), ctx.locks.ping()]);
    const checks = { database: database ? 'ok' : 'down', redis: ctx.config.redisUrls.length === 0 ? 'not_configured' : locks ? 'ok' : 'down' };
    // Redis down is degraded, not unready: bookings stay safe on Postgres alone.
    const ready = database;
    return c.json({ status: ready ? (checks.redis === 'down' ? 'degraded' : 'ok') : 'unavailable', checks }, ready ? 200 : 503);
  });
  app.get('/metrics', async (c) => {
    if (!ctx.config.metricsEnabled) return c.notFound();
    return c.text(await ctx.metrics.registry.metrics(), 200, { 'content-type': ctx.metrics.registry.contentType });
  });
  return app;
}
