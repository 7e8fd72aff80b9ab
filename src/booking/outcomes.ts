import type { Slot, WishDetail, WishFailureReason } from './calendar-model.js';

/** An appointment as the verbs report it. */
export interface AppointmentView {
  id: string;
  businessId: string;
  serviceId: string;
  staffId: string;
  customerId: string | null;
  startsAt: Date;
  endsAt: Date;
  status: 'held' | 'booked' | 'cancelled' | 'expired' | 'completed' | 'no_show';
  holdExpiresAt: Date | null;
  rescheduledFromId: string | null;
}

/**
 * What a write can answer. Expected "no"s are data; only faults throw.
 * `repeated`: the idempotency key was seen before and this is the first attempt's result.
 */
export type BookingOutcome =
  | { kind: 'booked'; appointment: AppointmentView; repeated: boolean }
  | { kind: 'held'; appointment: AppointmentView; repeated: boolean }
  /** A move committed: `appointment` replaces the one it was rescheduled from (now cancelled). */
  | { kind: 'rescheduled'; appointment: AppointmentView; previousId: string; repeated: boolean }
  | { kind: 'slot_taken'; alternatives: Slot[] }
  /** A rule forbids the time (closed, outside opening hours, staff absent, too soon, …): `reason` says which. */
  | { kind: 'unavailable'; reason: Exclude<WishFailureReason, 'taken'>; alternatives: Slot[]; detail?: WishDetail }
  | { kind: 'hold_expired'; alternatives: Slot[] }
  | { kind: 'cancelled'; appointment: AppointmentView; repeated: boolean }
  | { kind: 'not_found'; what: 'business' | 'service' | 'staff' | 'appointment' }
  | { kind: 'invalid_phone' }
  | { kind: 'not_modifiable'; status: AppointmentView['status'] };

export type BookingOutcomeKind = BookingOutcome['kind'];
