/**
 * Days callers name by their name: fixed feasts ("Heiligabend", "an Nikolaus", "Tag der Deutschen Einheit") and
 * the movable ones that hang on Easter ("Karfreitag", "Pfingstmontag", "Fronleichnam"). A named day is its next
 * occurrence on or after today (rule 2). Whether the business is open then is the engine's question, not ours.
 */
import { fromDayNumber, isoWeekday, toDayNumber } from './calendar.js';
import { isWord, wordAt, type Scan } from './scan.js';

/** A day fixed in the calendar ([day, month]), a distance in days from Easter Sunday, or a Sunday of Advent. */
type NamedDay = { fixed: [number, number] } | { easter: number } | { advent: number };

const NAMED_DAYS: ReadonlyMap<string, NamedDay> = new Map<string, NamedDay>([
  ['heiligabend', { fixed: [24, 12] }],
  ['weihnachtsabend', { fixed: [24, 12] }],
  ['weihnachten', { fixed: [25, 12] }],
  ['silvester', { fixed: [31, 12] }],
  ['silvestertag', { fixed: [31, 12] }],
  ['neujahr', { fixed: [1, 1] }],
  ['neujahrstag', { fixed: [1, 1] }],
  ['nikolaustag', { fixed: [6, 12] }],
  ['valentinstag', { fixed: [14, 2] }],
  ['maifeiertag', { fixed: [1, 5] }],
  ['reformationstag', { fixed: [31, 10] }],
  ['allerheiligen', { fixed: [1, 11] }],
  ['dreikoenig', { fixed: [6, 1] }],
  ['dreikoenigstag', { fixed: [6, 1] }],
  ['frauentag', { fixed: [8, 3] }],
  ['weltfrauentag', { fixed: [8, 3] }],
  ['weiberfastnacht', { easter: -52 }],
  ['rosenmontag', { easter: -48 }],
  ['faschingsdienstag', { easter: -47 }],
  ['fastnachtsdienstag', { easter: -47 }],
  ['aschermittwoch', { easter: -46 }],
  ['gruendonnerstag', { easter: -3 }],
  ['karfreitag', { easter: -2 }],
  ['karsamstag', { easter: -1 }],
  ['ostersamstag', { easter: -1 }],
  ['ostern', { easter: 0 }],
  ['ostersonntag', { easter: 0 }],
  ['ostermontag', { easter: 1 }],
  ['himmelfahrt', { easter: 39 }],
  ['vatertag', { easter: 39 }],
  ['pfingsten', { easter: 49 }],
  ['pfingstsonntag', { easter: 49 }],
  ['pfingstmontag', { easter: 50 }],
  ['fronleichnam', { easter: 60 }],
]);

/** The Christmas holidays counted by ordinal: "am ersten/zweiten Weihnachtsfeiertag". */
const CHRISTMAS_DAYS = new Set(['weihnachtsfeiertag', 'weihnachtstag', 'feiertag']);
/** Before these a named day is a limit or a stretch ("kurz vor Weihnachten", "nach Ostern"), not a day. */
const NOT_THE_DAY_AFTER = new Set(['vor', 'nach', 'bis', 'seit', 'ueber', 'zwischen']);
/** "an Nikolaus": the saint's day only after a preposition; alone it is a first name. */
const NIKOLAUS_BEFORE = new Set(['an', 'am', 'zu', 'zum', 'bis']);

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher"). */
export function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return toDayNumber(year, month, day);
}

function dayIn(named: NamedDay, year: number): number {
  if ('fixed' in named) return toDayNumber(year, named.fixed[1], named.fixed[0]);
  if ('easter' in named) return easterSunday(year) + named.easter;
  const christmasEve = toDayNumber(year, 12, 24);
  const fourthAdvent = christmasEve - (isoWeekday(christmasEve) % 7);
  return fourthAdvent - 7 * (4 - named.advent);
}

/** The next occurrence of a named day on or after today. */
function nextOccurrence(named: NamedDay, today: number): number {
  const { y } = fromDayNumber(today);
  const thisYear = dayIn(named, y);
  return thisYear >= today ? thisYear : dayIn(named, y + 1);
}

/** A named day starting at token i, with the tokens it spans, or null. */
export function namedDayAt(s: Scan, i: number): { day: number; end: number } | null {
  const t = s.toks[i];
  if (!t) return null;
  const nth = t.k === 'ord' || (t.k === 'n' && t.digits && t.dot) ? t.v : null;
  if ((nth === 1 || nth === 2) && CHRISTMAS_DAYS.has(wordAt(s, i + 1) ?? '')) {
    // "der erste Feiertag" alone is Christmas only when Christmas is the topic; the two compounds always are.
    if (wordAt(s, i + 1) === 'feiertag' && !isWord(s, i + 2, 'weihnachten')) return null;
    return { day: nextOccurrence({ fixed: [24 + nth, 12] }, s.ref.today), end: wordAt(s, i + 1) === 'feiertag' ? i + 3 : i + 2 };
  }
  // "am dritten Advent": the Sundays before Christmas, the fourth being the last Sunday before the 25th.
  if (nth !== null && nth >= 1 && nth <= 4 && (isWord(s, i + 1, 'advent') || isWord(s, i + 1, 'adventssonntag'))) {
    return { day: nextOccurrence({ advent: nth }, s.ref.today), end: i + 2 };
  }
  const w = wordAt(s, i);
  if (w === null) return null;
  const prev = wordAt(s, i - 1);
  if (prev !== null && NOT_THE_DAY_AFTER.has(prev)) return null;
  if (w === 'tag' && isWord(s, i + 1, 'der')) {
    if (isWord(s, i + 2, 'arbeit')) return { day: nextOccurrence({ fixed: [1, 5] }, s.ref.today), end: i + 3 };
    if (isWord(s, i + 2, 'deutschen') && isWord(s, i + 3, 'einheit')) return { day: nextOccurrence({ fixed: [3, 10] }, s.ref.today), end: i + 4 };
    return null;
  }
  if (w === 'christi' && isWord(s, i + 1, 'himmelfahrt')) return { day: nextOccurrence({ easter: 39 }, s.ref.today), end: i + 2 };
  if (w === 'nikolaus') return prev !== null && NIKOLAUS_BEFORE.has(prev) ? { day: nextOccurrence({ fixed: [6, 12] }, s.ref.today), end: i + 1 } : null;
  const named = NAMED_DAYS.get(w);
  return named ? { day: nextOccurrence(named, s.ref.today), end: i + 1 } : null;
}
