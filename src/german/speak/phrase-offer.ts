import type { Directory } from '../../booking/load-directory.js';
import type { OfferOutcome } from '../../reception/outcomes.js';
import { explainReason, offerAlternatives, speakSlot } from './wording.js';

/** What the offer is about, for the sentence: the service's name and the staff member asked for, if any. */
export interface OfferTerms {
  directory: Directory;
  now: Date;
  serviceName: string;
  /** How the caller names the staff member they asked for; absent for "egal". */
  staffName?: string | undefined;
}

/**
 * The answer to "is this free?": the free slot with a question, or why not and what instead. Without a time
 * there was nothing to refuse, so it is just the offer.
 */
export function phraseOffer(outcome: OfferOutcome, terms: OfferTerms): string {
  const { directory, now, serviceName, staffName } = terms;
  switch (outcome.kind) {
    case 'exact':
      return `${capitalise(speakSlot(outcome.slot, directory, now))} ist ein Termin für ${serviceName} frei. Soll ich ihn für Sie eintragen?`;
    case 'alternatives':
      if (outcome.reason === 'no_time_given') return offerAlternatives(outcome.slots, directory, now).replace(/^Ich könnte Ihnen /, `Für ${serviceName} könnte ich Ihnen `);
      return `${explainReason(outcome.reason, staffName)} ${offerAlternatives(outcome.slots, directory, now)}`;
    case 'none':
      return `${explainReason(outcome.reason, staffName)} ${offerAlternatives([], directory, now)}`;
    case 'unknown_service':
    case 'unknown_staff':
    case 'invalid_wish':
      return explainReason(outcome.kind);
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
