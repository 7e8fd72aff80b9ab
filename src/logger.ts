import { pino, type Logger } from 'pino';
import { serializeError } from './logging/serialize-error.js';
import { summarizeArgs, summarizeCall, summarizeCallState, summarizeTranscript } from './logging/summarize-call-data.js';

export type { Logger };
export type { SafeError } from './logging/serialize-error.js';
export type { CallLogFields } from './logging/summarize-call-data.js';

/** Error codes we define (`slot_taken`, `invalid_arguments`) pass as they are; any other string is withheld. */
const ERROR_CODE = /^[a-z][a-z0-9_]{0,63}$/;

/** `error` carries an Error, or one of our result codes; a bare string could be a message that quotes values. */
function serializeErrorField(value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (typeof value === 'string' && ERROR_CODE.test(value)) return value;
  return serializeError(value);
}

/**
 * Every value under these keys reaches the line only in its safe form: errors as class, code and the schema
 * object they name (never the driver's message, parameters or query text), call data as ids and counts. The
 * serializers decide by what a value is, not by remembering which field might hold a number.
 */
export const logSerializers = {
  err: serializeError,
  error: serializeErrorField,
  transcript: summarizeTranscript,
  state: summarizeCallState,
  snapshot: summarizeCallState,
  dialogue_state: summarizeCallState,
  call: summarizeCall,
  args: summarizeArgs,
};

/**
 * The service's structured logger. Phone numbers, names and the caller's words must never reach a log line:
 * errors and call data go through the serializers above; the redact list is a second line of defence for
 * fields that carry them by name further down an object.
 */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  const options = {
    level,
    base: { service: 'termin-agent' },
    serializers: logSerializers,
    redact: {
      paths: [
        '*.from_number',
        '*.to_number',
        '*.phone',
        '*.telefon',
        '*.transcript',
        '*.authorization',
        'req.headers.authorization',
        'phone',
        'telefon',
        'from_number',
        'to_number',
        'name',
      ],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
