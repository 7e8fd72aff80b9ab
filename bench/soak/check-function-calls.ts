import type { Sql } from 'postgres';
import type { CheckResult } from './check-result.js';
import type { RunFacts } from './run-context.js';
import { canonicalJson } from '../../src/text/canonical-json.js';

/**
 * The function calls the instance was killed amid: each was answered (by a survivor, without hanging and
 * without a 5xx), every try of one call got the same answer, each booking answered is in the database for that
 * call and nothing was booked twice, each call ended, and no function call's claim was left without an answer.
 */
export async function checkFunctionCalls(sql: Sql, facts: RunFacts): Promise<CheckResult> {
  const name = 'function calls cut off by the kill are answered once their retries arrive';
  const burst = facts.functionBurst;
  const wedged = await sql<Array<{ key: string; attempts: number }>>`select key, attempts from processed_events where kind = 'function' and result is null`;
  const violations = wedged.map((w) => `claim ${w.key} left without an answer after ${w.attempts} run(s): its retries would wait and fail`);
  if (!burst || burst.calls.length === 0)
    return {
      name,
      violations,
      notes: ['no function calls in this run (they strike with the instance fault)'],
      facts: { 'claims without an answer': wedged.length },
    };

  const ids = burst.calls.map((c) => c.callId);
  const booked = await sql<Array<{ id: string; call_id: string }>>`select id, call_id from appointments where call_id = any(${ids}) and status = 'booked'`;
  const claims = await sql<
    Array<{ key: string; attempts: number }>
  >`select key, attempts from processed_events where key = any(${burst.calls.map((c) => c.key)})`;
  const calls = await sql<Array<{ id: string; status: string; outcome: string | null }>>`select id, status, outcome from calls where id = any(${ids})`;
  for (const call of burst.calls) {
    const tries = call.tries.map((t) => `#${t.instance} ${t.status} ${t.ms} ms`).join(', ');
    if (!call.answer) violations.push(`function call ${call.callId} never answered: ${tries}`);
    for (const t of call.tries) {
      const onSurvivor = t.instance !== facts.killedInstance;
      if (typeof t.status === 'number' && t.status !== 200) violations.push(`function call ${call.callId} answered ${t.status} by instance #${t.instance}`);
      else if (t.status !== 200 && onSurvivor)
        violations.push(`function call ${call.callId}: a try on surviving instance #${t.instance} ended ${t.status} after ${t.ms} ms`);
      else if (t.status === 200 && call.answer && canonicalJson(t.answer) !== canonicalJson(call.answer))
        violations.push(`function call ${call.callId}: a retry was answered differently from the first answer`);
    }
    const own = booked.filter((b) => b.call_id === call.callId);
    if (own.length > 1) violations.push(`function call ${call.callId} booked ${own.length} times`);
    if (call.answer?.booked === true && !own.some((b) => b.id === call.answer?.appointment_id))
      violations.push(`function call ${call.callId} answered booked, but appointment ${String(call.answer.appointment_id)} is not booked for it`);
    const row = calls.find((c) => c.id === call.callId);
    if (row?.status !== 'ended') violations.push(`function call ${call.callId}: call ${row ? `status ${row.status}` : 'has no row'} after its call_ended`);
  }
  const replays = burst.calls.flatMap((c) => c.tries.slice(1));
  return {
    name,
    violations,
    notes: [],
    facts: {
      'function calls': burst.calls.length,
      'cut off between claim and answer': burst.cutOff,
      'taken over by a retry': claims.filter((c) => c.attempts > 1).length,
      retries: replays.length,
      'slowest retry': `${Math.max(0, ...replays.map((t) => t.ms))} ms`,
      booked: booked.length,
      'claims without an answer': wedged.length,
    },
  };
}
