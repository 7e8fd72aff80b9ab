import type { TimeRange, WeeklyHours } from '../db/json-columns.js';
import { TIME_RANGE, WEEKDAY_KEYS, type WeekHours } from './business-file-schema.js';
import type { FileIssue, FilePath } from './file-issue.js';

const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
const byStart = (a: TimeRange, b: TimeRange) => minutesOf(a.start) - minutesOf(b.start) || minutesOf(a.end) - minutesOf(b.end);

/**
 * A file's hours as the database keeps them (ISO weekday → ranges), with each range checked: it must end after it
 * starts, and the ranges of a day must not overlap (touching ones are fine: 09:00-12:00 and 12:00-18:00).
 */
export function toWeeklyHours(hours: WeekHours, path: FilePath, issues: FileIssue[]): WeeklyHours {
  const weekly: WeeklyHours = {};
  WEEKDAY_KEYS.forEach((day, index) => {
    const given = hours[day];
    if (given === undefined) return;
    const list = typeof given === 'string' ? [given] : given;
    const ranges: TimeRange[] = [];
    list.forEach((text, i) => {
      const at = typeof given === 'string' ? [...path, day] : [...path, day, i];
      const m = TIME_RANGE.exec(text);
      if (!m) return; // the schema said so already
      const range = { start: `${m[1]}:${m[2]}`, end: m[3]! };
      if (minutesOf(range.end) <= minutesOf(range.start)) {
        issues.push({
          path: at,
          message: `'${text}' ends before it starts; a range past midnight ends at 24:00, and the next day's starts at 00:00`,
        });
        return;
      }
      const clash = ranges.find((r) => minutesOf(r.start) < minutesOf(range.end) && minutesOf(range.start) < minutesOf(r.end));
      if (clash) issues.push({ path: at, message: `'${text}' overlaps ${clash.start}-${clash.end} on the same day` });
      else ranges.push(range);
    });
    if (ranges.length > 0) weekly[`${index + 1}` as keyof WeeklyHours] = ranges.sort(byStart);
  });
  return weekly;
}

/** Stored hours as a file writes them: weekday names, "HH:MM-HH:MM" strings; a day without ranges is left out. */
export function toWeekHours(hours: WeeklyHours): WeekHours {
  const week: WeekHours = {};
  WEEKDAY_KEYS.forEach((day, index) => {
    const ranges = hours[`${index + 1}` as keyof WeeklyHours];
    if (ranges && ranges.length > 0) week[day] = [...ranges].sort(byStart).map((r) => `${r.start}-${r.end}`);
  });
  return week;
}

/** The same hours in one canonical form (days in order, ranges sorted, empty days left out), for comparing. */
export function canonicalHours(hours: WeeklyHours): WeeklyHours {
  const canonical: WeeklyHours = {};
  for (let day = 1; day <= 7; day++) {
    const ranges = hours[`${day}` as keyof WeeklyHours];
    if (ranges && ranges.length > 0) canonical[`${day}` as keyof WeeklyHours] = [...ranges].map((r) => ({ start: r.start, end: r.end })).sort(byStart);
  }
  return canonical;
}

/** Weekdays (file names) on which `inner` has time outside `outer`: a staff member working while the business is closed. */
export function daysOutside(inner: WeeklyHours, outer: WeeklyHours): string[] {
  return WEEKDAY_KEYS.filter((_, index) => {
    const key = `${index + 1}` as keyof WeeklyHours;
    const open = outer[key] ?? [];
    return (inner[key] ?? []).some((r) => !open.some((o) => minutesOf(o.start) <= minutesOf(r.start) && minutesOf(r.end) <= minutesOf(o.end)));
  });
}
