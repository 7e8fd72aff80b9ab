import { z } from '@hono/zod-openapi';
import { localDayOf, wallClockExists, wallClockToInstant } from '../../booking/local-days.js';
import { ApiError } from '../errors.js';

const LOCAL = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::00(?:\.0{1,3})?)?$/;

/**
 * A start as staff write it: an ISO instant with offset (`2030-03-05T10:00:00+01:00`, `…Z`), or the business's
 * local date and time without one (`2030-03-05T10:00`), which is how a salon's calendar reads.
 */
export const StartInput = z
  .string({ error: (issue) => (issue.input === undefined ? 'required' : 'must be an ISO instant or a local date and time') })
  .refine((value) => LOCAL.test(value) || z.iso.datetime({ offset: true }).safeParse(value).success, {
    error: 'must be an ISO instant with offset (2030-03-05T10:00:00+01:00) or a local date and time (2030-03-05T10:00)',
  })
  .openapi({
    example: '2030-03-05T10:00',
    description: 'An ISO instant with offset, or a local date and time in the business’s time zone (no offset)',
  });

/** The instant a `StartInput` names; a local time the clocks skip (spring forward) is a 400 naming the field. */
export function startInstant(value: string, timeZone: string, field: string): Date {
  const local = LOCAL.exec(value);
  if (!local) return new Date(value);
  const day = localDayOf(timeZone, local[1]!);
  const minute = Number(local[2]) * 60 + Number(local[3]);
  if (!day || Number(local[2]) > 23 || Number(local[3]) > 59) throw new ApiError('bad_request', `${field}: no such date or time`);
  if (!wallClockExists(day, minute)) throw new ApiError('bad_request', `${field}: that local time does not exist in ${timeZone} (the clocks skip it)`);
  return new Date(wallClockToInstant(day, minute));
}
