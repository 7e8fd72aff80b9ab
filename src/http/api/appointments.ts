import { createRoute, z } from '@hono/zod-openapi';
import { cancelAppointment } from '../../booking/cancel-appointment.js';
import { DATE_WINDOW_FUTURE_DAYS, DATE_WINDOW_PAST_DAYS, placeInDateWindow } from '../../date-window.js';
import { findAppointmentDetail } from '../../booking/find-appointment-detail.js';
import { listAppointments } from '../../booking/list-appointments.js';
import { rescheduleAppointment } from '../../booking/reschedule-appointment.js';
import { scopeOf, type Principal } from '../../access/principal.js';
import type { AppContext } from '../../context.js';
import { APPOINTMENT_STATUSES } from '../../db/schema.js';
import { bookingDepsOf } from '../../context.js';
import { ApiError } from '../errors.js';
import { AppointmentDetail, AppointmentSummary, appointmentDetailJson, appointmentSummaryJson } from './appointment-json.js';
import { registerAppointmentCreateRoute } from './appointment-create.js';
import { registerAppointmentMarkRoutes } from './appointment-marks.js';
import type { ApiApp } from './auth.js';
import { actorOf, failureOf } from './booking-failure.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { checkCustomerFilter, checkStaffFilter } from './filters.js';
import { StartInput, startInstant } from './start-input.js';
import { DateBound, Id, bearerSecurity, bodyOf, errorResponses, pageLimit, pageQuery, queryOf, rangeOf } from './schemas.js';

const IdParams = z.object({ id: Id });
const detailResponse = { description: 'The appointment', content: { 'application/json': { schema: AppointmentDetail } } };

const listRoute = createRoute({
  method: 'get',
  path: '/appointments',
  tags: ['appointments'],
  summary: 'List appointments in calendar order',
  description: 'Admins see every appointment of their business; staff only their own.',
  security: bearerSecurity,
  request: {
    query: queryOf({
      from: DateBound.optional().openapi({ description: 'Starting at or after (a date: that local day’s start)' }),
      to: DateBound.optional().openapi({ description: 'Starting before (a date: including that whole local day)' }),
      status: z
        .enum(APPOINTMENT_STATUSES)
        .optional()
        .openapi({ description: 'Only this status. Omitted: every status but held and expired (slots offered to callers, not appointments)' }),
      staff: Id.optional(),
      customer: Id.optional(),
      ...pageQuery,
    }),
  },
  responses: {
    200: {
      description: 'A page of appointments',
      content: { 'application/json': { schema: z.object({ items: z.array(AppointmentSummary), nextCursor: z.string().nullable() }) } },
    },
    ...errorResponses(400, 403, 404),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/appointments/{id}',
  tags: ['appointments'],
  summary: 'One appointment',
  security: bearerSecurity,
  request: { params: IdParams, query: queryOf({}) },
  responses: { 200: detailResponse, ...errorResponses(400, 404) },
});

const cancelRoute = createRoute({
  method: 'post',
  path: '/appointments/{id}/cancel',
  tags: ['appointments'],
  summary: 'Cancel an appointment (repeating it answers the same)',
  security: bearerSecurity,
  request: {
    params: IdParams,
    body: { required: false, content: { 'application/json': { schema: bodyOf({ reason: z.string().max(500).optional() }) } } },
  },
  responses: { 200: detailResponse, ...errorResponses(400, 404, 409) },
});

const rescheduleRoute = createRoute({
  method: 'post',
  path: '/appointments/{id}/reschedule',
  tags: ['appointments'],
  summary: 'Move an appointment to another start (and optionally another staff member)',
  description:
    'Atomic: the old time is released and the new one taken in one transaction. 409 `slot_taken` and 422 (closed, outside hours, too soon, …) carry `reason` and up to three `alternatives`.',
  security: bearerSecurity,
  request: {
    params: IdParams,
    body: {
      required: true,
      content: {
        'application/json': {
          schema: bodyOf({
            startsAt: StartInput,
            staffId: Id.optional().openapi({ description: 'Default: the same staff member. Only admin tokens may name another one.' }),
          }),
        },
      },
    },
  },
  responses: { 200: detailResponse, ...errorResponses(400, 403, 404, 409, 422) },
});

/** `GET /api/appointments`, `GET /api/appointments/{id}`, `POST …/cancel`, `POST …/reschedule`, creating and marking. */
export function registerAppointmentRoutes(app: ApiApp, ctx: AppContext): void {
  const deps = bookingDepsOf(ctx);

  app.openapi(listRoute, async (c) => {
    const q = c.req.valid('query');
    const principal = c.get('principal');
    await checkStaffFilter(ctx, principal, q.staff);
    await checkCustomerFilter(ctx, principal, q.customer);
    const page = await listAppointments(ctx.database.db, scopeOf(principal), {
      ...rangeOf(q, principal.timeZone),
      ...(q.status ? { status: q.status } : {}),
      ...(q.staff ? { staffId: q.staff } : {}),
      ...(q.customer ? { customerId: q.customer } : {}),
      after: decodeCursor('appointments', q.cursor),
      limit: pageLimit(q.limit, ctx.config.apiPageLimitMax),
    });
    return c.json(
      { items: page.items.map((a) => appointmentSummaryJson(a, principal.timeZone)), nextCursor: page.next ? encodeCursor('appointments', page.next) : null },
      200,
    );
  });

  const visible = async (principal: Principal, id: string) => {
    const detail = await findAppointmentDetail(ctx.database.db, scopeOf(principal), id);
    if (!detail) throw new ApiError('not_found', 'No such appointment.');
    return detail;
  };

  app.openapi(getRoute, async (c) => {
    const principal = c.get('principal');
    return c.json(appointmentDetailJson(await visible(principal, c.req.valid('param').id), principal.timeZone), 200);
  });

  app.openapi(cancelRoute, async (c) => {
    const principal = c.get('principal');
    const { id } = c.req.valid('param');
    await visible(principal, id);
    const body = c.req.valid('json');
    const outcome = await cancelAppointment(deps, {
      appointmentId: id,
      businessId: principal.businessId,
      actor: actorOf(principal),
      ...(body?.reason ? { reason: body.reason } : {}),
    });
    const failure = failureOf(outcome, principal.timeZone);
    if (failure) throw failure;
    return c.json(appointmentDetailJson(await visible(principal, id), principal.timeZone), 200);
  });

  app.openapi(rescheduleRoute, async (c) => {
    const principal = c.get('principal');
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const startsAt = startInstant(body.startsAt, principal.timeZone, 'startsAt');
    // Before the booking code does arithmetic with it: year 0 or 9999 would leave what timestamps can hold.
    if (placeInDateWindow(startsAt.getTime(), ctx.clock.now()) !== 'inside') {
      throw new ApiError('bad_request', `startsAt: out of range (${DATE_WINDOW_PAST_DAYS} days back to ${DATE_WINDOW_FUTURE_DAYS} days ahead)`);
    }
    await visible(principal, id);
    // A staff token sees only its own appointments (visible() answered 404 for the rest) and keeps them: handing
    // one to a colleague changes the colleague's day, which only an admin may do.
    if (principal.role === 'staff' && body.staffId !== undefined && body.staffId !== principal.staffId) {
      throw new ApiError('forbidden', 'staffId: a staff token may move its appointments only to itself.');
    }
    const outcome = await rescheduleAppointment(deps, {
      appointmentId: id,
      businessId: principal.businessId,
      startsAt,
      ...(body.staffId ? { staffId: body.staffId } : {}),
      source: principal.role === 'admin' ? 'api' : 'staff',
      actor: actorOf(principal),
    });
    const failure = failureOf(outcome, principal.timeZone);
    if (failure) throw failure;
    // Only a move answers `rescheduled`; anything else here is a state the client cannot change this way.
    if (outcome.kind !== 'rescheduled') throw new ApiError('conflict', 'The appointment cannot be moved.', { reason: 'not_modifiable' });
    // The moved appointment may now belong to another staff member: read it in the business's scope.
    const moved = await findAppointmentDetail(ctx.database.db, { businessId: principal.businessId, staffId: null }, outcome.appointment.id);
    if (!moved) throw new Error('rescheduled appointment vanished');
    return c.json(appointmentDetailJson(moved, principal.timeZone), 200);
  });

  registerAppointmentCreateRoute(app, ctx);
  registerAppointmentMarkRoutes(app, ctx);
}
