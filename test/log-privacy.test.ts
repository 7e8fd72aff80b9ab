import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { createFixedClock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import { bookingDepsOf, type AppContext } from '../src/context.js';
import { createPostgresDatabase } from '../src/db/create-postgres.js';
import type { Database } from '../src/db/database.js';
import { createApp } from '../src/http/app.js';
import { signRetellBody } from '../src/http/retell-signature.js';
import { buildContext } from '../src/main.js';
import { createBookingConversations } from '../src/voice/dialogue/booking-conversation.js';
import { TEST_RETELL_KEY } from './support/app.js';
import { token } from './support/api-fixture.js';
import { createTestSalon, type TestBusiness } from './support/business.js';
import { captureLog, leaksIn, type CapturedLog } from './support/log-capture.js';
import { createThrowawayDatabase } from './support/postgres.js';
import { RetellTestClient, agent, user, type TestUtterance } from './support/retell-client.js';
import { startVoiceServer, type VoiceServer } from './support/voice-server.js';
import { readSnapshot } from '../src/voice/dialogue/snapshot.js';

/**
 * Every write path that carries a caller's number, name or words, failed for real (a statement timeout, a
 * connection the server terminates, a constraint violation whose detail quotes the row), must log the failure
 * by class and SQL state only. The logger here has the serializers and no redact list: they alone must suffice.
 */
const NAME = 'Zelda Quistorp';
const PLACE = 'Wolkenkuckucksheim';
const STATEMENT_TIMEOUT_MS = 2_000;
const POOL_MAX = 4;
const NOW = '2026-11-19T08:00:00Z';

type Failure = 'timeout' | 'lost connection' | 'constraint violation';
const FAILURES: Failure[] = ['timeout', 'lost connection', 'constraint violation'];
const CODES: Record<Failure, string[]> = {
  timeout: ['57014'],
  'lost connection': ['57P01', '55000', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'ECONNRESET'],
  'constraint violation': ['23514', '23505'],
};

/** Where a path writes: the table a lock blocks, and the constraint its write breaks. */
interface Target {
  table: 'calls' | 'customers';
  /**
   * How the connection is lost: terminated while the write waits, or an outage between requests (the database
   * drops the service's connections and refuses new ones). Paths that query again right after a failed write
   * (a rollback, a cleanup, the state save after a failed turn) get the outage: terminated under them,
   * postgres.js 3.4.9 may write that next query to the closed socket from a timer and throw an uncaught
   * TypeError that no caller can catch (porsager/postgres#1208).
   */
  lostBy: 'termination' | 'outage';
  /** DDL that makes the path's write violate a constraint; `undo` removes it. */
  constraint: { make: string; undo: string };
}

const check = (table: string, condition: string) => ({
  make: `alter table ${table} add constraint log_probe check (${condition}) not valid`,
  undo: `alter table ${table} drop constraint if exists log_probe`,
});

describe('logs on failing writes', () => {
  let throwaway: Awaited<ReturnType<typeof createThrowawayDatabase>>;
  let database: Database;
  let admin: postgres.Sql;
  /** A connection to the server's own database, for what cannot run inside the test database. */
  let server: postgres.Sql;
  let log: CapturedLog;
  let ctx: AppContext;
  let app: ReturnType<typeof createApp>;
  let voice: VoiceServer;
  let salon: TestBusiness;
  const clock = createFixedClock(NOW);
  const callers: string[] = [];

  beforeAll(async () => {
    throwaway = await createThrowawayDatabase(inject('postgresServerUrl'), 'termin_logs');
    database = createPostgresDatabase({ url: throwaway.url, poolMax: POOL_MAX, statementTimeoutMs: STATEMENT_TIMEOUT_MS });
    await database.migrate();
    admin = postgres(throwaway.url, { max: 3, onnotice: () => {} });
    server = postgres(inject('postgresServerUrl'), { max: 1, onnotice: () => {} });
    log = captureLog('debug');
    ctx = await buildContext(loadConfig({ SEED_DEMO: 'false', RETELL_API_KEY: TEST_RETELL_KEY, METRICS_ENABLED: 'false' }), {
      database,
      logger: log.logger,
      clock,
    });
    app = createApp(ctx);
    voice = await startVoiceServer(createBookingConversations(bookingDepsOf(ctx)), { logger: log.logger, graceMs: 0, callDetailsTimeoutMs: 5_000 });
    salon = await createTestSalon(database.db);
  });
  afterAll(async () => {
    await voice?.stop();
    await ctx?.locks.close();
    await database?.close();
    await admin?.end({ timeout: 2 });
    await server?.end({ timeout: 2 });
    await throwaway?.drop();
  });

  /** A new caller's number; every number handed out is checked against every line at the end. */
  function newCaller(): string {
    const number = `+49151${Math.floor(10_000_000 + Math.random() * 89_999_999)}`;
    callers.push(number);
    return number;
  }

  /**
   * Makes writes to the target fail the given way until `release()`: a constraint the write breaks; a lock held
   * by another connection, so the write runs into the statement timeout; or that lock plus the server
   * terminating every connection of the service that waits on it, or an outage (see `Target.lostBy`).
   */
  async function injectFailure(failure: Failure, target: Target): Promise<{ release(): Promise<void> }> {
    if (failure === 'constraint violation') {
      await admin.unsafe(target.constraint.make);
      return { release: async () => void (await admin.unsafe(target.constraint.undo)) };
    }
    if (failure === 'lost connection' && target.lostBy === 'outage') {
      await server.unsafe(`alter database "${throwaway.name}" allow_connections false`);
      await server`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${throwaway.name} and application_name = 'termin-agent'`;
      return {
        async release() {
          await server.unsafe(`alter database "${throwaway.name}" allow_connections true`);
          await settle();
        },
      };
    }
    const locker = await admin.reserve();
    await locker`begin`;
    await locker.unsafe(`lock table ${target.table} in exclusive mode`);
    let stop = false;
    const terminator =
      failure === 'lost connection'
        ? (async () => {
            while (!stop) {
              await admin`select pg_terminate_backend(pid) from pg_stat_activity
                where datname = current_database() and application_name = 'termin-agent' and wait_event_type = 'Lock'`;
              await new Promise((resolve) => setTimeout(resolve, 20));
            }
          })()
        : Promise.resolve();
    return {
      async release() {
        stop = true;
        await terminator;
        await locker`rollback`;
        locker.release();
        if (failure === 'lost connection') await settle();
      },
    };
  }

  /** Waits until every connection of the pool answers again, so a dropped one cannot fail the next test's setup. */
  async function settle(): Promise<void> {
    await vi.waitFor(
      async () => {
        const answers = await Promise.all(Array.from({ length: POOL_MAX }, () => database.ping()));
        expect(answers.every(Boolean)).toBe(true);
      },
      { timeout: 10_000, interval: 100 },
    );
  }

  /** The first line logged since `since` with this message, once it is there. */
  async function lineOf(message: string, since: number): Promise<Record<string, unknown>> {
    return vi.waitFor(
      () => {
        const line = log
          .entries()
          .slice(since)
          .find((l) => l.msg === message);
        if (!line) throw new Error(`no '${message}' logged yet`);
        return line;
      },
      { timeout: 20_000, interval: 50 },
    );
  }

  /** Asserts the lines since `since` give away nothing of the caller and name the failure by its SQL state. */
  function expectSafe(since: number, number: string, words: string[], line: Record<string, unknown>, failure: Failure): void {
    const lines = log.lines().slice(since);
    expect(leaksIn(lines, { phones: [number], words: [NAME, 'Zelda', 'Quistorp', ...words] })).toEqual([]);
    const err = line.err as { type: string; code?: string };
    expect(err.type).toMatch(/Error$/);
    expect(CODES[failure]).toContain(err.code);
  }

  async function callRow(callId: string): Promise<{ dialogue_state: Record<string, unknown> | null } | undefined> {
    const [row] = await admin<Array<{ dialogue_state: Record<string, unknown> | null }>>`select dialogue_state from calls where id = ${callId}`;
    return row;
  }

  /** Retell's side of a call: greets, then says each line, keeping the transcript. */
  async function dial(number: string, business: TestBusiness = salon) {
    const client = await RetellTestClient.connect(voice.url, { timeoutMs: 5_000 });
    const transcript: TestUtterance[] = [];
    let id = 0;
    const greeting = await client.handshake(
      { call_id: client.callId, from_number: number, to_number: business.definition.phoneNumbers[0], direction: 'inbound', call_type: 'phone_call' },
      15_000,
    );
    transcript.push(agent(greeting.text));
    const say = async (text: string) => {
      transcript.push(user(text));
      const reply = await client.ask(++id, [...transcript], { timeoutMs: 20_000 });
      transcript.push(agent(reply.text));
      return reply;
    };
    /** Waits until the saved dialogue state has acted on every caller line so far (its saves are queued). */
    const saved = () =>
      vi.waitFor(
        async () => {
          const saved = readSnapshot((await callRow(client.callId))?.dialogue_state);
          const handled = saved.kind === 'readable' ? (saved.snapshot.state.memory.handled?.count ?? 0) : 0;
          expect(handled).toBe(transcript.filter((u) => u.role === 'user').length);
        },
        { timeout: 10_000, interval: 50 },
      );
    return { client, say, saved, greeting };
  }

  const signed = (path: string, body: unknown) => {
    const text = JSON.stringify(body);
    return app.request(path, {
      method: 'POST',
      body: text,
      headers: { 'content-type': 'application/json', 'x-retell-signature': signRetellBody(text, TEST_RETELL_KEY, clock.now().getTime()) },
    });
  };

  describe.each(FAILURES)('%s', (failure) => {
    it('starting a call logs neither the caller number nor the known customer', async () => {
      const number = newCaller();
      await admin`insert into customers (business_id, phone_e164, name) values (${salon.id}, ${number}, ${NAME})`;
      const since = log.lines().length;
      const injection = await injectFailure(failure, { table: 'calls', lostBy: 'termination', constraint: check('calls', 'from_number is null') });
      let client: RetellTestClient | undefined;
      try {
        client = await RetellTestClient.connect(voice.url, { timeoutMs: 5_000 });
        await client.handshake(
          { call_id: client.callId, from_number: number, to_number: salon.definition.phoneNumbers[0], direction: 'inbound', call_type: 'phone_call' },
          15_000,
        );
        const line = await lineOf('greeting failed; using the fallback line', since);
        expectSafe(since, number, [], line, failure);
      } finally {
        await injection.release();
        await client?.close();
      }
    });

    it("saving the dialogue state logs neither the caller's number, name nor words", async () => {
      const number = newCaller();
      const since = log.lines().length;
      const call = await dial(number);
      await call.saved();
      const injection = await injectFailure(failure, { table: 'calls', lostBy: 'termination', constraint: check('calls', 'dialogue_state is null') });
      try {
        await call.say(`Guten Tag, hier ist ${NAME} aus ${PLACE}, meine Nummer ist ${number}.`);
        const line = await lineOf('could not save the call state', since);
        expectSafe(since, number, [PLACE], line, failure);
      } finally {
        await injection.release();
        await call.client.close();
      }
    });

    it('finishing a call logs none of its transcript', async () => {
      const number = newCaller();
      const since = log.lines().length;
      const call = await dial(number);
      await call.say(`Hallo, hier spricht ${NAME} aus ${PLACE}.`);
      await call.say('Wann haben Sie am Samstag geöffnet?');
      await call.saved();
      const injection = await injectFailure(failure, { table: 'calls', lostBy: 'termination', constraint: check('calls', 'transcript is null') });
      try {
        await call.client.close();
        const line = await lineOf('could not finish the call record', since);
        expectSafe(since, number, [PLACE, 'am Samstag geöffnet'], line, failure);
      } finally {
        await injection.release();
      }
    });

    it("booking on the phone logs neither the customer's number nor name", async () => {
      const number = newCaller();
      // A salon of its own: the holds a failed booking leaves behind would take the slot from the next case.
      const own = await createTestSalon(database.db);
      const since = log.lines().length;
      const call = await dial(number, own);
      await call.say(`Ich hätte gern einen Herrenschnitt am Dienstag um halb drei bei Emma, ich rufe aus ${PLACE} an`);
      expect((await call.say('ja')).text).toContain('Auf welchen Namen');
      await call.say(NAME);
      await call.saved();
      const injection = await injectFailure(failure, { table: 'customers', lostBy: 'outage', constraint: check('customers', 'name is null') });
      try {
        await call.say('ja');
        const line = await lineOf('turn failed', since);
        expectSafe(since, number, [PLACE, 'halb drei'], line, failure);
      } finally {
        await injection.release();
        await call.client.close();
      }
    });

    it("the function route logs neither the customer's number nor name", async () => {
      const number = newCaller();
      const own = await createTestSalon(database.db);
      const since = log.lines().length;
      const injection = await injectFailure(failure, { table: 'customers', lostBy: 'outage', constraint: check('customers', 'name is null') });
      try {
        const res = await signed('/retell/functions/book_appointment', {
          name: 'book_appointment',
          call: {
            call_id: `call_${randomUUID().replaceAll('-', '')}`,
            from_number: number,
            to_number: own.definition.phoneNumbers[0],
            agent_id: 'agent_x',
            call_type: 'phone_call',
            transcript: `User: ${PLACE}`,
          },
          args: { dienstleistung: 'Herrenhaarschnitt', datum: '2026-11-25', uhrzeit: '11:00', mitarbeiter: 'Oliver', name: NAME },
        });
        expect(res.status).toBe(500);
        expect(await res.text()).not.toContain(number);
        const line = await lineOf('unhandled error', since);
        expectSafe(since, number, [PLACE], line, failure);
      } finally {
        await injection.release();
      }
    });

    it('the webhook route logs neither the caller number nor the transcript', async () => {
      const number = newCaller();
      // A real unique violation: the number is unique across businesses for the length of this test.
      const other = failure === 'constraint violation' ? await createTestSalon(database.db) : null;
      if (other) await admin`insert into customers (business_id, phone_e164) values (${other.id}, ${number})`;
      const since = log.lines().length;
      // Its transaction cannot lose its connection mid-way in a test: postgres.js then crashes the process (see
      // `Target.lostBy`), so its lost connection is an outage, which fails at `begin`, before any caller data.
      const injection = await injectFailure(failure, {
        table: 'calls',
        lostBy: 'outage',
        constraint: { make: 'create unique index log_probe on customers (phone_e164)', undo: 'drop index if exists log_probe' },
      });
      try {
        const started = clock.now().getTime() - 120_000;
        const res = await signed('/retell/webhook', {
          event: 'call_ended',
          call: {
            call_id: `call_${randomUUID().replaceAll('-', '')}`,
            call_type: 'phone_call',
            direction: 'inbound',
            from_number: number,
            to_number: salon.definition.phoneNumbers[0],
            call_status: 'ended',
            start_timestamp: started,
            end_timestamp: started + 60_000,
            disconnection_reason: 'user_hangup',
            transcript: `Agent: Guten Tag!\nUser: Hier ist ${NAME} aus ${PLACE}, meine Nummer ist ${number}.`,
            transcript_object: [{ role: 'user', content: `Hier ist ${NAME} aus ${PLACE}`, words: [] }],
          },
        });
        expect(res.status).toBe(500);
        const line = await lineOf('unhandled error', since);
        expectSafe(since, number, [PLACE], line, failure);
      } finally {
        await injection.release();
      }
    });
  });

  it('the request log names routes, never the path, query or request id a caller number was sent in', async () => {
    const number = newCaller();
    await admin`insert into customers (business_id, phone_e164, name) values (${salon.id}, ${number}, ${NAME})`;
    const admins = { authorization: `Bearer ${await token(database.db, salon.id, 'admin')}` };
    const since = log.lines().length;
    const digits = number.slice(1);
    const paths = [
      `/api/customers?phone=${encodeURIComponent(number)}`,
      `/api/customers?phone=${digits}&q=${encodeURIComponent(NAME)}`,
      `/api/calls?phone=${digits}`,
      `/api/customers/${digits}`,
      `/nowhere/${digits}`,
    ];
    for (const path of paths) await app.request(path, { headers: { ...admins, 'x-request-id': `0${digits.slice(2, 5)}-${digits.slice(5)}` } });
    const requests = log
      .entries()
      .slice(since)
      .filter((l) => l.msg === 'request');
    expect(requests.map((l) => l.route)).toEqual(['/api/customers', '/api/customers', '/api/calls', '/api/customers/:id', '/*']);
    expect(leaksIn(log.lines().slice(since), { phones: [number], words: [NAME, 'Quistorp'] })).toEqual([]);
  });

  it('no line of the whole run names any caller', () => {
    expect(callers.length).toBe(FAILURES.length * 6 + 1);
    expect(leaksIn(log.lines(), { phones: callers, words: [NAME, PLACE] })).toEqual([]);
  });
});
