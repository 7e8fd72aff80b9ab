import { createRoute, z } from '@hono/zod-openapi';
import type { Principal } from '../../access/principal.js';
import type { AppContext } from '../../context.js';
import { findCustomerDetail } from '../../customers/find-customer-detail.js';
import { searchCustomers } from '../../customers/search-customers.js';
import { CALL_OUTCOMES } from '../../db/schema.js';
import { ApiError } from '../errors.js';
import type { ApiApp } from './auth.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { AppointmentSummary, appointmentSummaryJson } from './appointment-json.js';
import { LocalInstant, localIso, localIsoOrNull } from './local-time.js';
import { Id, Instant, bearerSecurity, errorResponses, iso, isoOrNull, pageLimit, pageQuery, queryOf } from './schemas.js';

const CustomerSummary = z
  .object({
    id: z.string(),
    name: z.string().nullable(),
    phone: z.string(),
    appointmentCount: z.number().int().openapi({ description: 'Booked appointments (cancelled ones are not counted)' }),
    noShowCount: z.number().int().openapi({ description: 'Appointments marked no-show' }),
    createdAt: Instant,
  })
  .openapi('CustomerSummary');

const CustomerDetail = CustomerSummary.extend({
  notes: z.string().nullable(),
  appointments: z.array(AppointmentSummary).openapi({ description: 'Newest first, at most 100' }),
  calls: z
    .array(
      z.object({
        id: z.string(),
        status: z.string(),
        outcome: z.enum(CALL_OUTCOMES).nullable(),
        startedAt: Instant.nullable(),
        startedAtLocal: LocalInstant.nullable(),
        durationMs: z.number().int().nullable(),
        createdAt: Instant,
        createdAtLocal: LocalInstant,
      }),
    )
    .openapi({ description: 'Newest first, at most 100' }),
}).openapi('CustomerDetail');

const listRoute = createRoute({
  method: 'get',
  path: '/customers',
  tags: ['customers'],
  summary: 'Search customers by phone number or name (admins only), newest first',
  security: bearerSecurity,
  request: {
    query: queryOf({
      q: z.string().max(100).optional().openapi({ description: 'A phone number or part of one, or part of a name', example: 'Müller' }),
      ...pageQuery,
    }),
  },
  responses: {
    200: {
      description: 'A page of customers',
      content: { 'application/json': { schema: z.object({ items: z.array(CustomerSummary), nextCursor: z.string().nullable() }) } },
    },
    ...errorResponses(400, 403),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/customers/{id}',
  tags: ['customers'],
  summary: 'One customer with appointment and call history (admins only)',
  security: bearerSecurity,
  request: { params: z.object({ id: Id }), query: queryOf({}) },
  responses: { 200: { description: 'The customer', content: { 'application/json': { schema: CustomerDetail } } }, ...errorResponses(400, 403, 404) },
});

function requireAdmin(principal: Principal): void {
  if (principal.role !== 'admin') throw new ApiError('forbidden', 'Customers are visible to admins only.');
}

/** `GET /api/customers`, `GET /api/customers/{id}`. */
export function registerCustomerRoutes(app: ApiApp, ctx: AppContext): void {
  app.openapi(listRoute, async (c) => {
    const principal = c.get('principal');
    requireAdmin(principal);
    const q = c.req.valid('query');
    const page = await searchCustomers(ctx.database.db, principal.businessId, {
      ...(q.q ? { q: q.q } : {}),
      after: decodeCursor('customers', q.cursor),
      limit: pageLimit(q.limit, ctx.config.apiPageLimitMax),
    });
    return c.json(
      { items: page.items.map((x) => ({ ...x, createdAt: iso(x.createdAt) })), nextCursor: page.next ? encodeCursor('customers', page.next) : null },
      200,
    );
  });

  app.openapi(getRoute, async (c) => {
    const principal = c.get('principal');
    requireAdmin(principal);
    const detail = await findCustomerDetail(ctx.database.db, principal.businessId, c.req.valid('param').id);
    if (!detail) throw new ApiError('not_found', 'No such customer.');
    return c.json(
      {
        ...detail,
        createdAt: iso(detail.createdAt),
        appointments: detail.appointments.map((a) => appointmentSummaryJson(a, principal.timeZone)),
        calls: detail.calls.map((x) => ({
          ...x,
          startedAt: isoOrNull(x.startedAt),
          startedAtLocal: localIsoOrNull(x.startedAt, principal.timeZone),
          createdAt: iso(x.createdAt),
          createdAtLocal: localIso(x.createdAt, principal.timeZone),
        })),
      },
      200,
    );
  });
}
