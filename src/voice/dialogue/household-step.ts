import type { Facts } from '../../german/understand/index.js';
import { ASK_NAME, ASK_NAME_AGAIN } from '../../german/speak/lines.js';
import { ASK_WHOSE_NEXT, askNameFor, askSecondBooking } from '../../german/speak/lines-household.js';
import type { Draft } from './draft.js';
import { EMPTY_WISH, type ForWhom } from './state.js';

/**
 * Households: one number, several people. The booking goes under the person it is for: the caller ("für mich"),
 * someone else ("für meine Tochter Lena", asked for their name), or, after a booking for someone else, whoever the
 * caller says next (asked, never assumed). The caller's own name is never replaced by the other person's.
 */

function forWhomOf(d: Draft): ForWhom {
  return d.state.caller.forWhom ?? { kind: 'self' };
}

/** Takes "für mich", "für meine Tochter Lena", "für uns beide" from any utterance; a name said once is kept. */
export function noteWhoFor(d: Draft, f: Facts): void {
  const said = f.bookingFor;
  if (!said) return;
  const caller = d.state.caller;
  const current = forWhomOf(d);
  switch (said.kind) {
    case 'self':
      // "Für mich" before anything else was said of whom, from a number known under a name: the number may be a
      // household's whose other member is the one on file, so the caller's own name is asked (unless said now).
      if (caller.known && caller.forWhom === undefined && !f.cues.introducedName) caller.askOwnName = true;
      caller.forWhom = { kind: 'self' };
      caller.second = null;
      return;
    case 'other': {
      const sameOne = current.kind === 'other' && (said.relation === null || said.relation === current.relation);
      caller.forWhom = { kind: 'other', name: said.name ?? (sameOne ? current.name : null), relation: said.relation ?? (sameOne ? current.relation : null) };
      return;
    }
    case 'both':
      caller.forWhom = { kind: 'self' };
      caller.second = { relation: said.relation };
  }
}

/** The name to book under: the caller's for themselves, the other person's for them; null until it is known. */
export function personName(d: Draft): string | null {
  const whom = forWhomOf(d);
  if (whom.kind === 'other') return whom.name;
  if (whom.kind === 'ask' || d.state.caller.askOwnName) return null;
  return d.state.caller.name;
}

/**
 * The caller's own name as they said it: the number's known customer when it is theirs ("Weber" for Jonas Weber,
 * kept as stored), else someone else of the household, who is then no known customer.
 */
export function settleOwnName(d: Draft, said: string): void {
  const caller = d.state.caller;
  delete caller.askOwnName;
  if (caller.name && sameName(caller.name, said)) return;
  caller.name = said;
  caller.known = false;
}

/** Whether the booking under way is for someone other than the caller. */
export function bookingForSomeoneElse(d: Draft): boolean {
  return forWhomOf(d).kind === 'other';
}

/** The question for the missing name: the caller's own, the other person's, or whose the booking is. */
export function askPersonName(d: Draft): string {
  const whom = forWhomOf(d);
  if (whom.kind === 'other') return askNameFor(whom.relation);
  if (whom.kind === 'ask') return ASK_WHOSE_NEXT;
  return ASK_NAME;
}

/**
 * The answer to the name question when the booking is not simply the caller's: returns false when the caller's
 * own name is being asked (the caller's name is then taken as before).
 */
export function takePersonName(d: Draft, f: Facts): boolean {
  const whom = forWhomOf(d);
  const caller = d.state.caller;
  if (whom.kind === 'self') return false;
  if (whom.kind === 'other') {
    const name = (f.bookingFor?.kind === 'other' ? f.bookingFor.name : null) ?? f.name;
    if (!name) {
      d.say(ASK_NAME_AGAIN);
      return true;
    }
    caller.forWhom = { ...whom, name };
    return false;
  }
  // Asked whose the booking is: "für mich" was taken by `noteWhoFor`; a name is the caller's own only when it is theirs.
  if (!f.name) {
    d.say(ASK_WHOSE_NEXT);
    return true;
  }
  caller.forWhom = caller.name && sameName(caller.name, f.name) ? { kind: 'self' } : { kind: 'other', name: f.name, relation: null };
  return false;
}

/** After a booking: the next one is for whom? The line to say instead of "anything else", when there is one. */
export function afterBooked(d: Draft): string | null {
  const caller = d.state.caller;
  const second = caller.second;
  if (second) {
    caller.second = null;
    caller.forWhom = { kind: 'other', name: null, relation: second.relation };
    d.to({ phase: 'collect', wish: EMPTY_WISH });
    return askSecondBooking(second.relation);
  }
  if (forWhomOf(d).kind === 'other') caller.forWhom = { kind: 'ask' };
  return null;
}

/** The same person's name: whole, or one said as the other's first name or surname ("Jonas", "Weber", "Jonas Weber"). */
function sameName(a: string, b: string): boolean {
  const key = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');
  const [ka, kb] = [key(a), key(b)];
  const parts = (k: string) => k.split(' ');
  return ka === kb || (!kb.includes(' ') && parts(ka).includes(kb)) || (!ka.includes(' ') && parts(kb).includes(ka));
}
