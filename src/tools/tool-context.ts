import type { BookingDeps } from '../booking/booking-deps.js';
import type { CallerSource } from '../db/schema.js';
import { loadDirectory, type Directory } from '../booking/load-directory.js';
import { createReception } from '../reception/create-reception.js';
import type { Reception } from '../reception/reception.js';
import type { ReceptionScope } from '../reception/reception-scope.js';
import type { ToolResult } from './results.js';

export type { ToolResult } from './results.js';

/** Who is asking and for which business: the Retell function endpoints (and, until it calls the reception, the phone dialogue). */
export interface ToolContext {
  deps: BookingDeps;
  businessId: string;
  /** Retell's call id; part of every idempotency key, so a repeated tool call books nothing new. */
  callId: string | null;
  /** The number the call comes from (E.164) when known: the default for a booking's `telefon`, the only key to changes. */
  callerNumber: string | null;
  source: CallerSource;
  /**
   * The function call's own key (call, tool and arguments) when it runs under a claim: a cancel or move records it
   * with the change, so a retry after a crash finds what its first run committed.
   */
  requestKey?: string;
  /** The business's directory when the caller already has it (the dialogue does); otherwise read per request. */
  directory?: Directory;
}

/**
 * A tool's answer read field by field without knowing which tool gave it: for tests, and for the phone dialogue's
 * tool runner until the dialogue asks the reception itself.
 */
export type LooseToolResult = ToolResult & { [field: string]: unknown };

/** The directory of the tool's business: the one passed in, or read now. */
export async function directoryOf(ctx: ToolContext): Promise<Directory | null> {
  return ctx.directory ?? loadDirectory(ctx.deps.db, ctx.businessId);
}

/** Whom the reception serves for this tool call, reusing the directory already read. */
export function scopeOf(ctx: ToolContext, directory: Directory): ReceptionScope {
  return {
    businessId: ctx.businessId,
    callId: ctx.callId,
    callerNumber: ctx.callerNumber,
    source: ctx.source,
    directory,
    ...(ctx.requestKey ? { requestKey: ctx.requestKey } : {}),
  };
}

/** The reception of the tool's call (or request). */
export function receptionOf(ctx: ToolContext, directory: Directory): Reception {
  return createReception(ctx.deps, scopeOf(ctx, directory));
}
