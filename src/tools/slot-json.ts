import type { Directory } from '../booking/load-directory.js';
import { speakSlot } from '../german/speak/wording.js';
import type { OfferedSlot } from '../reception/outcomes.js';
import type { SlotJson } from './results.js';

/** An offered slot as the function endpoints show it: instants, staff id and name, and how to say it. */
export function slotJson(slot: OfferedSlot, directory: Directory, now: Date): SlotJson {
  const member = directory.staff.find((m) => m.id === slot.staffId);
  return { start: slot.startsAt, end: slot.endsAt, staff_id: slot.staffId, staff: member?.name ?? null, speech: speakSlot(slot, directory, now) };
}
