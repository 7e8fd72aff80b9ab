import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixedClock } from '../src/clock.js';
import type { Database } from '../src/db/database.js';
import { appointments, processedEvents } from '../src/db/schema.js';
import { signRetellBody } from '../src/http/retell-signature.js';
import { functionCallKey } from '../src/tools/run-tool-once.js';
import type { ToolName } from '../src/tools/schemas.js';
import { TEST_RETELL_KEY, createTestApp, type TestApp } from './support/app.js';
import { createTestSalon, type TestBusiness } from './support/business.js';
import { engines } from './support/databases.js';

interface Answer {
  result: string;
  booked?: boolean;
  cancelled?: boolean;
  rescheduled?: boolean;
  appointment_id?: string;
  error?: string;
}

// The states a crashed first run leaves behind, set up directly: a claim without a result whose lease lapsed,
// with or without the write committed. A retry must take the claim over and answer, never wait and fail.
describe.each(engines)('a retry after the first run of a function call died ($name)', ({ open }) => {
  let database: Database;
  let t: TestApp;
  let salon: TestBusiness;
  const clock = createFixedClock('2026-11-19T08:00:00Z');

  beforeAll(async () => {
    database = await open();
    t = await createTestApp({}, { clock, database });
    salon = await createTestSalon(database.db);
  });
  afterAll(async () => {
    await t.close();
    await database.close();
  });

  const envelope = (name: ToolName, callId: string, args: Record<string, unknown>, from: string) => ({
    name,
    call: { call_id: callId, from_number: from, to_number: salon.definition.phoneNumbers[0], agent_id: 'agent_x' },
    args,
  });
  const call = async (name: ToolName, callId: string, args: Record<string, unknown>, from: string): Promise<{ status: number; answer: Answer }> => {
    const body = JSON.stringify(envelope(name, callId, args, from));
    const res = await t.app.request(`/retell/functions/${name}`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', 'x-retell-signature': signRetellBody(body, TEST_RETELL_KEY, clock.now().getTime()) },
    });
    return { status: res.status, answer: (await res.json()) as Answer };
  };
  /** What a SIGKILL after the write committed, before the answer was stored, leaves: the claim, lapsed. */
  const forgetAnswer = (key: string) =>
    database.db
      .update(processedEvents)
      .set({ result: null, claimedUntil: sql`now() - interval '1 minute'`, claimToken: randomUUID() })
      .where(eq(processedEvents.key, key));
  const claimOf = async (key: string) => (await database.db.select().from(processedEvents).where(eq(processedEvents.key, key)))[0];
  const bookedOf = (callId: string) =>
    database.db
      .select()
      .from(appointments)
      .where(and(eq(appointments.callId, callId), eq(appointments.status, 'booked')));

  it('takes over a lapsed claim with no result and runs the tool once, even for two retries at once', async () => {
    const callId = randomUUID();
    const args = { dienstleistung: 'Herrenhaarschnitt', datum: '2026-11-25', uhrzeit: '10:00', mitarbeiter: 'Emma', name: 'Karl Brandt' };
    const key = functionCallKey(callId, 'book_appointment', args);
    // The first run claimed the key and died before booking anything.
    await database.db
      .insert(processedEvents)
      .values({ key, kind: 'function', result: null, claimedUntil: sql`now() - interval '1 second'`, claimToken: randomUUID() });

    const [a, b] = await Promise.all([call('book_appointment', callId, args, '+4917610000001'), call('book_appointment', callId, args, '+4917610000001')]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.answer).toMatchObject({
      booked: true,
      result: 'Ihr Termin ist eingetragen: Herrenhaarschnitt am Mittwoch, dem 25. November, um 10 Uhr bei Emma.',
    });
    expect(b.answer).toEqual(a.answer);
    const booked = await bookedOf(callId);
    expect(booked.map((r) => r.id)).toEqual([a.answer.appointment_id]);
    // Exactly one of the two retries took the claim over; the other waited for its answer.
    expect(await claimOf(key)).toMatchObject({ attempts: 2, result: a.answer, claimedUntil: null });
  });

  it('takes over a claim left from before claims had a lease', async () => {
    const callId = randomUUID();
    const args = { dienstleistung: 'Herrenhaarschnitt', datum: '2026-11-25', uhrzeit: '11:00', mitarbeiter: 'Emma', name: 'Lena Brandt' };
    const key = functionCallKey(callId, 'book_appointment', args);
    await database.db.insert(processedEvents).values({ key, kind: 'function', result: null });
    const { status, answer } = await call('book_appointment', callId, args, '+4917610000002');
    expect(status).toBe(200);
    expect(answer.booked).toBe(true);
    expect(await bookedOf(callId)).toHaveLength(1);
  });

  it('answers a claim whose booking committed from that appointment, with the same confirmation', async () => {
    const callId = randomUUID();
    const args = { dienstleistung: 'Damenhaarschnitt', datum: '2026-11-26', uhrzeit: '10:00', name: 'Eva Roth' };
    const first = await call('book_appointment', callId, args, '+4917610000003');
    expect(first.answer.booked).toBe(true);
    await forgetAnswer(functionCallKey(callId, 'book_appointment', args));

    const retry = await call('book_appointment', callId, args, '+4917610000003');
    expect(retry.status).toBe(200);
    expect(retry.answer).toEqual(first.answer);
    expect((await bookedOf(callId)).map((r) => r.id)).toEqual([first.answer.appointment_id]);
  });

  it('answers "cancelled" to a retry of a cancel that committed, not "no appointment"', async () => {
    const from = '+4917610000004';
    const booked = await call(
      'book_appointment',
      randomUUID(),
      { dienstleistung: 'Herrenhaarschnitt', datum: '2026-11-27', uhrzeit: '15:00', mitarbeiter: 'Oliver', name: 'Timo Graf' },
      from,
    );
    expect(booked.answer.booked).toBe(true);
    const callId = randomUUID();
    const args = { datum: '2026-11-27' };
    const first = await call('cancel_appointment', callId, args, from);
    expect(first.answer).toMatchObject({ cancelled: true, appointment_id: booked.answer.appointment_id });
    await forgetAnswer(functionCallKey(callId, 'cancel_appointment', args));

    const retry = await call('cancel_appointment', callId, args, from);
    expect(retry.status).toBe(200);
    expect(retry.answer).toEqual(first.answer);
  });

  it('answers "moved" to a retry of a move that committed, and moves nothing again', async () => {
    const from = '+4917610000005';
    const booked = await call(
      'book_appointment',
      randomUUID(),
      { dienstleistung: 'Herrenhaarschnitt', datum: '2026-11-27', uhrzeit: '10:00', mitarbeiter: 'Oliver', name: 'Ute Graf' },
      from,
    );
    expect(booked.answer.booked).toBe(true);
    const callId = randomUUID();
    const args = { alter_termin: '2026-11-27', datum: '2026-11-28', uhrzeit: '11:00' };
    const first = await call('reschedule_appointment', callId, args, from);
    expect(first.answer).toMatchObject({ rescheduled: true });
    await forgetAnswer(functionCallKey(callId, 'reschedule_appointment', args));

    const retry = await call('reschedule_appointment', callId, args, from);
    expect(retry.status).toBe(200);
    expect(retry.answer).toEqual(first.answer);
    const rows = await database.db.select().from(appointments).where(eq(appointments.businessId, salon.id));
    const chain = rows.filter((r) => r.id === booked.answer.appointment_id || r.rescheduledFromId === booked.answer.appointment_id);
    expect(chain.map((r) => r.status).sort()).toEqual(['booked', 'cancelled']);
  });
});
