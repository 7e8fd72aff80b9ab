import type { Facts } from '../../german/understand/index.js';
import type { Draft } from './draft.js';

/**
 * What the caller missed by talking over the agent. Retell's transcript holds the agent's words as far as they
 * were spoken, so a turn whose every frame went out can still be unheard: the caller interrupted while it was being
 * said. A committed change told in it is told again (a booking in it counts as one the caller never heard); an offer
 * in it is said again before a bare "ja" could take it.
 */

type Told = 'booking' | 'change' | 'offer';

/** Something the caller must hear is told in this turn; `late`: nobody hears this turn, so the next one says it. */
export function tell(d: Draft, text: string, late: boolean, kind: Told): void {
  const memory = d.state.memory;
  if (!late) memory.told = { text, kind };
  else if (kind === 'offer') memory.unheardOffer = text;
  else memory.announcement = text;
}

/** Letters and digits only, lower case: the transcript may space and punctuate the agent's words its own way. */
function plain(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** At the start of a turn: what the last turn told and the caller did not hear becomes unheard. */
export function noteTalkedOver(d: Draft, agentHeard: string | null | undefined): void {
  const memory = d.state.memory;
  const told = memory.told;
  memory.told = null;
  if (!told || agentHeard === undefined || agentHeard === null) return;
  if (plain(agentHeard).includes(plain(told.text))) return;
  if (told.kind === 'offer') {
    memory.unheardOffer = told.text;
    return;
  }
  memory.announcement ??= told.text;
  if (told.kind === 'booking' && memory.justBooked) memory.justBooked.late = true;
}

/** "ja", "genau", "hallo?", "mhm": words that answer nothing the caller has not heard. */
function onlyBackchannel(f: Facts): boolean {
  const plainIntent = f.intent === 'yes' || f.intent === 'no' || f.intent === 'unknown' || f.intent === 'repeat';
  const carries =
    f.serviceIds.length > 0 ||
    f.hasWhen ||
    f.staff !== null ||
    f.ordinal !== null ||
    f.question !== null ||
    f.businessQuestion !== null ||
    f.cues.ending ||
    f.cues.shift !== null ||
    f.cues.personRequest ||
    f.cues.unknownStaffName !== null ||
    f.name !== null ||
    f.phone !== null;
  return plainIntent && !carries;
}

/**
 * An offer the caller talked over, answered with a bare "ja" or "hallo?": the offer is said (its question asks
 * again). True when the turn is answered so. Anything more (a new time, a question) is heard as usual.
 */
export function sayUnheardOffer(d: Draft, f: Facts): boolean {
  const memory = d.state.memory;
  const offer = memory.unheardOffer;
  memory.unheardOffer = null;
  if (!offer || d.step.phase !== 'offered' || !onlyBackchannel(f)) return false;
  d.say(offer);
  return true;
}
