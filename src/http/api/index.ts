import { OpenAPIHono } from '@hono/zod-openapi';
import { Hono } from 'hono';
import type { AppContext } from '../../context.js';
import { clientIp } from '../client-ip.js';
import { errorResponse } from '../errors.js';
import { limitBody } from '../middleware/limit-body.js';
import { refuseUncleanText } from '../middleware/refuse-unclean-text.js';
import type { RequestVariables } from '../middleware/request-log.js';
import { rateLimit, type RateLimiter } from '../middleware/rate-limit.js';
import { registerAppointmentRoutes } from './appointments.js';
import { apiAuth, type ApiEnv } from './auth.js';
import { registerAvailabilityRoutes } from './availability.js';
import { registerCallRoutes } from './calls.js';
import { registerClosureRoutes } from './closures.js';
import { registerCustomerRoutes } from './customers.js';
import { renderDocsPage } from './docs-page.js';
import { describeIssues } from './schemas.js';
import { registerServiceRoutes } from './services.js';
import { registerStaffRoutes } from './staff.js';
import { registerTimeOffRoutes } from './time-off.js';
import { registerTokenRoutes } from './tokens.js';

const DESCRIPTION =
  'Calls, appointments, customers, staff, services, availability, time off and closures of one business. Authenticate with ' +
  '`Authorization: Bearer <token>` (create one with `termin-agent token create`, or as an admin with `POST /api/tokens`). Admin tokens see and change everything of their business, staff ' +
  'tokens their own appointments and time off and the calls that led to them. Every instant comes twice: `startsAt` in UTC and `startsAtLocal` on the ' +
  'business’s wall clock with its offset (`2030-03-05T10:00:00+01:00`); a start may be written either way, or as a local date and time without ' +
  'offset. Lists are paged with `limit` and an opaque `cursor` (`nextCursor` of the previous page); `from` after `to` is a 400. Unknown query ' +
  'parameters and body fields are refused (400 naming them). An id in a filter that names nothing of this business is a 404, in a body a 422. ' +
  'Errors are `{ "error": { "code", "message" } }`; 409 and 422 of a booking add `reason` and `alternatives`.';

/** The API's bodies (a booking, a move, a cancel reason, time off) are well under a kilobyte; this leaves room for any client. */
export const API_MAX_BODY_BYTES = 16 * 1024;

/** The staff API under /api, its OpenAPI document (/api/openapi.json) and a readable page of it (/api/docs). */
export function apiRoutes(ctx: AppContext, limiter: RateLimiter): Hono<{ Variables: RequestVariables }> {
  const api = new OpenAPIHono<ApiEnv>({
    // Every validation failure answers the one envelope, naming the field.
    defaultHook: (result, c) => {
      if (!result.success) return errorResponse(c, 'bad_request', describeIssues(result.error));
    },
  }).basePath('/api');
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'A token from `termin-agent token create`',
  });
  api.use('*', apiAuth(ctx, limiter));
  api.use('*', limitBody(API_MAX_BODY_BYTES));
  api.use('*', refuseUncleanText());
  registerCallRoutes(api, ctx);
  registerAppointmentRoutes(api, ctx);
  registerCustomerRoutes(api, ctx);
  registerStaffRoutes(api, ctx);
  registerServiceRoutes(api, ctx);
  registerAvailabilityRoutes(api, ctx);
  registerTimeOffRoutes(api, ctx);
  registerClosureRoutes(api, ctx);
  registerTokenRoutes(api, ctx);

  let document: ReturnType<typeof api.getOpenAPIDocument> | null = null;
  const documentOf = () =>
    (document ??= api.getOpenAPIDocument({ openapi: '3.0.3', info: { title: 'termin-agent staff API', version: '1', description: DESCRIPTION } }));

  // The document and its page are public (they describe, they do not show data); registered before the
  // authenticated routes so that the API's auth middleware never runs for them.
  const app = new Hono<{ Variables: RequestVariables }>();
  const perAddress = rateLimit(limiter, (c) => `ip:${clientIp(c, ctx.config.trustProxy)}`);
  app.get('/api/openapi.json', perAddress, (c) => c.json(documentOf()));
  app.get('/api/docs', perAddress, (c) => c.html(renderDocsPage(documentOf())));
  app.route('/', api);
  return app;
}
