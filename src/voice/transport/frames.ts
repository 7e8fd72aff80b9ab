/**
 * The frames of Retell's custom-LLM WebSocket protocol: zod schemas for what Retell sends (discriminated on
 * `interaction_type`) and for what we send (discriminated on `response_type`), plus constructors for our frames.
 * The constructors guarantee the two properties whose violation Retell drops silently, leaving a mute agent:
 * `response_id` is an integer and `content_complete` is a real boolean.
 */
import { z } from 'zod';
import type { CallDetails, SayOptions, Utterance } from '../conversation.js';
import { cleanJson, mayHoldUncleanText } from '../../text/clean-text.js';

// ---------------------------------------------------------------------------------------------------------------
// Retell → server

const Word = z.object({ word: z.string().optional(), start: z.number().optional(), end: z.number().optional() });
export type Word = z.infer<typeof Word>;

/** A transcript line; roles beyond agent/user (e.g. transfer_target) are accepted and count as the caller. */
export const TranscriptUtterance = z.object({ role: z.string(), content: z.string(), words: z.array(Word).optional() });
export type TranscriptUtterance = z.infer<typeof TranscriptUtterance>;

const Transcript = z.array(TranscriptUtterance);

const PingPongIn = z.object({
  interaction_type: z.literal('ping_pong'),
  // Always present in practice; a ping without one is still answered rather than dropping the keepalive.
  timestamp: z.number().optional(),
});

const CallDetailsIn = z.object({
  interaction_type: z.literal('call_details'),
  // A loose object, not z.record: zod's record check reads `value.constructor.prototype` and throws on a call
  // object whose own `constructor` key is null.
  call: z.looseObject({}),
});

const UpdateOnly = z.object({
  interaction_type: z.literal('update_only'),
  transcript: Transcript,
  transcript_with_tool_calls: z.array(z.unknown()).optional(),
  turntaking: z.string().optional(),
});
export type UpdateOnly = z.infer<typeof UpdateOnly>;

// The docs' sample omits response_id and carries a stray `timestamp`; the field table requires the id. We require
// the id (without it no reply can be addressed) and accept, but do not require, the timestamp.
const turnRequestShape = {
  response_id: z.int().min(0),
  transcript: Transcript,
  transcript_with_tool_calls: z.array(z.unknown()).optional(),
  timestamp: z.number().optional(),
};

const ResponseRequired = z.object({ interaction_type: z.literal('response_required'), ...turnRequestShape });
const ReminderRequired = z.object({ interaction_type: z.literal('reminder_required'), ...turnRequestShape });
export type TurnRequestFrame = z.infer<typeof ResponseRequired> | z.infer<typeof ReminderRequired>;

export const InboundFrame = z.discriminatedUnion('interaction_type', [PingPongIn, CallDetailsIn, UpdateOnly, ResponseRequired, ReminderRequired]);
export type InboundFrame = z.infer<typeof InboundFrame>;

const INBOUND_TYPES: ReadonlySet<string> = new Set(InboundFrame.options.map((o) => o.shape.interaction_type.value));
const Envelope = z.object({ interaction_type: z.string() });

/** The outcome of reading one text frame; only `frame` is acted on. Reasons and issues never carry content. */
export type ParsedInbound =
  | { kind: 'frame'; frame: InboundFrame }
  | { kind: 'unknown_type'; interactionType: string }
  | { kind: 'invalid'; reason: 'not_json' | 'too_deep' | 'no_interaction_type' | 'schema'; issues: Array<{ path: string; code: string }> };

/**
 * Parses one text frame from Retell. Never throws. Strings come out clean: no NUL, no lone surrogates (replaced by
 * U+FFFD), so nothing downstream can fail on them.
 */
export function parseInbound(text: string): ParsedInbound {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { kind: 'invalid', reason: 'not_json', issues: [] };
  }
  if (mayHoldUncleanText(text)) {
    const cleaned = cleanJson(raw);
    if (cleaned === undefined) return { kind: 'invalid', reason: 'too_deep', issues: [] };
    raw = cleaned;
  }
  const envelope = Envelope.safeParse(raw);
  if (!envelope.success) return { kind: 'invalid', reason: 'no_interaction_type', issues: [] };
  // Forward compatibility: Retell may add interaction types; those are ignored, not errors.
  if (!INBOUND_TYPES.has(envelope.data.interaction_type)) return { kind: 'unknown_type', interactionType: envelope.data.interaction_type.slice(0, 64) };
  let parsed: ReturnType<typeof InboundFrame.safeParse>;
  try {
    parsed = InboundFrame.safeParse(raw);
  } catch {
    // safeParse should not throw, but a validator fault must not take the socket down with the frame.
    return { kind: 'invalid', reason: 'schema', issues: [] };
  }
  if (!parsed.success) {
    return { kind: 'invalid', reason: 'schema', issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), code: i.code })) };
  }
  return { kind: 'frame', frame: parsed.data };
}

/** The dialogue's view of a transcript: role and text only (word timings stay in the transport). */
export function toUtterances(transcript: TranscriptUtterance[]): Utterance[] {
  return transcript.map((u) => ({ role: u.role, content: u.content }));
}

/** A short text field, or null when missing, mistyped or longer than any real value (it would be stored as is). */
const text = (value: unknown, max: number): string | null => (typeof value === 'string' && value.length > 0 && value.length <= max ? value : null);
/** E.164 has at most 15 digits; room for spaces and a prefix as some carriers send them. */
const NUMBER_MAX = 32;
const ID_MAX = 128;
const WORD_MAX = 32;

/** Maps Retell's call object to the dialogue's CallDetails; missing, mistyped or oversized fields become null. */
export function toCallDetails(callId: string, call: Record<string, unknown>): CallDetails {
  const metadata = call.metadata;
  return {
    callId: text(call.call_id, ID_MAX) ?? callId,
    agentId: text(call.agent_id, ID_MAX),
    fromNumber: text(call.from_number, NUMBER_MAX),
    toNumber: text(call.to_number, NUMBER_MAX),
    direction: text(call.direction, WORD_MAX),
    callType: text(call.call_type, WORD_MAX),
    // The account's choice not to keep sensitive data (newer payloads say it as a storage setting).
    sensitiveDataOptOut:
      call.opt_out_sensitive_data_storage === true ||
      call.data_storage_setting === 'everything_except_pii' ||
      call.data_storage_setting === 'basic_attributes_only',
    metadata: typeof metadata === 'object' && metadata !== null && !Array.isArray(metadata) ? (metadata as Record<string, unknown>) : null,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Server → Retell (strict: a stray or mistyped field in a frame we send is a bug the tests should catch)

const ResponseId = z.int().min(0);

export const ConfigFrame = z.strictObject({
  response_type: z.literal('config'),
  config: z.strictObject({
    auto_reconnect: z.boolean().optional(),
    call_details: z.boolean().optional(),
    transcript_with_tool_calls: z.boolean().optional(),
  }),
});
export type ConfigFrame = z.infer<typeof ConfigFrame>;

export const PingPongOut = z.strictObject({ response_type: z.literal('ping_pong'), timestamp: z.number() });
export type PingPongOut = z.infer<typeof PingPongOut>;

const actionFields = {
  no_interruption_allowed: z.boolean().optional(),
  end_call: z.boolean().optional(),
  transfer_number: z.string().optional(),
  show_transferee_as_caller: z.boolean().optional(),
  digit_to_press: z.string().optional(),
};

export const ResponseFrame = z.strictObject({
  response_type: z.literal('response'),
  response_id: ResponseId,
  content: z.string(),
  content_complete: z.boolean(),
  ...actionFields,
});
export type ResponseFrame = z.infer<typeof ResponseFrame>;

const AgentInterruptFrame = z.strictObject({
  response_type: z.literal('agent_interrupt'),
  interrupt_id: ResponseId,
  content: z.string(),
  content_complete: z.boolean(),
  ...actionFields,
});
export type AgentInterruptFrame = z.infer<typeof AgentInterruptFrame>;

const UpdateAgentFrame = z.strictObject({
  response_type: z.literal('update_agent'),
  agent_config: z.strictObject({
    responsiveness: z.number().min(0).max(1).optional(),
    interruption_sensitivity: z.number().min(0).max(1).optional(),
    reminder_trigger_ms: z.number().positive().optional(),
    reminder_max_count: z.int().min(0).optional(),
  }),
});

export const ToolCallInvocationFrame = z.strictObject({
  response_type: z.literal('tool_call_invocation'),
  tool_call_id: z.string().min(1),
  name: z.string().min(1),
  arguments: z.string(),
});
export type ToolCallInvocationFrame = z.infer<typeof ToolCallInvocationFrame>;

export const ToolCallResultFrame = z.strictObject({
  response_type: z.literal('tool_call_result'),
  tool_call_id: z.string().min(1),
  content: z.string(),
  successful: z.boolean().optional(),
});
export type ToolCallResultFrame = z.infer<typeof ToolCallResultFrame>;

const MetadataFrame = z.strictObject({ response_type: z.literal('metadata'), metadata: z.unknown() });

export const OutboundFrame = z.discriminatedUnion('response_type', [
  ConfigFrame,
  PingPongOut,
  ResponseFrame,
  AgentInterruptFrame,
  UpdateAgentFrame,
  ToolCallInvocationFrame,
  ToolCallResultFrame,
  MetadataFrame,
]);
export type OutboundFrame = z.infer<typeof OutboundFrame>;

/** The config we send on every open: keepalive with reconnects, call details, and tool calls in transcripts. */
export function configFrame(): ConfigFrame {
  return { response_type: 'config', config: { auto_reconnect: true, call_details: true, transcript_with_tool_calls: true } };
}

/** Echo of a keepalive. */
export function pingPongFrame(timestamp: number): PingPongOut {
  return { response_type: 'ping_pong', timestamp };
}

/**
 * One chunk of a response. Throws on a non-integer id (a bug that would otherwise make Retell drop the frame
 * silently); `content_complete` is coerced to a real boolean and `content` to a string for the same reason.
 * `end_call` wins over `transfer_number`, as it does at Retell, so only one action is ever sent.
 */
export function responseFrame(responseId: number, content: string, contentComplete: boolean, options: SayOptions = {}): ResponseFrame {
  if (!Number.isSafeInteger(responseId) || responseId < 0) throw new TypeError(`response_id must be a non-negative integer, got ${String(responseId)}`);
  const frame: ResponseFrame = {
    response_type: 'response',
    response_id: responseId,
    content: typeof content === 'string' ? content : String(content ?? ''),
    content_complete: contentComplete === true,
  };
  if (options.noInterruptionAllowed === true) frame.no_interruption_allowed = true;
  if (options.endCall === true) frame.end_call = true;
  else if (typeof options.transferNumber === 'string' && options.transferNumber.length > 0) frame.transfer_number = options.transferNumber;
  return frame;
}

/** Records a tool call in Retell's transcript; Retell executes nothing. */
export function toolCallInvocationFrame(toolCallId: string, name: string, args: Record<string, unknown>): ToolCallInvocationFrame {
  return { response_type: 'tool_call_invocation', tool_call_id: toolCallId, name, arguments: JSON.stringify(args) };
}

/** The result paired with an invocation; `successful` is always set, so "not reported" never reads as a failure. */
export function toolCallResultFrame(toolCallId: string, content: string, successful: boolean): ToolCallResultFrame {
  return {
    response_type: 'tool_call_result',
    tool_call_id: toolCallId,
    content: typeof content === 'string' ? content : String(content ?? ''),
    successful: successful === true,
  };
}
