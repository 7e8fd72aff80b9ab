import type { BookingDeps } from '../booking/booking-deps.js';
import { loadDirectory, type Directory } from '../booking/load-directory.js';

/** Who is asking and for which business: the same for the phone dialogue and the HTTP function endpoints. */
export interface ToolContext {
  deps: BookingDeps;
  businessId: string;
  /** Retell's call id; part of every idempotency key, so a repeated tool call books nothing new. */
  callId: string | null;
  /** The caller's number (E.164) when known: the default for `telefon`. */
  callerNumber: string | null;
  source: 'phone' | 'function';
  /**
   * The function call's own key (call, tool and arguments) when it runs under a claim: a cancel or move records it
   * with the change, so a retry after a crash finds what its first run committed.
   */
  requestKey?: string;
  /** The business's directory when the caller already has it (the dialogue does); otherwise read per request. */
  directory?: Directory;
}

/** What every tool returns: a German sentence the agent can say, plus structured fields. */
export interface ToolResult {
  result: string;
  ok: boolean;
  [field: string]: unknown;
}

/** The directory of the tool's business: the one passed in, or read now. */
export async function directoryOf(ctx: ToolContext): Promise<Directory | null> {
  return ctx.directory ?? loadDirectory(ctx.deps.db, ctx.businessId);
}
