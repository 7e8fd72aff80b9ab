import type { ServiceSegment, WeeklyHours } from '../db/json-columns.js';
import type { PartOfDay } from '../parts-of-day.js';

/**
 * The availability engine's input and output types. Everything here is plain data so the
 * engine stays pure: the database layer reads rows into a `Calendar`, the engine answers.
 *
 * Times are instants in epoch milliseconds. Local wall-clock strings ("HH:MM", "YYYY-MM-DD")
 * appear only where a human defines them (working hours, opening hours, a caller's wish) and
 * are interpreted in `BusinessRules.timeZone`.
 */

/** ISO weekday as luxon numbers it: Monday = 1 … Sunday = 7. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

// Working and opening hours (ranges per ISO weekday, "24:00" = the next midnight) and the phases of a service are
// stored as JSON columns; their shapes are defined, and parsed, where the database reads them.
export type { ServiceSegment, TimeRange, WeeklyHours } from '../db/json-columns.js';

export interface ServiceDef {
  id: string;
  name: string;
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  /** Ordered phases; empty means one work phase of `durationMinutes`. */
  segments: ServiceSegment[];
}

export interface StaffDef {
  id: string;
  name: string;
  workingHours: WeeklyHours;
  serviceIds: string[];
  timeOff: Interval[];
}

/** Half-open interval of instants: [startsAt, endsAt). */
export interface Interval {
  startsAt: number;
  endsAt: number;
}

/** A stretch the whole business is closed, with the reason staff gave for it ("Betriebsurlaub"), if any. */
export interface Closure extends Interval {
  reason?: string | null;
}

/** Time a staff member is already occupied (an appointment segment or a hold, buffers included). */
export interface BusyInterval extends Interval {
  staffId: string;
}

export interface BusinessRules {
  id: string;
  /** IANA zone, e.g. "Europe/Berlin"; all wall-clock strings are read in it. */
  timeZone: string;
  /** "DE-BE" style: country, then state; null = no public holidays. */
  holidayRegion: string | null;
  openingHours: WeeklyHours;
  closures: Closure[];
  slotStepMinutes: number;
  minNoticeMinutes: number;
  horizonDays: number;
}

export interface Calendar {
  business: BusinessRules;
  services: ServiceDef[];
  staff: StaffDef[];
  busy: BusyInterval[];
  /**
   * The span `busy` is complete for, when it was read for a window only. No slot whose busy
   * segments reach outside it is offered: unknown time is never reported as free.
   */
  busyCoverage?: Interval;
}

export interface Slot {
  staffId: string;
  startsAt: number;
  /** When the customer leaves: start + total customer time (the end of the last work phase). */
  endsAt: number;
  /** Exactly the busy intervals a booking of this slot inserts, as `busySegmentsFor` returns them. */
  segments: Interval[];
}

/** Query of `findOpenSlots`: starts in [from, to), optionally for one staff member. */
export interface OpenSlotQuery {
  serviceId: string;
  staffId?: string;
  from: number;
  to: number;
  now: number;
}

/** The parts of the day and their hours live in one table beside the domain (src/parts-of-day.ts). */
export type { PartOfDay };

/** What a caller asked for, already parsed into local date and time strings. */
export interface Wish {
  serviceId: string;
  /** Omitted = "egal": any staff member who performs the service. */
  staffId?: string;
  /** Local date "YYYY-MM-DD". */
  date?: string;
  /** Local time "HH:MM". */
  time?: string;
  partOfDay?: PartOfDay;
  /** "So früh wie möglich": the first open slots; a given time is ignored. */
  earliest?: boolean;
  /**
   * An exact instant instead of date + time, e.g. a slot offered earlier in the call. Wins over
   * `date`/`time`; unlike "HH:MM" it also tells the two 02:30s of the autumn night apart.
   */
  startsAt?: number;
}

/** Why the exact wish could not be granted as asked. */
export type WishFailureReason =
  | 'taken'
  | 'outside_opening_hours'
  | 'closed_day'
  | 'staff_absent'
  | 'staff_does_not_offer_service'
  | 'too_soon'
  | 'beyond_horizon'
  | 'past'
  | 'no_time_given'
  /** The wished time is not on the booking grid (09:10 when slots start every 15 minutes). */
  | 'not_on_slot_grid'
  /** The wished local time falls into the hour skipped when clocks spring forward. */
  | 'time_does_not_exist';

/**
 * Why the business is closed all of a local day, as facts for the sentence: its weekday has no opening hours, it is
 * a public holiday (named as the holiday calendar names it), or a closure covers it (with the reason staff gave).
 * A weekday without hours wins over a holiday on it, since it is true every week.
 */
export type ClosedDay =
  | { cause: 'weekday'; date: string; weekday: IsoWeekday }
  | { cause: 'holiday'; date: string; weekday: IsoWeekday; name: string }
  | { cause: 'closure'; date: string; weekday: IsoWeekday; reason: string | null };

/** What more there is to say about a refused wish; `closedDay` comes with the reason `closed_day`. */
export interface WishDetail {
  closedDay?: ClosedDay;
}

export type WishAnswer =
  | { kind: 'exact'; slot: Slot }
  | { kind: 'alternatives'; reason: WishFailureReason; alternatives: Slot[]; detail?: WishDetail }
  | { kind: 'none'; reason: WishFailureReason | 'unknown_service' | 'unknown_staff' | 'invalid_wish'; detail?: WishDetail };
