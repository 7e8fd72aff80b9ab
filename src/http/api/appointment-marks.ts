import { createRoute, z } from '@hono/zod-openapi';
import { scopeOf } from '../../access/principal.js';
import { findAppointmentDetail } from '../../booking/find-appointment-detail.js';
import { markAppointment, type Mark } from '../../booking/mark-appointment.js';
import { bookingDepsOf, type AppContext } from '../../context.js';
import { ApiError } from '../errors.js';
import { AppointmentDetail, appointmentDetailJson } from './appointment-json.js';
import type { ApiApp } from './auth.js';
import { actorOf } from './booking-failure.js';
import { localIso } from './local-time.js';
import { Id, bearerSecurity, errorResponses, iso } from './schemas.js';

const MARKS = [
  { mark: 'completed', path: '/appointments/{id}/complete', summary: 'Mark an appointment completed' },
  { mark: 'no_show', path: '/appointments/{id}/no-show', summary: 'Mark an appointment as a no-show (counted on the customer)' },
] as const satisfies ReadonlyArray<{ mark: Mark; path: string; summary: string }>;

const routeOf = (m: (typeof MARKS)[number]) =>
  createRoute({
    method: 'post',
    path: m.path,
    tags: ['appointments'],
    summary: m.summary,
    description:
      'Once the appointment has started (409 `not_started` before). Repeating it answers the same; the other mark corrects it (a late customer came ' +
      'after all). Held, expired and cancelled appointments cannot be marked (409 `not_markable`). The rest of its time is free again from now on.',
    security: bearerSecurity,
    request: { params: z.object({ id: Id }) },
    responses: {
      200: { description: 'The appointment', content: { 'application/json': { schema: AppointmentDetail } } },
      ...errorResponses(400, 404, 409),
    },
  });

/** `POST /api/appointments/{id}/complete`, `POST /api/appointments/{id}/no-show`. */
export function registerAppointmentMarkRoutes(app: ApiApp, ctx: AppContext): void {
  const deps = bookingDepsOf(ctx);
  for (const m of MARKS) {
    app.openapi(routeOf(m), async (c) => {
      const principal = c.get('principal');
      const { id } = c.req.valid('param');
      const scope = scopeOf(principal);
      // A staff token marks only its own appointments; the others are not there for it (404).
      if (!(await findAppointmentDetail(ctx.database.db, scope, id))) throw new ApiError('not_found', 'No such appointment.');
      const outcome = await markAppointment(deps, { appointmentId: id, businessId: principal.businessId, mark: m.mark, actor: actorOf(principal) });
      switch (outcome.kind) {
        case 'not_found':
          throw new ApiError('not_found', 'No such appointment.');
        case 'not_started':
          throw new ApiError('conflict', 'The appointment has not started yet.', {
            reason: 'not_started',
            startsAt: iso(outcome.startsAt),
            startsAtLocal: localIso(outcome.startsAt, principal.timeZone),
          });
        case 'not_markable':
          throw new ApiError('conflict', `An appointment that is ${outcome.status} cannot be marked.`, { reason: 'not_markable', status: outcome.status });
        case 'marked': {
          const detail = await findAppointmentDetail(ctx.database.db, scope, id);
          if (!detail) throw new Error('marked appointment vanished');
          return c.json(appointmentDetailJson(detail, principal.timeZone), 200);
        }
      }
    });
  }
}
