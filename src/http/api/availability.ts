import { createRoute, z } from '@hono/zod-openapi';
import { DATE_WINDOW_FUTURE_DAYS, DATE_WINDOW_PAST_DAYS, placeDayInDateWindow } from '../../date-window.js';
import { findDaySlots } from '../../booking/find-day-slots.js';
import type { AppContext } from '../../context.js';
import { ApiError } from '../errors.js';
import type { ApiApp } from './auth.js';
import { Slot, slotJson } from './appointment-json.js';
import { EmptyReason, emptyReasonJson } from './empty-day-json.js';
import { Id, LocalDate, bearerSecurity, errorResponses, queryOf } from './schemas.js';

const availabilityRoute = createRoute({
  method: 'get',
  path: '/availability',
  tags: ['availability'],
  summary: 'Open slots of a service on one local day',
  description:
    'What callers are offered (minimum notice and horizon included). A day without slots says why in `reason`: closed (weekday, public holiday ' +
    'or closure, with its name), past, beyond the horizon, within the minimum notice, staff not working, nobody performing the service, or fully booked.',
  security: bearerSecurity,
  request: {
    query: queryOf({
      service: Id.openapi({ description: 'Service id' }),
      date: LocalDate.openapi({ description: 'Local day in the business’s time zone', example: '2030-03-05' }),
      staff: Id.optional().openapi({ description: 'Only this staff member; default: everyone who performs the service' }),
    }),
  },
  responses: {
    200: {
      description: 'Open slots by start, then staff',
      content: {
        'application/json': {
          schema: z.object({ date: z.string(), timeZone: z.string(), serviceId: z.string(), slots: z.array(Slot), reason: EmptyReason }),
        },
      },
    },
    ...errorResponses(400, 404),
  },
});

/** `GET /api/availability`. */
export function registerAvailabilityRoutes(app: ApiApp, ctx: AppContext): void {
  app.openapi(availabilityRoute, async (c) => {
    const q = c.req.valid('query');
    const now = ctx.clock.now();
    // Checked before the search: a day in year 9999 would push its window past what dates can hold.
    if (placeDayInDateWindow(q.date, now) !== 'inside')
      throw new ApiError('bad_request', `date: out of range (${DATE_WINDOW_PAST_DAYS} days back to ${DATE_WINDOW_FUTURE_DAYS} days ahead)`);
    const outcome = await findDaySlots(
      { db: ctx.database.db, rules: ctx.rules },
      {
        businessId: c.get('principal').businessId,
        serviceId: q.service,
        ...(q.staff ? { staffId: q.staff } : {}),
        date: q.date,
        now,
      },
    );
    switch (outcome.kind) {
      case 'invalid_date':
        throw new ApiError('bad_request', 'date: no such date');
      case 'not_found':
        throw new ApiError(
          'not_found',
          outcome.what === 'staff' ? 'staff: no such staff member in this business.' : `${outcome.what}: no such ${outcome.what} in this business.`,
        );
      case 'slots':
        return c.json(
          {
            date: q.date,
            timeZone: outcome.timeZone,
            serviceId: q.service,
            slots: outcome.slots.map((s) => slotJson(s, outcome.timeZone)),
            reason: emptyReasonJson(outcome.emptyReason),
          },
          200,
        );
    }
  });
}
