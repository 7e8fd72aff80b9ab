import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixedClock } from '../src/clock.js';
import { appointments, calls, processedEvents } from '../src/db/schema.js';
import { createTestSalon, type TestBusiness } from './support/business.js';
import { signRetellBody } from '../src/http/retell-signature.js';
import { TEST_RETELL_KEY, createTestApp, type TestApp } from './support/app.js';
import { localTime } from './support/booking.js';

describe('Retell custom functions over HTTP', () => {
  let t: TestApp;
  let salon: TestBusiness;
  const clock = createFixedClock('2026-11-19T08:00:00Z');

  beforeAll(async () => {
    t = await createTestApp({}, { clock });
    salon = await createTestSalon(t.database.db);
  });
  afterAll(async () => {
    await t.close();
  });

  const callOf = (callId: string, from = '+4917612345678') => ({
    call_id: callId,
    from_number: from,
    to_number: salon.definition.phoneNumbers[0],
    agent_id: 'agent_x',
    call_type: 'phone_call',
    transcript: 'Agent: Hallo\nUser: Ich möchte einen Termin',
  });
  /** Signed at the test clock's "now": the service checks the signature's age against its own clock. */
  const postSigned = (path: string, body: string) =>
    t.app.request(path, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', 'x-retell-signature': signRetellBody(body, TEST_RETELL_KEY, clock.now().getTime()) },
    });
  const call = (name: string, body: unknown) => postSigned(`/retell/functions/${name}`, JSON.stringify(body));

  it('lists the four functions with JSON Schema parameters in German', async () => {
    const res = await t.app.request('/retell/functions');
    expect(res.status).toBe(200);
    const defs = (await res.json()) as Array<{ name: string; parameters: { properties: Record<string, unknown>; required?: string[] }; url: string }>;
    expect(defs.map((d) => d.name)).toEqual(['check_availability', 'book_appointment', 'cancel_appointment', 'reschedule_appointment']);
    const book = defs.find((d) => d.name === 'book_appointment')!;
    expect(Object.keys(book.parameters.properties)).toEqual(['dienstleistung', 'datum', 'uhrzeit', 'mitarbeiter', 'name', 'telefon']);
    expect(book.parameters.required).toEqual(['dienstleistung', 'datum', 'uhrzeit', 'name']);
    // The request's own host without PUBLIC_URL (the in-process request goes to http://localhost).
    expect(book.url).toBe('http://localhost/retell/functions/book_appointment');
  });

  it('gives every function an absolute URL and a filler Retell speaks word for word', async () => {
    const res = await t.app.request('http://salon.example.de:8443/retell/functions', { headers: { host: 'salon.example.de:8443' } });
    const defs = (await res.json()) as Array<Record<string, unknown>>;
    expect(defs.map((d) => [d.name, d.url, d.method, d.speak_during_execution, d.execution_message_type, d.execution_message_description])).toEqual([
      [
        'check_availability',
        'http://salon.example.de:8443/retell/functions/check_availability',
        'POST',
        true,
        'static_text',
        'Einen Moment, ich schaue kurz nach.',
      ],
      ['book_appointment', 'http://salon.example.de:8443/retell/functions/book_appointment', 'POST', true, 'static_text', 'Einen Moment, ich trage das ein.'],
      [
        'cancel_appointment',
        'http://salon.example.de:8443/retell/functions/cancel_appointment',
        'POST',
        true,
        'static_text',
        'Einen Moment, ich schaue nach Ihrem Termin.',
      ],
      [
        'reschedule_appointment',
        'http://salon.example.de:8443/retell/functions/reschedule_appointment',
        'POST',
        true,
        'static_text',
        'Einen Moment, ich schaue, ob das geht.',
      ],
    ]);
    const junk = await t.app.request('/retell/functions', { headers: { host: 'evil.example/x' } });
    expect(junk.status).toBe(400);
  });

  it('builds the URLs from PUBLIC_URL, or behind a trusted proxy from its forwarded headers', async () => {
    const urlOf = async (app: TestApp, headers: Record<string, string>) =>
      ((await (await app.app.request('/retell/functions', { headers })).json()) as Array<{ url: string }>)[0]!.url;
    const forwarded = { host: '10.0.0.5:8080', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'termin.example.de' };
    expect(await urlOf(t, forwarded)).toBe('http://10.0.0.5:8080/retell/functions/check_availability');
    const proxied = await createTestApp({ TRUST_PROXY: 'true' }, { clock, database: t.database });
    const configured = await createTestApp({ PUBLIC_URL: 'https://salon.example.de/termin/', TRUST_PROXY: 'true' }, { clock, database: t.database });
    try {
      expect(await urlOf(proxied, forwarded)).toBe('https://termin.example.de/retell/functions/check_availability');
      expect(await urlOf(configured, forwarded)).toBe('https://salon.example.de/termin/retell/functions/check_availability');
    } finally {
      await proxied.close();
      await configured.close();
    }
  });

  it('checks availability and books through {name, call, args}, linking the call', async () => {
    const callId = randomUUID();
    const check = await call('check_availability', {
      name: 'check_availability',
      call: callOf(callId),
      args: { dienstleistung: 'Herrenhaarschnitt', datum: 'nächsten Dienstag', uhrzeit: 'halb drei', mitarbeiter: 'Emma' },
    });
    expect(check.status).toBe(200);
    expect(await check.json()).toMatchObject({
      available: true,
      result: 'Am Dienstag, dem 24. November, um halb drei ist bei Emma ein Termin für einen Herrenhaarschnitt frei. Soll ich ihn für Sie eintragen?',
    });
    const book = await call('book_appointment', {
      name: 'book_appointment',
      call: callOf(callId),
      args: { dienstleistung: 'Herrenhaarschnitt', datum: '2026-11-24', uhrzeit: '14:30', mitarbeiter: 'Emma', name: 'Maria Schmidt' },
    });
    const booked = (await book.json()) as { booked: boolean; appointment_id: string; result: string };
    expect(booked).toMatchObject({
      booked: true,
      result: 'Ihr Termin ist eingetragen: Herrenhaarschnitt am Dienstag, dem 24. November, um halb drei bei Emma.',
    });
    const [row] = await t.database.db.select().from(appointments).where(eq(appointments.id, booked.appointment_id));
    expect(row).toMatchObject({ status: 'booked', callId, staffId: salon.staff.emma });
    expect(localTime(row!.startsAt)).toBe('2026-11-24T14:30');
    expect((await t.database.db.select().from(calls).where(eq(calls.id, callId)))[0]).toMatchObject({
      outcome: 'booked',
      appointmentId: booked.appointment_id,
    });
  });

  it('answers a retried function call with the first answer and books nothing new', async () => {
    const callId = randomUUID();
    const body = {
      name: 'book_appointment',
      call: callOf(callId, '+4917611112222'),
      args: { dienstleistung: 'Damenhaarschnitt', datum: '2026-11-25', uhrzeit: '10:00', name: 'Eva Klein' },
    };
    const responses = await Promise.all([call('book_appointment', body), call('book_appointment', body), call('book_appointment', body)]);
    const answers = await Promise.all(responses.map((r) => r.json() as Promise<{ appointment_id: string; booked: boolean }>));
    expect(answers.every((a) => a.booked)).toBe(true);
    expect(new Set(answers.map((a) => a.appointment_id)).size).toBe(1);
    expect(
      await t.database.db
        .select()
        .from(appointments)
        .where(and(eq(appointments.callId, callId), eq(appointments.status, 'booked'))),
    ).toHaveLength(1);
    expect(await t.database.db.select().from(processedEvents).where(eq(processedEvents.kind, 'function'))).not.toHaveLength(0);
  });

  it('books the same time twice in one call when it is for two different people', async () => {
    const callId = randomUUID();
    const args = { dienstleistung: 'Herrenhaarschnitt', datum: '2026-11-27', uhrzeit: '10:00' };
    const first = (await (
      await call('book_appointment', { name: 'book_appointment', call: callOf(callId), args: { ...args, name: 'Jonas Weber' } })
    ).json()) as { booked: boolean; appointment_id: string };
    const second = (await (
      await call('book_appointment', { name: 'book_appointment', call: callOf(callId), args: { ...args, name: 'Paul Weber', telefon: '0176 22223333' } })
    ).json()) as { booked: boolean; appointment_id: string };
    expect(first.booked && second.booked).toBe(true);
    expect(second.appointment_id).not.toBe(first.appointment_id);
    expect(
      await t.database.db
        .select()
        .from(appointments)
        .where(and(eq(appointments.callId, callId), eq(appointments.status, 'booked'))),
    ).toHaveLength(2);
  });

  it('answers a retried move that overlaps the first run with the move, not with "not possible"', async () => {
    const booked = (await (
      await call('book_appointment', {
        name: 'book_appointment',
        call: callOf(randomUUID(), '+4917677778888'),
        args: { dienstleistung: 'Herrenhaarschnitt', datum: '2026-11-27', uhrzeit: '14:00', mitarbeiter: 'Oliver', name: 'Udo Lang' },
      })
    ).json()) as { booked: boolean };
    expect(booked.booked).toBe(true);
    const body = { name: 'reschedule_appointment', call: callOf(randomUUID(), '+4917677778888'), args: { datum: '2026-11-27', uhrzeit: '16:00' } };
    const answers = await Promise.all(
      [call('reschedule_appointment', body), call('reschedule_appointment', body)].map(
        async (r) => (await r).json() as Promise<{ rescheduled: boolean; result: string }>,
      ),
    );
    expect(answers.map((a) => a.rescheduled)).toEqual([true, true]);
    expect(answers[0]!.result).toContain('Ich habe Ihren Termin verschoben');
  });

  it('releases the slots a function-call agent held when the call_ended webhook arrives', async () => {
    const callId = randomUUID();
    await call('check_availability', {
      name: 'check_availability',
      call: callOf(callId, '+4917699990000'),
      args: { dienstleistung: 'Damenhaarschnitt', datum: '2026-11-28', uhrzeit: '10:00' },
    });
    const held = () =>
      t.database.db
        .select()
        .from(appointments)
        .where(and(eq(appointments.callId, callId), eq(appointments.status, 'held')));
    expect(await held()).toHaveLength(1);
    const ended = JSON.stringify({
      event: 'call_ended',
      call: {
        ...callOf(callId, '+4917699990000'),
        call_status: 'ended',
        start_timestamp: clock.now().getTime() - 60_000,
        end_timestamp: clock.now().getTime(),
        disconnection_reason: 'user_hangup',
      },
    });
    expect((await postSigned('/retell/webhook', ended)).status).toBe(204);
    expect(await held()).toHaveLength(0);
  });

  it('reads caller words for date and time, and refuses the args alone when several businesses could be meant', async () => {
    const res = await call('check_availability', {
      name: 'check_availability',
      call: { call_id: randomUUID(), to_number: salon.definition.phoneNumbers[0] },
      args: { dienstleistung: 'Waschen und Föhnen', datum: 'übermorgen', uhrzeit: 'vormittags' },
    });
    expect(res.status).toBe(200);
    // Spoken, not written: "Waschen und Föhnen"; and the weekday with its date rather than "übermorgen".
    expect(((await res.json()) as { result: string }).result).toMatch(
      /^Für Waschen und Föhnen (könnte ich Ihnen|habe ich) .*am Samstag, dem 21\. November, um /,
    );
    // The args alone carry no number to route by; with several businesses the server will not guess.
    await createTestSalon(t.database.db);
    const bare = await call('check_availability', { dienstleistung: 'Waschen und Föhnen', datum: 'übermorgen' });
    expect(bare.status).toBe(422);
    expect(((await bare.json()) as { error: { code: string } }).error.code).toBe('unprocessable');
  });

  it('gives one of two calls racing for one slot the booking, and marks the other booking_conflict', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const args = { dienstleistung: 'Herrenhaarschnitt', datum: '2026-11-26', uhrzeit: '11:00', mitarbeiter: 'Fabian', name: 'Test' };
    const results = await Promise.all([
      call('book_appointment', { name: 'book_appointment', call: callOf(a, '+4917633334444'), args }),
      call('book_appointment', { name: 'book_appointment', call: callOf(b, '+4917655556666'), args }),
    ]);
    const answers = await Promise.all(results.map((r) => r.json() as Promise<{ booked: boolean; error?: string }>));
    expect(answers.map((x) => x.booked).sort()).toEqual([false, true]);
    const loser = answers[0]!.booked ? b : a;
    expect(answers.find((x) => !x.booked)).toMatchObject({ error: 'slot_taken' });
    expect((await t.database.db.select().from(calls).where(eq(calls.id, loser)))[0]?.outcome).toBe('booking_conflict');
  });

  it('refuses unsigned calls and unknown functions, and answers bad arguments with the fields named', async () => {
    const body = JSON.stringify({ dienstleistung: 'Herrenhaarschnitt' });
    expect((await t.app.request('/retell/functions/check_availability', { method: 'POST', body })).status).toBe(401);
    const unknown = await call('delete_everything', {});
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: { code: 'not_found', message: "Unknown function 'delete_everything'." } });
    const bad = await call('book_appointment', { name: 'book_appointment', call: callOf(randomUUID()), args: { dienstleistung: 42 } });
    expect(bad.status).toBe(200);
    expect(await bad.json()).toMatchObject({ ok: false, error: 'invalid_arguments', fields: ['dienstleistung', 'datum', 'uhrzeit', 'name'] });
    const notJson = await postSigned('/retell/functions/check_availability', '{nope');
    expect(notJson.status).toBe(400);
  });
});
