import { DAY_MS } from '../clock.js';
import { IANAZone } from 'luxon';
import type { IsoWeekday } from './calendar-model.js';

const MINUTE_MS = 60_000;

/** A stretch of a local day during which the zone's UTC offset does not change. */
interface OffsetPiece {
  readonly startsAt: number;
  readonly endsAt: number;
  readonly offsetMs: number;
}

/**
 * One calendar day in the business's zone, resolved once so that everything after (working
 * ranges, the slot grid) is integer arithmetic on instants. Shared from a cache: never mutate.
 */
export interface LocalDay {
  /** "YYYY-MM-DD" in the business zone. */
  readonly date: string;
  readonly weekday: IsoWeekday;
  /** First instant of the day (local midnight). */
  readonly startsAt: number;
  /** First instant of the next day; 23 or 25 hours later on DST days. */
  readonly endsAt: number;
  /** The day's 00:00 wall-clock reading expressed as if it were UTC. */
  readonly wallMidnight: number;
  /** Constant-offset stretches in time order: one on normal days, two on DST days. */
  readonly pieces: readonly OffsetPiece[];
}

/**
 * Local days are facts of the time-zone database, so they are memoised across queries: the
 * same week is resolved once, not on every availability check. The zone lookup behind it
 * (Intl) costs microseconds per call, which the slot scan must not pay per day and query.
 */
const dayCache = new Map<string, LocalDay>();
const DAY_CACHE_LIMIT = 20_000;

function zoneOf(timeZone: string): IANAZone {
  const zone = IANAZone.create(timeZone);
  if (!zone.isValid) throw new RangeError(`invalid time zone "${timeZone}"`);
  return zone;
}

/**
 * The zone's UTC offset at an instant. Asking Intl costs microseconds, and every booking asks a few times, so
 * offsets are memoised per quarter hour of UTC. A quarter hour whose two ends have the same offset has it
 * throughout, unless a zone switched twice within fifteen minutes, which none does; one whose ends differ holds
 * a switch and is not memoised, its instants are asked about one by one.
 */
const offsetCache = new Map<string, Map<number, number>>();
const OFFSET_CACHE_LIMIT = 50_000;
const QUARTER_MS = 15 * MINUTE_MS;

function offsetMs(zone: IANAZone, instant: number): number {
  const quarter = Math.floor(instant / QUARTER_MS) * QUARTER_MS;
  let quarters = offsetCache.get(zone.name);
  const known = quarters?.get(quarter);
  if (known !== undefined) return known;
  const atStart = zone.offset(quarter) * MINUTE_MS;
  if (zone.offset(quarter + QUARTER_MS - 1) * MINUTE_MS !== atStart) return zone.offset(instant) * MINUTE_MS;
  if (!quarters || quarters.size >= OFFSET_CACHE_LIMIT) offsetCache.set(zone.name, (quarters = new Map()));
  quarters.set(quarter, atStart);
  return atStart;
}

/** Finds the first minute in (lo, hi] whose offset differs from `lo`'s: the DST switch. */
function findTransition(zone: IANAZone, lo: number, hi: number): number {
  const before = offsetMs(zone, lo);
  let a = lo;
  let b = hi;
  while (b - a > MINUTE_MS) {
    const mid = a + Math.floor((b - a) / MINUTE_MS / 2) * MINUTE_MS;
    if (offsetMs(zone, mid) === before) a = mid;
    else b = mid;
  }
  return b;
}

/** The instant local midnight `wallMidnight` begins and the offset then, starting from a guessed offset. */
function midnightInstant(zone: IANAZone, wallMidnight: number, guessMs: number): [instant: number, offsetMs: number] {
  const first = wallMidnight - guessMs;
  const actual = offsetMs(zone, first);
  if (actual === guessMs) return [first, actual];
  const second = wallMidnight - actual;
  const check = offsetMs(zone, second);
  if (check === actual) return [second, actual];
  // Midnight itself is skipped (a few zones switch at 00:00): the day begins at the switch.
  const switchAt = findTransition(zone, Math.min(first, second), Math.max(first, second));
  return [switchAt, offsetMs(zone, switchAt)];
}

function describeDay(zone: IANAZone, wallMidnight: number, guessMs: number): LocalDay {
  const key = `${zone.name}|${wallMidnight}`;
  const cached = dayCache.get(key);
  if (cached) return cached;
  const [startsAt, first] = midnightInstant(zone, wallMidnight, guessMs);
  const [endsAt, next] = midnightInstant(zone, wallMidnight + DAY_MS, first);
  // Same offset at both midnights means no switch in between: zones switch at most once a day.
  const last = next === first ? first : offsetMs(zone, endsAt - 1);
  const switchAt = first === last ? endsAt : findTransition(zone, startsAt, endsAt - 1);
  const pieces =
    switchAt >= endsAt
      ? [{ startsAt, endsAt, offsetMs: first }]
      : [
          { startsAt, endsAt: switchAt, offsetMs: first },
          { startsAt: switchAt, endsAt, offsetMs: last },
        ];
  const civil = new Date(wallMidnight);
  const day: LocalDay = {
    date: civil.toISOString().slice(0, 10),
    weekday: (((civil.getUTCDay() + 6) % 7) + 1) as IsoWeekday,
    startsAt,
    endsAt,
    wallMidnight,
    pieces,
  };
  if (dayCache.size >= DAY_CACHE_LIMIT) dayCache.clear();
  dayCache.set(key, day);
  return day;
}

function wallMidnightAt(zone: IANAZone, instant: number): number {
  const wall = instant + offsetMs(zone, instant);
  return Math.floor(wall / DAY_MS) * DAY_MS;
}

/** The local days of `timeZone` that overlap [from, to), in order. */
export function localDaysCovering(timeZone: string, from: number, to: number): LocalDay[] {
  const zone = zoneOf(timeZone);
  const days: LocalDay[] = [];
  let wall = wallMidnightAt(zone, from);
  let guess = offsetMs(zone, from);
  do {
    const day = describeDay(zone, wall, guess);
    days.push(day);
    guess = day.pieces[day.pieces.length - 1]!.offsetMs;
    wall += DAY_MS;
  } while (days[days.length - 1]!.endsAt < to);
  return days;
}

/** The local day called `date` ("YYYY-MM-DD"), or null when there is no such date. */
export function localDayOf(timeZone: string, date: string): LocalDay | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const wall = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  // Date.UTC rolls 2026-02-30 over to March; a real date survives the round trip.
  if (Number.isNaN(wall) || new Date(wall).toISOString().slice(0, 10) !== date) return null;
  const zone = zoneOf(timeZone);
  return describeDay(zone, wall, offsetMs(zone, wall));
}

/** The local day containing `instant`. */
export function localDayAt(timeZone: string, instant: number): LocalDay {
  const zone = zoneOf(timeZone);
  return describeDay(zone, wallMidnightAt(zone, instant), offsetMs(zone, instant));
}

/** Start of the local day `days` after the one containing `instant` (23/25-hour days counted as days). */
export function addLocalDays(timeZone: string, instant: number, days: number): number {
  const zone = zoneOf(timeZone);
  return describeDay(zone, wallMidnightAt(zone, instant) + days * DAY_MS, offsetMs(zone, instant)).startsAt;
}

/**
 * Resolves a wall-clock minute of `day` to an instant. Where the clock shows that time twice
 * (autumn), the first occurrence wins; where it never shows it (spring), the switch instant is
 * used, so a range such as 00:00–06:00 covers exactly the wall-clock times that exist.
 */
export function wallClockToInstant(day: LocalDay, minuteOfDay: number): number {
  const wall = day.wallMidnight + minuteOfDay * MINUTE_MS;
  for (const piece of day.pieces) {
    const instant = wall - piece.offsetMs;
    if (instant < piece.startsAt) return piece.startsAt;
    if (instant < piece.endsAt) return instant;
  }
  return day.endsAt;
}

/** True when the wall-clock minute exists on `day` (false only inside a spring-forward gap). */
export function wallClockExists(day: LocalDay, minuteOfDay: number): boolean {
  const wall = day.wallMidnight + minuteOfDay * MINUTE_MS;
  return day.pieces.some((piece) => wall - piece.offsetMs >= piece.startsAt && wall - piece.offsetMs < piece.endsAt);
}

/** Local minute of the day for an instant inside `day` (DST days: the clock reading, 0…1439). */
export function minuteOfDayAt(day: LocalDay, instant: number): number {
  const piece = day.pieces.find((p) => instant >= p.startsAt && instant < p.endsAt) ?? day.pieces[0]!;
  return Math.floor((instant + piece.offsetMs - day.wallMidnight) / MINUTE_MS);
}

/** Parses "HH:MM" (00:00–24:00) to minutes after midnight, or null. */
export function parseClock(text: string): number | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return Number(match[2]) < 60 && minutes <= 24 * 60 ? minutes : null;
}

/**
 * Instants of the slot grid of `day` inside [from, to): every `stepMinutes` counted from local
 * midnight on the wall clock. On the spring-forward day 02:xx never appears; on the autumn day
 * 02:00–02:45 appear twice (once per offset), both on the local quarter-hour grid.
 */
export function slotGrid(day: LocalDay, stepMinutes: number, from: number, to: number): number[] {
  const step = Math.max(1, Math.round(stepMinutes)) * MINUTE_MS;
  const grid: number[] = [];
  for (const piece of day.pieces) {
    const origin = day.wallMidnight - piece.offsetMs;
    const lo = Math.max(piece.startsAt, from);
    const hi = Math.min(piece.endsAt, to);
    for (let t = origin + Math.max(0, Math.ceil((lo - origin) / step)) * step; t < hi; t += step) grid.push(t);
  }
  return grid;
}
