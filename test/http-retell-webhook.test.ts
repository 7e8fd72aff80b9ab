import { randomUUID } from 'node:crypto';
import { count, eq, inArray } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookAppointment } from '../src/booking/book-appointment.js';
import { createFixedClock } from '../src/clock.js';
import { businesses, calls, customers, processedEvents } from '../src/db/schema.js';
import { signRetellBody } from '../src/http/retell-signature.js';
import { createTestSalon, type TestBusiness } from './support/business.js';
import { berlin, bookingDeps, key } from './support/booking.js';
import { TEST_RETELL_KEY, createTestApp, postSigned, type TestApp } from './support/app.js';

const EVENTS = ['call_started', 'call_ended', 'call_analyzed'] as const;

describe('POST /retell/webhook', () => {
  let t: TestApp;
  let salon: TestBusiness;
  let salonNumber: string;

  beforeAll(async () => {
    t = await createTestApp();
    salon = await createTestSalon(t.database.db);
    salonNumber = salon.definition.phoneNumbers[0]!;
  });
  afterAll(async () => {
    await t.close();
  });

  const db = () => t.database.db;
  const callerNumber = () => `+49176${Math.floor(10_000_000 + Math.random() * 89_999_999)}`;
  const startedAt = Date.now() - 5 * 60_000;

  function callObject(id: string, extra: Record<string, unknown> = {}) {
    return {
      call_id: id,
      agent_id: 'agent_unrouted',
      call_type: 'phone_call',
      direction: 'inbound',
      from_number: '+4917612345678',
      to_number: salonNumber,
      call_status: 'ongoing',
      start_timestamp: startedAt,
      ...extra,
    };
  }
  function ended(id: string, extra: Record<string, unknown> = {}) {
    return callObject(id, {
      call_status: 'ended',
      end_timestamp: startedAt + 95_000,
      duration_ms: 95_000,
      disconnection_reason: 'user_hangup',
      transcript: 'Agent: Salon, guten Tag!\nUser: Ich rufe später wieder an.',
      transcript_object: [
        { role: 'agent', content: 'Salon, guten Tag!', words: [] },
        { role: 'user', content: 'Ich rufe später wieder an.', words: [] },
      ],
      recording_url: 'https://recordings.example/abc.wav',
      latency: { e2e: { p50: 812, p90: 1104 } },
      ...extra,
    });
  }
  const send = (event: string, call: unknown, envelope: 'call' | 'data' = 'call') =>
    postSigned(t.app, '/retell/webhook', JSON.stringify({ event, [envelope]: call }));

  async function written(callId: string) {
    const [c] = await db().select({ n: count() }).from(calls).where(eq(calls.id, callId));
    const [e] = await db()
      .select({ n: count() })
      .from(processedEvents)
      .where(
        inArray(
          processedEvents.key,
          EVENTS.map((ev) => `webhook:${ev}:${callId}`),
        ),
      );
    return { calls: c?.n ?? 0, events: e?.n ?? 0 };
  }
  const rowOf = async (callId: string) => (await db().select().from(calls).where(eq(calls.id, callId)))[0];

  describe('signature', () => {
    it('answers 401 to an unsigned request and writes nothing', async () => {
      const id = randomUUID();
      const res = await t.app.request('/retell/webhook', {
        method: 'POST',
        body: JSON.stringify({ event: 'call_started', call: callObject(id) }),
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: { code: 'unauthorized' } });
      expect(await written(id)).toEqual({ calls: 0, events: 0 });
    });

    it('answers 401 to a body signed with another key', async () => {
      const id = randomUUID();
      const body = JSON.stringify({ event: 'call_started', call: callObject(id) });
      const res = await t.app.request('/retell/webhook', {
        method: 'POST',
        body,
        headers: { 'x-retell-signature': signRetellBody(body, 'someone-elses-key', Date.now()) },
      });
      expect(res.status).toBe(401);
      expect(await written(id)).toEqual({ calls: 0, events: 0 });
    });

    it.each([
      ['six minutes old', -6 * 60_000],
      ['six minutes ahead', 6 * 60_000],
    ])('answers 401 to a signature %s', async (_name, skew) => {
      const id = randomUUID();
      const body = JSON.stringify({ event: 'call_started', call: callObject(id) });
      const res = await t.app.request('/retell/webhook', {
        method: 'POST',
        body,
        headers: { 'x-retell-signature': signRetellBody(body, TEST_RETELL_KEY, Date.now() + skew) },
      });
      expect(res.status).toBe(401);
      expect((await res.json()) as unknown).toMatchObject({ error: { code: 'unauthorized', message: expect.stringContaining('stale') } });
      expect(await written(id)).toEqual({ calls: 0, events: 0 });
    });

    it('answers 401 when the signed body was altered on the way', async () => {
      const id = randomUUID();
      const body = JSON.stringify({ event: 'call_started', call: callObject(id) });
      const res = await t.app.request('/retell/webhook', {
        method: 'POST',
        body: body.replace('ongoing', 'ended  '),
        headers: { 'x-retell-signature': signRetellBody(body, TEST_RETELL_KEY, Date.now()) },
      });
      expect(res.status).toBe(401);
    });

    it('verifies umlauts on the raw bytes and stores them unchanged', async () => {
      const id = randomUUID();
      // Raw UTF-8 as Retell sends it; JSON.stringify of the parsed body would be the same here, but a
      // verifier that re-serialised with \u escapes (as some demos do) would fail.
      const body = `{"event":"call_ended","call":${JSON.stringify(ended(id, { transcript: 'User: Grüß Gott, ich bin Jürgen Größe, Straße 5 – Strähnchen bitte.' }))}}`;
      const res = await postSigned(t.app, '/retell/webhook', body);
      expect(res.status).toBe(204);
      expect((await rowOf(id))?.transcriptText).toBe('User: Grüß Gott, ich bin Jürgen Größe, Straße 5 – Strähnchen bitte.');
    });

    it('answers 413 to a body over 5 MiB, with or without a declared length', async () => {
      const big = JSON.stringify({ event: 'call_ended', call: { call_id: randomUUID(), transcript: 'ä'.repeat(2_700_000) } });
      const declared = await postSigned(t.app, '/retell/webhook', big);
      expect(declared.status).toBe(413);
      expect(await declared.json()).toMatchObject({ error: { code: 'payload_too_large' } });
      const bytes = new TextEncoder().encode(big);
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < bytes.length; i += 65_536) controller.enqueue(bytes.subarray(i, i + 65_536));
          controller.close();
        },
      });
      const chunked = await t.app.request('/retell/webhook', {
        method: 'POST',
        body: stream,
        duplex: 'half',
        headers: { 'x-retell-signature': signRetellBody(big, TEST_RETELL_KEY, Date.now()) },
      } as RequestInit);
      expect(chunked.status).toBe(413);
    });

    it('answers 503 and writes nothing when no RETELL_API_KEY is configured', async () => {
      const local = await createTestApp({ RETELL_API_KEY: '' }, { database: t.database });
      const id = randomUUID();
      const res = await postSigned(local.app, '/retell/webhook', JSON.stringify({ event: 'call_started', call: callObject(id) }));
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ error: { code: 'unavailable', message: expect.stringContaining('RETELL_API_KEY') } });
      expect(await written(id)).toEqual({ calls: 0, events: 0 });
      await local.close();
    });

    it('refuses addresses outside RETELL_IP_ALLOWLIST even with a valid signature', async () => {
      const local = await createTestApp({ RETELL_IP_ALLOWLIST: '100.20.5.228', TRUST_PROXY: 'true' }, { database: t.database });
      const id = randomUUID();
      const body = JSON.stringify({ event: 'call_started', call: callObject(id) });
      expect((await postSigned(local.app, '/retell/webhook', body, { 'x-forwarded-for': '100.20.5.228, 203.0.113.9' })).status).toBe(403);
      expect(await written(id)).toEqual({ calls: 0, events: 0 });
      expect((await postSigned(local.app, '/retell/webhook', body, { 'x-forwarded-for': '203.0.113.9, 100.20.5.228' })).status).toBe(204);
      await local.close();
    });

    it('rate-limits Retell traffic per address with 429 and Retry-After', async () => {
      // A clock that stands still, so the minute cannot roll over between the requests.
      const local = await createTestApp(
        { RETELL_RATE_LIMIT_PER_MINUTE: '2', TRUST_PROXY: 'true' },
        { database: t.database, clock: createFixedClock('2030-03-04T07:00:00Z') },
      );
      const post = (ip: string) => local.app.request('/retell/webhook', { method: 'POST', body: '{}', headers: { 'x-forwarded-for': ip } });
      expect((await post('198.51.100.1')).status).toBe(401);
      expect((await post('198.51.100.1')).status).toBe(401);
      const limited = await post('198.51.100.1');
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await limited.json()).toMatchObject({ error: { code: 'rate_limited' } });
      expect((await post('198.51.100.2')).status).toBe(401);
      await local.close();
    });
  });

  describe('lifecycle', () => {
    it('records call_started: business by called number, customer by caller number', async () => {
      const id = randomUUID();
      const res = await send('call_started', callObject(id, { from_number: '+49 176 2345 6789' }));
      expect(res.status).toBe(204);
      const row = await rowOf(id);
      expect(row).toMatchObject({
        businessId: salon.id,
        status: 'ongoing',
        direction: 'inbound',
        callType: 'phone_call',
        fromNumber: '+4917623456789',
        toNumber: salonNumber,
        agentId: 'agent_unrouted',
        outcome: null,
      });
      expect(row?.startedAt?.getTime()).toBe(startedAt);
      const [customer] = await db().select().from(customers).where(eq(customers.id, row!.customerId!));
      expect(customer).toMatchObject({ businessId: salon.id, phoneE164: '+4917623456789' });
    });

    it('fills in the whole call over started, ended and analyzed, and derives the outcome', async () => {
      const id = randomUUID();
      expect((await send('call_started', callObject(id))).status).toBe(204);
      expect((await send('call_ended', ended(id))).status).toBe(204);
      expect(
        (await send('call_analyzed', ended(id, { call_analysis: { call_summary: 'Rückruf angekündigt', user_sentiment: 'Neutral', call_successful: false } })))
          .status,
      ).toBe(204);
      const row = await rowOf(id);
      expect(row).toMatchObject({
        status: 'ended',
        durationMs: 95_000,
        disconnectionReason: 'user_hangup',
        transcriptText: 'Agent: Salon, guten Tag!\nUser: Ich rufe später wieder an.',
        recordingUrl: 'https://recordings.example/abc.wav',
        analysis: { call_summary: 'Rückruf angekündigt', user_sentiment: 'Neutral', call_successful: false },
        latency: { e2e: { p50: 812, p90: 1104 } },
        outcome: 'abandoned',
      });
      expect(row?.transcript).toEqual([
        { role: 'agent', content: 'Salon, guten Tag!' },
        { role: 'user', content: 'Ich rufe später wieder an.' },
      ]);
      expect(row?.endedAt?.getTime()).toBe(startedAt + 95_000);
      expect(await written(id)).toEqual({ calls: 1, events: 3 });
    });

    it('accepts the {event, data} envelope of Retell’s demos', async () => {
      const id = randomUUID();
      expect((await send('call_ended', ended(id), 'data')).status).toBe(204);
      expect(await rowOf(id)).toMatchObject({ businessId: salon.id, status: 'ended' });
    });

    it('applies a replayed event once: three deliveries, one row, one processed event, first content kept', async () => {
      const id = randomUUID();
      for (let i = 0; i < 3; i++) expect((await send('call_ended', ended(id, { transcript: `Versuch ${i}` }))).status).toBe(204);
      expect(await written(id)).toEqual({ calls: 1, events: 1 });
      expect((await rowOf(id))?.transcriptText).toBe('Versuch 0');
      expect(t.logs().filter((l) => l.msg === 'retell webhook repeated, already applied' && l.call_id === id)).toHaveLength(2);
    });

    it('applies concurrent deliveries of one event once', async () => {
      const id = randomUUID();
      const phone = callerNumber();
      const results = await Promise.all(Array.from({ length: 6 }, () => send('call_started', callObject(id, { from_number: phone }))));
      expect(results.map((r) => r.status)).toEqual(Array(6).fill(204));
      expect(await written(id)).toEqual({ calls: 1, events: 1 });
      const [n] = await db().select({ n: count() }).from(customers).where(eq(customers.phoneE164, phone));
      expect(n?.n).toBe(1);
    });

    it('does not let a late call_started overwrite an ended call', async () => {
      const id = randomUUID();
      await send('call_ended', ended(id));
      await send('call_started', callObject(id, { call_status: 'ongoing', transcript: '' }));
      const row = await rowOf(id);
      expect(row).toMatchObject({
        status: 'ended',
        durationMs: 95_000,
        transcriptText: 'Agent: Salon, guten Tag!\nUser: Ich rufe später wieder an.',
        outcome: 'abandoned',
      });
      expect(row?.endedAt?.getTime()).toBe(startedAt + 95_000);
    });

    it('keeps the analysis when call_ended arrives after call_analyzed', async () => {
      const id = randomUUID();
      await send('call_analyzed', ended(id, { call_analysis: { call_summary: 'Kurz' } }));
      await send('call_ended', ended(id));
      expect((await rowOf(id))?.analysis).toEqual({ call_summary: 'Kurz' });
    });

    it('routes by agent id when the called number is unknown', async () => {
      const agentId = `agent_${randomUUID()}`;
      const other = await createTestSalon(db());
      await db()
        .update(businesses)
        .set({ retellAgentIds: [agentId] })
        .where(eq(businesses.id, other.id));
      const id = randomUUID();
      await send('call_started', callObject(id, { agent_id: agentId, to_number: '+493099999999' }));
      expect((await rowOf(id))?.businessId).toBe(other.id);
    });

    it('records a call that matches no business with business_id null and no customer', async () => {
      const id = randomUUID();
      await send('call_ended', ended(id, { agent_id: `agent_${randomUUID()}`, to_number: '+493011111111' }));
      expect(await rowOf(id)).toMatchObject({ businessId: null, customerId: null, status: 'ended' });
    });

    it('records a web call (no numbers) routed by agent, without a customer', async () => {
      const agentId = `agent_${randomUUID()}`;
      const other = await createTestSalon(db());
      await db()
        .update(businesses)
        .set({ retellAgentIds: [agentId] })
        .where(eq(businesses.id, other.id));
      const id = randomUUID();
      const { from_number: _f, to_number: _t, direction: _d, ...web } = callObject(id, { call_type: 'web_call', agent_id: agentId });
      expect((await send('call_started', web)).status).toBe(204);
      expect(await rowOf(id)).toMatchObject({ businessId: other.id, callType: 'web_call', customerId: null });
    });

    it('records a caller who withheld the number, without a customer', async () => {
      const id = randomUUID();
      await send('call_started', callObject(id, { from_number: 'anonymous' }));
      expect(await rowOf(id)).toMatchObject({ businessId: salon.id, fromNumber: null, customerId: null });
    });

    it('keeps no transcript or recording when the account opted out of storing them', async () => {
      const id = randomUUID();
      await send('call_ended', ended(id, { data_storage_setting: 'basic_attributes_only' }));
      expect(await rowOf(id)).toMatchObject({ transcript: null, transcriptText: null, recordingUrl: null, durationMs: 95_000 });
    });

    it.each([
      ['transferred', 'user_hangup'],
      ['booked', 'agent_hangup'],
      ['no_availability', 'user_hangup'],
      ['cancelled_appointment', 'agent_hangup'],
    ] as const)('keeps the outcome %s the dialogue set (call ended by %s)', async (outcome, reason) => {
      const id = randomUUID();
      await db().insert(calls).values({ id, businessId: salon.id, status: 'ongoing', outcome });
      await send('call_ended', ended(id, { disconnection_reason: reason }));
      expect(await rowOf(id)).toMatchObject({ outcome, status: 'ended', disconnectionReason: reason });
    });

    it('marks a call during which an appointment was booked as booked and links it', async () => {
      const id = randomUUID();
      const { deps } = bookingDeps(t.database);
      const booked = await bookAppointment(deps, {
        businessId: salon.id,
        serviceId: salon.services.herrenhaarschnitt,
        staffId: salon.staff.emma,
        startsAt: berlin('2030-03-05T10:00'),
        customer: { phone: callerNumber(), name: 'Jörg Bär' },
        idempotencyKey: key(),
        source: 'phone',
        callId: id,
        actor: { type: 'caller', id: null },
      });
      expect(booked.kind).toBe('booked');
      await send('call_ended', ended(id, { disconnection_reason: 'agent_hangup' }));
      expect(await rowOf(id)).toMatchObject({ outcome: 'booked', appointmentId: booked.kind === 'booked' ? booked.appointment.id : 'x' });
    });

    it('marks a call that ended in an error as failed', async () => {
      const id = randomUUID();
      await send('call_ended', ended(id, { call_status: 'error', disconnection_reason: 'error_llm_websocket_open' }));
      expect(await rowOf(id)).toMatchObject({ status: 'error', outcome: 'failed' });
    });
  });

  describe('payloads it cannot use', () => {
    it.each([['transcript_updated'], ['transfer_started'], ['chat_started'], ['some_future_event']])(
      'acknowledges %s with 204 and ignores it',
      async (event) => {
        const id = randomUUID();
        expect((await send(event, ended(id))).status).toBe(204);
        expect(await written(id)).toEqual({ calls: 0, events: 0 });
      },
    );

    const invalid: Array<[string, (id: string) => string, string]> = [
      ['a missing call_id', (id) => JSON.stringify({ event: 'call_started', call: { ...callObject(id), call_id: undefined } }), 'call.call_id'],
      ['a numeric call_id', (id) => JSON.stringify({ event: 'call_started', call: { ...callObject(id), call_id: 42 } }), 'call.call_id'],
      ['an empty call_id', (id) => JSON.stringify({ event: 'call_started', call: { ...callObject(id), call_id: ' ' } }), 'call.call_id'],
      ['no call object at all', () => JSON.stringify({ event: 'call_ended' }), 'call'],
      ['a call that is a string', (id) => JSON.stringify({ event: 'call_ended', call: id }), 'call'],
      ['an event name that is a number', (id) => JSON.stringify({ event: 7, call: callObject(id) }), 'event'],
      ['a body that is not JSON', (id) => `{"event":"call_started","call":{"call_id":"${id}"`, 'not JSON'],
      ['a JSON array', (id) => JSON.stringify([{ event: 'call_started', call: callObject(id) }]), 'body'],
    ];

    it.each(invalid)('answers 204 to %s, writes nothing and logs one warning without numbers or transcript', async (_name, bodyOf, problem) => {
      const id = randomUUID();
      const before = t.logs().length;
      const res = await postSigned(t.app, '/retell/webhook', bodyOf(id));
      expect(res.status).toBe(204);
      expect(await written(id)).toEqual({ calls: 0, events: 0 });
      const lines = t.logs().slice(before);
      const warnings = lines.filter((l) => l.level === 40);
      expect(warnings).toHaveLength(1);
      expect(String(warnings[0]!.problem)).toContain(problem);
      const text = JSON.stringify(lines);
      expect(text).not.toContain('12345678');
      expect(text).not.toContain('guten Tag');
    });
  });

  describe('fields it cannot use', () => {
    let deep: unknown = 'tief';
    for (let i = 0; i < 200; i++) deep = { d: deep };
    const cases: Array<[string, (id: string) => string, string]> = [
      [
        'a start timestamp as text',
        (id) => JSON.stringify({ event: 'call_ended', call: ended(id, { start_timestamp: '2030-03-05T09:00:00Z' }) }),
        'call.start_timestamp',
      ],
      ['a negative duration', (id) => JSON.stringify({ event: 'call_ended', call: ended(id, { duration_ms: -5 }) }), 'call.duration_ms'],
      ['a fractional end timestamp', (id) => JSON.stringify({ event: 'call_ended', call: ended(id, { end_timestamp: 1.5 }) }), 'call.end_timestamp'],
      [
        'a transcript object of strings',
        (id) => JSON.stringify({ event: 'call_ended', call: ended(id, { transcript_object: ['Hallo'] }) }),
        'call.transcript_object',
      ],
      [
        'an utterance whose fields hide behind __proto__',
        (id) =>
          JSON.stringify({ event: 'call_ended', call: ended(id) }).replace(
            '{"role":"agent","content":"Salon, guten Tag!","words":[]}',
            '{"__proto__":{"role":"agent","content":"Salon, guten Tag!"}}',
          ),
        'call.transcript_object',
      ],
      ['an analysis that is a list', (id) => JSON.stringify({ event: 'call_ended', call: ended(id, { call_analysis: ['x'] }) }), 'call.call_analysis'],
      ['an analysis nested 200 levels deep', (id) => JSON.stringify({ event: 'call_ended', call: ended(id, { call_analysis: deep }) }), 'call.call_analysis'],
      ['latency nested 200 levels deep', (id) => JSON.stringify({ event: 'call_ended', call: ended(id, { latency: deep }) }), 'call.latency'],
      [
        'an unparsable caller number',
        (id) => JSON.stringify({ event: 'call_ended', call: ended(id, { from_number: '12ab-not-a-number' }) }),
        'call.from_number',
      ],
      ['an unparsable called number', (id) => JSON.stringify({ event: 'call_ended', call: ended(id, { to_number: '+49 30' }) }), 'call.to_number'],
    ];

    it.each(cases)('ends the call despite %s: the rest is applied, the field dropped and named without values', async (_name, bodyOf, field) => {
      const id = randomUUID();
      expect((await send('call_started', callObject(id))).status).toBe(204);
      const before = t.logs().length;
      expect((await postSigned(t.app, '/retell/webhook', bodyOf(id))).status).toBe(204);
      const row = await rowOf(id);
      expect(row).toMatchObject({ status: 'ended', disconnectionReason: 'user_hangup', outcome: 'abandoned' });
      expect(await written(id)).toEqual({ calls: 1, events: 2 });
      const lines = t.logs().slice(before);
      const warnings = lines.filter((l) => l.level === 40);
      expect(warnings).toEqual([expect.objectContaining({ call_id: id, dropped: [field], msg: 'retell webhook fields unusable, dropped' })]);
      const text = JSON.stringify(lines);
      expect(text).not.toContain('12345678');
      expect(text).not.toContain('guten Tag');
      expect(text).not.toContain('tief');
    });

    it('keeps the caller number when only the called number is unusable', async () => {
      const id = randomUUID();
      const from = callerNumber();
      await send('call_ended', ended(id, { from_number: from, to_number: 'x', agent_id: 'agent_unrouted' }));
      expect(await rowOf(id)).toMatchObject({ status: 'ended', fromNumber: from, toNumber: null });
    });
  });

  it('never answers 500 and never writes half, for random bodies with a valid signature', async () => {
    const utf16 = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)) });
    // Mostly well-typed fields, so that many bodies reach the database; now and then any JSON at all.
    const field = (valid: fc.Arbitrary<unknown>) =>
      fc.option(fc.oneof({ arbitrary: valid, weight: 40 }, { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 1 }), { nil: undefined });
    // Realistic instants mostly; now and then the edges (epoch, the last millisecond of year 9999, beyond).
    const instant = fc.oneof(
      { arbitrary: fc.integer({ min: Date.now() - 86_400_000, max: Date.now() + 86_400_000 }), weight: 10 },
      { arbitrary: fc.constantFrom(-10, 0, 253_402_300_799_999, 253_402_300_800_000, 8_640_000_000_000_001), weight: 1 },
    );
    const body = fc.record(
      {
        event: fc.oneof({ arbitrary: fc.constantFrom(...EVENTS, 'transcript_updated'), weight: 8 }, { arbitrary: fc.jsonValue({ maxDepth: 1 }), weight: 1 }),
        call: fc.record(
          {
            agent_id: field(fc.string()),
            call_type: field(fc.constantFrom('phone_call', 'web_call')),
            direction: field(fc.constantFrom('inbound', 'outbound')),
            from_number: field(
              fc.oneof(
                { arbitrary: fc.constantFrom('+4917612345678', '0176 1234567', 'anonymous', ''), weight: 10 },
                { arbitrary: fc.constantFrom('+1', '\u0000'), weight: 1 },
              ),
            ),
            to_number: field(fc.oneof({ arbitrary: fc.constantFrom(salonNumber, '+493011111111'), weight: 10 }, { arbitrary: fc.constant('x'), weight: 1 })),
            call_status: field(fc.constantFrom('registered', 'ongoing', 'ended', 'error', 'not_connected')),
            start_timestamp: field(instant),
            end_timestamp: field(instant),
            duration_ms: field(
              fc.oneof({ arbitrary: fc.nat({ max: 4 * 3_600_000 }), weight: 10 }, { arbitrary: fc.constantFrom(-1, 2 ** 31, 2 ** 32), weight: 1 }),
            ),
            disconnection_reason: field(fc.constantFrom('user_hangup', 'agent_hangup', 'error_unknown', 'call_transfer')),
            transcript: field(utf16),
            transcript_object: field(fc.array(fc.record({ role: fc.string(), content: utf16 }), { maxLength: 3 })),
            recording_url: field(fc.webUrl()),
            call_analysis: field(fc.dictionary(utf16, fc.jsonValue({ maxDepth: 4 }))),
            latency: field(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 }))),
          },
          { requiredKeys: [] },
        ),
        envelope: fc.constantFrom('call', 'data'),
        withId: fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, { arbitrary: fc.constant(false), weight: 1 }),
      },
      { requiredKeys: ['event', 'call', 'envelope', 'withId'] },
    );
    let applied = 0;
    await fc.assert(
      fc.asyncProperty(body, async ({ event, call, envelope, withId }) => {
        const id = `fuzz_${randomUUID()}`;
        const raw = JSON.stringify({ event, [envelope]: withId ? { ...call, call_id: id } : call });
        const res = await postSigned(t.app, '/retell/webhook', raw);
        expect(res.status).toBe(204);
        const w = await written(id);
        // Either the event was applied whole (row and dedupe key together) or not at all.
        expect([w.calls, w.events]).toSatisfy(([c, e]: number[]) => (c === 0 && e === 0) || (c === 1 && e === 1));
        applied += w.calls;
      }),
      { numRuns: 200 },
    );
    // The property means little unless a good share of the bodies were written.
    expect(applied).toBeGreaterThan(20);
  });
});
