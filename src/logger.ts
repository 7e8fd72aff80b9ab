import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * The service's structured logger. Phone numbers and transcripts must never reach a log line; the redact list
 * is a second line of defence for fields that carry them by name.
 */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  const options = {
    level,
    base: { service: 'termin-agent' },
    redact: {
      paths: ['*.from_number', '*.to_number', '*.phone', '*.telefon', '*.transcript', '*.authorization', 'req.headers.authorization', 'phone', 'transcript'],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
