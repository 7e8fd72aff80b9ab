import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import { calls, type CallOutcome } from '../db/schema.js';
import { DECISIVE_OUTCOMES_SQL } from '../booking/record-call-outcome.js';

/**
 * Stores what the dialogue knows when a call's socket is gone for good: the transcript and the outcome. The
 * dialogue's own outcome wins over one the lifecycle webhook guessed from the disconnection reason, but never
 * over a decisive one (a booking stays a booking); without one, an empty outcome becomes `abandoned`.
 */
export async function finishCall(
  db: Queryable,
  input: { callId: string; transcript: Array<{ role: string; content: string }> | null; outcome: CallOutcome | null; at: Date },
): Promise<void> {
  const decisive = DECISIVE_OUTCOMES_SQL;
  // null: the call opted out of sensitive data storage; nothing of what was said is kept.
  const text = input.transcript?.map((u) => `${u.role === 'agent' ? 'Agent' : 'User'}: ${u.content}`).join('\n') ?? null;
  await db
    .update(calls)
    .set({
      transcript: input.transcript,
      transcriptText: text,
      outcome: sql`case when ${calls.outcome} in (${decisive}) then ${calls.outcome} else coalesce(${input.outcome}, ${calls.outcome}, 'abandoned') end`,
      status: sql`case when ${calls.status} in ('ended', 'error') then ${calls.status} else 'ended' end`,
      endedAt: sql`coalesce(${calls.endedAt}, ${input.at.toISOString()}::timestamptz)`,
      updatedAt: sql`now()`,
    })
    .where(eq(calls.id, input.callId));
}
