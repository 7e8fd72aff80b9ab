import type { BookOutcome } from '../../reception/outcomes.js';
import { PHONE_NOT_UNDERSTOOD } from './refusals.js';
import { explainReason, offerAlternatives, speakSlot } from './wording.js';
import type { OfferTerms } from './phrase-offer.js';

/** The answer to "book it": "eingetragen" only for a committed booking; a lost slot with what instead. */
export function phraseBooking(outcome: BookOutcome, terms: OfferTerms): string {
  const { directory, now, serviceName, staffName } = terms;
  switch (outcome.kind) {
    case 'booked':
      return `Ihr Termin ist eingetragen: ${serviceName} ${speakSlot(outcome.appointment, directory, now)}.`;
    case 'slot_taken':
      return `Das tut mir leid, dieser Termin ist gerade eben vergeben worden. ${offerAlternatives(outcome.alternatives, directory, now)}`;
    case 'unavailable':
      return `${explainReason(outcome.reason, staffName)} ${offerAlternatives(outcome.alternatives, directory, now)}`;
    case 'invalid_phone':
      return PHONE_NOT_UNDERSTOOD;
    case 'unknown_service':
    case 'unknown_staff':
      return 'Das konnte ich leider nicht finden.';
    case 'cancelled':
      return 'Dieser Termin wurde inzwischen abgesagt. Soll ich einen neuen suchen?';
    case 'not_modifiable':
      return 'Der Termin konnte leider nicht gebucht werden.';
  }
}

