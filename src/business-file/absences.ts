import { DateTime } from 'luxon';
import type { AbsenceDefinition } from './business-definition.js';
import { LOCAL_DATE_OR_TIME, type Absence } from './business-file-schema.js';
import type { FileIssue, FilePath } from './file-issue.js';

/**
 * Closures and time off as instants. A date alone is a whole day in the business's zone: as `from` its first
 * moment, as `to` its last (so from 2027-07-12 to 2027-07-25 closes both days and all between); a date with a time
 * is that moment. A wall-clock time the zone skips (02:30 on the night clocks go forward) is refused, not moved.
 */
export function toAbsences(entries: readonly Absence[], timeZone: string, path: FilePath, issues: FileIssue[]): AbsenceDefinition[] {
  const absences: AbsenceDefinition[] = [];
  entries.forEach((entry, i) => {
    const startsAt = instantOf(entry.from, 'start', timeZone, [...path, i, 'from'], issues);
    const endsAt = instantOf(entry.to, 'end', timeZone, [...path, i, 'to'], issues);
    if (startsAt === null || endsAt === null) return;
    if (endsAt <= startsAt) {
      issues.push({ path: [...path, i, 'to'], message: `'${entry.to}' is before '${entry.from}'; to is the last day (inclusive) or the moment it ends` });
      return;
    }
    absences.push({ startsAt, endsAt, reason: entry.reason ?? null });
  });
  return absences.sort((a, b) => a.startsAt - b.startsAt || a.endsAt - b.endsAt);
}

function instantOf(text: string, side: 'start' | 'end', timeZone: string, path: FilePath, issues: FileIssue[]): number | null {
  const m = LOCAL_DATE_OR_TIME.exec(text);
  if (!m) return null; // the schema said so already
  const day = DateTime.fromISO(m[1]!, { zone: timeZone });
  if (!day.isValid) {
    issues.push({ path, message: `'${text}' is no day of the calendar` });
    return null;
  }
  if (m[2] === undefined) return (side === 'start' ? day : day.plus({ days: 1 })).startOf('day').toMillis();
  const moment = day.set({ hour: Number(m[2]), minute: Number(m[3]), second: Number(m[4] ?? 0) });
  if (moment.hour !== Number(m[2]) || moment.minute !== Number(m[3])) {
    issues.push({ path, message: `'${text}' does not exist in ${timeZone}: the clocks skip that hour` });
    return null;
  }
  return moment.toMillis();
}

/** A stored closure or time off as a file writes it: whole days where it runs from midnight to midnight. */
export function toAbsenceEntry(absence: AbsenceDefinition, timeZone: string): Absence {
  const start = DateTime.fromMillis(absence.startsAt, { zone: timeZone });
  const end = DateTime.fromMillis(absence.endsAt, { zone: timeZone });
  const midnight = (t: DateTime) => t.toMillis() === t.startOf('day').toMillis();
  const entry: Absence = {
    from: midnight(start) ? start.toISODate()! : moment(start),
    to: midnight(end) ? end.minus({ days: 1 }).toISODate()! : moment(end),
  };
  if (absence.reason !== null) entry.reason = absence.reason;
  return entry;
}

const moment = (t: DateTime) => t.toFormat(t.second === 0 ? 'yyyy-MM-dd HH:mm' : 'yyyy-MM-dd HH:mm:ss');
