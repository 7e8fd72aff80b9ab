import { PassThrough } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createFixedClock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import type { Database } from '../src/db/database.js';
import { appointments, calls, customers } from '../src/db/schema.js';
import { createLogger } from '../src/logger.js';
import { startService, type RunningService } from '../src/main.js';
import { createBookingConversations } from '../src/voice/dialogue/booking-conversation.js';
import { CloseCode } from '../src/voice/transport/close-codes.js';
import { bookingDeps } from './support/booking.js';
import { createTestSalon, type TestBusiness } from './support/business.js';
import { openTestPostgres } from './support/databases.js';
import { FakeConversations } from './support/fake-conversation.js';
import { RetellTestClient, agent, randomCallId, user, type TestUtterance } from './support/retell-client.js';
import { startVoiceServer, type VoiceServer } from './support/voice-server.js';

const NOW = '2026-11-19T08:00:00Z';
const SECRET = 'b7c1e0f4a9d24c6e8f3a5b7c9d1e2f40';

/** A service with its own configuration over the shared test database, its log lines captured. */
async function serviceWith(database: Database, env: Record<string, string>): Promise<{ service: RunningService; logs: () => Array<Record<string, unknown>> }> {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const service = await startService(loadConfig({ PORT: '0', HOST: '127.0.0.1', SEED_DEMO: 'false', METRICS_ENABLED: 'false', ...env }), {
    database,
    clock: createFixedClock(NOW),
    logger: createLogger('info', stream),
  });
  const logs = () =>
    text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { service, logs };
}

/** Resolves with the HTTP status an upgrade was refused with; fails if the socket opened. */
async function refusedStatus(url: string, options: Parameters<typeof RetellTestClient.connect>[1] = {}): Promise<number> {
  try {
    const client = await RetellTestClient.connect(url, { timeoutMs: 5_000, ...options });
    await client.close();
  } catch (error) {
    return (error as { statusCode?: number }).statusCode ?? -1;
  }
  throw new Error('the upgrade was accepted');
}

describe('the call socket', () => {
  let database: Database;
  let salon: TestBusiness;
  let other: TestBusiness;
  let secured: RunningService;
  let open: { service: RunningService; logs: () => Array<Record<string, unknown>> };
  let securedLogs: () => Array<Record<string, unknown>>;
  const voiceServers: VoiceServer[] = [];

  beforeAll(async () => {
    database = openTestPostgres();
    salon = await createTestSalon(database.db);
    // A second business, so a call id can belong to someone else and nothing routes by "the only business".
    other = await createTestSalon(database.db, (b) => ({ ...b, name: 'Salon Nebenan' }));
    const s = await serviceWith(database, { LLM_WEBSOCKET_SECRET: SECRET });
    secured = s.service;
    securedLogs = s.logs;
    open = await serviceWith(database, {});
  });
  afterAll(async () => {
    await Promise.all(voiceServers.splice(0).map((v) => v.stop()));
    await secured.stop();
    await open.service.stop();
    await database.close();
  });

  const callRow = async (callId: string) => (await database.db.select().from(calls).where(eq(calls.id, callId)))[0];
  const heldOf = (callId: string) =>
    database.db
      .select()
      .from(appointments)
      .where(and(eq(appointments.callId, callId), eq(appointments.status, 'held')));

  /** Retell's side of one call on `service`: keeps the transcript and numbers the requests. */
  async function dial(url: string, options: { path?: string; from?: string; to?: string } = {}) {
    const client = await RetellTestClient.connect(url, { timeoutMs: 5_000, ...(options.path ? { path: options.path } : {}) });
    const transcript: TestUtterance[] = [];
    let id = 0;
    const greeting = await client.handshake(
      { call_id: client.callId, from_number: options.from ?? '+4917612345678', to_number: options.to ?? salon.definition.phoneNumbers[0] },
      5_000,
    );
    transcript.push(agent(greeting.text));
    const say = async (text: string) => {
      transcript.push(user(text));
      const reply = await client.ask(++id, [...transcript], { timeoutMs: 10_000 });
      transcript.push(agent(reply.text));
      return reply;
    };
    return { client, say, greeting };
  }

  describe('with LLM_WEBSOCKET_SECRET set', () => {
    it('refuses every upgrade without the right secret with 401, before a socket exists, and records nothing', async () => {
      const callId = randomCallId('nosecret');
      expect(await refusedStatus(secured.url, { callId })).toBe(401);
      expect(await refusedStatus(secured.url, { callId, path: '/llm-websocket/wrong-secret-of-the-same-kind' })).toBe(401);
      expect(await refusedStatus(secured.url, { callId, path: `/llm-websocket/${SECRET.slice(0, -1)}` })).toBe(401);
      expect(await refusedStatus(secured.url, { callId, path: `/llm-websocket/${SECRET}x` })).toBe(401);
      expect(await refusedStatus(secured.url, { callId: `${SECRET}`, path: '/llm-websocket' })).toBe(401);
      expect(await callRow(callId)).toBeUndefined();
      // The secret itself is never logged, not even the wrong ones tried.
      expect(JSON.stringify(securedLogs())).not.toContain('wrong-secret-of-the-same-kind');
    });

    it('serves a whole call at /llm-websocket/<secret>/<call_id>', async () => {
      const call = await dial(secured.url, { path: `/llm-websocket/${SECRET}` });
      expect(call.greeting.text).toBe('Salon Haarmonie, guten Tag! Hier ist der digitale Assistent. Wie kann ich Ihnen helfen?');
      await call.say('Ich hätte gern einen Herrenschnitt am Dienstag um halb drei bei Emma');
      await call.say('ja');
      await call.say('Maria Schmidt');
      expect((await call.say('ja')).text).toContain('Ihr Termin ist eingetragen');
      expect((await call.say('nein danke, tschüss')).final).toMatchObject({ end_call: true });
      await call.client.close();
      await vi.waitFor(async () => expect(await callRow(call.client.callId)).toMatchObject({ status: 'ended', outcome: 'booked', businessId: salon.id }), {
        timeout: 8_000,
        interval: 100,
      });
    });

    it('logs no warning about an open socket', () => {
      expect(securedLogs().filter((l) => String(l.msg).includes('accepts anyone'))).toEqual([]);
    });
  });

  describe('without LLM_WEBSOCKET_SECRET', () => {
    it('stays open for local use and says so once at startup', async () => {
      const call = await dial(open.service.url);
      expect(call.greeting.text).toContain('Salon Haarmonie');
      await call.client.close();
      const warnings = open.logs().filter((l) => l.level === 40 && String(l.msg).includes('accepts anyone'));
      expect(warnings).toHaveLength(1);
    });

    it('refuses a call id that is not one (NUL, slashes, too long) with 400', async () => {
      expect(await refusedStatus(open.service.url, { callId: 'call%00id' })).toBe(400);
      expect(await refusedStatus(open.service.url, { callId: 'a/b' })).toBe(400);
      expect(await refusedStatus(open.service.url, { callId: 'x'.repeat(129) })).toBe(400);
    });
  });

  describe('with RETELL_IP_ALLOWLIST', () => {
    let listed: RunningService;
    let proxied: RunningService;
    beforeAll(async () => {
      listed = (await serviceWith(database, { RETELL_IP_ALLOWLIST: '100.20.5.228' })).service;
      proxied = (await serviceWith(database, { RETELL_IP_ALLOWLIST: '100.20.5.228', TRUST_PROXY: 'true' })).service;
    });
    afterAll(async () => {
      await listed.stop();
      await proxied.stop();
    });

    it('refuses upgrades from other addresses with 403, as the HTTP routes do, and records nothing', async () => {
      const callId = randomCallId('notlisted');
      expect(await refusedStatus(listed.url, { callId })).toBe(403);
      // Without TRUST_PROXY a forwarded header proves nothing.
      expect(await refusedStatus(listed.url, { callId, headers: { 'x-forwarded-for': '100.20.5.228' } })).toBe(403);
      // Behind the trusted proxy only its own (last) entry counts.
      expect(await refusedStatus(proxied.url, { callId, headers: { 'x-forwarded-for': '100.20.5.228, 10.0.0.9' } })).toBe(403);
      expect(await callRow(callId)).toBeUndefined();
      const client = await RetellTestClient.connect(proxied.url, { headers: { 'x-forwarded-for': '10.0.0.9, 100.20.5.228' }, timeoutMs: 5_000 });
      expect((await client.handshake({ to_number: salon.definition.phoneNumbers[0] }, 5_000)).text).toContain('Salon Haarmonie');
      await client.close();
    });
  });

  describe('a call id belongs to one business and one life', () => {
    it('refuses a socket for an ended call without a word, and leaves that call exactly as it was', async () => {
      const callId = randomCallId('ended');
      const [customer] = await database.db
        .insert(customers)
        .values({ businessId: salon.id, phoneE164: '+4917699990001', name: 'Erika Mustermann' })
        .returning();
      await database.db.insert(calls).values({
        id: callId,
        businessId: salon.id,
        status: 'ended',
        outcome: 'booked',
        fromNumber: '+4917699990001',
        toNumber: salon.definition.phoneNumbers[0],
        customerId: customer!.id,
        transcript: [
          { role: 'agent', content: 'Salon Haarmonie, guten Tag!' },
          { role: 'user', content: 'Einen Herrenschnitt bitte' },
        ],
        transcriptText: 'Agent: Salon Haarmonie, guten Tag!\nUser: Einen Herrenschnitt bitte',
        startedAt: new Date('2026-11-18T09:00:00Z'),
        endedAt: new Date('2026-11-18T09:05:00Z'),
      });
      const before = await callRow(callId);
      const client = await RetellTestClient.connect(open.service.url, { callId, timeoutMs: 5_000 });
      await client.waitFor((f) => f.response_type === 'config', { what: 'config' });
      client.sendCallDetails({ call_id: callId, from_number: '+4917699990001', to_number: salon.definition.phoneNumbers[0] });
      client.requestResponse(1, [user('Ich möchte meinen Termin absagen')]);
      expect((await client.waitForClose(5_000)).code).toBe(CloseCode.refused);
      // No greeting (it would have named Erika), no answer.
      expect(client.frames.filter((f) => f.response_type === 'response')).toEqual([]);
      expect(await callRow(callId)).toEqual(before);
    });

    it('refuses a socket for a live call of another business, touching nothing of it', async () => {
      const callId = randomCallId('foreign');
      await database.db
        .insert(calls)
        .values({ id: callId, businessId: other.id, status: 'ongoing', toNumber: other.definition.phoneNumbers[0], startedAt: new Date(NOW) });
      const before = await callRow(callId);
      const client = await RetellTestClient.connect(open.service.url, { callId, timeoutMs: 5_000 });
      await client.waitFor((f) => f.response_type === 'config', { what: 'config' });
      client.sendCallDetails({ call_id: callId, to_number: salon.definition.phoneNumbers[0] });
      expect((await client.waitForClose(5_000)).code).toBe(CloseCode.refused);
      expect(client.frames.filter((f) => f.response_type === 'response')).toEqual([]);
      expect(await callRow(callId)).toEqual(before);
    });

    it("drops a socket that joins a live call with another business's numbers, and the call goes on", async () => {
      const call = await dial(open.service.url, { from: '+4917655501234' });
      const offer = await call.say('Einen Herrenschnitt am Samstag um zehn bei Oliver');
      expect(offer.text).toMatch(/Soll ich (Ihnen den Termin|ihn für Sie) eintragen\?/);
      const intruder = await RetellTestClient.connect(open.service.url, { callId: call.client.callId, timeoutMs: 5_000 });
      await intruder.waitFor((f) => f.response_type === 'config', { what: 'config' });
      intruder.sendCallDetails({ call_id: call.client.callId, to_number: other.definition.phoneNumbers[0] });
      expect((await intruder.waitForClose(5_000)).code).toBe(CloseCode.refused);
      expect(intruder.frames.filter((f) => f.response_type === 'response')).toEqual([]);
      // Retell's own reconnect carries the call on where it stood: the offer still holds.
      const again = await RetellTestClient.connect(open.service.url, { callId: call.client.callId, timeoutMs: 5_000 });
      await again.waitFor((f) => f.response_type === 'config', { what: 'config' });
      again.sendCallDetails({ call_id: call.client.callId, from_number: '+4917655501234', to_number: salon.definition.phoneNumbers[0] });
      const reply = await again.ask(10, [agent(call.greeting.text), user('Einen Herrenschnitt am Samstag um zehn bei Oliver'), agent(offer.text), user('ja')], {
        timeoutMs: 10_000,
      });
      expect(reply.text).toContain('Auf welchen Namen');
      expect(await heldOf(call.client.callId)).toHaveLength(1);
      await again.close();
    });

    it('drops a socket that joins a live call with numbers that reach no business, and learns nothing from them', async () => {
      const call = await dial(open.service.url, { from: '+4917655501299' });
      const intruder = await RetellTestClient.connect(open.service.url, { callId: call.client.callId, timeoutMs: 5_000 });
      await intruder.waitFor((f) => f.response_type === 'config', { what: 'config' });
      intruder.sendCallDetails({ call_id: call.client.callId, from_number: '+4917699999999', to_number: '+4930999999999' });
      expect((await intruder.waitForClose(5_000)).code).toBe(CloseCode.refused);
      expect((await callRow(call.client.callId))?.fromNumber).toBe('+4917655501299');
    });

    it("refuses to resume another business's saved conversation under a call id", async () => {
      const callId = randomCallId('foreignsaved');
      const snapshot = { phase: 'offered', businessId: other.id, owner: 'another-instance', name: 'Erika Mustermann', knownCustomer: true };
      await database.db.insert(calls).values({
        id: callId,
        businessId: other.id,
        status: 'ongoing',
        toNumber: other.definition.phoneNumbers[0],
        startedAt: new Date(NOW),
        dialogueState: snapshot,
      });
      const before = await callRow(callId);
      const client = await RetellTestClient.connect(open.service.url, { callId, timeoutMs: 5_000 });
      await client.waitFor((f) => f.response_type === 'config', { what: 'config' });
      client.sendCallDetails({ call_id: callId, to_number: salon.definition.phoneNumbers[0] });
      expect((await client.waitForClose(5_000)).code).toBe(CloseCode.refused);
      expect(await callRow(callId)).toEqual(before);
    });
  });

  it('finishes a call whose socket closed while its greeting was still recording it, instead of leaving it ongoing', async () => {
    const { deps } = bookingDeps(database, { now: NOW });
    const callId = randomCallId('quick');
    const conversation = createBookingConversations(deps)(callId);
    const greeting = conversation.greet({
      callId,
      agentId: null,
      fromNumber: '+4917612345678',
      toNumber: salon.definition.phoneNumbers[0]!,
      direction: 'inbound',
      callType: 'phone_call',
      metadata: null,
    });
    // The caller is gone before the call row even exists.
    await conversation.end('closed');
    await greeting;
    expect(await callRow(callId)).toMatchObject({ status: 'ended', outcome: 'abandoned', businessId: salon.id });
  });

  it('closes a socket that sends nothing for longer than the idle limit, ending its call and releasing its holds', async () => {
    const { deps } = bookingDeps(database, { now: NOW });
    const server = await startVoiceServer(createBookingConversations(deps), { idleTimeoutMs: 1_000 });
    voiceServers.push(server);
    const client = await RetellTestClient.connect(server.url, { timeoutMs: 5_000 });
    // Keepalives while the call is set up, as Retell sends them; then silence.
    const keepalive = setInterval(() => client.ping(Date.now()), 100);
    try {
      const greeting = await client.handshake({ to_number: salon.definition.phoneNumbers[0] }, 5_000);
      const offer = await client.ask(1, [agent(greeting.text), user('Einen Damenhaarschnitt am Mittwoch um zehn bei Fabian')], { timeoutMs: 10_000 });
      expect(offer.text).toMatch(/Soll ich (Ihnen den Termin|ihn für Sie) eintragen\?/);
      expect(await heldOf(client.callId)).toHaveLength(1);
    } finally {
      clearInterval(keepalive);
    }
    expect((await client.waitForClose(10_000)).code).toBe(CloseCode.idle);
    await vi.waitFor(
      async () => {
        expect(await heldOf(client.callId)).toEqual([]);
        expect(await callRow(client.callId)).toMatchObject({ status: 'ended', outcome: 'abandoned' });
      },
      { timeout: 5_000, interval: 100 },
    );
  });

  it('closes the socket itself shortly after the agent hangs up or transfers', async () => {
    const fakes = new FakeConversations({
      respond: (request, io) => {
        if (request.transcript.at(-1)?.content === 'weiter') io.say('Ich verbinde.', { transferNumber: '+493099999999' });
        else io.say('Auf Wiederhören!', { endCall: true, noInterruptionAllowed: true });
      },
    });
    const server = await startVoiceServer(fakes.factory, { hangUpCloseMs: 100, speechMsPerChar: 0, graceMs: 300 });
    voiceServers.push(server);
    for (const said of ['tschüss', 'weiter']) {
      const client = await RetellTestClient.connect(server.url, { timeoutMs: 5_000 });
      await client.handshake();
      await client.ask(1, [user(said)]);
      // The client never closes: the server does, with the code Retell reads as the agent's own hang-up.
      expect((await client.waitForClose(5_000)).code).toBe(CloseCode.agentHungUp);
      await fakes.waitForEnd(client.callId, 5_000);
    }
  });

  it('refuses a new socket for a call whose goodbye already went out', async () => {
    const fakes = new FakeConversations({ respond: (_request, io) => io.say('Auf Wiederhören!', { endCall: true, noInterruptionAllowed: true }) });
    const server = await startVoiceServer(fakes.factory, { hangUpCloseMs: 60_000 });
    voiceServers.push(server);
    const first = await RetellTestClient.connect(server.url);
    await first.handshake();
    await first.ask(1, [user('tschüss')]);
    const again = await RetellTestClient.connect(server.url, { callId: first.callId });
    expect((await again.waitForClose()).code).toBe(CloseCode.refused);
    expect(again.frames).toEqual([]);
    await first.close();
  });

  it('closes a socket whose frame exceeds the cap with 1009 and keeps serving the other calls', async () => {
    const fakes = new FakeConversations();
    const server = await startVoiceServer(fakes.factory);
    voiceServers.push(server);
    const [big, bystander] = await Promise.all([RetellTestClient.connect(server.url), RetellTestClient.connect(server.url)]);
    await Promise.all([big!.handshake(), bystander!.handshake()]);
    // A long call's frame is served: 600 utterances of a hundred characters and more, more than an hour's talk.
    const long = Array.from({ length: 600 }, (_, i) => user(`Utterance ${i}: ${'ja, genau so, das passt mir gut. '.repeat(4)}`));
    expect((await big!.ask(1, long)).text).toBe('Antwort 1.');
    big!.requestResponse(2, [user('x'.repeat(1_100_000))]);
    expect((await big!.waitForClose(5_000)).code).toBe(CloseCode.frameTooLarge);
    expect((await bystander!.ask(1, [user('Hallo?')])).text).toBe('Antwort 1.');
    await bystander!.close();
  });

  it('cleans NUL and lone surrogates from every frame, and the call still ends with its outcome', async () => {
    const client = await RetellTestClient.connect(open.service.url, { timeoutMs: 5_000 });
    await client.waitFor((f) => f.response_type === 'config', { what: 'config' });
    client.sendCallDetails({
      call_id: `${client.callId}\u0000`,
      from_number: '+49176\u000012345678',
      to_number: salon.definition.phoneNumbers[0],
      agent_id: 'agent\ud800',
      metadata: { 'k\u0000': 'v\udc00' },
    });
    const greeting = await client.collectResponse(0, { timeoutMs: 5_000 });
    const transcript: TestUtterance[] = [agent(greeting.text), user('Herrenschnitt\u0000 am Freitag \ud800um elf bei Oliver')];
    client.sendUpdate(transcript);
    const offer = await client.ask(1, transcript, { timeoutMs: 10_000 });
    expect(offer.text).toMatch(/Soll ich (Ihnen den Termin|ihn für Sie) eintragen\?/);
    transcript.push(agent(offer.text), user('nein danke, tschüss\u0000\udfff'));
    expect((await client.ask(2, transcript, { timeoutMs: 10_000 })).final).toMatchObject({ end_call: true });
    await client.close();
    await vi.waitFor(
      async () => {
        const row = await callRow(client.callId);
        expect(row).toMatchObject({ status: 'ended', businessId: salon.id });
        expect(row?.outcome).not.toBeNull();
        expect(row?.transcript?.at(1)?.content).toBe('Herrenschnitt am Freitag \uFFFDum elf bei Oliver');
        expect(row?.transcriptText).not.toContain('\u0000');
        expect(await heldOf(client.callId)).toEqual([]);
      },
      { timeout: 8_000, interval: 100 },
    );
  });
});
