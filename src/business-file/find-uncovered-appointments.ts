import type { Interval, WeeklyHours } from '../booking/calendar-model.js';
import { isPublicHoliday } from '../booking/holidays.js';
import { isInsideOne, mergeIntervals } from '../booking/intervals.js';
import { localDaysCovering } from '../booking/local-days.js';
import { layoutService, placeAt } from '../booking/service-layout.js';
import { workingIntervals } from '../booking/working-time.js';
import type { ServiceDefinition } from './business-definition.js';
import type { AheadAppointment } from './load-business-state.js';

/** The rules one appointment is checked against: the business's and its staff member's. */
export interface AppointmentRules {
  timeZone: string;
  holidayRegion: string | null;
  openingHours: WeeklyHours;
  closures: readonly Interval[];
  staffHours: WeeklyHours;
  staffTimeOff: readonly Interval[];
}

/** What a booked appointment is no longer inside of. */
export type UncoveredReason = 'opening_hours' | 'closure' | 'public_holiday' | 'staff_hours' | 'time_off';

/**
 * Why a booked appointment that the old rules covered falls outside the new ones (empty when it still fits, or
 * never did: an appointment staff entered outside the hours is not news). The same tests as the availability
 * engine: the visit inside the opening hours, not in a closure or on a public holiday; the staff member's work
 * phases inside their hours and outside their time off.
 */
export function uncoveredReasons(
  appointment: AheadAppointment,
  service: ServiceDefinition,
  before: AppointmentRules,
  after: AppointmentRules,
): UncoveredReason[] {
  const was = failures(appointment, service, before);
  return failures(appointment, service, after).filter((reason) => !was.includes(reason));
}

function failures(appointment: AheadAppointment, service: ServiceDefinition, rules: AppointmentRules): UncoveredReason[] {
  const visit: Interval = { startsAt: appointment.startsAt, endsAt: appointment.endsAt };
  const core = placeAt(layoutService({ id: appointment.serviceId, ...service }).core, appointment.startsAt);
  const overlaps = (list: readonly Interval[], i: Interval) => list.some((x) => x.startsAt < i.endsAt && i.startsAt < x.endsAt);
  const open = workingIntervals(rules.openingHours, rules.timeZone, visit);
  const span: Interval = { startsAt: Math.min(visit.startsAt, ...core.map((c) => c.startsAt)), endsAt: Math.max(visit.endsAt, ...core.map((c) => c.endsAt)) };
  const works = mergeIntervals(workingIntervals(rules.staffHours, rules.timeZone, span));
  const reasons: UncoveredReason[] = [];
  if (!isInsideOne(mergeIntervals(open), visit.startsAt, visit.endsAt)) reasons.push('opening_hours');
  if (overlaps(rules.closures, visit)) reasons.push('closure');
  if (localDaysCovering(rules.timeZone, visit.startsAt, visit.endsAt).some((d) => d.endsAt > visit.startsAt && isPublicHoliday(rules.holidayRegion, d.date)))
    reasons.push('public_holiday');
  if (!core.every((piece) => isInsideOne(works, piece.startsAt, piece.endsAt))) reasons.push('staff_hours');
  if (core.some((piece) => overlaps(rules.staffTimeOff, piece))) reasons.push('time_off');
  return reasons;
}
