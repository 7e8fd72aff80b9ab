import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import { rowsOf } from '../db/rows.js';
import type { BusinessRules, Calendar, Interval, ServiceDef, StaffDef, WeeklyHours } from './calendar-model.js';

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

type Pair = [number | string, number | string];
interface CalendarRow {
  business: { id: string; time_zone: string; holiday_region: string | null; opening_hours: WeeklyHours; slot_step_minutes: number; min_notice_minutes: number; horizon_days: number } | null;
  services: Array<{ id: string; name: string; duration_minutes: number; buffer_before_minutes: number; buffer_after_minutes: number; segments: ServiceDef['segments'] }>;
  staff: Array<{ id: string; name: string; working_hours: WeeklyHours; service_ids: string[]; time_off: Pair[] }>;
  closures: Pair[];
  busy: Array<[string, number | string, number | string]>;
}

const ms = (p: Pair): Interval => ({ startsAt: Number(p[0]), endsAt: Number(p[1]) });
const epochMs = (column: string) => sql.raw(`(extract(epoch from ${column}) * 1000)::float8`);

/**
 * Reads what the availability engine needs for one business and window: rules, services, staff (with their
 * services and time off), closures, and the busy segments of booked and unexpired held appointments. Null when
 * the business is unknown.
 *
 * One statement with JSON aggregates rather than seven queries: every booking reads the calendar, and under
 * load the round trips (and pool connections) of seven parallel queries cost far more than the aggregation.
 */
export async function loadCalendar(db: Queryable, businessId: string, window: CalendarWindow): Promise<Calendar | null> {
  const from = new Date(window.from).toISOString();
  const to = new Date(window.to).toISOString();
  const now = new Date(window.now).toISOString();
  const result = await db.execute(sql`
    select
      (select row_to_json(b) from (
         select id, time_zone, holiday_region, opening_hours, slot_step_minutes, min_notice_minutes, horizon_days
         from businesses where id = ${businessId}) b) as business,
      (select coalesce(json_agg(s order by s.id), '[]'::json) from (
         select id, name, duration_minutes, buffer_before_minutes, buffer_after_minutes, segments
         from services where business_id = ${businessId} and active) s) as services,
      (select coalesce(json_agg(m order by m.id), '[]'::json) from (
         select st.id, st.name, st.working_hours,
           array(select ss.service_id from staff_services ss where ss.staff_id = st.id order by ss.service_id) as service_ids,
           array(select json_build_array(${epochMs('t.starts_at')}, ${epochMs('t.ends_at')})
                 from staff_time_off t where t.staff_id = st.id and t.ends_at > ${from}::timestamptz and t.starts_at < ${to}::timestamptz) as time_off
         from staff st where st.business_id = ${businessId} and st.active) m) as staff,
      (select coalesce(json_agg(json_build_array(${epochMs('c.starts_at')}, ${epochMs('c.ends_at')})), '[]'::json)
         from closures c where c.business_id = ${businessId} and c.ends_at > ${from}::timestamptz and c.starts_at < ${to}::timestamptz) as closures,
      (select coalesce(json_agg(json_build_array(s.staff_id, ${epochMs('s.starts_at')}, ${epochMs('s.ends_at')})), '[]'::json)
         from appointment_segments s
         where s.business_id = ${businessId} and s.status in ('held', 'booked')
           and s.ends_at > ${from}::timestamptz and s.starts_at < ${to}::timestamptz
           -- An expired hold is free for everyone even before the sweeper marks it.
           and (s.status = 'booked' or s.hold_expires_at > ${now}::timestamptz)
           and not (s.appointment_id = any(${`{${(window.excludeAppointmentIds ?? []).join(',')}}`}::uuid[]))) as busy`);
  const [row] = rowsOf<CalendarRow>(result);
  if (!row?.business) return null;
  const b = row.business;
  const business: BusinessRules = {
    id: b.id,
    timeZone: b.time_zone,
    holidayRegion: b.holiday_region,
    openingHours: b.opening_hours,
    closures: row.closures.map(ms),
    slotStepMinutes: b.slot_step_minutes,
    minNoticeMinutes: b.min_notice_minutes,
    horizonDays: b.horizon_days,
  };
  const services: ServiceDef[] = row.services.map((s) => ({
    id: s.id,
    name: s.name,
    durationMinutes: s.duration_minutes,
    bufferBeforeMinutes: s.buffer_before_minutes,
    bufferAfterMinutes: s.buffer_after_minutes,
    segments: s.segments,
  }));
  // Sorted by id (in SQL) so every consumer sees the same order: the engine's tie-breaks rely on it.
  const staff: StaffDef[] = row.staff.map((m) => ({ id: m.id, name: m.name, workingHours: m.working_hours, serviceIds: m.service_ids, timeOff: m.time_off.map(ms) }));
  const busy = row.busy.map(([staffId, startsAt, endsAt]) => ({ staffId, startsAt: Number(startsAt), endsAt: Number(endsAt) }));
  // Busy time is known only inside the window read; the engine never offers anything outside it.
  return { business, services, staff, busy, busyCoverage: { startsAt: window.from, endsAt: window.to } };
}
