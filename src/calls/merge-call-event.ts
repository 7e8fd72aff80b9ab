import type { calls } from '../db/schema.js';
import { isCallStatus, type CallEvent, type CallStatus } from './call-event.js';

/** The columns of a call row that lifecycle events write, as the schema defines them. */
export type CallState = Pick<
  typeof calls.$inferSelect,
  | 'agentId'
  | 'callType'
  | 'direction'
  | 'fromNumber'
  | 'toNumber'
  | 'status'
  | 'startedAt'
  | 'endedAt'
  | 'durationMs'
  | 'disconnectionReason'
  | 'transcript'
  | 'transcriptText'
  | 'recordingUrl'
  | 'analysis'
  | 'latency'
>;

const RANK: Record<CallStatus, number> = { registered: 0, ongoing: 1, ended: 2, error: 2, not_connected: 2 };
const IMPLIED: Record<CallEvent['kind'], CallStatus> = { call_started: 'ongoing', call_ended: 'ended', call_analyzed: 'ended' };

const rankOf = (status: string) => (isCallStatus(status) ? RANK[status] : 0);

/** The state an event stands for: what Retell reported, but never behind what the event itself implies. */
function statusOfEvent(event: CallEvent): CallStatus {
  const implied = IMPLIED[event.kind];
  return event.status && RANK[event.status] >= RANK[implied] ? event.status : implied;
}

/**
 * Folds one event into a call row. Retell delivers in order but without blocking on failures, so a retried
 * call_started can arrive after call_ended: an event from an earlier stage only fills fields that are still
 * empty, one from the same or a later stage overwrites (keeping known values it lacks). For consistent events
 * the result does not depend on the order of arrival.
 */
export function mergeCallEvent(current: CallState, event: CallEvent): CallState {
  const incoming = statusOfEvent(event);
  const newer = rankOf(incoming) >= rankOf(current.status);
  const pick = <T>(fresh: T | null, known: T | null): T | null => (newer ? (fresh ?? known) : (known ?? fresh));
  return {
    agentId: pick(event.agentId, current.agentId),
    callType: pick(event.callType, current.callType),
    direction: pick(event.direction, current.direction),
    fromNumber: pick(event.fromNumber, current.fromNumber),
    toNumber: pick(event.toNumber, current.toNumber),
    status: newer ? incoming : current.status,
    startedAt: pick(event.startedAt, current.startedAt),
    endedAt: pick(event.endedAt, current.endedAt),
    durationMs: pick(event.durationMs ?? durationOf(event), current.durationMs),
    disconnectionReason: pick(event.disconnectionReason, current.disconnectionReason),
    transcript: pick(event.transcript, current.transcript),
    transcriptText: pick(event.transcriptText, current.transcriptText),
    recordingUrl: pick(event.recordingUrl, current.recordingUrl),
    analysis: pick(event.analysis, current.analysis),
    latency: pick(event.latency, current.latency),
  };
}

function durationOf(event: CallEvent): number | null {
  if (!event.startedAt || !event.endedAt) return null;
  const ms = event.endedAt.getTime() - event.startedAt.getTime();
  return ms >= 0 && ms <= 2_147_483_647 ? ms : null;
}
