import type { BookOutcome } from '../../reception/outcomes.js';
import { PHONE_NOT_UNDERSTOOD } from './refusals.js';
import { serviceOf, type OfferTerms } from './phrase-offer.js';
import { spokenServiceName } from './speak-service.js';
import { explainRefusal, offerAlternatives, speakSlot } from './wording.js';

/** The answer to "book it": "eingetragen" only for a committed booking; a lost slot with what instead. */
export function phraseBooking(outcome: BookOutcome, terms: OfferTerms): string {
  const { directory, now, staffName, wording } = terms;
  switch (outcome.kind) {
    case 'booked':
      // The read-back of a booking is the one to remember: a weekday the caller named comes with its date.
      return `Ihr Termin ist eingetragen: ${spokenServiceName(serviceOf(terms))} ${speakSlot(outcome.appointment, directory, now, { ...wording, withDate: true })}.`;
    case 'slot_taken':
      return `Das tut mir leid, dieser Termin ist gerade eben vergeben worden. ${offerAlternatives(outcome.alternatives, directory, now, { wording })}`;
    case 'unavailable':
      return `${explainRefusal(outcome.reason, { directory, now, staffName, detail: outcome.detail })} ${offerAlternatives(outcome.alternatives, directory, now, { wording })}`;
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
