import type { Directory } from '../../booking/load-directory.js';
import type { OfferOutcome, OfferedSlot, Unavailable } from '../../reception/outcomes.js';
import { speakList, speakStaff } from './speak.js';
import { explainReason, offerAlternatives, speakSlot } from './wording.js';

/** A slot in the shape `speakSlot` takes. */
export function asSlot(slot: { staffId: string; startsAt: string }): { staffId: string; startsAt: number } {
  return { staffId: slot.staffId, startsAt: Date.parse(slot.startsAt) };
}

/** "Ich könnte Ihnen morgen um 10 Uhr bei Emma oder … anbieten." (or that nothing is free), as `offerAlternatives` says it. */
export function offerSlots(slots: readonly OfferedSlot[], directory: Directory, now: Date): string {
  if (slots.length === 0) return offerAlternatives([], directory, now);
  return `Ich könnte Ihnen ${speakList(slots.map((s) => speakSlot(asSlot(s), directory, now)))} anbieten.`;
}

/** Why not as wished, naming the staff member the caller asked for. */
export function explainUnavailable(reason: Unavailable, directory: Directory, staffId: string | null): string {
  const member = staffId ? directory.staff.find((m) => m.id === staffId) : undefined;
  return explainReason(reason, member ? speakStaff(member) : undefined);
}

/**
 * What the agent says about an offer: the wished slot is free, or why not and what instead, or that nothing is
 * free. `staffId` is the staff member the caller asked for (named in the reason), null for anyone.
 */
export function replyToOffer(outcome: OfferOutcome, serviceName: string, staffId: string | null, directory: Directory, now: Date): string {
  switch (outcome.kind) {
    case 'exact':
      return `${capitalise(speakSlot(asSlot(outcome.slot), directory, now))} ist ein Termin für ${serviceName} frei. Soll ich ihn für Sie eintragen?`;
    case 'alternatives':
      // Without a time there was nothing to refuse: just the offer. Otherwise first why not, then what instead.
      return outcome.reason === 'no_time_given'
        ? offerSlots(outcome.slots, directory, now).replace(/^Ich könnte Ihnen /, `Für ${serviceName} könnte ich Ihnen `)
        : `${explainUnavailable(outcome.reason, directory, staffId)} ${offerSlots(outcome.slots, directory, now)}`;
    case 'none':
      return `${explainUnavailable(outcome.reason, directory, staffId)} ${offerSlots([], directory, now)}`;
    case 'unknown_service':
      return explainReason('unknown_service');
    case 'unknown_staff':
      return explainReason('unknown_staff');
    case 'invalid_wish':
      return explainReason('invalid_wish');
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
