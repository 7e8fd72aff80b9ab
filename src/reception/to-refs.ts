import type { Slot } from '../booking/calendar-model.js';
import type { AppointmentView } from '../booking/outcomes.js';
import type { AppointmentRef, OfferedSlot } from './outcomes.js';

/** An engine slot as the reception offers it: who, from when, until when (ISO instants). */
export function toOfferedSlot(slot: Slot): OfferedSlot {
  return { staffId: slot.staffId, startsAt: new Date(slot.startsAt).toISOString(), endsAt: new Date(slot.endsAt).toISOString() };
}

/** A booking verb's appointment as the caller's side sees it. */
export function toAppointmentRef(a: Pick<AppointmentView, 'id' | 'serviceId' | 'staffId' | 'customerId' | 'startsAt' | 'endsAt'>): AppointmentRef {
  return { id: a.id, serviceId: a.serviceId, staffId: a.staffId, customerId: a.customerId, startsAt: a.startsAt.toISOString(), endsAt: a.endsAt.toISOString() };
}
