/**
 * Every close code this transport uses, in one place. Retell reads them: 1000 counts as a deliberate hangup by the
 * agent (`agent_hangup`), so it is never used to signal a fault; 1007 ends the call as a corrupt payload.
 */
export const CloseCode = {
  /** The server is shutting down; Retell may reconnect to another instance. */
  goingAway: 1001,
  /** A binary frame arrived; the protocol is text frames of JSON only. */
  binaryFrame: 1007,
  /** An unexpected fault in our own code while handling a frame or opening a call. */
  internalError: 1011,
  /** A newer connection for the same call id took over; Retell has already given up on this one. */
  replaced: 4000,
} as const;

export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];
