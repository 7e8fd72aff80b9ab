/**
 * Turns date atoms into requested days, following rules 2–6 of the time spec: dates without a
 * year are the next occurrence, bare weekdays are strictly after today, "nächsten X" is next ISO
 * week's X, week phrases combine with an adjacent weekday, offsets use calendar arithmetic.
 */
import { addMonths, daysInMonth, fromDayNumber, isoWeekday, mondayOf, toDayNumber } from './calendar.js';
import type { DateAtom, Part } from './date-atoms.js';
import { DATE_GLUE } from './lexicon.js';
import { localDayAndMinutes } from './reference.js';
import { wordAt, type DateMention, type Scan } from './scan.js';

const CHAIN_CONNECTORS = new Set(['oder', 'und', ',', 'bzw', 'beziehungsweise']);
/** The days of a week a part names, Monday = 0: "Anfang" Mon–Tue, "Mitte" Tue–Thu, "Ende" Thu–Sat. */
const WEEK_PART_DAYS: Record<Exclude<Part, null>, readonly [number, number]> = { anfang: [0, 1], mitte: [1, 3], ende: [3, 5] };
/** The days of a month a part names: "Anfang" 1–10, "Mitte" 11–20, "Ende" 21 to the last. */
const MONTH_PART_DAYS: Record<Exclude<Part, null>, readonly [number, number]> = { anfang: [1, 10], mitte: [11, 20], ende: [21, 31] };

type WeekdayAtom = Extract<DateAtom, { t: 'wd' }>;
type Qualifier = Extract<DateAtom, { t: 'week' } | { t: 'offset' } | { t: 'afterNext' }>;

function gapIs(s: Scan, from: number, to: number, allowed: ReadonlySet<string>): boolean {
  for (let i = from; i < to; i++) {
    const t = s.toks[i]!;
    const w = t.k === 'w' ? t.w : t.k === 'p' ? t.p : null;
    if (w === null || !allowed.has(w)) return false;
  }
  return true;
}

function adjacent(s: Scan, a: DateAtom, b: DateAtom): boolean {
  return b.start >= a.end && gapIs(s, a.end, b.start, DATE_GLUE);
}

const LOOSE_BREAKS = new Set(['oder', 'bzw', 'beziehungsweise', 'sondern', 'aber', '.', '?', '!', ';']);

/** A week phrase may qualify a weekday a few words away: "in zwei Wochen fällig, am Dienstag". */
function near(s: Scan, a: DateAtom, b: DateAtom): boolean {
  if (b.start < a.end || b.start - a.end > 5) return false;
  for (let i = a.end; i < b.start; i++) {
    const t = s.toks[i]!;
    const w = t.k === 'w' ? t.w : t.k === 'p' ? t.p : null;
    if (w === null || LOOSE_BREAKS.has(w)) return false;
  }
  return true;
}

/** Next occurrence of a weekday strictly after today. */
function nextWeekday(today: number, wd: number): number {
  const diff = (wd - isoWeekday(today) + 7) % 7;
  return today + (diff === 0 ? 7 : diff);
}

function resolveWeekday(a: WeekdayAtom, today: number): { day: number; altDay?: number } {
  const todayWd = isoWeekday(today);
  if (a.weekend && a.mod === 'none') return { day: today + ((6 - todayWd + 7) % 7) };
  switch (a.mod) {
    case 'next': {
      const day = mondayOf(today) + 7 + a.wd - 1;
      // Rule 4: "nächsten Freitag" said on a Thursday may also mean tomorrow.
      return a.wd > todayWd && !a.settled ? { day, altDay: today + (a.wd - todayWd) } : { day };
    }
    case 'afternext':
      return { day: mondayOf(today) + 14 + a.wd - 1 };
    case 'coming':
      return { day: nextWeekday(today, a.wd) };
    case 'this':
    case 'none': {
      const day = nextWeekday(today, a.wd);
      // Rule 3: "Donnerstag" said on a Thursday is next week's, but may mean today.
      return a.wd === todayWd && !a.weekend ? { day, altDay: today } : { day };
    }
  }
}

function qualifyWeekday(a: WeekdayAtom, q: Qualifier, today: number): number {
  if (q.t === 'week') return mondayOf(today) + 7 * q.weeks + a.wd - 1;
  if (q.t === 'offset') return mondayOf(addMonths(today + q.days, q.months)) + a.wd - 1;
  return resolveWeekday({ ...a, mod: 'none' }, today).day + 7;
}

function resolveExplicit(d: number, m: number | null, y: number | null, today: number): number | null {
  const now = fromDayNumber(today);
  if (m === null) {
    // Rule 2: "am 15." is the next 15th on or after today, skipping months that lack the day.
    for (let k = 0; k < 13; k++) {
      const total = now.y * 12 + now.m - 1 + k;
      const yy = Math.floor(total / 12);
      const mm = (total % 12) + 1;
      if (d > daysInMonth(yy, mm)) continue;
      const day = toDayNumber(yy, mm, d);
      if (day >= today) return day;
    }
    return null;
  }
  if (y !== null) return d <= daysInMonth(y, m) ? toDayNumber(y, m, d) : null;
  for (let yy = now.y; yy < now.y + 9; yy++) {
    if (d > daysInMonth(yy, m)) continue;
    const day = toDayNumber(yy, m, d);
    if (day >= today) return day;
  }
  return null;
}

type Period = { from: number; to: number };

/** A stretch of days still ahead, or null when all of it lies before today. */
function ahead(from: number, to: number, today: number): Period | null {
  return to < today ? null : { from: Math.max(from, today), to };
}

/** "nächste Woche", "Anfang nächster Woche", "Ende der Woche": the days of that ISO week (or its part) still ahead. */
function resolveWeek(a: Extract<DateAtom, { t: 'week' }>, today: number): Period {
  const monday = mondayOf(today) + 7 * a.weeks;
  const [first, last] = a.part === null ? [0, 6] : WEEK_PART_DAYS[a.part];
  // "Anfang der Woche" said on a Friday is next week's beginning.
  return ahead(monday + first, monday + last, today) ?? { from: monday + 7 + first, to: monday + 7 + last };
}

/** "im Dezember", "nächsten Monat", "Mitte Januar": the days of the month (or its part) still ahead, next year's if past. */
function resolveMonth(a: Extract<DateAtom, { t: 'month' }>, today: number): Period {
  const now = fromDayNumber(today);
  const monthStart = (y: number, m: number) => toDayNumber(y, m, 1);
  const stretch = (y: number, m: number): [number, number] => {
    const [first, last] = a.part === null ? [1, 31] : MONTH_PART_DAYS[a.part];
    return [monthStart(y, m) + first - 1, monthStart(y, m) + Math.min(last, daysInMonth(y, m)) - 1];
  };
  if (a.m === null) {
    const start = fromDayNumber(addMonths(monthStart(now.y, now.m), a.rel));
    const [from, to] = stretch(start.y, start.m);
    // "Anfang des Monats" said on the 20th is next month's beginning.
    const next = fromDayNumber(addMonths(monthStart(start.y, start.m), 1));
    const [nextFrom, nextTo] = stretch(next.y, next.m);
    return ahead(from, to, today) ?? { from: nextFrom, to: nextTo };
  }
  const [from, to] = stretch(now.y, a.m);
  const next = stretch(now.y + 1, a.m);
  return ahead(from, to, today) ?? { from: next[0], to: next[1] };
}

/** "am zweiten Samstag im Januar", "letzter Freitag im Monat": the next such day on or after today. */
function resolveNthWeekday(a: Extract<DateAtom, { t: 'nthWeekday' }>, today: number): number | null {
  const now = fromDayNumber(today);
  const inMonth = (y: number, m: number): number | null => {
    if (a.wd === 0) return a.nth === -1 ? toDayNumber(y, m, daysInMonth(y, m)) : toDayNumber(y, m, a.nth);
    if (a.nth === -1) {
      const last = toDayNumber(y, m, daysInMonth(y, m));
      return last - ((isoWeekday(last) - a.wd + 7) % 7);
    }
    const first = toDayNumber(y, m, 1);
    const day = first + ((a.wd - isoWeekday(first) + 7) % 7) + 7 * (a.nth - 1);
    return fromDayNumber(day).m === m ? day : null;
  };
  // A named month is that month's day, next year's once it passed; "im Monat" moves on to the next month.
  if (a.m !== null) {
    for (let y = now.y; y < now.y + 3; y++) {
      const day = inMonth(y, a.m);
      if (day !== null && day >= today) return day;
    }
    return null;
  }
  for (let k = a.rel; k < a.rel + 3; k++) {
    const first = fromDayNumber(addMonths(toDayNumber(now.y, now.m, 1), k));
    const day = inMonth(first.y, first.m);
    if (day !== null && day >= today) return day;
  }
  return null;
}

function resolveAlone(a: DateAtom, s: Scan): Omit<DateMention, 'kind' | 'start' | 'end'> | null {
  const today = s.ref.today;
  switch (a.t) {
    case 'day':
      return { day: today + a.offset };
    case 'wd':
      return resolveWeekday(a, today);
    case 'week': {
      const period = resolveWeek(a, today);
      return { day: period.from, period };
    }
    case 'offset':
      return { day: addMonths(today + a.days, a.months) };
    case 'elapsed': {
      // Rule 6: hours and minutes are elapsed time, so DST changes shift the wall clock.
      const local = localDayAndMinutes(s.ref.epochMs + a.minutes * 60_000, s.ref.zone);
      return { day: local.day, absoluteMinutes: local.minutes };
    }
    case 'explicit': {
      const day = resolveExplicit(a.d, a.m, a.y, today);
      return day === null ? null : { day };
    }
    case 'month': {
      const period = resolveMonth(a, today);
      return { day: period.from, period };
    }
    case 'nthWeekday': {
      const day = resolveNthWeekday(a, today);
      return day === null ? null : { day };
    }
    case 'fixedDay':
      return { day: a.day };
    case 'afterNext':
      return null;
  }
}

/** Lets a week phrase qualify every weekday of a chain ("Dienstag oder Mittwoch nächste Woche"). */
function chainQualifiers(s: Scan, atoms: DateAtom[]): Map<DateAtom, Qualifier> {
  const result = new Map<DateAtom, Qualifier>();
  let k = 0;
  while (k < atoms.length) {
    if (atoms[k]!.t !== 'wd') {
      k++;
      continue;
    }
    let end = k;
    while (end + 1 < atoms.length && atoms[end + 1]!.t === 'wd' && gapIs(s, atoms[end]!.end, atoms[end + 1]!.start, CHAIN_CONNECTORS)) end++;
    const before = atoms[k - 1];
    const after = atoms[end + 1];
    const isQ = (x: DateAtom | undefined): x is Qualifier =>
      !!x && (x.t === 'week' || (x.t === 'offset' && x.months === 0 && x.days > 0) || x.t === 'afterNext');
    const q = isQ(after) && near(s, atoms[end]!, after) ? after : isQ(before) && near(s, before, atoms[k]!) && before.t !== 'afterNext' ? before : null;
    if (q) for (let i = k; i <= end; i++) result.set(atoms[i]!, q);
    k = end + 1;
  }
  return result;
}

const DEADLINE_ARTICLES = new Set(['zum', 'zur', 'dem', 'den', 'am', 'spaetestens']);

/**
 * "bis Mittwoch", "bis zum 3.", "vor dem 3. Dezember": a limit, not a requested day. After a start
 * ("von Montag bis Mittwoch") the same words close a range, which reduces to its start (rule 5).
 */
function isDateDeadline(s: Scan, start: number): boolean {
  let j = start - 1;
  while (j >= 0 && DEADLINE_ARTICLES.has(wordAt(s, j) ?? '')) j--;
  const w = wordAt(s, j);
  return w === 'bis' || (w === 'vor' && j < start - 1);
}

/** Combines neighbouring atoms and resolves each resulting date mention. */
export function resolveDates(s: Scan, atoms: DateAtom[]): DateMention[] {
  return combine(s, atoms).filter((m) => !isDateDeadline(s, m.start));
}

function combine(s: Scan, atoms: DateAtom[]): DateMention[] {
  const qualifiers = chainQualifiers(s, atoms);
  const consumed = new Set<DateAtom>(qualifiers.values());
  const out: DateMention[] = [];
  for (let k = 0; k < atoms.length; k++) {
    const a = atoms[k]!;
    if (consumed.has(a) && !qualifiers.has(a)) continue;
    const b = atoms[k + 1];
    const q = qualifiers.get(a);
    if (a.t === 'wd' && q) {
      out.push({ kind: 'date', start: Math.min(a.start, q.start), end: Math.max(a.end, q.end), day: qualifyWeekday(a, q, s.ref.today) });
      continue;
    }
    if (b && adjacent(s, a, b)) {
      const merged = mergePair(s, a, b);
      if (merged) {
        out.push(merged);
        consumed.add(b);
        k++;
        continue;
      }
    }
    const alone = resolveAlone(a, s);
    if (alone) out.push({ kind: 'date', start: a.start, end: a.end, ...alone });
  }
  return out;
}

/** Pairs that name one day together: day + offset, weekday/day/month + explicit date. */
function mergePair(s: Scan, a: DateAtom, b: DateAtom): DateMention | null {
  const span = { kind: 'date' as const, start: a.start, end: b.end };
  const today = s.ref.today;
  if (a.t === 'day' && b.t === 'offset') return { ...span, day: addMonths(today + a.offset + b.days, b.months) };
  const explicit = a.t === 'explicit' ? a : b.t === 'explicit' ? b : null;
  const other = explicit === a ? b : a;
  if (explicit && (other.t === 'wd' || other.t === 'day' || other.t === 'week' || other.t === 'month')) {
    const m = explicit.m ?? (other.t === 'month' ? other.m : null);
    const day = resolveExplicit(explicit.d, m, explicit.y, today);
    return day === null ? null : { ...span, day };
  }
  // "morgen, also Freitag": the weekday only confirms the day.
  if (a.t === 'day' && b.t === 'wd') return { ...span, day: today + a.offset };
  if (a.t === 'wd' && b.t === 'day') return { ...span, day: today + b.offset };
  return null;
}
