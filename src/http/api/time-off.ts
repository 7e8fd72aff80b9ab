import { createRoute, z } from '@hono/zod-openapi';
import { scopeOf, type Principal } from '../../access/principal.js';
import { addTimeOff } from '../../booking/add-time-off.js';
import { listTimeOff, type TimeOff as TimeOffData } from '../../booking/list-time-off.js';
import { removeTimeOff } from '../../booking/remove-time-off.js';
import { bookingDepsOf, type AppContext } from '../../context.js';
import { ApiError } from '../errors.js';
import { appointmentSummaryJson } from './appointment-json.js';
import type { ApiApp } from './auth.js';
import { blockAddedFields, blockBody, blockRangeOf } from './block-range.js';
import { actorOf } from './booking-failure.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { checkStaffFilter } from './filters.js';
import { LocalInstant, localIso } from './local-time.js';
import { DateBound, Id, Instant, bearerSecurity, bodyOf, errorResponses, iso, pageLimit, pageQuery, queryOf, rangeOf } from './schemas.js';

const TimeOff = z
  .object({
    id: z.string(),
    staff: z.object({ id: z.string(), name: z.string() }),
    startsAt: Instant,
    startsAtLocal: LocalInstant,
    endsAt: Instant,
    endsAtLocal: LocalInstant,
    reason: z.string().nullable(),
  })
  .openapi('TimeOff');

const timeOffJson = (t: TimeOffData, timeZone: string): z.infer<typeof TimeOff> => ({
  id: t.id,
  staff: t.staff,
  startsAt: iso(t.startsAt),
  startsAtLocal: localIso(t.startsAt, timeZone),
  endsAt: iso(t.endsAt),
  endsAtLocal: localIso(t.endsAt, timeZone),
  reason: t.reason,
});

const Added = z
  .object({
    timeOff: TimeOff,
    ...blockAddedFields,
  })
  .openapi('TimeOffAdded');

const addRoute = createRoute({
  method: 'post',
  path: '/time-off',
  tags: ['time off and closures'],
  summary: 'Take a staff member off for a stretch (a sick day, an afternoon, a holiday)',
  description:
    'From this moment the staff member is not offered inside it, to callers or through the API. The answer lists the booked appointments it ' +
    'overlaps, so the salon can call those customers. Admins for anyone, staff tokens for themselves. The very same stretch again answers the ' +
    'one entered before (200).',
  security: bearerSecurity,
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: bodyOf({ staffId: Id.optional().openapi({ description: 'Staff tokens: omitted or themselves' }), ...blockBody }),
        },
      },
    },
  },
  responses: {
    201: { description: 'Entered', content: { 'application/json': { schema: Added } } },
    200: { description: 'Entered before (a repeated request)', content: { 'application/json': { schema: Added } } },
    ...errorResponses(400, 403, 422),
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/time-off',
  tags: ['time off and closures'],
  summary: 'Time off in calendar order (a staff token sees its own)',
  security: bearerSecurity,
  request: {
    query: queryOf({
      from: DateBound.optional().openapi({ description: 'Ending after (a date: that local day’s start). Without from and to: what has not ended yet' }),
      to: DateBound.optional().openapi({ description: 'Starting before (a date: including that whole local day)' }),
      staff: Id.optional(),
      ...pageQuery,
    }),
  },
  responses: {
    200: {
      description: 'A page of time off',
      content: { 'application/json': { schema: z.object({ items: z.array(TimeOff), nextCursor: z.string().nullable() }) } },
    },
    ...errorResponses(400, 403, 404),
  },
});

const removeRoute = createRoute({
  method: 'delete',
  path: '/time-off/{id}',
  tags: ['time off and closures'],
  summary: 'Give time off back (the staff member is offered again from this moment)',
  description: 'Admins for anyone, staff tokens for their own. A repeat answers 404: there is nothing left to remove.',
  security: bearerSecurity,
  request: { params: z.object({ id: Id }) },
  responses: { 204: { description: 'Removed' }, ...errorResponses(400, 404) },
});

/** A staff token enters time off for itself only. */
function staffOf(principal: Principal, asked: string | undefined): string {
  if (principal.role === 'staff') {
    if (asked !== undefined && asked !== principal.staffId) throw new ApiError('forbidden', 'staffId: a staff token enters time off only for itself.');
    return principal.staffId!;
  }
  if (asked === undefined) throw new ApiError('bad_request', 'staffId: required');
  return asked;
}

/** `POST /api/time-off`, `GET /api/time-off`, `DELETE /api/time-off/{id}`. */
export function registerTimeOffRoutes(app: ApiApp, ctx: AppContext): void {
  const deps = bookingDepsOf(ctx);

  app.openapi(addRoute, async (c) => {
    const principal = c.get('principal');
    const body = c.req.valid('json');
    const staffId = staffOf(principal, body.staffId);
    const range = blockRangeOf(body, principal.timeZone, ctx.clock.now());
    const outcome = await addTimeOff(deps, { businessId: principal.businessId, staffId, ...range, reason: body.reason ?? null, actor: actorOf(principal) });
    if (outcome.kind === 'not_found') throw new ApiError('unprocessable', 'staffId: no such staff member in this business');
    const json = {
      timeOff: timeOffJson(outcome.timeOff, principal.timeZone),
      overlapping: outcome.overlapping.map((a) => appointmentSummaryJson(a, principal.timeZone)),
      releasedHolds: outcome.releasedHolds,
    };
    return outcome.created ? c.json(json, 201) : c.json(json, 200);
  });

  app.openapi(listRoute, async (c) => {
    const principal = c.get('principal');
    const q = c.req.valid('query');
    await checkStaffFilter(ctx, principal, q.staff);
    const range = rangeOf(q, principal.timeZone);
    const page = await listTimeOff(ctx.database.db, scopeOf(principal), {
      // Without a range, what the salon plans with: the time off that has not ended yet.
      ...(range.from || range.to ? range : { from: ctx.clock.now() }),
      ...(q.staff ? { staffId: q.staff } : {}),
      after: decodeCursor('time_off', q.cursor),
      limit: pageLimit(q.limit, ctx.config.apiPageLimitMax),
    });
    return c.json(
      { items: page.items.map((t) => timeOffJson(t, principal.timeZone)), nextCursor: page.next ? encodeCursor('time_off', page.next) : null },
      200,
    );
  });

  app.openapi(removeRoute, async (c) => {
    const principal = c.get('principal');
    const removed = await removeTimeOff(deps, scopeOf(principal), c.req.valid('param').id, actorOf(principal));
    if (!removed) throw new ApiError('not_found', 'No such time off.');
    return c.body(null, 204);
  });
}
