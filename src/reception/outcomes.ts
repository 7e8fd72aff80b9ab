import { z } from 'zod';
import { PARTS_OF_DAY } from '../parts-of-day.js';

/**
 * What a caller can ask of the reception, and what it answers: ids and instants only, never words. The phone
 * conversation and the Retell function endpoints both speak to the reception through these types; German is read
 * before a request is built and phrased after an outcome comes back, in `src/german/`.
 *
 * Instants are ISO strings (UTC) so that an outcome can be stored in a dialogue snapshot or an idempotency record
 * and parsed back unchanged; local dates and clock times appear only in a wish, where the caller's words put them.
 */

const Id = z.string().min(1);
const Instant = z.iso.datetime({ offset: true });
const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const LocalTime = z.string().regex(/^\d{2}:\d{2}$/);

/** The parts of the day of the one table (src/parts-of-day.ts); the first five are those of older snapshots. */
export const PartOfDay = z.enum(PARTS_OF_DAY);
export type PartOfDay = z.infer<typeof PartOfDay>;

/** Why the wished time could not be given as asked (the engine's reasons, with "outside hours" split by cause). */
export const Unavailable = z.enum([
  'taken',
  'closed_day',
  'outside_opening_hours',
  'staff_absent',
  'staff_does_not_offer_service',
  'too_soon',
  'beyond_horizon',
  'past',
  'no_time_given',
  'not_on_slot_grid',
  'time_does_not_exist',
]);
export type Unavailable = z.infer<typeof Unavailable>;

/**
 * Why the business is closed all of the wished local day, as facts for the sentence: the weekday it never opens
 * (ISO weekday, Monday = 1), a public holiday with its name from the holiday calendar ("1. Weihnachtstag"), or a
 * closure with the reason staff gave for it ("Betriebsurlaub"), if any.
 */
export const ClosedDay = z.discriminatedUnion('cause', [
  z.object({ cause: z.literal('weekday'), date: LocalDate, weekday: z.number().int().min(1).max(7) }),
  z.object({ cause: z.literal('holiday'), date: LocalDate, weekday: z.number().int().min(1).max(7), name: z.string().min(1).max(200) }),
  z.object({ cause: z.literal('closure'), date: LocalDate, weekday: z.number().int().min(1).max(7), reason: z.string().min(1).max(500).nullable() }),
]);
export type ClosedDay = z.infer<typeof ClosedDay>;

/** More about a refusal than its reason: `closedDay` comes with `closed_day`. */
export const UnavailableDetail = z.object({ closedDay: ClosedDay.optional() });
export type UnavailableDetail = z.infer<typeof UnavailableDetail>;

/** A slot the reception offered (and, for a call, holds): who, when, until when the customer stays. */
export const OfferedSlot = z.object({ staffId: Id, startsAt: Instant, endsAt: Instant });
export type OfferedSlot = z.infer<typeof OfferedSlot>;

/** An appointment as the caller's side sees it. */
export const AppointmentRef = z.object({ id: Id, serviceId: Id, staffId: Id, customerId: Id.nullable(), startsAt: Instant, endsAt: Instant });
export type AppointmentRef = z.infer<typeof AppointmentRef>;

// ---- offer: find and hold ----

/** A wish in the business's local terms; `staffId` null means anyone who performs the service. */
export const OfferRequest = z.object({
  serviceId: Id,
  staffId: Id.nullable(),
  date: LocalDate.nullable(),
  time: LocalTime.nullable(),
  partOfDay: PartOfDay.nullable(),
  earliest: z.boolean(),
});
export type OfferRequest = z.infer<typeof OfferRequest>;

export const OfferOutcome = z.discriminatedUnion('kind', [
  /** The wished slot is free (and held for the call). */
  z.object({ kind: z.literal('exact'), slot: OfferedSlot }),
  /** Not as wished; the nearest slots instead (held for the call). */
  z.object({ kind: z.literal('alternatives'), reason: Unavailable, slots: z.array(OfferedSlot).min(1), detail: UnavailableDetail.optional() }),
  /** Nothing to offer within the search window. */
  z.object({ kind: z.literal('none'), reason: Unavailable, detail: UnavailableDetail.optional() }),
  z.object({ kind: z.literal('unknown_service') }),
  z.object({ kind: z.literal('unknown_staff') }),
  /** The local date or time of the wish is not a real one (2026-02-30, 25:00). */
  z.object({ kind: z.literal('invalid_wish') }),
]);
export type OfferOutcome = z.infer<typeof OfferOutcome>;

// ---- book: what was offered, or directly ----

export const Customer = z.object({ name: z.string().min(1).max(120), phone: z.string().min(1).max(40) });
export type Customer = z.infer<typeof Customer>;

/** Books a slot: the call's hold on it when there is one, directly otherwise. `staffId` null: anyone free then. */
export const BookRequest = z.object({
  serviceId: Id,
  staffId: Id.nullable(),
  startsAt: Instant,
  customer: Customer,
  /** The caller books for someone else of their household ("für meine Tochter"): `customer` is that person. */
  forSomeoneElse: z.boolean().optional(),
});
export type BookRequest = z.infer<typeof BookRequest>;

export const BookOutcome = z.discriminatedUnion('kind', [
  /** Committed. `repeated`: a retry of a request that had already booked this appointment. */
  z.object({ kind: z.literal('booked'), appointment: AppointmentRef, repeated: z.boolean() }),
  /** Someone else got it first (or the hold ran out); the alternatives are held. */
  z.object({ kind: z.literal('slot_taken'), alternatives: z.array(OfferedSlot) }),
  z.object({ kind: z.literal('unavailable'), reason: Unavailable, alternatives: z.array(OfferedSlot), detail: UnavailableDetail.optional() }),
  z.object({ kind: z.literal('invalid_phone') }),
  z.object({ kind: z.literal('unknown_service') }),
  z.object({ kind: z.literal('unknown_staff') }),
  /** A repeat of a request whose booking has been cancelled since: nothing is booked again. */
  z.object({ kind: z.literal('cancelled'), appointment: AppointmentRef }),
  /** The call's hold on the slot ended in a state that cannot be booked any more. */
  z.object({ kind: z.literal('not_modifiable') }),
]);
export type BookOutcome = z.infer<typeof BookOutcome>;

// ---- the caller's own appointments: find, cancel, reschedule ----

/** Whose appointments: always a number the reception may trust for this caller (the calling one, for changes). */
export const FindAppointmentsRequest = z.object({ phone: z.string().min(1).max(40), date: LocalDate.nullable(), time: LocalTime.nullable() });
export type FindAppointmentsRequest = z.infer<typeof FindAppointmentsRequest>;

export const FindAppointmentsOutcome = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('found'), appointments: z.array(AppointmentRef).min(1) }),
  /** None upcoming under this number (or none at the named day and time: `narrowed`). */
  z.object({ kind: z.literal('none'), narrowed: z.boolean() }),
  z.object({ kind: z.literal('invalid_phone') }),
]);
export type FindAppointmentsOutcome = z.infer<typeof FindAppointmentsOutcome>;

export const CancelRequest = z.object({ appointmentId: Id });
export type CancelRequest = z.infer<typeof CancelRequest>;

export const CancelOutcome = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('cancelled'), appointment: AppointmentRef, repeated: z.boolean() }),
  z.object({ kind: z.literal('not_found') }),
  z.object({ kind: z.literal('not_modifiable') }),
]);
export type CancelOutcome = z.infer<typeof CancelOutcome>;

/** Moves an appointment; `staffId` null keeps the staff member it has. */
export const RescheduleRequest = z.object({
  appointmentId: Id,
  startsAt: Instant,
  staffId: Id.nullable(),
  /** The caller never chose the appointment's staff member: when they cannot take the new time, whoever can does. */
  anyStaff: z.boolean().optional(),
});
export type RescheduleRequest = z.infer<typeof RescheduleRequest>;

export const RescheduleOutcome = z.discriminatedUnion('kind', [
  /** The new appointment replaces `previousId` (which is now cancelled). */
  z.object({ kind: z.literal('rescheduled'), appointment: AppointmentRef, previousId: Id, repeated: z.boolean() }),
  /** The old appointment stays; these are offered instead. */
  z.object({ kind: z.literal('slot_taken'), alternatives: z.array(OfferedSlot) }),
  z.object({ kind: z.literal('unavailable'), reason: Unavailable, alternatives: z.array(OfferedSlot), detail: UnavailableDetail.optional() }),
  z.object({ kind: z.literal('not_found') }),
  z.object({ kind: z.literal('not_modifiable') }),
  z.object({ kind: z.literal('unknown_staff') }),
]);
export type RescheduleOutcome = z.infer<typeof RescheduleOutcome>;
