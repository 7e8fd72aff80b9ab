import { createRoute, z } from '@hono/zod-openapi';
import { listServices } from '../../booking/list-services.js';
import type { AppContext } from '../../context.js';
import type { ApiApp } from './auth.js';
import { bearerSecurity, errorResponses, queryOf } from './schemas.js';

const Segment = z.union([
  z.object({ kind: z.literal('work'), minutes: z.number().int() }),
  z.object({ kind: z.literal('gap'), minutes: z.number().int(), policy: z.enum(['free', 'blocked']) }),
]);

const Service = z
  .object({
    id: z.string(),
    name: z.string(),
    synonyms: z.array(z.string()),
    description: z.string().nullable(),
    durationMinutes: z.number().int(),
    priceCents: z.number().int().nullable(),
    bufferBeforeMinutes: z.number().int(),
    bufferAfterMinutes: z.number().int(),
    segments: z.array(Segment).openapi({ description: 'Work phases and gaps in order; empty: one work phase of durationMinutes' }),
    active: z.boolean(),
  })
  .openapi('Service');

const listRoute = createRoute({
  method: 'get',
  path: '/services',
  tags: ['services'],
  summary: 'The business’s services',
  security: bearerSecurity,
  request: { query: queryOf({}) },
  responses: {
    200: { description: 'Services by name', content: { 'application/json': { schema: z.object({ items: z.array(Service) }) } } },
    ...errorResponses(400),
  },
});

/** `GET /api/services`. */
export function registerServiceRoutes(app: ApiApp, ctx: AppContext): void {
  app.openapi(listRoute, async (c) => c.json({ items: await listServices(ctx.database.db, c.get('principal').businessId) }, 200));
}
