/**
 * Date atoms that hang on a month: the day after the month ("März 3"), a day range closed in a month
 * ("10. bis 22. Januar") and an ordinal weekday in a month ("erster Dienstag im Dezember").
 */
import type { DateAtom } from './date-atoms.js';
import { MONTHS, NOT_A_DAY_AFTER, WEEK_MODS, WEEKDAYS } from './lexicon.js';
import { isPunct, isWord, wordAt, type Scan } from './scan.js';

/** After a month, these make the number a count, not the day: "im Dezember zwei Termine", "Januar 10 Uhr". */
const NOT_A_DAY_OF_MONTH_AFTER = new Set([
  ...NOT_A_DAY_AFTER,
  'mal',
  'tage',
  'tagen',
  'wochen',
  'stunden',
  'minuten',
  'leute',
  'personen',
  'kinder',
  'euro',
  'jahre',
  'jahren',
]);
const LAST = new Set(['letzte', 'letzten', 'letzter', 'letztes']);
const MONTH_OF_WORDS = new Set(['monat', 'monats']);

/** "März 3", "Februar 15", "am Dezember 10 um 14 Uhr": the day after the month, as some callers say it. */
export function monthBeforeDayAt(s: Scan, i: number, m: number): DateAtom | null {
  const t = s.toks[i + 1];
  if (!t || s.used[i + 1] || (t.k !== 'n' && t.k !== 'ord') || (t.k === 'n' && t.art) || t.v < 1 || t.v > 31 || !Number.isInteger(t.v)) return null;
  if (NOT_A_DAY_OF_MONTH_AFTER.has(wordAt(s, i + 2) ?? '') || isPunct(s, i + 2, ':')) return null;
  return { t: 'explicit', start: i, end: i + 2, d: t.v, m, y: null };
}

const RANGE_WORDS = new Set(['bis', 'und', '-']);
const RANGE_ARTICLES = new Set(['zum', 'zur', 'dem', 'den']);

/** The closing day of "… bis (zum) 22. Januar" starting at i, when it names a month. */
export function rangeEndAt(s: Scan, i: number): { end: number; m: number; y: number | null } | null {
  const t = s.toks[i];
  const joiner = t?.k === 'w' ? t.w : t?.k === 'p' ? t.p : null;
  if (joiner === null || !RANGE_WORDS.has(joiner)) return null;
  let j = i + 1;
  if (RANGE_ARTICLES.has(wordAt(s, j) ?? '')) j++;
  const day = s.toks[j];
  if (!day || (day.k !== 'n' && day.k !== 'ord') || (day.k === 'n' && day.art) || day.v < 1 || day.v > 31) return null;
  const month = MONTHS.get(wordAt(s, j + 1) ?? '');
  if (month === undefined) return null;
  const yt = s.toks[j + 2];
  const year = yt?.k === 'n' && yt.digits && yt.v >= 1900 && yt.v <= 2100 ? yt.v : null;
  return { end: year !== null ? j + 3 : j + 2, m: month, y: year };
}

/** "erster Dienstag im Dezember", "am letzten Freitag im Monat", "zweiten Samstag im nächsten Monat". */
export function nthWeekdayAt(s: Scan, i: number): DateAtom | null {
  const t = s.toks[i]!;
  const w = t.k === 'w' ? t.w : null;
  const nth = t.k === 'ord' && t.v <= 5 ? t.v : t.k === 'n' && t.digits && t.dot && t.v >= 1 && t.v <= 5 ? t.v : w !== null && LAST.has(w) ? -1 : null;
  if (nth === null) return null;
  // "am letzten Tag im Monat", "am ersten Tag im Dezember": weekday 0 stands for any day.
  const wd = isWord(s, i + 1, 'tag') ? 0 : WEEKDAYS.get(wordAt(s, i + 1) ?? '');
  if (wd === undefined) return null;
  let j = i + 2;
  if (isWord(s, j, 'im') || isWord(s, j, 'in')) {
    j++;
    const month = MONTHS.get(wordAt(s, j) ?? '');
    if (month !== undefined) return { t: 'nthWeekday', start: i, end: j + 1, nth, wd, m: month, rel: 0 };
    const rel = WEEK_MODS.get(wordAt(s, j) ?? '');
    if (rel !== undefined && rel < 2 && MONTH_OF_WORDS.has(wordAt(s, j + 1) ?? '')) return { t: 'nthWeekday', start: i, end: j + 2, nth, wd, m: null, rel };
    if (isWord(s, j, 'monat')) return { t: 'nthWeekday', start: i, end: j + 1, nth, wd, m: null, rel: 0 };
    return null;
  }
  if (isWord(s, j, 'des') && isWord(s, j + 1, 'monats')) return { t: 'nthWeekday', start: i, end: j + 2, nth, wd, m: null, rel: 0 };
  const rel = WEEK_MODS.get(wordAt(s, j) ?? '');
  if (rel !== undefined && rel < 2 && isWord(s, j + 1, 'monats')) return { t: 'nthWeekday', start: i, end: j + 2, nth, wd, m: null, rel };
  return null;
}
