import type { Sql } from 'postgres';
import type { CheckResult } from './check-result.js';

/**
 * No two active busy segments of one staff member overlap. Checked twice: by the segments' own status (what the
 * exclusion constraint sees) and by their appointment's status, so a segment whose status fell out of step with
 * its appointment cannot hide a double booking from the first query.
 */
export async function checkOverlaps(sql: Sql): Promise<CheckResult> {
  const bySegment = await sql<Array<{ staff_id: string; a: string; b: string; a_start: Date; a_end: Date; b_start: Date; b_end: Date }>>`
    select s1.staff_id, s1.appointment_id as a, s2.appointment_id as b, s1.starts_at as a_start, s1.ends_at as a_end, s2.starts_at as b_start, s2.ends_at as b_end
    from appointment_segments s1
    join appointment_segments s2
      on s1.staff_id = s2.staff_id and s1.id < s2.id
     and tstzrange(s1.starts_at, s1.ends_at, '[)') && tstzrange(s2.starts_at, s2.ends_at, '[)')
    where s1.status in ('held', 'booked') and s2.status in ('held', 'booked')`;
  const byAppointment = await sql<Array<{ staff_id: string; a: string; b: string; a_status: string; b_status: string }>>`
    select s1.staff_id, s1.appointment_id as a, s2.appointment_id as b, a1.status as a_status, a2.status as b_status
    from appointment_segments s1
    join appointments a1 on a1.id = s1.appointment_id
    join appointment_segments s2
      on s1.staff_id = s2.staff_id and s1.id < s2.id
     and tstzrange(s1.starts_at, s1.ends_at, '[)') && tstzrange(s2.starts_at, s2.ends_at, '[)')
    join appointments a2 on a2.id = s2.appointment_id
    where a1.status in ('held', 'booked') and a2.status in ('held', 'booked')`;
  const [mismatch] = await sql<Array<{ n: number }>>`
    select count(*)::int as n from appointment_segments s join appointments a on a.id = s.appointment_id where s.status <> a.status`;
  const [totals] = await sql<Array<{ segments: number; active: number }>>`
    select count(*)::int as segments, count(*) filter (where status in ('held', 'booked'))::int as active from appointment_segments`;

  const violations = [
    ...bySegment.map(
      (r) => `staff ${r.staff_id}: appointments ${r.a} [${iso(r.a_start)}, ${iso(r.a_end)}) and ${r.b} [${iso(r.b_start)}, ${iso(r.b_end)}) overlap`,
    ),
    ...byAppointment.map((r) => `staff ${r.staff_id}: appointments ${r.a} (${r.a_status}) and ${r.b} (${r.b_status}) overlap (by appointment status)`),
    ...((mismatch?.n ?? 0) > 0 ? [`${mismatch?.n} segments whose status differs from their appointment's`] : []),
  ];
  return {
    name: 'no staff member booked twice',
    violations: [...new Set(violations)],
    facts: {
      segments: totals?.segments ?? 0,
      'active segments': totals?.active ?? 0,
      'overlapping pairs': bySegment.length,
      'overlapping pairs by appointment status': byAppointment.length,
    },
    notes: [],
  };
}

function iso(d: Date): string {
  return d.toISOString();
}
