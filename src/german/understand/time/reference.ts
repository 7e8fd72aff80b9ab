import { DateTime } from 'luxon';
import { toDayNumber } from './calendar.js';

/** The zone of the businesses this agent serves, used when none is given. */
export const DEFAULT_ZONE = 'Europe/Berlin';

/** The moment an utterance was made, as the caller experiences it in the business's zone. */
export interface ReferenceInput {
  /** The instant of the utterance: a Date or an ISO 8601 string (an offset-less string is read in `zone`). */
  instant: Date | string;
  /** IANA zone of the business; defaults to Europe/Berlin. */
  zone?: string;
}

/** The reference resolved once per call: the local day and weekday in the business's zone. */
export interface Reference {
  epochMs: number;
  zone: string;
  /** Local calendar day as a day number (see calendar.ts). */
  today: number;
  /** ISO weekday of `today`, 1 = Monday. */
  weekday: number;
}

/**
 * Resolves the reference in the given zone. The process time zone is never consulted: an ISO
 * string without offset is interpreted in `zone`, and every local field comes from `zone`.
 */
export function resolveReference(ref: ReferenceInput): Reference {
  const zone = ref.zone ?? DEFAULT_ZONE;
  const dt = typeof ref.instant === 'string' ? DateTime.fromISO(ref.instant, { zone }) : DateTime.fromJSDate(ref.instant, { zone });
  if (!dt.isValid) throw new RangeError(`invalid reference instant or zone: ${dt.invalidExplanation ?? dt.invalidReason ?? 'unknown'}`);
  return { epochMs: dt.toMillis(), zone, today: toDayNumber(dt.year, dt.month, dt.day), weekday: dt.weekday };
}

/** Local day number and minutes after midnight of an instant in a zone (DST-aware). */
export function localDayAndMinutes(epochMs: number, zone: string): { day: number; minutes: number } {
  const dt = DateTime.fromMillis(epochMs, { zone });
  return { day: toDayNumber(dt.year, dt.month, dt.day), minutes: dt.hour * 60 + dt.minute };
}
