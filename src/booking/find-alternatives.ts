import { DAY_MS } from '../clock.js';
import { DateTime } from 'luxon';
import { answerWish } from './answer-wish.js';
import type { Calendar, Slot, WishAnswer } from './calendar-model.js';
import { loadCalendar, type CalendarSource } from './load-calendar.js';
import type { BookingSource } from '../db/schema.js';
import { staffRules } from './staff-entered.js';

/** How far ahead alternatives are looked for after a lost race: a week covers "the next days". */
const ALTERNATIVES_WINDOW_DAYS = 8;
/** How far back: on a closed day the same time on an open day before it is offered too ("Samstag um elf"). */
const ALTERNATIVES_BACK_DAYS = 7;

/** The wish a concrete start time stands for, in the business's local words. */
function wishAt(calendar: Calendar, serviceId: string, staffId: string | undefined, startsAt: number) {
  const local = DateTime.fromMillis(startsAt, { zone: calendar.business.timeZone });
  // The instant as well as the wall clock: on the autumn DST night 02:30 happens twice.
  return { serviceId, ...(staffId ? { staffId } : {}), date: local.toFormat('yyyy-MM-dd'), time: local.toFormat('HH:mm'), startsAt };
}

/** Asks the engine about a concrete start on an already loaded calendar. */
function answerAt(calendar: Calendar, serviceId: string, staffId: string | undefined, startsAt: number, now: number, limit = 3): WishAnswer {
  return answerWish(calendar, wishAt(calendar, serviceId, staffId, startsAt), now, { limit });
}

export interface NearInput {
  businessId: string;
  serviceId: string;
  staffId?: string;
  startsAt: Date;
  now: Date;
  limit?: number;
  excludeAppointmentIds?: string[];
  /** Where the booking comes from: one entered by staff is checked against `staffRules`. */
  source?: BookingSource;
}

/**
 * What the engine answers about a concrete start on a calendar read fresh for the days around it (a race that
 * was just lost changed the calendar; a closed day needs the next open ones).
 */
export async function answerNear(source: CalendarSource, input: NearInput): Promise<WishAnswer> {
  const now = input.now.getTime();
  const from = Math.max(now, input.startsAt.getTime() - ALTERNATIVES_BACK_DAYS * DAY_MS);
  const calendar = await loadCalendar(source, input.businessId, {
    from,
    to: input.startsAt.getTime() + ALTERNATIVES_WINDOW_DAYS * DAY_MS,
    now,
    ...(input.excludeAppointmentIds ? { excludeAppointmentIds: input.excludeAppointmentIds } : {}),
  });
  if (!calendar) return { kind: 'none', reason: 'unknown_service' };
  const rules = input.source ? staffRules(calendar, input.source) : calendar;
  return answerAt(rules, input.serviceId, input.staffId, input.startsAt.getTime(), now, input.limit ?? 3);
}

/** The nearest open slots to a start that could not be had: same staff member first when one was named. */
export async function findAlternatives(source: CalendarSource, input: NearInput): Promise<Slot[]> {
  const answer = await answerNear(source, input);
  switch (answer.kind) {
    case 'exact':
      return [answer.slot];
    case 'alternatives':
      return answer.alternatives;
    case 'none':
      return [];
  }
}
