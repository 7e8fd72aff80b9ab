import { ExecutionError } from '@sesamecare-oss/redlock';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { ReplyError } from 'ioredis';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { serializeError } from '../src/logging/serialize-error.js';
import { captureLog, leaksIn } from './support/log-capture.js';

const NUMBER = '+4915112345678';
const NAME = 'Zelda Quistorp';
const WORDS = 'Wolkenkuckucksheim';
const secrets = { phones: [NUMBER], words: ['Zelda', 'Quistorp', WORDS] };

/** postgres.js's error as its connection builds it from a server ErrorResponse (check violation on customers). */
function postgresCheckViolation(): Error {
  return Object.assign(new postgres.PostgresError({ message: `new row for relation "customers" violates check constraint "customers_name_check"` } as never), {
    severity: 'ERROR',
    code: '23514',
    detail: `Failing row contains (7f0c, ${NUMBER}, ${NAME}, ${WORDS}).`,
    where: `SQL statement "insert into customers values ('${NUMBER}')"`,
    hint: `name ${NAME}`,
    schema_name: 'public',
    table_name: 'customers',
    constraint_name: 'customers_name_check',
    routine: 'ExecConstraints',
    query: `insert into customers (phone, name) values ('${NUMBER}', $1)`,
    parameters: [NAME, WORDS],
  });
}

/** Logs one error through the service's logger, the way every `{ err }` call site does. */
function logged(error: unknown, key: 'err' | 'error' = 'err'): string[] {
  const log = captureLog('info');
  log.logger.error({ [key]: error }, 'failed');
  return log.lines();
}

describe('the error serializer', () => {
  it('keeps the class, SQLSTATE, constraint and statement of a drizzle query error, and none of its values', () => {
    const error = new DrizzleQueryError(`insert into "customers" ("phone", "name") values ($1, $2)`, [NUMBER, NAME, WORDS], postgresCheckViolation());
    const lines = logged(error);
    expect(leaksIn(lines, secrets)).toEqual([]);
    const err = JSON.parse(lines[0]!).err;
    expect(err).toMatchObject({
      type: 'DrizzleQueryError',
      code: '23514',
      constraint: 'customers_name_check',
      statement: 'insert customers',
      message: 'database query failed',
    });
    expect(err.cause).toMatchObject({
      type: 'PostgresError',
      code: '23514',
      table: 'customers',
      severity: 'ERROR',
      message: 'database error: check_violation',
    });
    expect(JSON.stringify(err)).not.toMatch(/detail|where|hint|params|parameters|Failing row/);
  });

  it('withholds the message of any error, its enumerable properties and a message set after it was thrown', () => {
    const plain = Object.assign(new Error(`could not save the state of ${NAME} (${NUMBER}): ${WORDS}`), {
      phone: NUMBER,
      customer: { name: NAME },
      transcript: [{ role: 'user', content: WORDS }],
    });
    const mutated = new Error(`call from 0151 12345678 (${NAME})`);
    mutated.message = 'something else';
    for (const error of [plain, mutated, new TypeError(`Invalid URL: ${NUMBER}`), new SyntaxError(`Unexpected token, "${WORDS}" is not valid JSON`)]) {
      const lines = logged(error);
      expect(leaksIn(lines, secrets)).toEqual([]);
      expect(JSON.parse(lines[0]!).err.stack).toMatch(/^ {4}at /);
    }
  });

  it('strips a multi-line message from the stack, even one that imitates stack frames', () => {
    const error = new Error(
      `Failed query: update "calls" set "transcript" = $1\nparams: ${NUMBER},${NAME}\n    at ${NUMBER} (/${WORDS}:1:1)\n    at /${NAME.replace(' ', '/')}:1:1`,
    );
    const lines = logged(error);
    expect(leaksIn(lines, secrets)).toEqual([]);
    expect(JSON.parse(lines[0]!).err.stack).toContain('log-serializer.test.ts');
  });

  it('reduces a nested cause chain, a cycle and an aggregate the same way', () => {
    const inner = new Error(`inner ${NUMBER}`);
    const middle = new Error(`middle ${NAME}`, { cause: inner });
    const outer = new Error(`outer ${WORDS}`, { cause: middle });
    const cyclic = new Error(`cyclic ${NUMBER}`) as Error & { cause?: unknown };
    cyclic.cause = cyclic;
    const deep = Array.from({ length: 20 }, (_, i) => i).reduce<Error>((cause, i) => new Error(`level ${i} ${NAME}`, { cause }), new Error(NUMBER));
    const aggregate = Object.assign(new AggregateError([new Error(`a ${NUMBER}`), postgresCheckViolation()], `all failed for ${NAME}`), {
      code: 'ECONNREFUSED',
    });
    for (const error of [outer, cyclic, deep, aggregate]) expect(leaksIn(logged(error), secrets)).toEqual([]);
    expect(serializeError(outer).cause?.cause?.type).toBe('Error');
    expect(serializeError(aggregate)).toMatchObject({
      type: 'AggregateError',
      code: 'ECONNREFUSED',
      message: 'connection failed',
      errors: [{ type: 'Error' }, { type: 'PostgresError', code: '23514' }],
    });
  });

  it('logs a 10 MB message as a short line', () => {
    const error = new Error(`${NUMBER} ${WORDS} `.repeat(400_000));
    expect(error.message.length).toBeGreaterThan(10_000_000);
    const lines = logged(error);
    expect(leaksIn(lines, secrets)).toEqual([]);
    expect(lines[0]!.length).toBeLessThan(10_000);
  });

  it('keeps only issue codes of a zod error, whose messages and paths can quote the input', () => {
    const parsed = z
      .object({ telefon: z.string().regex(/^\d+$/), kunden: z.record(z.string(), z.number()) })
      .safeParse({ telefon: NUMBER, kunden: { [NAME]: WORDS } });
    expect(parsed.success).toBe(false);
    const lines = logged(parsed.error);
    expect(leaksIn(lines, secrets)).toEqual([]);
    expect(JSON.parse(lines[0]!).err).toMatchObject({
      type: 'ZodError',
      message: 'validation failed',
      issues: 2,
      issue_codes: expect.arrayContaining(['invalid_format', 'invalid_type']),
    });
  });

  it('names lock, redis and abort errors by class', () => {
    const abort = AbortSignal.abort().reason as Error;
    const cases: Array<[unknown, Record<string, unknown>]> = [
      [abort, { type: 'AbortError', message: 'operation aborted' }],
      [new DOMException(`timed out for ${NUMBER}`, 'TimeoutError'), { type: 'TimeoutError', message: 'operation timed out' }],
      [new ExecutionError(`quorum not reached for staff:${NUMBER}`, []), { type: 'ExecutionError' }],
      [new ReplyError(`ERR wrong number of arguments for ${NUMBER}`), { type: 'ReplyError', message: 'redis replied with an error' }],
      [
        Object.assign(new Error(`write CONNECTION_CLOSED 10.0.0.1:5432 ${NUMBER}`), { code: 'CONNECTION_CLOSED', address: NUMBER }),
        { type: 'Error', code: 'CONNECTION_CLOSED', message: 'connection failed' },
      ],
    ];
    for (const [error, expected] of cases) {
      const lines = logged(error);
      expect(leaksIn(lines, secrets)).toEqual([]);
      expect(JSON.parse(lines[0]!).err).toMatchObject(expected);
    }
  });

  it('withholds thrown strings and objects, and codes that look like a number', () => {
    for (const thrown of [`${NAME} ${NUMBER}`, { message: NUMBER, name: NAME }, Object.assign(new Error('x'), { code: NUMBER.slice(1) })]) {
      expect(leaksIn(logged(thrown), secrets)).toEqual([]);
    }
  });

  it('serializes the `error` key like `err`, letting our own result codes through', () => {
    expect(leaksIn(logged(new Error(NUMBER), 'error'), secrets)).toEqual([]);
    expect(leaksIn(logged(`${NAME} ${NUMBER}`, 'error'), secrets)).toEqual([]);
    expect(JSON.parse(logged('slot_taken', 'error')[0]!).error).toBe('slot_taken');
  });

  it('is what the service logger uses', () => {
    const log = captureLog('info', { service: true });
    log.logger.error({ err: new DrizzleQueryError('update "calls" set "transcript" = $1', [WORDS, NUMBER], postgresCheckViolation()) }, 'failed');
    expect(leaksIn(log.lines(), secrets)).toEqual([]);
    expect(log.entries()[0]).toMatchObject({ service: 'termin-agent', err: { type: 'DrizzleQueryError', code: '23514', statement: 'update calls' } });
  });

  it('logs call data handed over under its usual names as counts only', () => {
    const log = captureLog('info');
    const transcript = [{ role: 'user', content: `${WORDS}, hier ist ${NAME}, meine Nummer ist ${NUMBER}` }];
    log.logger.info(
      {
        transcript,
        state: { phase: 'name', name: NAME, phone: NUMBER, callerNumber: NUMBER, handledText: WORDS, lastLine: `Danke, ${NAME}`, toolCalls: 2 },
        snapshot: { phase: 'offered', name: NAME, offers: [{ speech: WORDS }] },
        dialogue_state: {
          version: 1,
          owner: 'instance-a',
          state: {
            caller: { number: NUMBER, name: NAME, known: true, phone: NUMBER, phoneConfirmed: true },
            memory: { outcome: null, reminders: 1, lastLine: `Danke, ${NAME}`, saying: [WORDS], operations: 3 },
            step: { phase: 'offered', offers: [{ staffId: 's', startsAt: WORDS }] },
          },
        },
        call: { call_id: 'call_1', from_number: NUMBER, transcript: WORDS, call_status: 'ended' },
        args: { name: NAME, telefon: NUMBER, [WORDS]: 1 },
      },
      'call data',
    );
    expect(leaksIn(log.lines(), secrets)).toEqual([]);
    expect(log.entries()[0]).toMatchObject({
      transcript: { utterances: 1 },
      state: { phase: 'name', tool_calls: 2, has_name: true, has_phone: true },
      dialogue_state: { phase: 'offered', tool_calls: 3, reminders: 1, offers: 1, known_customer: true, has_name: true, has_phone: true },
      call: { call_id: 'call_1', status: 'ended' },
      args: { fields: ['name', 'telefon'] },
    });
  });
});
