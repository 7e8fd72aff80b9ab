import { z } from 'zod';
import { normalizePhone } from '../booking/normalize-phone.js';
import { CALL_EVENT_KINDS, isCallStatus, type CallEvent, type CallEventKind } from '../calls/call-event.js';
import { cleanJson, cleanText } from '../text/clean-text.js';

const INT4_MAX = 2_147_483_647;
/** Up to the end of year 9999: later dates serialise with a six-digit year that Postgres does not read. */
const Millis = z.number().int().min(0).max(253_402_300_799_999);
const Text = (max: number) => z.string().max(max).nullish();
const Utterance = z.looseObject({ role: z.string().max(50), content: z.string() });
/** Analysis and latency are stored as given; only their shape (an object) is checked here, their depth when cleaned. */
const JsonObject = z.custom<Record<string, unknown>>((value) => value !== null && typeof value === 'object' && !Array.isArray(value), {
  error: 'expected an object',
});

/**
 * The fields of Retell's call object we keep, each checked on its own: one unusable field is dropped and named,
 * it never costs the rest of the event. Everything else is ignored, unknown fields included.
 */
const FIELDS = {
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
  call_analysis: JsonObject.nullish(),
  latency: JsonObject.nullish(),
  data_storage_setting: Text(50),
  opt_out_sensitive_data_storage: z.boolean().nullish(),
} as const;
type Fields = { [K in keyof typeof FIELDS]: z.infer<(typeof FIELDS)[K]> };

const CallId = z.string().trim().min(1).max(200);

/** Current docs wrap the call in `call`, Retell's own demos read `data`; both are accepted. */
const RetellWebhookEnvelope = z.looseObject({ event: z.string().min(1).max(100), call: z.unknown().optional(), data: z.unknown().optional() });
export type RetellWebhookEnvelope = z.infer<typeof RetellWebhookEnvelope>;

export type ParsedWebhook =
  /** `dropped` names the fields that could not be used (paths only, never values). */
  | { kind: 'event'; event: CallEvent; dropped: string[] }
  | { kind: 'ignored'; event: string }
  /** `problem` names what was wrong (paths and rules only, never values: no numbers or transcripts). */
  | { kind: 'invalid'; event: string | null; callId: string | null; problem: string };

/** Callers who withhold their number arrive with one of these instead; that is no error, just no customer. */
const WITHHELD = new Set(['anonymous', 'unknown', 'restricted', 'private', 'withheld', 'unavailable']);

/**
 * Reads a webhook body into a call event, or says why it is ignored. Never throws. Only an event without a
 * usable call id is refused whole: everything else that arrives keeps what can be used, so a call_ended with
 * one odd field still ends its call.
 */
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

  const prefix = envelope.data.call === undefined && envelope.data.data !== undefined ? 'data' : 'call';
  const body = envelope.data.call ?? envelope.data.data;
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    return { kind: 'invalid', event: kind, callId: null, problem: `${prefix}: expected an object` };
  const raw = body as Record<string, unknown>;
  const callId = CallId.safeParse(raw.call_id);
  if (!callId.success) return { kind: 'invalid', event: kind, callId: null, problem: describe(callId.error, `${prefix}.call_id`) };

  const dropped: string[] = [];
  const c = readFields(raw, (field) => dropped.push(`${prefix}.${field}`));
  const from = phoneOf(c.from_number);
  if (from === false) dropped.push(`${prefix}.from_number`);
  const to = phoneOf(c.to_number);
  if (to === false) dropped.push(`${prefix}.to_number`);
  const analysis = jsonOf(c.call_analysis, () => dropped.push(`${prefix}.call_analysis`));
  const latency = jsonOf(c.latency, () => dropped.push(`${prefix}.latency`));

  // The account asked Retell not to keep transcripts and recordings; we do not keep them either.
  const sensitiveAllowed = c.data_storage_setting !== 'basic_attributes_only' && c.opt_out_sensitive_data_storage !== true;
  const event: CallEvent = {
    kind,
    callId: cleanText(callId.data),
    agentId: optionalText(c.agent_id),
    callType: optionalText(c.call_type),
    direction: c.direction === 'inbound' || c.direction === 'outbound' ? c.direction : null,
    fromNumber: from || null,
    toNumber: to || null,
    status: c.call_status && isCallStatus(c.call_status) ? c.call_status : null,
    startedAt: c.start_timestamp != null ? new Date(c.start_timestamp) : null,
    endedAt: c.end_timestamp != null ? new Date(c.end_timestamp) : null,
    durationMs: c.duration_ms ?? null,
    disconnectionReason: optionalText(c.disconnection_reason),
    transcript: sensitiveAllowed && c.transcript_object ? c.transcript_object.map((u) => ({ role: cleanText(u.role), content: cleanText(u.content) })) : null,
    transcriptText: sensitiveAllowed ? optionalText(c.transcript) : null,
    recordingUrl: sensitiveAllowed ? optionalText(c.recording_url) : null,
    analysis,
    latency,
  };
  return { kind: 'event', event, dropped };
}

/** Each known field parsed on its own; one that does not fit its rule is reported and read as absent. */
function readFields(raw: Record<string, unknown>, drop: (field: string) => void): Fields {
  const out: Partial<Record<keyof Fields, unknown>> = {};
  for (const field of Object.keys(FIELDS) as Array<keyof Fields>) {
    // Own fields only: a key named __proto__ in the body must not answer for a field it does not hold.
    if (!Object.hasOwn(raw, field)) continue;
    const parsed = FIELDS[field].safeParse(raw[field]);
    if (parsed.success) out[field] = parsed.data;
    else drop(field);
  }
  return out as Fields;
}

/** E.164, null when absent or withheld, false when present but not a phone number. */
function phoneOf(raw: string | null | undefined): string | null | false {
  if (raw == null || raw.trim() === '' || WITHHELD.has(raw.trim().toLowerCase())) return null;
  return normalizePhone(cleanText(raw)) ?? false;
}

/** A JSON object cleaned for jsonb; null (and reported) when it nests too deep to store safely. */
function jsonOf(value: Record<string, unknown> | null | undefined, drop: () => void): Record<string, unknown> | null {
  if (value == null) return null;
  const cleaned = cleanJson(value);
  if (cleaned === undefined) {
    drop();
    return null;
  }
  return cleaned as Record<string, unknown>;
}

function describe(error: z.ZodError, prefix?: string): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${[prefix, ...issue.path.map(String)].filter(Boolean).join('.') || 'body'}: ${issue.message}`)
    .join('; ');
}

function optionalText(value: string | null | undefined): string | null {
  return value == null ? null : cleanText(value);
}
