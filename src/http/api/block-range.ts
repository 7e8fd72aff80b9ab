import { z } from '@hono/zod-openapi';
import { localDayOf } from '../../booking/local-days.js';
import { DATE_WINDOW_FUTURE_DAYS, DATE_WINDOW_PAST_DAYS, placeInDateWindow } from '../../date-window.js';
import { ApiError } from '../errors.js';
import { AppointmentSummary } from './appointment-json.js';
import { StartInput, startInstant } from './start-input.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** One end of a blocked stretch: a whole local day, a local date and time, or an instant. */
const BlockBound = z
  .string({ error: (issue) => (issue.input === undefined ? 'required' : 'must be a date, a local date and time, or an ISO instant') })
  .refine((value) => DAY.test(value) || StartInput.safeParse(value).success, {
    error: 'must be a date (2030-03-05), a local date and time (2030-03-05T13:00) or an ISO instant with offset',
  });

export const blockBody = {
  from: BlockBound.openapi({ description: 'From (a date: that local day’s start)', example: '2030-03-05' }),
  to: BlockBound.openapi({ description: 'Until, exclusive (a date: including that whole local day)', example: '2030-03-05' }),
  reason: z.string().max(200, { error: 'at most 200 characters' }).optional().openapi({ example: 'krank' }),
};

/** What entering a stretch answers beside the stretch itself, for time off and closures alike. */
export const blockAddedFields = {
  overlapping: z
    .array(AppointmentSummary)
    .openapi({ description: 'Booked appointments inside it, in calendar order: they stay booked until someone moves or cancels them' }),
  releasedHolds: z.number().int().openapi({ description: 'Slots held for callers still deciding that were given back' }),
};

function boundOf(value: string, timeZone: string, edge: 'from' | 'to'): Date {
  if (!DAY.test(value)) return startInstant(value, timeZone, edge);
  const day = localDayOf(timeZone, value);
  if (!day) throw new ApiError('bad_request', `${edge}: no such date`);
  return new Date(edge === 'from' ? day.startsAt : day.endsAt);
}

/** The instants a blocked stretch covers, [from, to); "from 2030-03-05 to 2030-03-05" is that whole local day. */
export function blockRangeOf(body: { from: string; to: string }, timeZone: string, now: Date): { startsAt: Date; endsAt: Date } {
  const startsAt = boundOf(body.from, timeZone, 'from');
  const endsAt = boundOf(body.to, timeZone, 'to');
  for (const [edge, at] of [
    ['from', startsAt],
    ['to', endsAt],
  ] as const) {
    if (placeInDateWindow(at.getTime(), now) !== 'inside')
      throw new ApiError('bad_request', `${edge}: out of range (${DATE_WINDOW_PAST_DAYS} days back to ${DATE_WINDOW_FUTURE_DAYS} days ahead)`);
  }
  if (endsAt.getTime() <= startsAt.getTime()) throw new ApiError('bad_request', 'to: must be after from');
  return { startsAt, endsAt };
}
