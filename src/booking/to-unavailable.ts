import type { WishAnswer } from './calendar-model.js';
import type { BookingOutcome } from './outcomes.js';

/**
 * Maps the engine's answer about a start that could not be had to a booking outcome: "taken" is a lost race,
 * anything else a rule that forbids the time (closed, outside hours, staff absent, too soon, ...).
 */
export function toUnavailable(answer: WishAnswer): BookingOutcome {
  switch (answer.kind) {
    case 'exact':
      // Free again by the time we looked (the winner cancelled): offer it as the one alternative.
      return { kind: 'slot_taken', alternatives: [answer.slot] };
    case 'alternatives':
      return answer.reason === 'taken'
        ? { kind: 'slot_taken', alternatives: answer.alternatives }
        : { kind: 'unavailable', reason: answer.reason, alternatives: answer.alternatives, ...(answer.detail ? { detail: answer.detail } : {}) };
    case 'none':
      if (answer.reason === 'unknown_service') return { kind: 'not_found', what: 'service' };
      if (answer.reason === 'unknown_staff') return { kind: 'not_found', what: 'staff' };
      if (answer.reason === 'taken') return { kind: 'slot_taken', alternatives: [] };
      return {
        kind: 'unavailable',
        reason: answer.reason === 'invalid_wish' ? 'outside_opening_hours' : answer.reason,
        alternatives: [],
        ...(answer.detail ? { detail: answer.detail } : {}),
      };
  }
}
