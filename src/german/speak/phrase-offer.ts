import type { Directory } from '../../booking/load-directory.js';
import type { OfferedSlot, OfferOutcome } from '../../reception/outcomes.js';
import { capitalise, dative, type DayWording, speakInstant, speakStaff } from './speak.js';
import { speakService, type ServiceWords } from './speak-service.js';
import { nothingFreeInPartOfDay, slotsFitPartOfDay, type WishedPartOfDay } from './speak-part-of-day.js';
import { explainReason, explainRefusal, offerAlternatives } from './wording.js';

/** What the offer is about, for the sentence: the service, the staff member asked for, how the caller named the day. */
export interface OfferTerms {
  directory: Directory;
  now: Date;
  /**
   * The service with its grammar ("einen Herrenhaarschnitt"); a bare name is said without an article. Required, so
   * that no caller of these sentences can leave the grammar behind by passing the name alone.
   */
  service: ServiceWords | string;
  /** How the caller names the staff member they asked for; absent for "egal". */
  staffName?: string | undefined;
  /** How the caller named the day ("Donnerstag"), to say it back that way. */
  wording?: DayWording | undefined;
  /** What the agent said last, so that an offer does not sound like the one before it. */
  after?: string | undefined;
  /** The part of a day the caller asked for ("Donnerstagnachmittag"): slots outside it are never passed off as a match. */
  partOfDay?: WishedPartOfDay | undefined;
}

/** The service of the terms, with its grammar when known. */
export function serviceOf(terms: OfferTerms): ServiceWords {
  return typeof terms.service === 'string' ? { name: terms.service } : terms.service;
}

const ASK_TO_BOOK_IT = 'Soll ich Ihnen den Termin eintragen?';
const ASK_TO_ENTER_IT = 'Soll ich ihn für Sie eintragen?';

/**
 * The answer to "is this free?": the free slot with a question, or why not and what instead. Without a time
 * there was nothing to refuse, so it is just the offer.
 */
export function phraseOffer(outcome: OfferOutcome, terms: OfferTerms): string {
  const { directory, now, staffName, wording, after } = terms;
  switch (outcome.kind) {
    case 'exact':
      return offerExact(outcome.slot, terms);
    case 'alternatives':
      if (terms.partOfDay && (outcome.reason === 'no_time_given' || outcome.reason === 'taken')) return offerInPartOfDay(outcome.slots, terms.partOfDay, terms);
      if (outcome.reason === 'no_time_given') {
        return offerAlternatives(outcome.slots, directory, now, {
          lead: `Für ${speakService(serviceOf(terms), { article: 'indefinite', case: 'acc' })}`,
          wording,
          after,
        });
      }
      return `${explainRefusal(outcome.reason, { directory, now, staffName, detail: outcome.detail })} ${offerAlternatives(outcome.slots, directory, now, { wording, after })}`;
    case 'none':
      return `${explainRefusal(outcome.reason, { directory, now, staffName, detail: outcome.detail })} ${offerAlternatives([], directory, now)}`;
    case 'unknown_service':
    case 'unknown_staff':
    case 'invalid_wish':
      return explainReason(outcome.kind);
  }
}

/**
 * Slots for a part of a day: offered as such when they all lie in it, else after saying plainly that nothing is
 * free then ("Am Donnerstag ist nachmittags leider nichts mehr frei. Ich könnte Ihnen am Freitag …").
 */
function offerInPartOfDay(slots: readonly OfferedSlot[], wished: WishedPartOfDay, terms: OfferTerms): string {
  const { directory, now, wording, after } = terms;
  const zone = directory.business.timeZone;
  if (slotsFitPartOfDay(slots, wished, zone)) {
    return offerAlternatives(slots, directory, now, { lead: `Für ${speakService(serviceOf(terms), { article: 'indefinite', case: 'acc' })}`, wording, after });
  }
  return `${nothingFreeInPartOfDay(wished, zone, now, wording)} ${offerAlternatives(slots, directory, now, { wording, after })}`;
}

/**
 * "Am Dienstag, dem 24. November, um halb drei hat Emma Zeit für einen Herrenhaarschnitt. Soll ich Ihnen den Termin
 * eintragen?" — or, for another slot, "… ist bei Emma ein Termin für eine Ansatzfärbung frei. Soll ich ihn für Sie
 * eintragen?". Which of the two depends on the slot, so a caller who asks twice does not hear the same sentence.
 */
function offerExact(slot: OfferedSlot, terms: OfferTerms): string {
  const { directory, now, wording } = terms;
  const when = capitalise(speakInstant(new Date(slot.startsAt), directory.business.timeZone, now, wording));
  const member = directory.staff.find((m) => m.id === slot.staffId);
  const service = speakService(serviceOf(terms), { article: 'indefinite', preposition: 'für' });
  if (!member) return `${when} ist ein Termin ${service} frei. ${ASK_TO_ENTER_IT}`;
  const staff = speakStaff(member);
  // By the half hour: slots start on the hour or the half hour mostly, and alternate between the two wordings; an
  // offer right after one in the same wording takes the other.
  const halfHour = Math.floor(new Date(slot.startsAt).getTime() / (30 * 60_000));
  const hasTime = halfHour % 2 === 0 ? !terms.after?.endsWith(ASK_TO_BOOK_IT) : terms.after?.endsWith(ASK_TO_ENTER_IT) === true;
  return hasTime
    ? `${when} hat ${staff} Zeit ${service}. ${ASK_TO_BOOK_IT}`
    : `${when} ist bei ${dative(staff)} ein Termin ${service} frei. ${ASK_TO_ENTER_IT}`;
}
