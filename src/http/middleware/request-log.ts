import { randomUUID } from 'node:crypto';
import { routePath } from 'hono/route';
import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../../logger.js';
import type { Metrics } from '../../metrics.js';

export type RequestVariables = { log: Logger; requestId: string };

/** A caller-chosen request id is kept only if it looks like one: the header is free text, and it is logged. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * Binds a child logger with a request id to each request and writes one summary line when it ends. The line
 * names the route pattern (`/api/customers/:id`), never the path or query as sent: they carry phone numbers.
 */
export function requestLog(logger: Logger, metrics: Metrics): MiddlewareHandler<{ Variables: RequestVariables }> {
  return async (c, next) => {
    const started = performance.now();
    const given = c.req.header('x-request-id');
    // Without a letter it could be a phone number (`0151-12345678`); a UUID or trace id has some.
    const requestId = given && REQUEST_ID.test(given) && /[A-Za-z]/.test(given) ? given : randomUUID();
    const log = logger.child({ request_id: requestId });
    c.set('log', log);
    c.set('requestId', requestId);
    c.header('x-request-id', requestId);
    await next();
    const route = routePath(c) || 'unmatched';
    const durationMs = performance.now() - started;
    metrics.httpRequests.observe({ method: c.req.method, route, status: String(c.res.status) }, durationMs / 1000);
    // Health probes run every few seconds; they are only worth a line when they fail.
    const quiet = route === '/healthz' || route === '/readyz' || route === '/metrics';
    if (!quiet || c.res.status >= 400) {
      log.info({ method: c.req.method, route, status: c.res.status, duration_ms: Math.round(durationMs * 100) / 100 }, 'request');
    }
  };
}
