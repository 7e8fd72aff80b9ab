/** The lifecycle events a call row is built from. */
export const CALL_EVENT_KINDS = ['call_started', 'call_ended', 'call_analyzed'] as const;
export type CallEventKind = (typeof CALL_EVENT_KINDS)[number];

/** Retell's call states; a row moves forward through them, never back. */
export const CALL_STATUSES = ['registered', 'ongoing', 'ended', 'error', 'not_connected'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

export interface CallUtterance {
  role: string;
  content: string;
}

/** One lifecycle event, already validated and normalised by the transport (numbers in E.164). */
export interface CallEvent {
  kind: CallEventKind;
  callId: string;
  agentId: string | null;
  callType: string | null;
  direction: 'inbound' | 'outbound' | null;
  fromNumber: string | null;
  toNumber: string | null;
  /** The state Retell reported, when it reported a known one. */
  status: CallStatus | null;
  startedAt: Date | null;
  endedAt: Date | null;
  durationMs: number | null;
  disconnectionReason: string | null;
  transcript: CallUtterance[] | null;
  transcriptText: string | null;
  recordingUrl: string | null;
  analysis: Record<string, unknown> | null;
  latency: Record<string, unknown> | null;
}

export function isCallStatus(value: string): value is CallStatus {
  return (CALL_STATUSES as readonly string[]).includes(value);
}

export function isTerminalStatus(status: string): boolean {
  return status === 'ended' || status === 'error' || status === 'not_connected';
}
