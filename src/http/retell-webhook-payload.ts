import { z } from 'zod';
import { normalizePhone } from '../booking/normalize-phone.js';
import { CALL_EVENT_KINDS, isCallStatus, type CallEvent, type CallEventKind } from '../calls/call-event.js';

const MAX_DEPTH = 64;
const INT4_MAX = 2_147_483_647;
/** Up to the end of year 9999: later dates serialise with a six-digit year that Postgres does not read. */
const Millis = z.number().int().min(0).max(253_402_300_799_999);
const Text = (max: number) => z.string().max(max).nullish();

const Utterance = z.looseObject({ role: z.string().max(50), content: z.string() });

/** The fields of Retell's call object we keep; everything else is ignored, unknown fields included. */
export const RetellCall = z.looseObject({
  call_id: z.string().trim().min(1).max(200),
  agent_id: Text(200),
  call_type: Text(50),
  direction: Text(20),
  from_number: Text(64),
  to_number: Text(64),
  call_status: Text(50),
  start_timestamp: Millis.nullish(),
  end_timestamp: Millis.nullish(),
  duration_ms: z.number().int().min(0).max(INT4_MAX).nullish(),
  disconnection_reason: Text(100),
  transcript: z.string().nullish(),
  transcript_object: z.array(Utterance).nullish(),
  recording_url: Text(2_000),
  call_analysis: z.record(z.string(), z.unknown()).nullish(),
  latency: z.record(z.string(), z.unknown()).nullish(),
  data_storage_setting: Text(50),
  opt_out_sensitive_data_storage: z.boolean().nullish(),
});
export type RetellCall = z.infer<typeof RetellCall>;

/** Current docs wrap the call in `call`, Retell's own demos read `data`; both are accepted. */
export const RetellWebhookEnvelope = z.looseObject({ event: z.string().min(1).max(100), call: z.unknown().optional(), data: z.unknown().optional() });
export type RetellWebhookEnvelope = z.infer<typeof RetellWebhookEnvelope>;

export type ParsedWebhook =
  | { kind: 'event'; event: CallEvent }
  | { kind: 'ignored'; event: string }
  /** `problem` names what was wrong (paths and rules only, never values: no numbers or transcripts). */
  | { kind: 'invalid'; event: string | null; callId: string | null; problem: string };

/** Callers who withhold their number arrive with one of these instead; that is no error, just no customer. */
const WITHHELD = new Set(['anonymous', 'unknown', 'restricted', 'private', 'withheld', 'unavailable']);

/** Reads a webhook body into a call event, or says why it is ignored. Never throws. */
export function parseRetellWebhook(rawBody: string): ParsedWebhook {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return { kind: 'invalid', event: null, callId: null, problem: 'body is not JSON' };
  }
  const envelope = RetellWebhookEnvelope.safeParse(json);
  if (!envelope.success) return { kind: 'invalid', event: null, callId: null, problem: describe(envelope.error) };
  const name = envelope.data.event;
  if (!(CALL_EVENT_KINDS as readonly string[]).includes(name)) return { kind: 'ignored', event: name };
  const kind = name as CallEventKind;

  const body = envelope.data.call ?? envelope.data.data;
  const call = RetellCall.safeParse(body);
  if (!call.success) return { kind: 'invalid', event: kind, callId: callIdOf(body), problem: describe(call.error, envelope.data.call === undefined && envelope.data.data !== undefined ? 'data' : 'call') };
  const c = call.data;
  const invalid = (problem: string): ParsedWebhook => ({ kind: 'invalid', event: kind, callId: c.call_id, problem });

  const from = phoneOf(c.from_number);
  if (from === false) return invalid('call.from_number: not a valid phone number');
  const to = phoneOf(c.to_number);
  if (to === false) return invalid('call.to_number: not a valid phone number');
  const analysis = clean(c.call_analysis ?? null);
  const latency = clean(c.latency ?? null);
  if (analysis === undefined) return invalid(`call.call_analysis: nested deeper than ${MAX_DEPTH} levels`);
  if (latency === undefined) return invalid(`call.latency: nested deeper than ${MAX_DEPTH} levels`);

  // The account asked Retell not to keep transcripts and recordings; we do not keep them either.
  const sensitiveAllowed = c.data_storage_setting !== 'basic_attributes_only' && c.opt_out_sensitive_data_storage !== true;
  const event: CallEvent = {
    kind,
    callId: text(c.call_id),
    agentId: optionalText(c.agent_id),
    callType: optionalText(c.call_type),
    direction: c.direction === 'inbound' || c.direction === 'outbound' ? c.direction : null,
    fromNumber: from,
    toNumber: to,
    status: c.call_status && isCallStatus(c.call_status) ? c.call_status : null,
    startedAt: c.start_timestamp != null ? new Date(c.start_timestamp) : null,
    endedAt: c.end_timestamp != null ? new Date(c.end_timestamp) : null,
    durationMs: c.duration_ms ?? null,
    disconnectionReason: optionalText(c.disconnection_reason),
    transcript: sensitiveAllowed && c.transcript_object ? c.transcript_object.map((u) => ({ role: text(u.role), content: text(u.content) })) : null,
    transcriptText: sensitiveAllowed ? optionalText(c.transcript) : null,
    recordingUrl: sensitiveAllowed ? optionalText(c.recording_url) : null,
    analysis: analysis as Record<string, unknown> | null,
    latency: latency as Record<string, unknown> | null,
  };
  return { kind: 'event', event };
}

/** E.164, null when absent or withheld, false when present but not a phone number. */
function phoneOf(raw: string | null | undefined): string | null | false {
  if (raw == null || raw.trim() === '' || WITHHELD.has(raw.trim().toLowerCase())) return null;
  return normalizePhone(raw) ?? false;
}

function callIdOf(body: unknown): string | null {
  const id = body && typeof body === 'object' && 'call_id' in body ? (body as { call_id: unknown }).call_id : null;
  return typeof id === 'string' && id.length > 0 && id.length <= 200 ? text(id) : null;
}

function describe(error: z.ZodError, prefix?: string): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${[prefix, ...issue.path.map(String)].filter(Boolean).join('.') || 'body'}: ${issue.message}`)
    .join('; ');
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Postgres accepts neither NUL characters in text nor unpaired surrogates in jsonb; JSON allows both. Such
 * characters are dropped or replaced rather than letting a stray byte fail the whole event.
 */
function text(value: string): string {
  return value.replace(/\u0000/g, '').replace(LONE_SURROGATE, '\uFFFD');
}

function optionalText(value: string | null | undefined): string | null {
  return value == null ? null : text(value);
}

/** `text` applied to every string and key of a JSON value; undefined when it nests too deep to store safely. */
function clean(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) return undefined;
  if (typeof value === 'string') return text(value);
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      const c = clean(item, depth + 1);
      if (c === undefined) return undefined;
      out.push(c);
    }
    return out;
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const c = clean(v, depth + 1);
      if (c === undefined) return undefined;
      // defineProperty: a key named __proto__ must stay a key, not replace the prototype.
      Object.defineProperty(out, text(k), { value: c, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}
