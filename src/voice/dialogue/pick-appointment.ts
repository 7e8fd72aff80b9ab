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
  if (matching.length === 1) return matching[0]!;
  // "den am Freitag" among listed appointments means the one on a Friday, not only the coming Friday.
  if (matching.length === 0 && f.when.date && !f.when.time) {
    const weekday = DateTime.fromISO(f.when.date, { zone }).weekday;
    const onThatDay = choices.filter((c) => DateTime.fromISO(c.startsAt, { zone }).weekday === weekday);
    if (onThatDay.length === 1) return onThatDay[0]!;
  }
  return null;
}
