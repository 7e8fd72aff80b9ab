import { MONTHS, WEEKDAYS } from './lexicon.js';
import { tokenizeForTime } from './tokens.js';

const DAY_WORDS = new Set(['heute', 'morgen', 'uebermorgen']);

/**
 * True when the day was named by its number alone ("den 24.", "am neunundzwanzigsten"), with no month, weekday or
 * day word: the month is then only the reader's guess (the next such day), and a listener takes it from what is
 * being talked about — the 24th of the December slots on offer, not the coming one in November.
 */
export function namesOnlyDayOfMonth(text: string): boolean {
  const toks = tokenizeForTime(text);
  const hasDay = toks.some((t) => t.k === 'ord' || (t.k === 'n' && t.dot && t.v >= 1 && t.v <= 31));
  const anchored = toks.some((t) => t.k === 'dmy' || (t.k === 'w' && (MONTHS.has(t.w) || WEEKDAYS.has(t.w) || DAY_WORDS.has(t.w))));
  return hasDay && !anchored;
}
