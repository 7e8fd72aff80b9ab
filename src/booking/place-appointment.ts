import { DAY_MS } from '../clock.js';
import type { BookingSource } from '../db/schema.js';
import { insertAppointment } from '../db/repositories/insert-appointment.js';
import type { Actor, BookingDeps } from './booking-deps.js';
import type { Calendar, Slot } from './calendar-model.js';
import { staffRules } from './staff-entered.js';
import { findAppointmentByKey } from './appointment-view.js';
import { answerNear } from './find-alternatives.js';
import { toUnavailable } from './to-unavailable.js';
import { findOpenSlots } from './find-open-slots.js';
import { normalizePhone } from './normalize-phone.js';
import { asStaffStatement } from './in-staff-transaction.js';
import { calendarOf, loadCalendar } from './load-calendar.js';
import type { AppointmentView, BookingOutcome } from './outcomes.js';
import { repeatOutcome } from './repeat-outcome.js';
import type { CalendarRules } from './rules-cache.js';

export interface PlaceInput {
  businessId: string;
  serviceId: string;
  /** Omitted: anyone who performs the service ("egal"), least busy that day first. */
  staffId?: string;
  startsAt: Date;
  /** Required to book, but for a walk-in (`guestName`); optional for a hold (the caller may not have said their name yet). */
  customer?: { phone: string; name?: string | null };
  /** The name of a walk-in booked without a phone number: no customer is made for it. */
  guestName?: string;
  notes?: string | null;
  /**
   * A fingerprint of the request that asked for it, recorded with the booking (activity details): a later request
   * with the same idempotency key is told apart from a different one that reuses the key.
   */
  request?: string;
  /** The same key always yields the first attempt's result (Retell retries, barge-in re-requests). */
  idempotencyKey: string;
  source: BookingSource;
  callId?: string | null;
  actor: Actor;
}

export type Attempt = { kind: 'done'; outcome: BookingOutcome } | { kind: 'lost' } | { kind: 'rules_changed' };
type Customer = { phoneE164: string; name: string | null };

/**
 * Books (status 'booked') or holds (status 'held', expiring) one slot. Checks the rules on a fresh calendar,
 * then tries the candidate staff members one by one, each in its own locked statement where the exclusion
 * constraint has the last word. For a named staff member whose business's rules this process has cached,
 * the calendar is not read at all: the rules decide whether the start is open, the constraint whether it is
 * free, and the insert refuses a stale rules version.
 */
export async function placeAppointment(deps: BookingDeps, input: PlaceInput, status: 'held' | 'booked'): Promise<BookingOutcome> {
  const now = deps.clock.now();
  let customer: Customer | null = null;
  if (input.customer) {
    const phoneE164 = normalizePhone(input.customer.phone);
    if (!phoneE164) return { kind: 'invalid_phone' };
    customer = { phoneE164, name: input.customer.name?.trim() || null };
  }
  const cached = input.staffId ? deps.rules?.get(input.businessId) : undefined;
  if (cached) {
    const outcome = await placeOnCachedRules(deps, input, status, now, customer, cached);
    if (outcome) return outcome;
  }

  const start = input.startsAt.getTime();
  // A repeat is not looked up first: where the slot still looks open the unique key catches it at insert, and
  // where its own row makes the slot look taken, the "why not" path looks for it. The common case saves a query.
  const calendar = await loadCalendar(deps, input.businessId, { from: start - DAY_MS, to: start + DAY_MS, now: now.getTime() });
  if (!calendar) return { kind: 'not_found', what: 'business' };
  const service = calendar.services.find((s) => s.id === input.serviceId);
  if (!service) return { kind: 'not_found', what: 'service' };
  if (input.staffId && !calendar.staff.some((m) => m.id === input.staffId)) return { kind: 'not_found', what: 'staff' };

  const candidates = openCandidates(staffRules(calendar, input.source), input, now.getTime());
  if (candidates.length === 0) return whyNot(deps, input, now, false);

  for (const slot of candidates) {
    const attempt = await attemptSlot(deps, input, slot, status, now, customer);
    if (attempt.kind === 'done') return attempt.outcome;
  }
  return whyNot(deps, input, now, true);
}

/**
 * The booking of a named staff member's start without reading the calendar. Null when the cached rules cannot
 * answer (the start looks closed or unknown, or the rules changed meanwhile): the caller reads the calendar and
 * decides on fresh data, so every refusal is still explained from the database.
 */
async function placeOnCachedRules(
  deps: BookingDeps,
  input: PlaceInput,
  status: 'held' | 'booked',
  now: Date,
  customer: Customer | null,
  rules: CalendarRules,
): Promise<BookingOutcome | null> {
  const start = input.startsAt.getTime();
  const calendar = staffRules(calendarOf(rules, [], { from: start - DAY_MS, to: start + DAY_MS }), input.source);
  const [slot] = openCandidates(calendar, input, now.getTime());
  if (!slot) return null;
  const attempt = await attemptSlot(deps, input, slot, status, now, customer, { rulesVersion: rules.version });
  switch (attempt.kind) {
    case 'done':
      return attempt.outcome;
    case 'lost':
      return whyNot(deps, input, now, true);
    case 'rules_changed':
      deps.rules?.forget(input.businessId);
      return null;
  }
}

/** Staff members for whom the start is open on the calendar just read, least busy that day first. */
function openCandidates(calendar: Calendar, input: PlaceInput, now: number): Slot[] {
  const start = input.startsAt.getTime();
  const slots = findOpenSlots(calendar, { serviceId: input.serviceId, ...(input.staffId ? { staffId: input.staffId } : {}), from: start, to: start + 1, now });
  if (input.staffId) return slots;
  const busyMinutes = new Map<string, number>();
  for (const b of calendar.busy) {
    if (b.endsAt > start - DAY_MS / 2 && b.startsAt < start + DAY_MS / 2)
      busyMinutes.set(b.staffId, (busyMinutes.get(b.staffId) ?? 0) + (b.endsAt - b.startsAt));
  }
  return [...slots].sort((a, b) => (busyMinutes.get(a.staffId) ?? 0) - (busyMinutes.get(b.staffId) ?? 0) || (a.staffId < b.staffId ? -1 : 1));
}

/**
 * Tries one concrete slot (already found open on a calendar) in one locked statement that first releases the
 * staff member's expired holds: the exclusion constraint decides. `lost` when someone else's segments are in
 * the way; `rules_changed` when a rules version was given and the business's rules changed since.
 */
export async function attemptSlot(
  deps: BookingDeps,
  input: PlaceInput,
  slot: Slot,
  status: 'held' | 'booked',
  now: Date,
  customer: Customer | null,
  options: { distributedLock?: boolean; rulesVersion?: number } = {},
): Promise<Attempt> {
  const appointment = {
    businessId: input.businessId,
    customerId: null,
    serviceId: input.serviceId,
    staffId: slot.staffId,
    startsAt: new Date(slot.startsAt),
    endsAt: new Date(slot.endsAt),
    status,
    holdExpiresAt: status === 'held' ? new Date(now.getTime() + deps.holdTtlSeconds * 1000) : null,
    idempotencyKey: input.idempotencyKey,
    source: input.source,
    callId: input.callId ?? null,
    guestName: customer ? null : (input.guestName ?? null),
    notes: input.notes ?? null,
  };
  const segments = slot.segments.map((s) => ({ startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt) }));
  const extras = {
    ...(customer ? { customer } : {}),
    countForCustomer: status === 'booked',
    activity: {
      actorType: input.actor.type,
      actorId: input.actor.id,
      action: status === 'held' ? 'appointment.held' : 'appointment.booked',
      details: { serviceId: input.serviceId, callId: input.callId ?? null, ...(input.request ? { request: input.request } : {}) },
    },
    // Released inside the same statement, so an expired hold is never what refuses the insert.
    releaseExpiredHoldsAt: now,
    ...(options.rulesVersion !== undefined ? { rulesVersion: options.rulesVersion } : {}),
  };
  const inserted = await asStaffStatement(deps, slot.staffId, (db) => insertAppointment(db, appointment, segments, extras), options);
  switch (inserted.kind) {
    case 'inserted': {
      const view: AppointmentView = { ...appointment, id: inserted.id, customerId: inserted.customerId, rescheduledFromId: null };
      return {
        kind: 'done',
        outcome: status === 'held' ? { kind: 'held', appointment: view, repeated: false } : { kind: 'booked', appointment: view, repeated: false },
      };
    }
    case 'duplicate_key': {
      // A repeat with the same key committed first (the unique index is checked before the busy segments are
      // inserted, so a repeat never looks like a lost race): its result is the answer.
      const winner = await findAppointmentByKey(deps.db, input.idempotencyKey);
      if (!winner) throw new Error('idempotency key conflict without a committed appointment');
      return { kind: 'done', outcome: await repeatOutcome(deps, winner) };
    }
    case 'overlap':
      return { kind: 'lost' };
    case 'rules_changed':
      return { kind: 'rules_changed' };
  }
}

/**
 * Why a start could not be had, read fresh: a repeat of an earlier write (its first result), a lost race
 * (slot_taken) or a rule (unavailable, with the rule's reason), each with the nearest alternatives.
 */
async function whyNot(deps: BookingDeps, input: PlaceInput, now: Date, lostRace: boolean): Promise<BookingOutcome> {
  const earlier = await findAppointmentByKey(deps.db, input.idempotencyKey);
  if (earlier) return repeatOutcome(deps, earlier);
  const answer = await answerNear(deps, {
    businessId: input.businessId,
    serviceId: input.serviceId,
    ...(input.staffId ? { staffId: input.staffId } : {}),
    startsAt: input.startsAt,
    now,
    source: input.source,
  });
  // After every candidate was found open and then lost at insert, it was a race, whatever the engine says now.
  return toUnavailable(lostRace && answer.kind === 'alternatives' ? { ...answer, reason: 'taken' } : answer);
}
