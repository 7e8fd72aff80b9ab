import type { BookingDeps } from '../../booking/booking-deps.js';

/** What the dialogue of one call needs from the service. */
export interface DialogueEnv {
  deps: BookingDeps;
  callId: string;
}
