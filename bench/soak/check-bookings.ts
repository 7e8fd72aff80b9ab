import type { Sql } from 'postgres';
import { DEMO_SALON_ID } from '../../src/business-file/demo-businesses.js';
import type { CheckResult } from './check-result.js';
import { lostWithKilledInstance, touchedKilledInstance, type RunFacts } from './run-context.js';

interface Row {
  id: string;
  status: string;
  starts_at: Date;
  staff_id: string;
  call_id: string | null;
  rescheduled_from_id: string | null;
  hold_expires_at: Date | null;
}

/**
 * The database agrees with what callers were told: every booking confirmed to a caller (and not cancelled or
 * moved by them later) is booked at the start and with the staff member they were told; every cancellation and
 * move told happened; no booking exists that no caller was told about; holds are left only by calls whose
 * session died with the killed instance, and only unexpired.
 */
export async function checkBookings(sql: Sql, facts: RunFacts): Promise<CheckResult> {
  const rows = await sql<Row[]>`
    select id, status, starts_at, staff_id, call_id, rescheduled_from_id, hold_expires_at from appointments where business_id = ${DEMO_SALON_ID}`;
  const byId = new Map(rows.map((r) => [r.id, r]));
  const callOf = new Map(facts.records.map((r) => [r.callId, r]));

  const promised = new Map<string, { start: string; staffId: string | null; callId: string }>();
  const cancelled = new Set<string>();
  const movedAway = new Set<string>();
  // Phone calls and the function calls an agent on Retell's own LLM made: both tell callers what was booked.
  for (const record of [...facts.records, ...(facts.functionBurst?.calls ?? [])]) {
    for (const told of record.told) {
      if (told.kind === 'booked') promised.set(told.appointmentId, { start: told.start, staffId: told.staffId, callId: record.callId });
      if (told.kind === 'rescheduled') {
        promised.set(told.appointmentId, { start: told.start, staffId: told.staffId, callId: record.callId });
        movedAway.add(told.previousAppointmentId);
      }
      if (told.kind === 'cancelled') cancelled.add(told.appointmentId);
    }
  }

  const violations: string[] = [];
  const notes: string[] = [];
  let kept = 0;
  for (const [id, p] of promised) {
    if (cancelled.has(id) || movedAway.has(id)) continue;
    kept++;
    const row = byId.get(id);
    if (!row) violations.push(`told booked but missing: appointment ${id} (call ${p.callId}, ${p.start})`);
    else if (row.status !== 'booked') violations.push(`told booked but ${row.status}: appointment ${id} (call ${p.callId}, ${p.start})`);
    else if (row.starts_at.getTime() !== new Date(p.start).getTime())
      violations.push(`told ${p.start} but booked at ${row.starts_at.toISOString()}: appointment ${id} (call ${p.callId})`);
    else if (p.staffId && row.staff_id !== p.staffId)
      violations.push(
        `told staff ${p.staffId} but booked with ${row.staff_id}: appointment ${id} (call ${p.callId}${row.rescheduled_from_id ? ', after a move' : ''})`,
      );
  }
  for (const id of cancelled) {
    const row = byId.get(id);
    if (row?.status !== 'cancelled') violations.push(`told cancelled but ${row?.status ?? 'missing'}: appointment ${id}`);
  }
  for (const id of movedAway) {
    const row = byId.get(id);
    if (row && row.status !== 'cancelled') violations.push(`told moved away but the old appointment is ${row.status}: appointment ${id}`);
  }

  const now = Date.now();
  let heldUnexpired = 0;
  for (const row of rows) {
    const record = row.call_id ? callOf.get(row.call_id) : undefined;
    if (row.status === 'booked' && !promised.has(row.id)) {
      const where = !record
        ? 'no call of this run'
        : touchedKilledInstance(record, facts)
          ? `call ${record.callId}, which was connected to the killed instance`
          : `call ${record.callId}`;
      violations.push(`booked but never told to a caller: appointment ${row.id} at ${row.starts_at.toISOString()} with staff ${row.staff_id} (${where})`);
    }
    if (row.status === 'held') {
      const expired = row.hold_expires_at !== null && row.hold_expires_at.getTime() <= now;
      if (!expired) heldUnexpired++;
      const line = `hold ${row.id} at ${row.starts_at.toISOString()} of call ${row.call_id ?? '(none)'} ${expired ? 'expired but still held' : `expires ${row.hold_expires_at?.toISOString()}`}`;
      // A call's holds are released when its session ends; only a session killed with its process cannot.
      if (record && lostWithKilledInstance(record, facts) && !expired) notes.push(`${line}: its session died with the killed instance`);
      else violations.push(`${line}: not released when the call ended`);
    }
  }
  const count = (status: string) => rows.filter((r) => r.status === status).length;
  return {
    name: 'the database agrees with what callers were told',
    violations,
    notes,
    facts: {
      'bookings told': promised.size,
      'still booked as told': kept,
      'cancellations told': cancelled.size,
      'moves told': movedAway.size,
      booked: count('booked'),
      cancelled: count('cancelled'),
      'expired or released holds': count('expired'),
      'held (unexpired)': heldUnexpired,
    },
  };
}
