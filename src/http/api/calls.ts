import { createRoute, z } from '@hono/zod-openapi';
import { scopeOf } from '../../access/principal.js';
import { normalizePhone } from '../../booking/normalize-phone.js';
import { CALL_STATUSES } from '../../calls/call-event.js';
import { findCallDetail } from '../../calls/find-call-detail.js';
import { listCalls } from '../../calls/list-calls.js';
import type { AppContext } from '../../context.js';
import { CALL_OUTCOMES } from '../../db/schema.js';
import { ApiError } from '../errors.js';
import type { ApiApp } from './auth.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { AppointmentSummary, appointmentSummaryJson } from './appointment-json.js';
import { LocalInstant, localIso, localIsoOrNull } from './local-time.js';
import { DateBound, Id, Instant, bearerSecurity, errorResponses, iso, isoOrNull, pageLimit, pageQuery, queryOf, rangeOf } from './schemas.js';
import { checkStaffFilter } from './filters.js';

const CallSummary = z
  .object({
    id: z.string(),
    status: z.string().openapi({ example: 'ended' }),
    outcome: z.enum(CALL_OUTCOMES).nullable(),
    direction: z.string().nullable(),
    fromNumber: z.string().nullable(),
    toNumber: z.string().nullable(),
    startedAt: Instant.nullable(),
    startedAtLocal: LocalInstant.nullable(),
    endedAt: Instant.nullable(),
    endedAtLocal: LocalInstant.nullable(),
    durationMs: z.number().int().nullable(),
    disconnectionReason: z.string().nullable(),
    customerId: z.string().nullable(),
    customerName: z.string().nullable(),
    appointmentId: z.string().nullable(),
    createdAt: Instant,
    createdAtLocal: LocalInstant,
  })
  .openapi('CallSummary');

const CallDetail = CallSummary.omit({ customerId: true, customerName: true, appointmentId: true })
  .extend({
    agentId: z.string().nullable(),
    callType: z.string().nullable(),
    transcript: z.array(z.object({ role: z.string(), content: z.string() })).nullable(),
    transcriptText: z.string().nullable(),
    recordingUrl: z.string().nullable(),
    analysis: z.record(z.string(), z.unknown()).nullable().openapi({ description: 'Retell’s post-call analysis' }),
    latency: z.record(z.string(), z.unknown()).nullable().openapi({ description: 'Retell’s latency figures per component' }),
    customer: z
      .object({ id: z.string(), name: z.string().nullable(), phone: z.string(), appointmentCount: z.number().int(), noShowCount: z.number().int() })
      .nullable(),
    appointments: z.array(AppointmentSummary),
    updatedAt: Instant,
    updatedAtLocal: LocalInstant,
  })
  .openapi('CallDetail');

const listRoute = createRoute({
  method: 'get',
  path: '/calls',
  tags: ['calls'],
  summary: 'List calls, newest first',
  description: 'Admins see every call of their business; staff only the calls that led to their appointments.',
  security: bearerSecurity,
  request: {
    query: queryOf({
      from: DateBound.optional().openapi({ description: 'Calls recorded at or after (a date: that local day’s start)' }),
      to: DateBound.optional().openapi({ description: 'Calls recorded before (a date: including that whole local day)' }),
      status: z.enum(CALL_STATUSES).optional(),
      outcome: z.enum(CALL_OUTCOMES).optional(),
      staff: Id.optional().openapi({ description: 'Only calls that led to an appointment with this staff member' }),
      phone: z.string().max(64).optional().openapi({ description: 'The caller’s phone number, any common spelling', example: '0176 1234567' }),
      ...pageQuery,
    }),
  },
  responses: {
    200: {
      description: 'A page of calls',
      content: { 'application/json': { schema: z.object({ items: z.array(CallSummary), nextCursor: z.string().nullable() }) } },
    },
    ...errorResponses(400, 403, 404),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/calls/{id}',
  tags: ['calls'],
  summary: 'One call with transcript, analysis, customer and appointments',
  security: bearerSecurity,
  request: { params: z.object({ id: z.string().min(1).max(200) }), query: queryOf({}) },
  responses: {
    200: { description: 'The call', content: { 'application/json': { schema: CallDetail } } },
    ...errorResponses(400, 404),
  },
});

function callTimesJson(call: { startedAt: Date | null; endedAt: Date | null; createdAt: Date }, timeZone: string) {
  return {
    startedAt: isoOrNull(call.startedAt),
    startedAtLocal: localIsoOrNull(call.startedAt, timeZone),
    endedAt: isoOrNull(call.endedAt),
    endedAtLocal: localIsoOrNull(call.endedAt, timeZone),
    createdAt: iso(call.createdAt),
    createdAtLocal: localIso(call.createdAt, timeZone),
  };
}

/** `GET /api/calls`, `GET /api/calls/{id}`. */
export function registerCallRoutes(app: ApiApp, ctx: AppContext): void {
  app.openapi(listRoute, async (c) => {
    const q = c.req.valid('query');
    const principal = c.get('principal');
    const phone = q.phone === undefined ? undefined : normalizePhone(q.phone);
    if (phone === null) throw new ApiError('bad_request', 'phone: not a valid phone number');
    await checkStaffFilter(ctx, principal, q.staff);
    const page = await listCalls(ctx.database.db, scopeOf(principal), {
      ...rangeOf(q, principal.timeZone),
      ...(q.status ? { status: q.status } : {}),
      ...(q.outcome ? { outcome: q.outcome } : {}),
      ...(q.staff ? { staffId: q.staff } : {}),
      ...(phone ? { phone } : {}),
      after: decodeCursor('calls', q.cursor),
      limit: pageLimit(q.limit, ctx.config.apiPageLimitMax),
    });
    return c.json(
      {
        items: page.items.map((call) => ({ ...call, ...callTimesJson(call, principal.timeZone) })),
        nextCursor: page.next ? encodeCursor('calls', page.next) : null,
      },
      200,
    );
  });

  app.openapi(getRoute, async (c) => {
    const principal = c.get('principal');
    const detail = await findCallDetail(ctx.database.db, scopeOf(principal), c.req.valid('param').id);
    if (!detail) throw new ApiError('not_found', 'No such call.');
    return c.json(
      {
        ...detail,
        ...callTimesJson(detail, principal.timeZone),
        updatedAt: iso(detail.updatedAt),
        updatedAtLocal: localIso(detail.updatedAt, principal.timeZone),
        appointments: detail.appointments.map((a) => appointmentSummaryJson(a, principal.timeZone)),
      },
      200,
    );
  });
}
