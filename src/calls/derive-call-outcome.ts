import type { CallOutcome } from '../db/schema.js';
import type { CallUtterance } from './call-event.js';

/** Reasons that mean the call never worked: telephony, our WebSocket, Retell itself, or the account. */
const FAILED = new Set([
  'dial_busy',
  'dial_failed',
  'dial_no_answer',
  'invalid_destination',
  'telephony_provider_permission_denied',
  'telephony_provider_unavailable',
  'sip_routing_error',
  'concurrency_limit_reached',
  'no_concurrency_fallback',
  'no_valid_payment',
  'registered_call_timeout',
]);

const TRANSFERRED = new Set(['call_transfer', 'transfer_bridged']);

/**
 * The outcome of a call that ended while the dialogue recorded none and no appointment came of it: failed for
 * errors, transferred for hand-overs, information when the agent closed a conversation the caller took part
 * in, abandoned otherwise (the caller hung up or never spoke before anything happened).
 */
export function deriveCallOutcome(disconnectionReason: string | null, status: string, transcript: CallUtterance[] | null): CallOutcome {
  const reason = disconnectionReason ?? '';
  if (reason.startsWith('error_') || FAILED.has(reason) || status === 'error' || status === 'not_connected') return 'failed';
  if (TRANSFERRED.has(reason)) return 'transferred';
  const callerSpoke = (transcript ?? []).some((u) => u.role !== 'agent' && u.content.trim().length > 0);
  if (reason === 'agent_hangup' && callerSpoke) return 'information';
  return 'abandoned';
}
