import { DateTime } from 'luxon';
import type { Facts } from '../../german/understand/index.js';
import type { AppointmentRef } from '../../reception/outcomes.js';

/** Which of several listed appointments the caller means: by position, day and time, service or staff member. */
export function pickAppointment(choices: readonly AppointmentRef[], f: Facts, zone: string): AppointmentRef | null {
  if (f.ordinal !== null) return (f.ordinal === -1 ? choices[choices.length - 1] : choices[f.ordinal]) ?? null;
  const matching = choices.filter((c) => {
    const local = DateTime.fromISO(c.startsAt, { zone });
    if (f.when.date && local.toFormat('yyyy-MM-dd') !== f.when.date) return false;
    if (f.when.time && local.toFormat('HH:mm') !== f.when.time) return false;
    if (f.serviceIds.length > 0 && !f.serviceIds.includes(c.serviceId)) return false;
    if (f.staff?.kind === 'named' && !f.staff.staffIds.includes(c.staffId)) return false;
    return f.hasWhen || f.serviceIds.length > 0 || f.staff?.kind === 'named';
  });
  return matching.length === 1 ? matching[0]! : null;
}

/**
 * The number to look the caller's appointments up by: one the caller just said, else the one they book under,
 * else the calling one. Digits in a sentence that names a day or time are the day or time ("auf den 27.11. um
 * 10:15"), not a number.
 */
export function lookupPhone(caller: { number: string | null; phone: string | null }, f: Facts): string | null {
  if (f.phone && !f.hasWhen) caller.phone = f.phone;
  return caller.phone ?? caller.number;
}
