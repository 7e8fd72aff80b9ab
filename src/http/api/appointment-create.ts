import { createHash, randomUUID } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import type { Principal } from '../../access/principal.js';
import { findAppointmentByKey } from '../../booking/appointment-view.js';
import { bookAppointment, type BookInput } from '../../booking/book-appointment.js';
import { findAppointmentDetail } from '../../booking/find-appointment-detail.js';
import { findBookingRequest } from '../../booking/find-booking-request.js';
import { normalizePhone } from '../../booking/normalize-phone.js';
import type { AppointmentView, BookingOutcome } from '../../booking/outcomes.js';
import { bookingDepsOf, type AppContext } from '../../context.js';
import { DATE_WINDOW_FUTURE_DAYS, DATE_WINDOW_PAST_DAYS, placeInDateWindow } from '../../date-window.js';
import { ApiError } from '../errors.js';
import { AppointmentDetail, appointmentDetailJson } from './appointment-json.js';
import type { ApiApp } from './auth.js';
import { actorOf, failureOf } from './booking-failure.js';
import { Id, bearerSecurity, bodyOf, errorResponses } from './schemas.js';
import { StartInput, startInstant } from './start-input.js';

const CreateBody = bodyOf({
  serviceId: Id,
  staffId: Id.optional().openapi({
    description: 'Admin tokens: omitted books whoever performs the service and is free then, the least busy that day first. Staff tokens: themselves only.',
  }),
  startsAt: StartInput,
  customer: bodyOf({
    name: z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(200, { error: 'at most 200 characters' }),
    phone: z.string().max(64, { error: 'at most 64 characters' }).optional().openapi({
      description:
        'Any common spelling. The customer is the one of this name at this number (created if new). Omitted (a walk-in): the name is kept on the appointment and no customer is made.',
      example: '0176 1234567',
    }),
  }),
  notes: z.string().max(1000, { error: 'at most 1000 characters' }).optional(),
});
type CreateBody = z.infer<typeof CreateBody>;

/** Keys as clients make them (uuids, ulids, "walkin-2030-03-05-1"): printable ASCII without spaces. */
const IdempotencyKey = z
  .string()
  .regex(/^[\x21-\x7e]{1,200}$/, { error: 'must be 1 to 200 printable characters without spaces' })
  .optional()
  .openapi({
    description:
      'Makes the request safe to retry: a repeat with the same key (and the same body) answers the appointment it made, with `Idempotent-Replayed: true`; the same key with a different body is refused (422 `idempotency_key_reused`). A request that booked nothing (409, 422) made nothing to repeat and may be sent again under its key.',
    example: '5f0c9f3e-2a1b-4c53-9d55-0f6a1c2b3d4e',
  });

const createRoute_ = createRoute({
  method: 'post',
  path: '/appointments',
  tags: ['appointments'],
  summary: 'Create an appointment (a walk-in, a booking taken by hand)',
  description:
    'Booked the way a caller’s booking is, under the same guarantee: a slot held for a caller still deciding is not free, and the database refuses ' +
    'any overlap. 409 `slot_taken` and 422 (closed, outside hours, staff absent, …) carry `reason` and up to three `alternatives`. Staff may book ' +
    'at once (no minimum notice; a start up to one slot step back for a walk-in who just sat down) and beyond the horizon callers are offered. ' +
    'Source `api` for admin tokens, `staff` for staff tokens.',
  security: bearerSecurity,
  request: {
    headers: z.object({ 'idempotency-key': IdempotencyKey }),
    body: { required: true, content: { 'application/json': { schema: CreateBody } } },
  },
  responses: {
    201: { description: 'The appointment (also for a replayed request)', content: { 'application/json': { schema: AppointmentDetail } } },
    ...errorResponses(400, 403, 409, 422),
  },
});

/**
 * What a request asks for, once read: the same booking asked in another spelling (a local start or an instant, a
 * national or international number) has the same fingerprint.
 */
function fingerprintOf(body: CreateBody, staffId: string | undefined, startsAt: Date, phone: string | null): string {
  const canonical = JSON.stringify([
    body.serviceId,
    staffId ?? null,
    startsAt.toISOString(),
    body.customer.name.replace(/\s+/g, ' '),
    phone,
    body.notes ?? null,
  ]);
  return `sha256:${createHash('sha256').update(canonical).digest('hex')}`;
}

/** A staff token books only itself; an admin names anyone, or nobody ("whoever is free"). */
function staffOf(principal: Principal, asked: string | undefined): string | undefined {
  if (principal.role === 'admin') return asked;
  if (asked !== undefined && asked !== principal.staffId) throw new ApiError('forbidden', 'staffId: a staff token books only its own appointments.');
  return principal.staffId ?? undefined;
}

/** `POST /api/appointments`. */
export function registerAppointmentCreateRoute(app: ApiApp, ctx: AppContext): void {
  const deps = bookingDepsOf(ctx);

  /** The answer to a request whose key already made `appointment`: that appointment, or a refusal if the body differs. */
  const replay = async (principal: Principal, appointment: AppointmentView, fingerprint: string) => {
    const first = await findBookingRequest(ctx.database.db, appointment.id);
    if (first !== fingerprint) {
      throw new ApiError('unprocessable', 'Idempotency-Key: this key was used for a different request; send a new key for a new appointment.', {
        reason: 'idempotency_key_reused',
      });
    }
    return detailOf(principal, appointment.id);
  };
  const detailOf = async (principal: Principal, id: string) => {
    // The business's scope: a key is the token's own, so this is the appointment that token booked.
    const detail = await findAppointmentDetail(ctx.database.db, { businessId: principal.businessId, staffId: null }, id);
    if (!detail) throw new Error('booked appointment vanished');
    return appointmentDetailJson(detail, principal.timeZone);
  };

  app.openapi(createRoute_, async (c) => {
    const principal = c.get('principal');
    const body = c.req.valid('json');
    const key = c.req.valid('header')['idempotency-key'];
    const staffId = staffOf(principal, body.staffId);
    const startsAt = startInstant(body.startsAt, principal.timeZone, 'startsAt');
    // Before the booking code does arithmetic with it: year 0 or 9999 would leave what timestamps can hold.
    if (placeInDateWindow(startsAt.getTime(), ctx.clock.now()) !== 'inside') {
      throw new ApiError('bad_request', `startsAt: out of range (${DATE_WINDOW_PAST_DAYS} days back to ${DATE_WINDOW_FUTURE_DAYS} days ahead)`);
    }
    const phone = body.customer.phone === undefined ? null : normalizePhone(body.customer.phone);
    if (phone === null && body.customer.phone !== undefined) throw new ApiError('bad_request', 'customer.phone: not a valid phone number');
    const fingerprint = fingerprintOf(body, staffId, startsAt, phone);
    // Per token: one client's keys never meet another's, so a key can neither collide with nor reveal someone else's booking.
    const idempotencyKey = key ? `api:${principal.tokenId}:${key}` : `api:${randomUUID()}`;
    const replayed = (json: z.infer<typeof AppointmentDetail>) => {
      c.header('Idempotent-Replayed', 'true');
      c.header('Location', `/api/appointments/${json.id}`);
      return c.json(json, 201);
    };

    if (key) {
      const earlier = await findAppointmentByKey(ctx.database.db, idempotencyKey);
      if (earlier) return replayed(await replay(principal, earlier, fingerprint));
    }
    const input: BookInput = {
      businessId: principal.businessId,
      serviceId: body.serviceId,
      ...(staffId ? { staffId } : {}),
      startsAt,
      ...(phone ? { customer: { phone, name: body.customer.name } } : { guestName: body.customer.name }),
      ...(body.notes ? { notes: body.notes } : {}),
      request: fingerprint,
      idempotencyKey,
      source: principal.role === 'admin' ? 'api' : 'staff',
      callId: null,
      actor: actorOf(principal),
    };
    const outcome: BookingOutcome = await bookAppointment(deps, input);
    // The same key committed by a concurrent request (or cancelled since): answered like any other repeat.
    if ((outcome.kind === 'booked' && outcome.repeated) || outcome.kind === 'cancelled')
      return replayed(await replay(principal, outcome.appointment, fingerprint));
    const failure = failureOf(outcome, principal.timeZone);
    if (failure) throw failure;
    if (outcome.kind !== 'booked') throw new Error(`unexpected booking outcome ${outcome.kind}`);
    const json = await detailOf(principal, outcome.appointment.id);
    c.header('Location', `/api/appointments/${json.id}`);
    return c.json(json, 201);
  });
}
