import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createFixedClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { appointments, calls } from '../../src/db/schema.js';
import { createLogger } from '../../src/logger.js';
import { startService, type RunningService } from '../../src/main.js';
import { createTestSalon, type TestBusiness } from '../support/business.js';
import { openTestPostgres } from '../support/databases.js';
import { RetellTestClient, agent, user, type TestUtterance } from '../support/retell-client.js';

/** Whole calls through the real server and the real Retell WebSocket protocol, checked in the database. */
describe('calls over the Retell WebSocket', () => {
  let service: RunningService;
  let salon: TestBusiness;
  const clock = createFixedClock('2026-11-19T08:00:00Z');

  beforeAll(async () => {
    const database = openTestPostgres();
    service = await startService(loadConfig({ PORT: '0', HOST: '127.0.0.1', SEED_DEMO: 'false', METRICS_ENABLED: 'false' }), {
      database,
      clock,
      logger: createLogger('silent'),
    });
    salon = await createTestSalon(database.db);
    // A second business: an unknown number must not reach "the only business" when this file runs alone.
    await createTestSalon(database.db, (b) => ({ ...b, name: 'Salon Nebenan' }));
  });
  afterAll(async () => {
    await service.stop();
    await service.ctx.database.close();
  });

  /** Retell's side of one call: keeps the transcript and numbers the requests. */
  async function dial(from: string, callId?: string) {
    const client = await RetellTestClient.connect(service.url, { timeoutMs: 5_000, ...(callId ? { callId } : {}) });
    const transcript: TestUtterance[] = [];
    let id = 0;
    const greeting = await client.handshake(
      { call_id: client.callId, from_number: from, to_number: salon.definition.phoneNumbers[0], direction: 'inbound', call_type: 'phone_call' },
      5_000,
    );
    transcript.push(agent(greeting.text));
    const say = async (text: string) => {
      transcript.push(user(text));
      const reply = await client.ask(++id, [...transcript], { timeoutMs: 10_000 });
      transcript.push(agent(reply.text));
      return reply;
    };
    return { client, say, transcript, greeting, nextId: () => ++id };
  }

  it('books a call end to end, with filler, tool frames, read-back and hang-up', async () => {
    const call = await dial('+4917612345678');
    expect(call.greeting.text).toBe('Salon Haarmonie, guten Tag! Hier ist der digitale Assistent. Wie kann ich Ihnen helfen?');
    await call.say('Ich hätte gern einen Herrenschnitt am Dienstag um halb drei bei Emma');
    await call.say('ja');
    await call.say('Maria Schmidt');
    const done = await call.say('ja');
    expect(done.frames[0]?.content).toBe('Einen Moment, ich trage das ein. ');
    expect(done.text).toContain('Ihr Termin ist eingetragen: Herrenhaarschnitt am Dienstag, dem 24. November, um halb drei bei Emma.');
    const toolFrames = call.client.frames
      .filter((f) => f.response_type === 'tool_call_invocation' || f.response_type === 'tool_call_result')
      .map((f) => f.response_type);
    expect(toolFrames).toEqual(['tool_call_invocation', 'tool_call_result', 'tool_call_invocation', 'tool_call_result']);
    const bye = await call.say('nein danke, tschüss');
    expect(bye.final).toMatchObject({ end_call: true, no_interruption_allowed: true, content_complete: true });
    expect(call.client.violations).toEqual([]);
    const rows = await service.ctx.database.db
      .select()
      .from(appointments)
      .where(and(eq(appointments.callId, call.client.callId), eq(appointments.status, 'booked')));
    expect(rows.map((r) => r.staffId)).toEqual([salon.staff.emma]);
    await call.client.close();
    // After the agent's own hang-up the call is finished within seconds, transcript and outcome stored.
    await vi.waitFor(
      async () => {
        const [row] = await service.ctx.database.db.select().from(calls).where(eq(calls.id, call.client.callId));
        expect(row).toMatchObject({ status: 'ended', outcome: 'booked', appointmentId: rows[0]!.id, businessId: salon.id });
        expect(row?.transcript?.length).toBeGreaterThanOrEqual(10);
      },
      { timeout: 6_000, interval: 200 },
    );
  });

  it('books once when Retell discards the confirming turn and asks again right away', async () => {
    const call = await dial('+4917611112222');
    await call.say('Damenhaarschnitt am Mittwoch um zehn bei Fabian');
    await call.say('ja');
    await call.say('Karl Huber');
    call.transcript.push(user('ja'));
    // The caller's "ja" is requested twice: the first request is superseded while its booking runs.
    const first = call.nextId();
    const second = call.nextId();
    call.client.requestResponse(first, [...call.transcript]);
    const reply = await call.client.ask(second, [...call.transcript], { timeoutMs: 10_000 });
    expect(reply.text).toContain('Ihr Termin ist eingetragen: Damenhaarschnitt am Mittwoch, dem 25. November, um 10 Uhr bei Fabian.');
    const rows = await service.ctx.database.db
      .select()
      .from(appointments)
      .where(and(eq(appointments.callId, call.client.callId), eq(appointments.status, 'booked')));
    expect(rows).toHaveLength(1);
    expect(call.client.responseFrames(first).some((f) => f.content_complete)).toBe(false);
    await call.client.close();
  });

  it('keeps the conversation across a reconnect of the same call: no second greeting, the offer still stands', async () => {
    const first = await dial('+4917633334444');
    await first.say('Herrenhaarschnitt am Freitag um elf bei Oliver');
    first.client.terminate();
    const again = await RetellTestClient.connect(service.url, { callId: first.client.callId, timeoutMs: 5_000 });
    await again.waitFor((f) => f.response_type === 'config', { what: 'config' });
    again.sendCallDetails({ call_id: first.client.callId, from_number: '+4917633334444', to_number: salon.definition.phoneNumbers[0] });
    first.transcript.push(user('ja'));
    const reply = await again.ask(10, [...first.transcript], { timeoutMs: 10_000 });
    expect(reply.text).toContain('Auf welchen Namen darf ich den Termin eintragen?');
    expect(again.responseFrames(0)).toEqual([]);
    await again.close();
  });

  it('echoes ping_pong while a turn is running', async () => {
    const call = await dial('+4917655556666');
    const since = call.client.received.length;
    call.client.requestResponse(call.nextId(), [...call.transcript, user('Wann haben Sie geöffnet?')]);
    call.client.ping(1_700_000_000_000);
    const pong = await call.client.waitFor((f) => f.response_type === 'ping_pong', { since, what: 'ping_pong' });
    expect(pong).toEqual({ response_type: 'ping_pong', timestamp: 1_700_000_000_000 });
    await call.client.close();
  });

  it('ends a call to a number no business owns with one polite line, and says it again if asked', async () => {
    const client = await RetellTestClient.connect(service.url, { timeoutMs: 5_000 });
    const greeting = await client.handshake(
      { call_id: client.callId, from_number: '+4917677778888', to_number: '+491111111111', direction: 'inbound', call_type: 'phone_call' },
      5_000,
    );
    expect(greeting.text).toBe(
      'Guten Tag! Diese Nummer ist bei uns leider keinem Geschäft zugeordnet, daher kann ich hier keine Termine vergeben. Auf Wiederhören!',
    );
    expect(greeting.final).toMatchObject({ content_complete: true, end_call: true, no_interruption_allowed: true });
    const again = await client.ask(1, [agent(greeting.text), user('Hallo? Ich möchte einen Termin')], { timeoutMs: 5_000 });
    expect(again.final).toMatchObject({ end_call: true });
    expect(again.text).toBe(greeting.text);
    await client.close();
    // Nothing was recorded for a business it does not belong to.
    const rows = await service.ctx.database.db.select().from(calls).where(eq(calls.id, client.callId));
    expect(rows).toHaveLength(0);
  });
});
