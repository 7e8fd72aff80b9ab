import { DateTime } from 'luxon';
import { isInPartOfDay, type PartOfDay } from '../../parts-of-day.js';
import type { SpokenSlot } from './wording.js';
import { capitalise, speakDay, type DayWording } from './speak.js';

/** Each part of the day as said after a day or alone ("Nachmittags, gern."); never the table's key ("nach_der_arbeit"). */
const SPOKEN: Readonly<Record<PartOfDay, string>> = {
  frueh: 'früh am Morgen',
  morgens: 'morgens',
  vormittags: 'vormittags',
  mittags: 'über Mittag',
  nachmittags: 'nachmittags',
  spaetnachmittags: 'am späten Nachmittag',
  nach_der_arbeit: 'nach der Arbeit',
  abends: 'abends',
};

/** "nachmittags", "über Mittag", "nach der Arbeit": a part of the day as a listener expects to hear it. */
export function speakPartOfDay(part: PartOfDay): string {
  return SPOKEN[part];
}

/** A part of a day a caller asked for: the local day (YYYY-MM-DD) and the part of it. */
export interface WishedPartOfDay {
  date: string;
  partOfDay: PartOfDay;
}

/** True when every slot starts on the wished day and inside its part of the day (the hours of src/parts-of-day.ts). */
export function slotsFitPartOfDay(slots: readonly SpokenSlot[], wished: WishedPartOfDay, zone: string): boolean {
  return slots.every((slot) => {
    const at = DateTime.fromJSDate(new Date(slot.startsAt), { zone });
    return at.toISODate() === wished.date && isInPartOfDay(wished.partOfDay, at.hour * 60 + at.minute);
  });
}

/**
 * Nothing free in the part of the day that was asked for, said so plainly before the nearest slots are offered:
 * "Am Donnerstag ist nachmittags leider nichts mehr frei.", "Morgen ist über Mittag leider nichts mehr frei.",
 * "Am Dienstag, dem 24. November, ist nach der Arbeit leider nichts mehr frei."
 */
export function nothingFreeInPartOfDay(wished: WishedPartOfDay, zone: string, now: Date, wording: DayWording = {}): string {
  const day = speakDay(DateTime.fromISO(wished.date, { zone }), DateTime.fromJSDate(now, { zone }), wording);
  return `${capitalise(day)}${day.includes(',') ? ',' : ''} ist ${SPOKEN[wished.partOfDay]} leider nichts mehr frei.`;
}
