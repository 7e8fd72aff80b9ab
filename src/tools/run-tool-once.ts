import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { processedEvents } from '../db/schema.js';
import { runTool } from './run-tool.js';
import { WRITE_TOOLS, type ToolName } from './schemas.js';
import type { ToolContext, ToolResult } from './tool-context.js';

/** JSON with object keys sorted, so the same arguments in another key order are the same request. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** How long a retry waits for the first run of the same request to finish (Retell's function timeout is 10 s). */
const WAIT_FOR_FIRST_MS = 12_000;

/**
 * Runs a write at most once per call, tool and arguments: Retell retries a function call (up to twice) when our
 * answer is slow or lost, and the retry must get the first answer, not a second write or a "not found" from a
 * write the first run already did. The key is claimed before the tool runs, so a retry that overlaps the first
 * run waits for its answer. Reads are not deduplicated: asking again later must see the calendar as it is then.
 * Without a call id there is no identity to deduplicate on, and the tool simply runs.
 */
export async function runToolOnce(ctx: ToolContext, name: ToolName, args: unknown): Promise<{ result: ToolResult; repeated: boolean }> {
  if (!ctx.callId || !WRITE_TOOLS.has(name)) return { result: await runTool(ctx, name, args), repeated: false };
  const db = ctx.deps.db;
  const key = `function:${ctx.callId}:${name}:${createHash('sha256').update(canonical(args ?? {})).digest('hex')}`;
  const [claimed] = await db.insert(processedEvents).values({ key, kind: 'function', result: null }).onConflictDoNothing().returning({ key: processedEvents.key });
  if (!claimed) return { result: await waitForAnswer(ctx, key), repeated: true };
  try {
    const result = await runTool(ctx, name, args);
    await db.update(processedEvents).set({ result }).where(eq(processedEvents.key, key));
    return { result, repeated: false };
  } catch (error) {
    // A fault is not an answer: free the key so Retell's retry can try again.
    await db.delete(processedEvents).where(eq(processedEvents.key, key)).catch(() => undefined);
    throw error;
  }
}

/** The answer of the first run of a request, once it is stored. */
async function waitForAnswer(ctx: ToolContext, key: string): Promise<ToolResult> {
  const deadline = Date.now() + WAIT_FOR_FIRST_MS;
  for (;;) {
    const [row] = await ctx.deps.db.select({ result: processedEvents.result }).from(processedEvents).where(eq(processedEvents.key, key)).limit(1);
    if (row?.result) return row.result as ToolResult;
    if (!row) throw new Error('the first run of this function call failed; retry');
    if (Date.now() > deadline) throw new Error('the first run of this function call is still running');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
