import { createHash, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { claimFunctionCall, freeFunctionCall, readFunctionCall, RENEW_MS, renewFunctionCall, storeFunctionResult } from './function-claim.js';
import { runTool } from './run-tool.js';
import { WRITE_TOOLS, type ToolName } from './schemas.js';
import type { ToolContext, ToolResult } from './tool-context.js';
import { canonicalJson } from '../text/canonical-json.js';

/** The identity of one function call: the call, the tool and its arguments (in any key order). */
export function functionCallKey(callId: string, name: ToolName, args: unknown): string {
  return `function:${callId}:${name}:${createHash('sha256')
    .update(canonicalJson(args ?? {}))
    .digest('hex')}`;
}

/**
 * How long a retry waits for a first run that is still alive (renewing its claim). Retell gives up on a function
 * call after about 10 s: past this, an answer would reach nobody, and a fault lets Retell retry once more.
 */
const WAIT_FOR_FIRST_MS = 8_000;
const POLL_MS = 50;

/**
 * Runs a write at most once per call, tool and arguments: Retell retries a function call (up to twice) when our
 * answer is slow or lost, and the retry must get the first answer, not a second write or a "not found" from a
 * write the first run already did. Reads are not deduplicated: asking again later must see the calendar as it is
 * then. Without a call id there is no identity to deduplicate on, and the tool simply runs.
 *
 * The claim is a lease the run renews while it works, not one transaction with the write: a tool's write is one of
 * several statements and transactions (release holds, book, hold alternatives, record the call's outcome), and
 * its answer is phrased after the commit, so there is no single transaction to put the answer in. Instead a run
 * that dies leaves a claim that lapses within the lease, the next retry takes it over and runs the tool afresh,
 * and the tools find what a dead run committed by the writes' own keys: a booking by its idempotency key (or the
 * hold it confirmed), a cancel or move by this request's key recorded with the change. So a retry after any crash
 * gets the committed outcome or a fresh run, never a second appointment and never a wedged key.
 */
export async function runToolOnce(ctx: ToolContext, name: ToolName, args: unknown): Promise<{ result: ToolResult; repeated: boolean }> {
  if (!ctx.callId || !WRITE_TOOLS.has(name)) return { result: await runTool(ctx, name, args), repeated: false };
  const db = ctx.deps.db;
  const key = functionCallKey(ctx.callId, name, args);
  const token = randomUUID();
  const deadline = Date.now() + WAIT_FOR_FIRST_MS;
  for (;;) {
    if (await claimFunctionCall(db, key, token)) return { result: await runClaimed({ ...ctx, requestKey: key }, name, args, token), repeated: false };
    const seen = await readFunctionCall(db, key);
    if (seen?.result) return { result: seen.result, repeated: true };
    if (Date.now() > deadline) throw new Error('the first run of this function call is still running');
    // Gone (the first run failed and freed the key) or lapsed (its process died): claim it at once.
    if (seen?.live) await sleep(POLL_MS);
  }
}

/** Runs the tool under a claim it keeps renewing, and stores the answer (or frees the claim on a fault). */
async function runClaimed(ctx: ToolContext & { requestKey: string }, name: ToolName, args: unknown, token: string): Promise<ToolResult> {
  const db = ctx.deps.db;
  const key = ctx.requestKey;
  // A failed renewal is not fatal: at worst the lease lapses and a retry runs beside this run, which the
  // writes' own keys make safe.
  const renewal = setInterval(() => void renewFunctionCall(db, key, token).catch(() => undefined), RENEW_MS);
  renewal.unref();
  try {
    const result = await runTool(ctx, name, args);
    clearInterval(renewal);
    return await storeFunctionResult(db, key, result);
  } catch (error) {
    clearInterval(renewal);
    // A fault is not an answer: free the key so Retell's retry can try again. If even that fails, the lease lapses.
    await freeFunctionCall(db, key, token).catch(() => undefined);
    throw error;
  }
}
