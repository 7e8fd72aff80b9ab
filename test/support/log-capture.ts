import { PassThrough } from 'node:stream';
import { pino } from 'pino';
import { createLogger, logSerializers, type Logger } from '../../src/logger.js';

export interface CapturedLog {
  logger: Logger;
  /** Every line written so far, raw. */
  lines(): string[];
  /** Every line written so far, parsed. */
  entries(): Array<Record<string, unknown>>;
}

/**
 * A logger writing into memory: by default the serializers alone, without the redact list, which proves they
 * suffice; `service: true` gives the service's own logger (serializers and redact list).
 */
export function captureLog(level = 'debug', options: { service?: boolean } = {}): CapturedLog {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const lines = () => text.split('\n').filter((line) => line.trim().length > 0);
  const logger = options.service ? createLogger(level, stream) : pino({ level, serializers: logSerializers }, stream);
  return { logger, lines, entries: () => lines().map((line) => JSON.parse(line) as Record<string, unknown>) };
}

/**
 * A phone number in any spelling a log could hold it: E.164 (`+4915112345678`), digits only, national
 * (`015112345678`), grouped with spaces, dashes, slashes or brackets. Matches on the subscriber digits.
 */
export function phonePattern(e164: string): RegExp {
  const national = e164.replace(/^\+49/, '');
  return new RegExp(national.split('').join('[\\s\\-/().]{0,3}'));
}

/** What of the caller a set of log lines gives away: each secret that occurs, with the first line holding it. */
export function leaksIn(lines: string[], secrets: { phones?: string[]; words?: string[] }): Array<{ secret: string; line: string }> {
  const found: Array<{ secret: string; line: string }> = [];
  const checks: Array<{ secret: string; test: (line: string) => boolean }> = [
    ...(secrets.phones ?? []).map((p) => ({ secret: p, test: (line: string) => phonePattern(p).test(line) })),
    ...(secrets.words ?? []).map((w) => ({ secret: w, test: (line: string) => line.toLowerCase().includes(w.toLowerCase()) })),
  ];
  for (const check of checks) {
    const line = lines.find(check.test);
    if (line !== undefined) found.push({ secret: check.secret, line: line.length > 400 ? `${line.slice(0, 400)}…` : line });
  }
  return found;
}
