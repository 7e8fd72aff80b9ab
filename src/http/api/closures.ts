import { createRoute, z } from '@hono/zod-openapi';
import type { Principal } from '../../access/principal.js';
import { addClosure } from '../../booking/add-closure.js';
import { listClosures, type ClosureRecord } from '../../booking/list-closures.js';
import { removeClosure } from '../../booking/remove-closure.js';
import { bookingDepsOf, type AppContext } from '../../context.js';
import { ApiError } from '../errors.js';
import { appointmentSummaryJson } from './appointment-json.js';
import type { ApiApp } from './auth.js';
import { blockAddedFields, blockBody, blockRangeOf } from './block-range.js';
import { actorOf } from './booking-failure.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { LocalInstant, localIso } from './local-time.js';
import { DateBound, Id, Instant, bearerSecurity, bodyOf, errorResponses, iso, pageLimit, pageQuery, queryOf, rangeOf } from './schemas.js';

const Closure = z
  .object({ id: z.string(), startsAt: Instant, startsAtLocal: LocalInstant, endsAt: Instant, endsAtLocal: LocalInstant, reason: z.string().nullable() })
  .openapi('Closure');

const closureJson = (c: ClosureRecord, timeZone: string): z.infer<typeof Closure> => ({
  id: c.id,
  startsAt: iso(c.startsAt),
  startsAtLocal: localIso(c.startsAt, timeZone),
  endsAt: iso(c.endsAt),
  endsAtLocal: localIso(c.endsAt, timeZone),
  reason: c.reason,
});

const Added = z
  .object({
    closure: Closure,
    ...blockAddedFields,
  })
  .openapi('ClosureAdded');

const addRoute = createRoute({
  method: 'post',
  path: '/closures',
  tags: ['time off and closures'],
  summary: 'Close the business for a stretch (admins only)',
  description:
    'From this moment nobody is offered inside it; callers asking for a day it covers hear the reason. The answer lists the booked appointments it ' +
    'overlaps. The very same stretch again answers the one entered before (200).',
  security: bearerSecurity,
  request: {
    body: {
      required: true,
      content: { 'application/json': { schema: bodyOf({ ...blockBody, reason: blockBody.reason.openapi({ example: 'Betriebsurlaub' }) }) } },
    },
  },
  responses: {
    201: { description: 'Entered', content: { 'application/json': { schema: Added } } },
    200: { description: 'Entered before (a repeated request)', content: { 'application/json': { schema: Added } } },
    ...errorResponses(400, 403),
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/closures',
  tags: ['time off and closures'],
  summary: 'The business’s closures in calendar order (public holidays close it too, without being listed here)',
  security: bearerSecurity,
  request: {
    query: queryOf({
      from: DateBound.optional().openapi({ description: 'Ending after (a date: that local day’s start). Without from and to: what has not ended yet' }),
      to: DateBound.optional().openapi({ description: 'Starting before (a date: including that whole local day)' }),
      ...pageQuery,
    }),
  },
  responses: {
    200: {
      description: 'A page of closures',
      content: { 'application/json': { schema: z.object({ items: z.array(Closure), nextCursor: z.string().nullable() }) } },
    },
    ...errorResponses(400),
  },
});

const removeRoute = createRoute({
  method: 'delete',
  path: '/closures/{id}',
  tags: ['time off and closures'],
  summary: 'Open a closed stretch again (admins only)',
  description: 'A repeat answers 404: there is nothing left to remove.',
  security: bearerSecurity,
  request: { params: z.object({ id: Id }) },
  responses: { 204: { description: 'Removed' }, ...errorResponses(400, 403, 404) },
});

function requireAdmin(principal: Principal): void {
  if (principal.role !== 'admin') throw new ApiError('forbidden', 'Closures are changed by admins only.');
}

/** `POST /api/closures`, `GET /api/closures`, `DELETE /api/closures/{id}`. */
export function registerClosureRoutes(app: ApiApp, ctx: AppContext): void {
  const deps = bookingDepsOf(ctx);

  app.openapi(addRoute, async (c) => {
    const principal = c.get('principal');
    requireAdmin(principal);
    const body = c.req.valid('json');
    const range = blockRangeOf(body, principal.timeZone, ctx.clock.now());
    const outcome = await addClosure(deps, { businessId: principal.businessId, ...range, reason: body.reason ?? null, actor: actorOf(principal) });
    const json = {
      closure: closureJson(outcome.closure, principal.timeZone),
      overlapping: outcome.overlapping.map((a) => appointmentSummaryJson(a, principal.timeZone)),
      releasedHolds: outcome.releasedHolds,
    };
    return outcome.created ? c.json(json, 201) : c.json(json, 200);
  });

  app.openapi(listRoute, async (c) => {
    const principal = c.get('principal');
    const q = c.req.valid('query');
    const range = rangeOf(q, principal.timeZone);
    const page = await listClosures(ctx.database.db, principal.businessId, {
      ...(range.from || range.to ? range : { from: ctx.clock.now() }),
      after: decodeCursor('closures', q.cursor),
      limit: pageLimit(q.limit, ctx.config.apiPageLimitMax),
    });
    return c.json(
      { items: page.items.map((x) => closureJson(x, principal.timeZone)), nextCursor: page.next ? encodeCursor('closures', page.next) : null },
      200,
    );
  });

  app.openapi(removeRoute, async (c) => {
    const principal = c.get('principal');
    requireAdmin(principal);
    if (!(await removeClosure(deps, principal.businessId, c.req.valid('param').id, actorOf(principal)))) throw new ApiError('not_found', 'No such closure.');
    return c.body(null, 204);
  });
}
