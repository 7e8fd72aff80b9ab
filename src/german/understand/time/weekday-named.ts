import { DateTime } from 'luxon';
import { HABITUAL_WEEKDAYS, WEEKDAYS } from './lexicon.js';
import { resolveReference, type ReferenceInput } from './reference.js';
import type { Scan } from './scan.js';
import { tokenizeForTime } from './tokens.js';
import { isWeekdaySurname } from './weekday-guards.js';

/**
 * True when the caller named the day `date` (YYYY-MM-DD) by its weekday ("Freitag", "Dienstach", "Sa.",
 * "Freitagnachmittag"), so the agent can say that weekday back instead of "morgen". The tokens and the surname
 * guard are the time reader's, so compounds and written abbreviations count as they do there, and "Petra Freitag"
 * names nobody's day.
 */
export function namesWeekdayOf(text: string, date: string, ref: ReferenceInput): boolean {
  const weekday = DateTime.fromISO(date).weekday;
  const toks = tokenizeForTime(text);
  const s: Scan = { toks, used: new Uint8Array(toks.length), ref: resolveReference(ref) };
  return toks.some((t, i) => t.k === 'w' && (WEEKDAYS.get(t.w) ?? HABITUAL_WEEKDAYS.get(t.w)) === weekday && !isWeekdaySurname(s, i));
}
