import type { Sql } from 'postgres';
import type { CheckResult } from './check-result.js';
import type { RunFacts } from './run-context.js';

interface HoldRow {
  id: string;
  status: string;
  created_at: Date;
  /** When the hold stopped holding: cancelled, or released as expired (its last update). */
  released_at: Date | null;
  hold_expires_at: Date | null;
}

/**
 * "Offered slots are held for the call, so nobody else takes them while the caller decides." For every slot a
 * caller said yes to and then lost at booking, the database tells whether the call held it when it was offered:
 * a slot held over the whole time between offer and booking must not be lost (a violation); a slot that was
 * offered without a hold, or whose hold went before the booking, is a finding. Alternatives offered by
 * book_appointment after a lost race are never held, so their losses are only counted.
 */
export async function checkOffers(sql: Sql, facts: RunFacts): Promise<CheckResult> {
  const violations: string[] = [];
  const findings: string[] = [];
  let fromCheck = 0;
  let fromBook = 0;
  let neverHeld = 0;
  let releasedEarly = 0;
  for (const record of facts.records) {
    for (const lost of record.lostAtBooking) {
      if (lost.offeredBy === 'book_appointment') {
        fromBook++;
        continue;
      }
      fromCheck++;
      const holds = await sql<HoldRow[]>`
        select id, status, created_at, hold_expires_at,
               coalesce(cancelled_at, case when status = 'expired' then updated_at end) as released_at
        from appointments
        where call_id = ${record.callId} and staff_id = ${lost.staffId} and starts_at = ${new Date(lost.start)} and created_at <= ${new Date(lost.offeredAt)}
        order by created_at desc`;
      // Only a hold still standing when the offer was made counts: an earlier offer's released hold does not.
      const live = holds.filter((h) => h.released_at === null || h.released_at.getTime() > lost.offeredAt);
      const what = `call ${record.callId}: ${lost.start} with staff ${lost.staffId}, offered at ${iso(lost.offeredAt)}, lost at ${iso(lost.lostAt)}`;
      const hold = live[0];
      if (!hold) {
        neverHeld++;
        findings.push(`${what}: offered without a hold${holds.length > 0 ? ' (an earlier offer had held it and let it go)' : ''}`);
      } else if (hold.released_at && hold.released_at.getTime() < lost.lostAt) {
        releasedEarly++;
        findings.push(`${what}: its hold ${hold.id} was released (${hold.status}) at ${hold.released_at.toISOString()}, before the booking`);
      } else {
        violations.push(`${what}: held (${hold.id}, now ${hold.status}, expiring ${hold.hold_expires_at?.toISOString() ?? '-'}) and still lost`);
      }
    }
  }
  return {
    name: 'offered slots stay held until the caller answers',
    violations,
    notes: findings,
    facts: {
      'lost at booking after check_availability': fromCheck,
      'of those not held when offered': neverHeld,
      'of those released before booking': releasedEarly,
      'lost at booking after book_appointment alternatives (not held)': fromBook,
    },
  };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
