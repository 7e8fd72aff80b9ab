import type { Principal } from '../../access/principal.js';
import type { Actor } from '../../booking/booking-deps.js';
import type { BookingOutcome } from '../../booking/outcomes.js';
import { ApiError } from '../errors.js';
import { slotJson } from './appointment-json.js';

/** Who a token acts as in the activity log and on a cancelled appointment: an admin by token, staff by staff member. */
export const actorOf = (p: Principal): Actor => (p.role === 'admin' ? { type: 'admin', id: p.tokenId } : { type: 'staff', id: p.staffId });

/**
 * Maps what a write answered to its HTTP failure, or null for the successes (`booked`, `rescheduled`,
 * `cancelled`). A lost race is 409 `slot_taken`, a rule 422 with the rule's `reason`; both carry up to three
 * `alternatives`, with local times.
 */
export function failureOf(outcome: BookingOutcome, timeZone: string): ApiError | null {
  const alternatives = 'alternatives' in outcome ? outcome.alternatives.map((s) => slotJson(s, timeZone)) : [];
  switch (outcome.kind) {
    case 'booked':
    case 'rescheduled':
    case 'cancelled':
      return null;
    case 'slot_taken':
      return new ApiError('conflict', 'That time has just been taken.', { reason: 'slot_taken', alternatives });
    case 'unavailable':
      return new ApiError('unprocessable', `That time cannot be booked (${outcome.reason}).`, { reason: outcome.reason, alternatives });
    case 'hold_expired':
      return new ApiError('conflict', 'The hold expired.', { reason: 'hold_expired', alternatives });
    case 'not_modifiable':
      return new ApiError('conflict', `An appointment that is ${outcome.status} cannot be changed.`, { reason: 'not_modifiable', status: outcome.status });
    case 'not_found':
      switch (outcome.what) {
        case 'appointment':
          return new ApiError('not_found', 'No such appointment.');
        case 'service':
          return new ApiError('unprocessable', 'serviceId: no such service in this business');
        case 'staff':
          return new ApiError('unprocessable', 'staffId: no such staff member in this business');
        case 'business':
          // The token's business is gone under the request: a fault, not the client's mistake.
          throw new Error('business of a verified token not found');
      }
    case 'invalid_phone':
      return new ApiError('bad_request', 'customer.phone: not a valid phone number');
    case 'held':
      // No API write holds a slot; reaching here is a fault, not a client error.
      throw new Error(`unexpected booking outcome ${outcome.kind}`);
  }
}
