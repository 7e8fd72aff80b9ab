import type { Sql } from 'postgres';
import type { CheckResult } from './check-result.js';
import type { CallRecord } from './call-record.js';
import { lostWithKilledInstance, type RunFacts } from './run-context.js';

const FINAL_STATUSES = new Set(['ended', 'error']);

/**
 * Every call has a final status and an outcome once the surviving instances have shut down (a graceful stop
 * ends every session, including those still waiting out the reconnect grace period). A call whose session
 * lived only in the killed process cannot be finished by anyone but Retell's call_ended webhook, which this
 * harness does not send: those are listed as notes. The outcome must also agree with what the caller was told.
 */
export async function checkCalls(sql: Sql, facts: RunFacts): Promise<CheckResult> {
  const rows = await sql<Array<{ id: string; status: string; outcome: string | null; finished: boolean }>>`
    select id, status, outcome, transcript is not null as finished from calls`;
  const byId = new Map(rows.map((r) => [r.id, r]));
  const violations: string[] = [];
  const notes: string[] = [];
  let final = 0;
  for (const record of facts.records) {
    const row = byId.get(record.callId);
    const lost = lostWithKilledInstance(record, facts);
    if (!row) {
      // A call that never got a greeting may never have reached the dialogue.
      if (record.outcome === 'failed' && record.turns === 0)
        notes.push(`call ${record.callId}: no row, the call never got past the greeting (${record.reason})`);
      else violations.push(`call ${record.callId}: no row in calls`);
      continue;
    }
    if (FINAL_STATUSES.has(row.status) && row.outcome !== null) {
      final++;
      const disagreement = outcomeDisagreement(record, row.outcome);
      if (disagreement && !lost) violations.push(`call ${record.callId}: outcome ${row.outcome}, but ${disagreement}`);
      continue;
    }
    const line = `call ${record.callId}: status ${row.status}, outcome ${row.outcome ?? 'none'}`;
    if (lost)
      notes.push(
        `${line}; its session died with the killed instance ${record.outcome === 'failed' ? 'mid-call' : `${endedBeforeKill(record, facts)} after the call ended, before its end was recorded`}`,
      );
    else violations.push(`${line} after every surviving instance shut down`);
  }
  // The function calls' own rows are checked with them (check-function-calls.ts).
  const placed = new Set([...facts.records, ...(facts.functionBurst?.calls ?? [])].map((r) => r.callId));
  for (const row of rows) if (!placed.has(row.id)) violations.push(`call ${row.id} in the database was never placed by this run`);
  const outcomes: Record<string, number> = {};
  for (const row of rows) outcomes[`outcome ${row.outcome ?? 'none'}`] = (outcomes[`outcome ${row.outcome ?? 'none'}`] ?? 0) + 1;
  return {
    name: 'every call has a final status and outcome',
    violations,
    notes,
    facts: { calls: rows.length, final, 'finished by the dialogue': rows.filter((r) => r.finished).length, ...outcomes },
  };
}

/** Why the recorded outcome contradicts the call as the caller lived it, or null when it does not. */
function outcomeDisagreement(record: CallRecord, outcome: string): string | null {
  const told = new Set(record.told.map((t) => t.kind));
  if (told.has('booked') && outcome !== 'booked') return 'the caller was told of a booking';
  if (told.has('rescheduled') && !told.has('booked') && outcome !== 'rescheduled_appointment') return 'the caller was told of a move';
  if (told.has('cancelled') && told.size === 1 && outcome !== 'cancelled_appointment') return 'the caller was told of a cancellation';
  if (told.size === 0 && outcome === 'booked') return 'the caller was never told of a booking';
  return null;
}

function endedBeforeKill(record: CallRecord, facts: RunFacts): string {
  return facts.killedAt === null ? '' : `${((facts.killedAt - record.endedAt) / 1000).toFixed(1)} s`;
}
