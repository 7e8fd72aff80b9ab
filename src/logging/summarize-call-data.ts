/**
 * The only form call data takes in a log line: ids, phases, counts and outcomes. A transcript, a dialogue state,
 * a Retell call object or a tool's arguments handed to the logger under their usual names become these
 * summaries; the words, names and numbers in them never reach the line.
 */
export interface CallLogFields {
  call_id?: string;
  phase?: string;
  outcome?: string;
  status?: string;
  utterances?: number;
  chars?: number;
  tool_calls?: number;
  reminders?: number;
  offers?: number;
  known_customer?: boolean;
  has_name?: boolean;
  has_phone?: boolean;
  fields?: string[];
}

const ID = /^[A-Za-z0-9_-]{1,128}$/;
const CODE = /^[a-z][a-z0-9_]{0,39}$/;
/** Argument names are ours (`dienstleistung`, `telefon`); a key shaped otherwise came from the input. */
const FIELD = /^[a-z][a-z0-9_]{0,39}$/;

const asRecord = (value: unknown): Record<string, unknown> | null =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
const code = (value: unknown): string | undefined => (typeof value === 'string' && CODE.test(value) ? value : undefined);
const count = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const present = (value: unknown): boolean => value !== null && value !== undefined && value !== '';

function defined(fields: CallLogFields): CallLogFields {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as CallLogFields;
}

/** A transcript (utterances or text) as its size. */
export function summarizeTranscript(value: unknown): CallLogFields {
  if (typeof value === 'string') return { chars: value.length };
  if (!Array.isArray(value)) return {};
  let chars = 0;
  for (const u of value) {
    const content = asRecord(u)?.content;
    if (typeof content === 'string') chars += content.length;
  }
  return { utterances: value.length, chars };
}

/**
 * A dialogue state or snapshot as where the call stands: phase, counts, what is known (not what it is). Reads the
 * conversation's state (`{ caller, memory, step }`, or a snapshot holding it under `state`) and the flat shape of
 * older snapshots alike.
 */
export function summarizeCallState(value: unknown): CallLogFields {
  const outer = asRecord(value);
  const s = asRecord(outer?.state)?.step ? asRecord(outer?.state) : outer;
  if (!s) return {};
  const step = asRecord(s.step);
  if (step) {
    const memory = asRecord(s.memory);
    const caller = asRecord(s.caller);
    return defined({
      phase: code(step.phase),
      outcome: code(memory?.outcome),
      tool_calls: count(memory?.operations),
      reminders: count(memory?.reminders),
      offers: Array.isArray(step.offers) ? step.offers.length : undefined,
      known_customer: typeof caller?.known === 'boolean' ? caller.known : undefined,
      has_name: present(caller?.name),
      has_phone: present(caller?.phone) || present(caller?.number),
    });
  }
  return defined({
    phase: code(s.phase),
    outcome: code(s.outcome),
    tool_calls: count(s.toolCalls),
    reminders: count(s.reminders),
    offers: Array.isArray(s.offers) ? s.offers.length : undefined,
    known_customer: typeof s.knownCustomer === 'boolean' ? s.knownCustomer : undefined,
    has_name: present(s.name),
    has_phone: present(s.phone) || present(s.callerNumber),
  });
}

/** A Retell call object (or a call row) as its id and status; its numbers and transcript stay out. */
export function summarizeCall(value: unknown): CallLogFields {
  const c = asRecord(value);
  if (!c) return {};
  const id = c.call_id ?? c.callId ?? c.id;
  return defined({
    call_id: typeof id === 'string' && ID.test(id) ? id : undefined,
    status: code(c.call_status ?? c.status),
    outcome: code(c.outcome),
    ...(c.transcript !== undefined ? { utterances: summarizeTranscript(c.transcript).utterances } : {}),
  });
}

/** A tool's or a request's arguments as the names of the fields given, never their values. */
export function summarizeArgs(value: unknown): CallLogFields {
  const a = asRecord(value);
  if (!a) return {};
  const keys = Object.keys(a);
  return { fields: keys.filter((k) => FIELD.test(k)).slice(0, 20) };
}
