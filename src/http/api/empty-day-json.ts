import { z } from '@hono/zod-openapi';
import type { EmptyDayReason } from '../../booking/explain-empty-day.js';

const WEEKDAYS = ['Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays', 'Sundays'] as const;

export const EmptyReason = z
  .object({
    code: z.enum(['past', 'beyond_horizon', 'closed', 'staff_does_not_offer_service', 'no_staff', 'staff_absent', 'too_soon', 'fully_booked']),
    message: z.string().openapi({ example: 'Closed: public holiday (1. Weihnachtstag).' }),
    closed: z
      .object({
        cause: z.enum(['weekday', 'holiday', 'closure']),
        name: z.string().nullable().openapi({ description: 'The holiday’s name (holiday), the reason given for the closure (closure), else null' }),
      })
      .optional(),
    lastDate: z.string().optional().openapi({ description: 'beyond_horizon: the last local day callers can book' }),
  })
  .nullable()
  .openapi('EmptyDayReason', { description: 'Why there are no slots; null when there are' });

/** The reason as the API says it: a code to act on and a sentence to show. */
export function emptyReasonJson(reason: EmptyDayReason | null): z.infer<typeof EmptyReason> {
  if (!reason) return null;
  switch (reason.code) {
    case 'past':
      return { code: reason.code, message: 'That day has passed.' };
    case 'beyond_horizon':
      return { code: reason.code, message: `Beyond the booking horizon: callers can book up to ${reason.lastDate}.`, lastDate: reason.lastDate };
    case 'closed': {
      const c = reason.closedDay;
      switch (c.cause) {
        case 'weekday':
          return { code: reason.code, message: `Closed on ${WEEKDAYS[c.weekday - 1]}.`, closed: { cause: c.cause, name: null } };
        case 'holiday':
          return { code: reason.code, message: `Closed: public holiday (${c.name}).`, closed: { cause: c.cause, name: c.name } };
        case 'closure':
          return { code: reason.code, message: c.reason ? `Closed: ${c.reason}.` : 'Closed.', closed: { cause: c.cause, name: c.reason } };
      }
      break;
    }
    case 'staff_does_not_offer_service':
      return { code: reason.code, message: 'That staff member does not perform this service.' };
    case 'no_staff':
      return { code: reason.code, message: 'Nobody performs this service.' };
    case 'staff_absent':
      return { code: reason.code, message: reason.timeOff ? 'Not working that day (time off).' : 'Not working that day.' };
    case 'too_soon':
      return { code: reason.code, message: 'What is left of that day is within the minimum notice callers must give.' };
    case 'fully_booked':
      return { code: reason.code, message: 'Fully booked.' };
  }
}
