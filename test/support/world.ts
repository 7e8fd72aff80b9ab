import { DateTime } from 'luxon';
import type { AppointmentRef, OfferedSlot, Unavailable } from '../../src/reception/outcomes.js';
import type { ReceptionAnswer } from '../../src/voice/dialogue/events.js';
import { SERVICES, STAFF } from './demo-directory.js';

/**
 * Builders for what the reception answers in a scripted call: slots and appointments in the salon's local
 * time, and each operation's outcome.
 */

type StaffKey = keyof typeof STAFF;
type ServiceKey = keyof typeof SERVICES;
const ZONE = 'Europe/Berlin';

/** The UTC instant of a Berlin wall-clock time, "2026-11-24 14:30". */
export function instant(local: string): string {
  return DateTime.fromFormat(local, 'yyyy-MM-dd HH:mm', { zone: ZONE }).toUTC().toISO()!;
}

/** A slot at a Berlin wall-clock time with a staff member, 30 minutes unless said. */
export function slot(local: string, staff: StaffKey, minutes = 30): OfferedSlot {
  const start = DateTime.fromFormat(local, 'yyyy-MM-dd HH:mm', { zone: ZONE });
  return { staffId: STAFF[staff], startsAt: start.toUTC().toISO()!, endsAt: start.plus({ minutes }).toUTC().toISO()! };
}

let appointmentSeq = 0;
/** One of the caller's appointments. */
export function appointment(local: string, staff: StaffKey, service: ServiceKey, id = `appt-${++appointmentSeq}`): AppointmentRef {
  const s = slot(local, staff);
  return { id, serviceId: SERVICES[service], staffId: s.staffId, customerId: 'customer-1', startsAt: s.startsAt, endsAt: s.endsAt };
}

export const offer = {
  exact: (s: OfferedSlot): ReceptionAnswer => ({ operation: 'offer', outcome: { kind: 'exact', slot: s } }),
  alternatives: (reason: Unavailable, ...slots: [OfferedSlot, ...OfferedSlot[]]): ReceptionAnswer => ({
    operation: 'offer',
    outcome: { kind: 'alternatives', reason, slots },
  }),
  none: (reason: Unavailable): ReceptionAnswer => ({ operation: 'offer', outcome: { kind: 'none', reason } }),
};

export const book = {
  booked: (s: OfferedSlot, service: ServiceKey): ReceptionAnswer => ({
    operation: 'book',
    outcome: {
      kind: 'booked',
      appointment: { id: 'booked-1', serviceId: SERVICES[service], staffId: s.staffId, customerId: 'customer-1', startsAt: s.startsAt, endsAt: s.endsAt },
      repeated: false,
    },
  }),
  taken: (...alternatives: OfferedSlot[]): ReceptionAnswer => ({ operation: 'book', outcome: { kind: 'slot_taken', alternatives } }),
  unavailable: (reason: Unavailable, ...alternatives: OfferedSlot[]): ReceptionAnswer => ({
    operation: 'book',
    outcome: { kind: 'unavailable', reason, alternatives },
  }),
  invalidPhone: (): ReceptionAnswer => ({ operation: 'book', outcome: { kind: 'invalid_phone' } }),
};

export const find = {
  found: (...appointments: [AppointmentRef, ...AppointmentRef[]]): ReceptionAnswer => ({
    operation: 'findAppointments',
    outcome: { kind: 'found', appointments },
  }),
  none: (narrowed = false): ReceptionAnswer => ({ operation: 'findAppointments', outcome: { kind: 'none', narrowed } }),
  invalidPhone: (): ReceptionAnswer => ({ operation: 'findAppointments', outcome: { kind: 'invalid_phone' } }),
};

export const cancel = {
  cancelled: (a: AppointmentRef): ReceptionAnswer => ({ operation: 'cancel', outcome: { kind: 'cancelled', appointment: a, repeated: false } }),
  notModifiable: (): ReceptionAnswer => ({ operation: 'cancel', outcome: { kind: 'not_modifiable' } }),
};

export const reschedule = {
  moved: (from: AppointmentRef, local: string, staff?: StaffKey): ReceptionAnswer => {
    const s = slot(local, staff ?? (Object.entries(STAFF).find(([, id]) => id === from.staffId)![0] as StaffKey));
    return {
      operation: 'reschedule',
      outcome: {
        kind: 'rescheduled',
        appointment: { ...from, id: `${from.id}-moved`, staffId: s.staffId, startsAt: s.startsAt, endsAt: s.endsAt },
        previousId: from.id,
        repeated: false,
      },
    };
  },
  taken: (...alternatives: OfferedSlot[]): ReceptionAnswer => ({ operation: 'reschedule', outcome: { kind: 'slot_taken', alternatives } }),
  unavailable: (reason: Unavailable, ...alternatives: OfferedSlot[]): ReceptionAnswer => ({
    operation: 'reschedule',
    outcome: { kind: 'unavailable', reason, alternatives },
  }),
  notFound: (): ReceptionAnswer => ({ operation: 'reschedule', outcome: { kind: 'not_found' } }),
};

export const recorded: ReceptionAnswer = { operation: 'recordOutcome', outcome: null };
