import { eq } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import { JsonObject } from '../db/json-columns.js';
import { calls } from '../db/schema.js';

/**
 * Saves where a call's conversation stands. Instances keep calls in memory; when one goes away mid-call, Retell
 * reconnects to another, which picks the conversation up from here instead of starting over.
 */
export async function saveDialogueSnapshot(db: Queryable, callId: string, snapshot: Record<string, unknown>): Promise<void> {
  await db.update(calls).set({ dialogueState: snapshot }).where(eq(calls.id, callId));
}

/**
 * The saved conversation of a call that has not ended, or null. Only its being a JSON object is checked here:
 * the conversation parses its own shape, and starts afresh from one it cannot read.
 */
export async function loadDialogueSnapshot(db: Queryable, callId: string): Promise<Record<string, unknown> | null> {
  const [row] = await db.select({ snapshot: calls.dialogueState, status: calls.status }).from(calls).where(eq(calls.id, callId)).limit(1);
  if (!row?.snapshot || row.status === 'ended' || row.status === 'error') return null;
  const parsed = JsonObject.safeParse(row.snapshot);
  return parsed.success ? parsed.data : null;
}
