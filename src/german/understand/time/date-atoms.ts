/**
 * Date building blocks found in the token stream: day words, weekdays with their modifiers,
 * week phrases, relative offsets, explicit dates and months. date-resolve.ts combines neighbours
 * ("nächste Woche" + "Dienstag", "Freitag" + "in zwei Wochen") and turns them into days.
 */
import { HABITUAL_WEEKDAYS, MONTHS, NOT_A_DAY_AFTER, WEEK_MODS, WEEKDAYS } from './lexicon.js';
import { monthBeforeDayAt, nthWeekdayAt, rangeEndAt } from './month-atoms.js';
import { namedDayAt } from './named-days.js';
import { morgenSense } from './part-of-day.js';
import { isWord, markUsed, wordAt, type Scan } from './scan.js';
import { isWeekdaySurname, weekdayNegation } from './weekday-guards.js';
import { fractionValue } from '../numbers.js';

export type WeekdayMod = 'none' | 'coming' | 'this' | 'next' | 'afternext';
export type Part = 'anfang' | 'mitte' | 'ende' | null;

interface Span {
  start: number;
  end: number;
}

export type DateAtom =
  | (Span & { t: 'day'; offset: number })
  | (Span & { t: 'wd'; wd: number; mod: WeekdayMod; weekend: boolean; settled: boolean })
  | (Span & { t: 'week'; weeks: number; part: Part })
  | (Span & { t: 'offset'; days: number; months: number })
  | (Span & { t: 'elapsed'; minutes: number })
  | (Span & { t: 'explicit'; d: number; m: number | null; y: number | null })
  | (Span & { t: 'month'; m: number | null; rel: number; part: Part })
  /** "am ersten Dienstag im Dezember", "letzter Freitag im Monat": `nth` 1–5, or -1 for the last; `wd` 0 = any day. */
  | (Span & { t: 'nthWeekday'; nth: number; wd: number; m: number | null; rel: number })
  /** A day already resolved to its day number (a named day such as "Karfreitag"). */
  | (Span & { t: 'fixedDay'; day: number })
  | (Span & { t: 'afterNext' });

const WEEKDAY_MODS: ReadonlyMap<string, WeekdayMod> = new Map([
  ['naechsten', 'next'],
  ['naechster', 'next'],
  ['naechste', 'next'],
  ['naechstes', 'next'],
  ['uebernaechsten', 'afternext'],
  ['uebernaechster', 'afternext'],
  ['uebernaechste', 'afternext'],
  ['uebernaechstes', 'afternext'],
  ['kommenden', 'coming'],
  ['kommender', 'coming'],
  ['kommende', 'coming'],
  ['kommendes', 'coming'],
  ['diesen', 'this'],
  ['dieser', 'this'],
  ['diese', 'this'],
  ['dieses', 'this'],
]);
const PARTS: ReadonlyMap<string, Part> = new Map([
  ['anfang', 'anfang'],
  ['mitte', 'mitte'],
  ['ende', 'ende'],
]);
const DAY_ARTICLES = new Set(['am', 'den', 'der', 'zum', 'vom', 'dem', 'ab', 'bis']);
const DIGIT_DAY_ARTICLES = new Set(['am', 'den', 'zum', 'vom', 'dem']);
const UNITS: ReadonlyMap<string, { days?: number; months?: number; minutes?: number }> = new Map([
  ['tag', { days: 1 }],
  ['tage', { days: 1 }],
  ['tagen', { days: 1 }],
  ['woche', { days: 7 }],
  ['wochen', { days: 7 }],
  ['monat', { months: 1 }],
  ['monate', { months: 1 }],
  ['monaten', { months: 1 }],
  ['jahr', { months: 12 }],
  ['jahren', { months: 12 }],
  ['stunde', { minutes: 60 }],
  ['stunden', { minutes: 60 }],
  ['std', { minutes: 60 }],
  ['minute', { minutes: 1 }],
  ['minuten', { minutes: 1 }],
  ['min', { minutes: 1 }],
  ['viertelstunde', { minutes: 15 }],
  ['viertelstunden', { minutes: 15 }],
  ['dreiviertelstunde', { minutes: 45 }],
]);

const HEDGES = new Set(['knappen', 'knappe', 'knapp', 'guten', 'gute', 'gut', 'vollen', 'reichlichen', 'reichlich']);

/** "in drei Tagen", "in einer halben Stunde", "in anderthalb Stunden", "in 20 Minuten". */
function offsetAt(s: Scan, i: number): DateAtom | null {
  let j = i + 1;
  const t = s.toks[j];
  let q: number | null = null;
  if (t?.k === 'n' && !t.dot && !s.used[j]) {
    q = t.v;
    j++;
    if (isWord(s, j, 'einhalb')) {
      q += 0.5;
      j++;
    }
    if (t.art && isWord(s, j, 'halben')) {
      q = 0.5;
      j++;
    } else if (t.art && isWord(s, j, 'dreiviertel')) {
      q = 0.75;
      j++;
    }
  } else if (t?.k === 'w') {
    q = fractionValue(t.w);
    j++;
  }
  if (q === null) return null;
  // "in einer knappen Stunde", "in guten zwei Stunden": the hedge keeps the value.
  if (HEDGES.has(wordAt(s, j) ?? '')) j++;
  const unit = UNITS.get(wordAt(s, j) ?? '');
  if (!unit) return null;
  if (unit.minutes !== undefined) {
    // "in einer Stunde und fünfzehn Minuten"
    const more = s.toks[j + 2];
    if (unit.minutes === 60 && isWord(s, j + 1, 'und') && more?.k === 'n' && !more.art && (wordAt(s, j + 3) === 'minuten' || wordAt(s, j + 3) === 'min')) {
      return { t: 'elapsed', start: i, end: j + 4, minutes: Math.round(q * 60 + more.v) };
    }
    return { t: 'elapsed', start: i, end: j + 1, minutes: Math.round(q * unit.minutes) };
  }
  if (!Number.isInteger(q)) return null;
  return { t: 'offset', start: i, end: j + 1, days: q * (unit.days ?? 0), months: q * (unit.months ?? 0) };
}

function weekAt(s: Scan, i: number): DateAtom | null {
  const modWord = wordAt(s, i - 1);
  let weeks = modWord !== null ? WEEK_MODS.get(modWord) : undefined;
  let start = i - 1;
  if (weeks === undefined) {
    if (!(modWord === 'der' && PARTS.has(wordAt(s, i - 2) ?? ''))) return null;
    weeks = 0;
    start = i;
  }
  let part: Part = null;
  let k = start - 1;
  if (isWord(s, k, 'der')) k--;
  const partWord = wordAt(s, k);
  if (partWord !== null && PARTS.has(partWord) && !s.used[k]) {
    part = PARTS.get(partWord) ?? null;
    start = k;
  }
  return { t: 'week', start, end: i + 1, weeks, part };
}

function monthAt(s: Scan, i: number, w: string): DateAtom | null {
  const month = MONTHS.get(w);
  if (month !== undefined) {
    if (isWeekdaySurname(s, i)) {
      // "Frau März", "Lena Mai": a person, not a month.
      markUsed(s, i, i + 1);
      return null;
    }
    return monthBeforeDayAt(s, i, month);
  }
  const part = PARTS.get(w);
  if ((w === 'im' || part) && MONTHS.has(wordAt(s, i + 1) ?? '') && !isWeekdaySurname(s, i + 1)) {
    return { t: 'month', start: i, end: i + 2, m: MONTHS.get(wordAt(s, i + 1) ?? '') ?? null, rel: 0, part: part ?? null };
  }
  const j = part ? i + 1 : i;
  const mod = WEEK_MODS.get(wordAt(s, j) ?? '');
  const noun = wordAt(s, j + 1);
  if (mod !== undefined && mod < 2 && (noun === 'monat' || noun === 'monats')) {
    return { t: 'month', start: i, end: j + 2, m: null, rel: mod, part: part ?? null };
  }
  return null;
}

function explicitAt(s: Scan, i: number): DateAtom | null {
  const t = s.toks[i]!;
  if (t.k === 'dmy') return { t: 'explicit', start: i, end: i + 1, d: t.d, m: t.m, y: t.y };
  if ((t.k !== 'n' && t.k !== 'ord') || (t.k === 'n' && t.art) || t.v < 1 || t.v > 31) return null;
  let j = i + 1;
  let month: number | null = null;
  const next = s.toks[j];
  if (next?.k === 'w' && MONTHS.has(next.w)) month = MONTHS.get(next.w) ?? null;
  else if (next?.k === 'ord' && next.v <= 12 && t.k === 'ord') month = next.v;
  else if (next?.k === 'n' && next.digits && next.dot && next.v >= 1 && next.v <= 12 && t.k === 'n' && t.dot) month = next.v;
  if (month !== null) {
    j++;
    const yt = s.toks[j];
    const year = yt?.k === 'n' && yt.digits && yt.v >= 1900 && yt.v <= 2100 ? yt.v : null;
    return { t: 'explicit', start: i, end: year !== null ? j + 1 : j, d: t.v, m: month, y: year };
  }
  const prev = wordAt(s, i - 1);
  const after = wordAt(s, i + 1);
  if (after !== null && NOT_A_DAY_AFTER.has(after)) return null;
  const range = rangeEndAt(s, i + 1);
  // "10. bis 22. Januar", "vom 3. bis zum 5. Dezember": the range starts on the first day, in the second's month.
  if (range && (t.k === 'ord' || t.dot || prev !== null)) return { t: 'explicit', start: i, end: range.end, d: t.v, m: range.m, y: range.y };
  if (prev === null) return null;
  // "den zweiten am Freitag" counts appointments; "Freitag, den zweiten" would name the day.
  if (t.k === 'ord' && isWord(s, i + 1, 'am') && WEEKDAYS.has(wordAt(s, i + 2) ?? '')) return null;
  const dayOnly =
    (t.k === 'ord' && DAY_ARTICLES.has(prev)) ||
    (t.k === 'n' && t.digits && t.dot && DAY_ARTICLES.has(prev)) ||
    (t.k === 'n' && t.digits && DIGIT_DAY_ARTICLES.has(prev));
  return dayOnly ? { t: 'explicit', start: i, end: i + 1, d: t.v, m: null, y: null } : null;
}

const THIS_ONE = new Set(['diesen', 'diese', 'dieses', 'kommenden', 'kommende']);

/** "nächsten Samstag, also nicht diesen, den danach": the caller already settled which one. */
function settledLater(s: Scan, end: number): boolean {
  for (let k = end; k < Math.min(s.toks.length, end + 8); k++) {
    const w = wordAt(s, k);
    if (w === 'danach' || w === 'drauf' || w === 'darauf') return true;
    if (w !== 'nicht') continue;
    const next = wordAt(s, k + 1);
    const skip = next === 'den' || next === 'die' || next === 'das' ? 1 : 0;
    if (THIS_ONE.has(wordAt(s, k + 1 + skip) ?? '')) return true;
  }
  return false;
}

function weekdayAt(s: Scan, i: number, wd: number, weekend: boolean): DateAtom {
  const modWord = wordAt(s, i - 1);
  const mod = modWord !== null && !s.used[i - 1] ? WEEKDAY_MODS.get(modWord) : undefined;
  return { t: 'wd', start: mod ? i - 1 : i, end: i + 1, wd, mod: mod ?? 'none', weekend, settled: mod === 'next' && settledLater(s, i + 1) };
}

/** "morgen ist schlecht, übermorgen um zehn": a day word the caller rules out is no request. */
function dayWordAt(s: Scan, i: number, offset: number): DateAtom | null {
  if (weekdayNegation(s, i, i + 1) !== 'none') {
    markUsed(s, i, i + 1);
    return null;
  }
  return { t: 'day', start: i, end: i + 1, offset };
}

function atomAt(s: Scan, i: number, excluded: number[]): DateAtom | null {
  const t = s.toks[i]!;
  const named = namedDayAt(s, i);
  if (named) return { t: 'fixedDay', start: i, end: named.end, day: named.day };
  const nth = nthWeekdayAt(s, i);
  if (nth) return nth;
  if (t.k !== 'w') return explicitAt(s, i);
  const w = t.w;
  if (w === 'heute') return dayWordAt(s, i, 0);
  if (w === 'uebermorgen') return dayWordAt(s, i, 2);
  if (w === 'morgen') return morgenSense(s, i) === 'tomorrow' ? dayWordAt(s, i, 1) : null;
  const wd = WEEKDAYS.get(w) ?? HABITUAL_WEEKDAYS.get(w) ?? (w === 'wochenende' ? 6 : undefined);
  if (wd !== undefined) {
    if (w !== 'wochenende' && isWeekdaySurname(s, i)) {
      markUsed(s, i, i + 1);
      return null;
    }
    const atom = weekdayAt(s, i, wd, w === 'wochenende');
    const negation = weekdayNegation(s, atom.start, atom.end);
    if (negation !== 'none') {
      if (negation === 'excluded') excluded.push(wd);
      markUsed(s, atom.start, atom.end);
      return null;
    }
    return atom;
  }
  if (w === 'woche') return weekAt(s, i);
  if (w === 'in') return offsetAt(s, i);
  if (w === 'nach' && isWord(s, i + 1, 'dem') && (isWord(s, i + 2, 'naechsten') || isWord(s, i + 2, 'kommenden'))) {
    return { t: 'afterNext', start: i, end: i + 3 };
  }
  return monthAt(s, i, w);
}

/** Finds the date atoms in [from, to); weekdays the caller rules out are collected in `excluded`. */
export function extractDateAtoms(s: Scan, from: number, to: number, excluded: number[]): DateAtom[] {
  const atoms: DateAtom[] = [];
  for (let i = from; i < to; i++) {
    if (s.used[i]) continue;
    const atom = atomAt(s, i, excluded);
    if (!atom || atom.end > to || atom.start < from) continue;
    const last = atoms[atoms.length - 1];
    // A modifier word may already belong to the previous atom ("nächste Woche" then "Dienstag").
    if (last && atom.start < last.end) atom.start = last.end;
    atoms.push(atom);
    markUsed(s, atom.start, atom.end);
    i = atom.end - 1;
  }
  return atoms;
}
