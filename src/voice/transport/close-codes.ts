/**
 * Every close code this transport uses, in one place. Retell reads them: 1000 counts as a deliberate hangup by the
 * agent (`agent_hangup`), so it is used only after the agent said goodbye, never to signal a fault; 1007 ends the
 * call as a corrupt payload.
 */
export const CloseCode = {
  /** The agent ended or transferred the call and Retell did not close the socket itself. */
  agentHungUp: 1000,
  /** The server is shutting down; Retell may reconnect to another instance. */
  goingAway: 1001,
  /** A binary frame arrived; the protocol is text frames of JSON only. */
  binaryFrame: 1007,
  /** A frame larger than the configured cap (sent by `ws` itself through `maxPayload`). */
  frameTooLarge: 1009,
  /** An unexpected fault in our own code while handling a frame or opening a call. */
  internalError: 1011,
  /** A newer connection for the same call id took over; Retell has already given up on this one. */
  replaced: 4000,
  /** Nothing at all arrived for longer than the idle limit, not even a keepalive: the call is ended. */
  idle: 4001,
  /**
   * The call id is not this socket's to use: that call has ended, or it belongs to another business. Nothing is
   * said (a greeting could name the stored customer) and nothing of that call is touched.
   */
  refused: 4003,
} as const;

export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];
