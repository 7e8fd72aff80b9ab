/**
 * Assembly: groups date, clock and part-of-day mentions into the options a caller named,
 * applies in-utterance corrections, decides am/pm from business hours (rule 7) and builds the
 * reading with its ambiguity flag and alternative.
 */
import type { DatePeriod, DateTimeOption, DateTimeReading, ParseOptions, PartOfDay } from '../types.js';
import { formatDay, formatMinutes } from './calendar.js';
import type { ClockMention, DateMention, Mention, PodMention } from './scan.js';

/** One option the caller named: a day, a clock time and a part of day, each optional. */
export interface SlotOption {
  date: DateMention | null;
  clock: ClockMention | null;
  pod: PodMention | null;
}

const empty = (): SlotOption => ({ date: null, clock: null, pod: null });

function hasTime(o: SlotOption): boolean {
  return o.clock !== null || o.date?.absoluteMinutes !== undefined;
}

/** A new option starts whenever a fact of a kind already present in the current one appears. */
export function groupOptions(mentions: Mention[]): SlotOption[] {
  const out: SlotOption[] = [];
  let cur: SlotOption | null = null;
  for (const m of mentions) {
    const clash =
      !cur ||
      (m.kind === 'date' && (cur.date !== null || (m.absoluteMinutes !== undefined && hasTime(cur)))) ||
      (m.kind === 'time' && hasTime(cur)) ||
      (m.kind === 'pod' && cur.pod !== null);
    if (clash) {
      cur = empty();
      out.push(cur);
    }
    const target: SlotOption = cur ?? empty();
    if (m.kind === 'date') target.date = m;
    else if (m.kind === 'time') target.clock = m;
    else target.pod = m;
  }
  return out;
}

/** Later segments replace only the facts they carry; their alternatives replace earlier ones. */
export function mergeCorrection(before: SlotOption[], after: SlotOption[]): SlotOption[] {
  const first = after[0];
  const prev = before[0];
  if (!first) return before;
  if (!prev) return after;
  const replacesTime = hasTime(first);
  const merged: SlotOption = {
    date: first.date ?? (replacesTime && prev.date?.absoluteMinutes !== undefined ? null : prev.date),
    clock: replacesTime ? first.clock : prev.clock,
    pod: first.pod ?? (replacesTime ? null : prev.pod),
  };
  if (first.date?.absoluteMinutes !== undefined) merged.clock = null;
  // "Dienstag oder Mittwoch, aber nicht vor zehn" keeps Mittwoch as an option.
  const keepOptions = after.length === 1 && !first.date;
  return [merged, ...(keepOptions ? before.slice(1) : after.slice(1))];
}

interface ResolvedTime {
  minutes: number;
  alt?: number;
}

const MORNING: ReadonlySet<PartOfDay> = new Set(['frueh', 'morgens', 'vormittags']);

/**
 * Rule 7: an hour without context is 13–19 for 1–7 and as stated for 8–12; a part of day
 * overrides; 13–23 and times written "07:30" are literal; bare 7 is ambiguous (07 or 19).
 */
export function resolveClock(c: ClockMention, hint: PartOfDay | null): ResolvedTime {
  const { m } = c;
  let h = c.h === 24 ? 0 : c.h;
  if (c.lead0 || h >= 13 || (h === 0 && !c.idiom)) return { minutes: h * 60 + m };
  if (h === 0) h = 12;
  if (hint !== null) {
    if (MORNING.has(hint)) return { minutes: h * 60 + m };
    if (hint === 'mittags') return { minutes: (h <= 5 ? h + 12 : h) * 60 + m };
    return { minutes: (h <= 11 ? h + 12 : h) * 60 + m };
  }
  if (h >= 8) return { minutes: h * 60 + m };
  const pm = (h + 12) * 60 + m;
  return h === 7 ? { minutes: pm, alt: h * 60 + m } : { minutes: pm };
}

interface Flat {
  date: string | null;
  time: string | null;
  altDate?: string;
  altTime?: string;
  pod: PartOfDay | null;
  period?: DatePeriod;
}

function flatten(o: SlotOption, hint: PartOfDay | null): Flat {
  const period = o.date?.period;
  // A stretch of days names no single day: never its first day in place of one.
  const date = o.date && !period ? formatDay(o.date.day) : null;
  const out: Flat = { date, time: null, pod: o.pod?.pod ?? null };
  if (period) out.period = { from: formatDay(period.from), to: formatDay(period.to) };
  if (o.date?.altDay !== undefined) out.altDate = formatDay(o.date.altDay);
  if (o.date?.absoluteMinutes !== undefined) out.time = formatMinutes(o.date.absoluteMinutes);
  else if (o.clock) {
    const r = resolveClock(o.clock, o.pod?.hint ?? hint);
    out.time = formatMinutes(r.minutes);
    if (r.alt !== undefined) out.altTime = formatMinutes(r.alt);
  }
  return out;
}

/** Builds the reading from the options of the final segment. */
export function buildReading(options: SlotOption[], extras: { earliest: boolean; excluded: number[] }, parse: ParseOptions): DateTimeReading {
  const head = options[0] ? { ...options[0] } : empty();
  // The first option borrows facts named only later: "Dienstag oder Mittwoch um drei".
  for (const o of options.slice(1)) {
    if (!head.date && o.date && o.date.absoluteMinutes === undefined) head.date = o.date;
    if (!hasTime(head) && o.clock) head.clock = o.clock;
    if (!head.pod && o.pod) head.pod = o.pod;
  }
  const hint = head.pod?.hint ?? null;
  const p = flatten(head, hint);
  const reading: DateTimeReading = { date: p.date, time: p.time, partOfDay: p.pod, ambiguous: false };
  if (p.period) reading.period = p.period;
  if (p.altTime !== undefined && p.time !== null && parse.isOpen) {
    const openPrimary = parse.isOpen(p.date, p.time);
    const openAlt = parse.isOpen(p.date, p.altTime);
    if (openAlt && !openPrimary) reading.time = p.altTime;
    if (openAlt !== openPrimary) delete p.altTime;
  }
  if (p.altDate !== undefined) {
    reading.ambiguous = true;
    reading.alternative = { date: p.altDate, time: reading.time };
  } else if (p.altTime !== undefined) {
    reading.ambiguous = true;
    reading.alternative = { date: reading.date, time: p.altTime };
  }
  const alternatives: DateTimeOption[] = [];
  const seen = new Set([`${reading.date}|${reading.time}`]);
  for (const o of options.slice(1)) {
    const f = flatten(o, o.pod?.hint ?? hint);
    const alt = { date: f.date ?? reading.date, time: f.time ?? reading.time };
    const key = `${alt.date}|${alt.time}`;
    if (seen.has(key)) continue;
    seen.add(key);
    alternatives.push(alt);
  }
  if (alternatives.length > 0) reading.alternatives = alternatives;
  if (extras.earliest) reading.earliest = true;
  if (extras.excluded.length > 0) reading.excludedWeekdays = [...new Set(extras.excluded)].sort((a, b) => a - b);
  return reading;
}
