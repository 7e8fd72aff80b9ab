import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppContext } from '../context.js';
import { apiRoutes } from './api/index.js';
import { clientIp } from './client-ip.js';
import { ApiError, codeOfStatus, errorResponse } from './errors.js';
import { createRateLimiter, rateLimit } from './middleware/rate-limit.js';
import { requestLog, type RequestVariables } from './middleware/request-log.js';
import { healthRoutes } from './routes/health.js';
import { retellFunctionRoutes } from './routes/retell-functions.js';
import { retellPromptRoutes } from './routes/retell-prompt.js';
import { retellWebhookRoutes } from './routes/retell-webhook.js';

/** The HTTP application: every route of the service, transport only. */
export function createApp(ctx: AppContext): Hono<{ Variables: RequestVariables }> {
  const app = new Hono<{ Variables: RequestVariables }>();
  app.use('*', requestLog(ctx.logger, ctx.metrics));
  app.route('/', healthRoutes(ctx));

  // Retell calls from a handful of its own addresses: this limit is per address and must fit the peak call volume.
  const retellLimiter = createRateLimiter(ctx.config.retellRateLimitPerMinute, ctx.clock);
  app.use(
    '/retell/*',
    rateLimit(retellLimiter, (c) => `ip:${clientIp(c, ctx.config.trustProxy)}`),
  );
  app.route('/', retellWebhookRoutes(ctx));
  app.route('/', retellFunctionRoutes(ctx));

  // One budget per token for everything a token reaches: the staff API and the agent's prompt.
  const apiLimiter = createRateLimiter(ctx.config.rateLimitPerMinute, ctx.clock);
  app.route('/', retellPromptRoutes(ctx, apiLimiter));
  app.route('/', apiRoutes(ctx, apiLimiter));

  app.notFound((c) => errorResponse(c, 'not_found', 'No such route.'));
  app.onError((error, c) => {
    if (error instanceof ApiError) return errorResponse(c, error.code, error.message, error.details);
    // Library-raised client errors (a malformed JSON body) keep their status; their messages name no internals.
    if (error instanceof HTTPException && error.status < 500) return errorResponse(c, codeOfStatus(error.status), error.message || 'Bad request.');
    // Internals (SQL, stack, ids in driver messages) go to the log only.
    (c.get('log') ?? ctx.logger).error({ err: error }, 'unhandled error');
    return errorResponse(c, 'internal', 'Internal error.');
  });
  return app;
}
