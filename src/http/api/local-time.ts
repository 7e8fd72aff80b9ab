import { z } from '@hono/zod-openapi';
import { DateTime } from 'luxon';

/**
 * Every instant the API shows comes twice: `startsAt` in UTC, and `startsAtLocal`, the same instant on the
 * business's wall clock with its UTC offset ("2030-03-05T10:00:00+01:00"). The local form reads as the salon's
 * calendar does, and still names the instant exactly, also in the hour that happens twice on the autumn night.
 */
export function localIso(at: Date | number, timeZone: string): string {
  const local = DateTime.fromMillis(typeof at === 'number' ? at : at.getTime(), { zone: timeZone });
  return local.toISO({ suppressMilliseconds: true }) ?? local.toUTC().toISO()!;
}

export function localIsoOrNull(at: Date | null, timeZone: string): string | null {
  return at ? localIso(at, timeZone) : null;
}

/** The OpenAPI schema of a `…Local` field. */
export const LocalInstant = z
  .string()
  .openapi({ example: '2030-03-05T10:00:00+01:00', description: 'The instant beside it on the business’s wall clock, with the UTC offset' });
