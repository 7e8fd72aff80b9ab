import type { CallerSource } from '../db/schema.js';
import type { Directory } from '../booking/load-directory.js';

/** Who the reception serves: one business, one call (or one function request without a call), one caller. */
export interface ReceptionScope {
  businessId: string;
  /** Retell's call id; part of every idempotency key. Null: nothing is held and every write is new. */
  callId: string | null;
  /** The calling number (E.164) when known. */
  callerNumber: string | null;
  /** Where the appointments it books come from. */
  source: CallerSource;
  /**
   * The key of the request being served (a function call's call, tool and arguments) when it can be retried after a
   * crash: a cancel or move records it with the change, so the retry finds what its first run committed.
   */
  requestKey?: string;
  /** The business's directory when the caller already has it; otherwise read when needed. */
  directory?: Directory;
}
