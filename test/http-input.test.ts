import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixedClock } from '../src/clock.js';
import { appointments, customers } from '../src/db/schema.js';
import { signRetellBody } from '../src/http/retell-signature.js';
import { TEST_RETELL_KEY, bearer, createTestApp, type TestApp } from './support/app.js';
import { API_NOW, createApiWorld, type ApiWorld } from './support/api-fixture.js';
import { localTime, phone } from './support/booking.js';

type Answer = { status: number; body: Record<string, unknown> };

/** NUL characters, lone surrogates and impossible years, at every HTTP entry: never a 500, never a half write. */
describe('input at the HTTP edge', () => {
  let t: TestApp;
  let w: ApiWorld;
  const clock = createFixedClock(API_NOW);

  beforeAll(async () => {
    t = await createTestApp({}, { clock });
    w = await createApiWorld(t);
  });
  afterAll(async () => {
    await t.close();
  });

  const callOf = (extra: Record<string, unknown> = {}) => ({
    call_id: randomUUID(),
    from_number: phone(),
    to_number: w.salon.definition.phoneNumbers[0],
    agent_id: 'agent_x',
    ...extra,
  });
  /** A function call as Retell signs it; `raw` lets a test send JSON escapes that JSON.stringify would not produce. */
  async function fn(name: string, args: unknown, call: Record<string, unknown> = callOf(), raw?: string): Promise<Answer> {
    const body = raw ?? JSON.stringify({ name, call, args });
    const res = await t.app.request(`/retell/functions/${name}`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', 'x-retell-signature': signRetellBody(body, TEST_RETELL_KEY, clock.now().getTime()) },
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }
  async function api(path: string, init: { method?: string; body?: string; token?: string } = {}): Promise<Answer> {
    const res = await t.app.request(path, {
      method: init.method ?? 'GET',
      ...(init.body !== undefined ? { body: init.body } : {}),
      headers: { 'content-type': 'application/json', ...bearer(init.token ?? w.tokens.admin) },
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }
  const statusOf = async (id: string) =>
    (await t.database.db.select({ status: appointments.status, startsAt: appointments.startsAt }).from(appointments).where(eq(appointments.id, id)))[0];

  describe('NUL characters and lone surrogates', () => {
    it.each([
      ['a NUL in the call id', { call_id: 'call_a\u0000b' }],
      ['a lone surrogate in the call id', { call_id: 'call_a\ud800b' }],
      ['a NUL in the agent id', { agent_id: 'agent\u0000x' }],
      ['a NUL in the called number', { to_number: '+49\u000030' }],
    ])('answers check_availability with a German sentence despite %s', async (_name, extra) => {
      const res = await fn('check_availability', { dienstleistung: 'Herrenhaarschnitt', datum: '2030-03-07' }, callOf(extra));
      expect(res.status).toBeLessThan(500);
      if (res.status === 200) expect(typeof res.body.result).toBe('string');
      else expect(res.body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    });

    it('books despite a NUL in the call id, and keeps the booking when Retell repeats it', async () => {
      const call = callOf({ call_id: `call_${randomUUID()}\u0000` });
      const args = { dienstleistung: 'Herrenhaarschnitt', datum: '2030-03-07', uhrzeit: '15:00', name: 'Max Mustermann' };
      const first = await fn('book_appointment', args, call);
      expect(first).toMatchObject({ status: 200, body: { booked: true } });
      const again = await fn('book_appointment', args, call);
      expect(again.body.appointment_id).toBe(first.body.appointment_id);
    });

    it('books a caller whose name arrives with a NUL and a lone surrogate, storing the name cleaned', async () => {
      const body = `{"name":"book_appointment","call":${JSON.stringify(callOf())},"args":{"dienstleistung":"Herrenhaarschnitt","datum":"2030-03-07","uhrzeit":"16:00","name":"J\\u00fcrgen\\u0000 M\\ud800\\u00fcller"}}`;
      const res = await fn('book_appointment', null, {}, body);
      expect(res).toMatchObject({ status: 200, body: { booked: true } });
      const [row] = await t.database.db
        .select({ customerId: appointments.customerId })
        .from(appointments)
        .where(eq(appointments.id, res.body.appointment_id as string));
      const [customer] = await t.database.db.select({ name: customers.name }).from(customers).where(eq(customers.id, row!.customerId!));
      expect(customer?.name).toBe('Jürgen M\ufffdüller');
    });

    it.each([
      ['a NUL in the customer search', '/api/customers?q=J%C3%BCr%00gen', 'q'],
      ['a NUL in a call id', '/api/calls/call_a%00b', 'path'],
      ['a NUL after a stray percent sign in a call id', '/api/calls/call_%%00', 'path'],
      ['a NUL in a cursor', '/api/calls?cursor=abc%00def', 'cursor'],
    ])('answers 400 with the error envelope to %s', async (_name, path, field) => {
      const res = await api(path);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ error: { code: 'bad_request', message: expect.stringContaining(field) } });
    });

    it.each([
      ['a NUL', '{"reason":"krank\\u0000"}'],
      ['a lone surrogate', '{"reason":"krank \\ud800"}'],
    ])('refuses a cancel reason with %s with 400 and leaves the appointment booked', async (_name, body) => {
      const res = await api(`/api/appointments/${w.appointments.emmaWed}/cancel`, { method: 'POST', body });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ error: { code: 'bad_request', message: expect.stringContaining('reason') } });
      expect((await statusOf(w.appointments.emmaWed))?.status).toBe('booked');
    });
  });

  describe('years out of range', () => {
    const PAST = 'Der Zeitpunkt liegt leider schon in der Vergangenheit.';
    const FAR = 'So weit im Voraus kann ich leider noch keine Termine vergeben.';

    it.each([
      ['check_availability', '9999-12-31', undefined, FAR],
      ['check_availability', '9999-12-31T23:00Z', undefined, FAR],
      ['check_availability', '0000-01-01', '10:00', PAST],
      ['book_appointment', '0000-01-01', '10:00', PAST],
      ['book_appointment', '9999-12-31', '10:00', FAR],
      ['book_appointment', '0001-01-01T10:00', '10:00', PAST],
      ['book_appointment', '2041-03-05', '10:00', FAR],
    ])('%s on %s: a polite German refusal, nothing booked', async (name, datum, uhrzeit, sentence) => {
      const call = callOf();
      const res = await fn(name, { dienstleistung: 'Herrenhaarschnitt', datum, ...(uhrzeit ? { uhrzeit } : {}), name: 'Max Mustermann' }, call);
      expect(res).toMatchObject({ status: 200, body: { ok: false, error: 'invalid_date', result: sentence } });
      expect(
        await t.database.db
          .select()
          .from(appointments)
          .where(eq(appointments.callId, call.call_id as string)),
      ).toEqual([]);
    });

    it.each([['9999-12-31'], ['0000-01-01'], ['+275760-09-13']])('reschedule_appointment to %s: a German refusal, the appointment stays', async (datum) => {
      const before = await statusOf(w.appointments.emmaWed);
      const res = await fn('reschedule_appointment', { datum, uhrzeit: '10:00', alter_termin: '2030-03-06' }, callOf({ from_number: w.phones.regular }));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ ok: false, error: 'invalid_date', result: expect.any(String) });
      expect(await statusOf(w.appointments.emmaWed)).toEqual(before);
    });

    it.each([
      ['/api/availability?date=9999-12-31', 'date'],
      ['/api/availability?date=2045-01-01', 'date'],
      ['/api/appointments?from=0000-01-01T10:00:00Z', 'from'],
      ['/api/appointments?to=0001-01-01T00:00:00%2B14:00', 'to'],
      ['/api/appointments?from=%2B275760-09-13', 'from'],
      ['/api/calls?from=0000-12-31T23:00:00Z', 'from'],
    ])('GET %s answers 400 naming the field', async (path, field) => {
      const res = await api(path.includes('availability') ? `${path}&service=${w.salon.services.herrenhaarschnitt}` : path);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ error: { code: 'bad_request', message: expect.stringContaining(field) } });
    });

    it.each([['0000-01-01T10:00:00Z'], ['9999-12-31T10:00:00Z'], ['0001-01-01T00:00:00+14:00'], ['2045-03-05T10:00:00+01:00']])(
      'POST reschedule to %s answers 400 and leaves the appointment',
      async (startsAt) => {
        const before = await statusOf(w.appointments.emmaWed);
        const res = await api(`/api/appointments/${w.appointments.emmaWed}/reschedule`, { method: 'POST', body: JSON.stringify({ startsAt }) });
        expect(res.status).toBe(400);
        expect(res.body).toEqual({ error: { code: 'bad_request', message: expect.stringContaining('startsAt') } });
        expect(await statusOf(w.appointments.emmaWed)).toEqual(before);
        expect(localTime(before!.startsAt)).toBe('2030-03-06T10:00');
      },
    );

    it('still reads the whole history and a far end bound', async () => {
      expect((await api('/api/appointments?from=1970-01-01&to=9999-12-31')).status).toBe(200);
      expect((await api('/api/calls?from=2000-01-01T00:00:00Z')).status).toBe(200);
    });
  });
});
