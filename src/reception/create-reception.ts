import type { BookingDeps } from '../booking/booking-deps.js';
import { releaseCallHolds } from '../booking/call-holds.js';
import { recordCallOutcome } from '../booking/record-call-outcome.js';
import { bookSlot } from './book-slot.js';
import { cancelCallerAppointment } from './cancel-caller-appointment.js';
import { findCallerAppointments } from './find-caller-appointments.js';
import { offerSlots } from './offer-slots.js';
import type { Reception } from './reception.js';
import type { ReceptionScope } from './reception-scope.js';
import { rescheduleCallerAppointment } from './reschedule-caller-appointment.js';

/** The reception of one business for one call (or one function request): see `Reception`. */
export function createReception(deps: BookingDeps, scope: ReceptionScope): Reception {
  return {
    offer: (request) => offerSlots(deps, scope, request),
    book: (request) => bookSlot(deps, scope, request),
    findAppointments: (request) => findCallerAppointments(deps, scope, request),
    cancel: (request) => cancelCallerAppointment(deps, scope, request),
    reschedule: (request) => rescheduleCallerAppointment(deps, scope, request),
    async recordOutcome(outcome) {
      if (scope.callId) await recordCallOutcome(deps.db, { callId: scope.callId, businessId: scope.businessId, outcome });
    },
    async releaseHolds() {
      if (scope.callId) await releaseCallHolds(deps, scope.callId);
    },
  };
}
