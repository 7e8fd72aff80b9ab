import { DAY_MS } from '../clock.js';
import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import { rowsOf } from '../db/rows.js';
import { readJsonColumn, ServiceSegments, WeeklyHours } from '../db/json-columns.js';
import type { BusyInterval, Calendar, Interval } from './calendar-model.js';
import type { CalendarRules, RulesCache } from './rules-cache.js';

export interface CalendarWindow {
  from: number;
  to: number;
  /** Holds that expired before this instant no longer count as busy. */
  now: number;
  /**
   * Leave these appointments' segments out of busy: moving an appointment may overlap its old time, and a call's
   * own holds must not hide the very slots it is holding.
   */
  excludeAppointmentIds?: string[];
}

/** Where calendars are read from: the database, and this process's cached rules when it keeps them. */
export interface CalendarSource {
  db: Queryable;
  rules?: RulesCache;
}

type Pair = [number | string, number | string];
interface RulesJson {
  business: {
    id: string;
    time_zone: string;
    holiday_region: string | null;
    opening_hours: unknown;
    slot_step_minutes: number;
    min_notice_minutes: number;
    horizon_days: number;
    rules_version: number | string;
  };
  services: Array<{ id: string; name: string; duration_minutes: number; buffer_before_minutes: number; buffer_after_minutes: number; segments: unknown }>;
  staff: Array<{ id: string; name: string; working_hours: unknown; service_ids: string[]; time_off: Pair[] }>;
  closures: Array<[number | string, number | string, string | null]>;
}
interface CalendarRow {
  rules?: RulesJson | null;
  version: number | string | null;
  busy: Array<[string, number | string, number | string]>;
}

const ms = (p: Pair): Interval => ({ startsAt: Number(p[0]), endsAt: Number(p[1]) });
const epochMs = (column: string) => sql.raw(`(extract(epoch from ${column}) * 1000)::float8`);

/**
 * Closures and time off that ended this long before the read are left out of the rules: nothing is offered or
 * booked in the past, and a business collects them for years. The margin covers windows that begin before now
 * (a day is read either side of a wished start).
 */
const PAST_MARGIN_MS = 7 * DAY_MS;

/**
 * The rules as one JSON value. Closures and time off are read from `since` on, not for a window: the rules are
 * cached across windows.
 */
const rulesJson = (businessId: string, since: number) => sql`
  (select json_build_object(
     'business', (select row_to_json(b) from (
        select id, time_zone, holiday_region, opening_hours, slot_step_minutes, min_notice_minutes, horizon_days, rules_version
        from businesses where id = ${businessId}) b),
     'services', (select coalesce(json_agg(s order by s.id), '[]'::json) from (
        select id, name, duration_minutes, buffer_before_minutes, buffer_after_minutes, segments
        from services where business_id = ${businessId} and active) s),
     'staff', (select coalesce(json_agg(m order by m.id), '[]'::json) from (
        select st.id, st.name, st.working_hours,
          array(select ss.service_id from staff_services ss where ss.staff_id = st.id order by ss.service_id) as service_ids,
          array(select json_build_array(${epochMs('t.starts_at')}, ${epochMs('t.ends_at')})
                from staff_time_off t where t.staff_id = st.id and t.ends_at > ${new Date(since).toISOString()}::timestamptz
                order by t.starts_at) as time_off
        from staff st where st.business_id = ${businessId} and st.active) m),
     'closures', (select coalesce(json_agg(json_build_array(${epochMs('c.starts_at')}, ${epochMs('c.ends_at')}, c.reason) order by c.starts_at), '[]'::json)
        from closures c where c.business_id = ${businessId} and c.ends_at > ${new Date(since).toISOString()}::timestamptz)))`;

function parseRules(json: RulesJson | null | undefined): CalendarRules | null {
  if (!json?.business) return null;
  const b = json.business;
  return {
    version: Number(b.rules_version),
    business: {
      id: b.id,
      timeZone: b.time_zone,
      holidayRegion: b.holiday_region,
      openingHours: readJsonColumn(WeeklyHours, b.opening_hours, 'businesses.opening_hours'),
      // The reason is said to a caller whose wish falls on the closure ("wegen Betriebsurlaub").
      closures: json.closures.map(([startsAt, endsAt, reason]) => ({ startsAt: Number(startsAt), endsAt: Number(endsAt), reason })),
      slotStepMinutes: b.slot_step_minutes,
      minNoticeMinutes: b.min_notice_minutes,
      horizonDays: b.horizon_days,
    },
    services: json.services.map((s) => ({
      id: s.id,
      name: s.name,
      durationMinutes: s.duration_minutes,
      bufferBeforeMinutes: s.buffer_before_minutes,
      bufferAfterMinutes: s.buffer_after_minutes,
      segments: readJsonColumn(ServiceSegments, s.segments, 'services.segments'),
    })),
    // Sorted by id (in SQL) so every consumer sees the same order: the engine's tie-breaks rely on it.
    staff: json.staff.map((m) => ({
      id: m.id,
      name: m.name,
      workingHours: readJsonColumn(WeeklyHours, m.working_hours, 'staff.working_hours'),
      serviceIds: m.service_ids,
      timeOff: m.time_off.map(ms),
    })),
  };
}

/** The rules of a business as they apply from `now` on, or null when it does not exist. */
export async function loadRules(db: Queryable, businessId: string, now: number): Promise<CalendarRules | null> {
  const [row] = rowsOf<{ rules: RulesJson | null }>(await db.execute(sql`select ${rulesJson(businessId, now - PAST_MARGIN_MS)} as rules`));
  return parseRules(row?.rules);
}

/**
 * Reads what the availability engine needs for one business and window: the rules (cached per rules version)
 * and the busy segments of booked and unexpired held appointments. Null when the business is unknown.
 *
 * One statement either way: busy time with the rules version when the rules are cached, busy time with the
 * rules when they are not. Every booking reads a calendar, and the rules are most of what such a read costs.
 */
export async function loadCalendar(source: CalendarSource, businessId: string, window: CalendarWindow): Promise<Calendar | null> {
  const cached = source.rules?.get(businessId);
  const from = new Date(window.from).toISOString();
  const to = new Date(window.to).toISOString();
  const now = new Date(window.now).toISOString();
  const result = await source.db.execute(sql`
    select
      ${cached ? sql`null` : rulesJson(businessId, window.now - PAST_MARGIN_MS)} as rules,
      (select rules_version from businesses where id = ${businessId}) as version,
      (select coalesce(json_agg(json_build_array(s.staff_id, ${epochMs('s.starts_at')}, ${epochMs('s.ends_at')})), '[]'::json)
         from appointment_segments s
         where s.business_id = ${businessId} and s.status in ('held', 'booked')
           and s.ends_at > ${from}::timestamptz and s.starts_at < ${to}::timestamptz
           -- An expired hold is free for everyone even before the sweeper marks it.
           and (s.status = 'booked' or s.hold_expires_at > ${now}::timestamptz)
           and not (s.appointment_id = any(${`{${(window.excludeAppointmentIds ?? []).join(',')}}`}::uuid[]))) as busy`);
  const [row] = rowsOf<CalendarRow>(result);
  if (!row || row.version === null) {
    source.rules?.forget(businessId);
    return null;
  }
  let rules = cached && cached.version === Number(row.version) ? cached : parseRules(row.rules);
  // Cached but outdated: the rules changed since, read them again (rare: staff, hours or services were edited).
  rules ??= await loadRules(source.db, businessId, window.now);
  if (!rules) return null;
  source.rules?.set(businessId, rules);
  const busy: BusyInterval[] = row.busy.map(([staffId, startsAt, endsAt]) => ({ staffId, startsAt: Number(startsAt), endsAt: Number(endsAt) }));
  return calendarOf(rules, busy, window);
}

/**
 * The calendar of a window from rules and the busy time read for it. Busy time is known only inside the window;
 * the engine never offers anything outside it. Closures and time off are narrowed to the window, which is all
 * the engine looks at.
 */
export function calendarOf(rules: CalendarRules, busy: BusyInterval[], window: { from: number; to: number }): Calendar {
  const inWindow = (i: Interval) => i.endsAt > window.from && i.startsAt < window.to;
  return {
    business: { ...rules.business, closures: rules.business.closures.filter(inWindow) },
    services: rules.services,
    staff: rules.staff.map((m) => (m.timeOff.length === 0 ? m : { ...m, timeOff: m.timeOff.filter(inWindow) })),
    busy,
    busyCoverage: { startsAt: window.from, endsAt: window.to },
  };
}
