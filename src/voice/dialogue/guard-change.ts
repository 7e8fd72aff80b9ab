import { mentionsOtherPerson, saysSomeNumber, speaksOfNumber, type Facts } from '../../german/understand/index.js';
import { refuseOtherPersonsChange } from '../../german/speak/lines-changes.js';
import type { Draft } from './draft.js';

/** The last nine digits: "0176 1234 5678" and "+49 176 12345678" are the same number. */
function tail(number: string): string {
  return number.replace(/\D/g, '').slice(-9);
}

/**
 * True when a request about appointments is about someone else's: a relative or another named person, or a number
 * other than the calling one ("der läuft unter 0176 …"). Only the calling number's appointments may be read or
 * changed, so a claim is never believed, however plausible.
 */
export function claimsOtherPerson(d: Draft, f: Facts): boolean {
  if (mentionsOtherPerson(f.text)) return true;
  if (!f.phone) return saysSomeNumber(f.text) && !f.hasWhen;
  const own = d.state.caller.number;
  const saidAsNumber = !f.hasWhen || speaksOfNumber(f.text);
  return saidAsNumber && (own === null || tail(own) !== tail(f.phone));
}

/** Says politely why not and what the caller can do instead; with a transfer number the transfer is offered. */
export function refuseOtherPerson(d: Draft): void {
  const canTransfer = Boolean(d.directory.business.transferNumber);
  d.to(canTransfer ? { phase: 'change_refused' } : { phase: 'anything_else', serviceId: null });
  d.say(refuseOtherPersonsChange(canTransfer));
}
