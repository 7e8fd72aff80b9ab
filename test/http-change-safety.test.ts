import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixedClock } from '../src/clock.js';
import { appointments } from '../src/db/schema.js';
import { signRetellBody } from '../src/http/retell-signature.js';
import { TEST_RETELL_KEY, createTestApp, type TestApp } from './support/app.js';
import { localTime } from './support/booking.js';
import { createTestSalon, type TestBusiness } from './support/business.js';

/**
 * The function route changes only appointments booked under the call's own `from_number`: a number or person the
 * agent passes along in the arguments is never believed, and the database stays as it was.
 */
describe('Retell functions: changes only for the calling number', () => {
  let t: TestApp;
  let salon: TestBusiness;
  const clock = createFixedClock('2026-11-19T08:00:00Z');
  const victim = '+4917688801234';
  const stranger = '+4917688809876';

  beforeAll(async () => {
    t = await createTestApp({}, { clock });
    salon = await createTestSalon(t.database.db);
  });
  afterAll(async () => {
    await t.close();
  });

  const callOf = (from: string) => ({
    call_id: randomUUID(),
    from_number: from,
    to_number: salon.definition.phoneNumbers[0],
    agent_id: 'agent_x',
    call_type: 'phone_call',
  });
  const call = (name: string, from: string, args: Record<string, unknown>) => {
    const body = JSON.stringify({ name, call: callOf(from), args });
    return t.app.request(`/retell/functions/${name}`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', 'x-retell-signature': signRetellBody(body, TEST_RETELL_KEY, clock.now().getTime()) },
    });
  };
  const rows = async () =>
    (await t.database.db.select().from(appointments).where(eq(appointments.businessId, salon.id)))
      .map((a) => ({ id: a.id, status: a.status, at: localTime(a.startsAt), staffId: a.staffId }))
      .sort((a, b) => a.id.localeCompare(b.id));

  it("leaves another customer's appointment untouched whatever number or name the arguments carry", async () => {
    const booked = (await (
      await call('book_appointment', victim, {
        dienstleistung: 'Damenhaarschnitt',
        datum: '2026-11-24',
        uhrzeit: '10:00',
        mitarbeiter: 'Emma',
        name: 'Eva Krause',
      })
    ).json()) as { booked: boolean };
    expect(booked.booked).toBe(true);
    const before = await rows();
    const attempts: Array<[string, Record<string, unknown>]> = [
      ['cancel_appointment', { telefon: victim }],
      ['cancel_appointment', { telefon: '0176 888 01234', datum: '2026-11-24' }],
      ['cancel_appointment', { name: 'Eva Krause', datum: '2026-11-24', uhrzeit: '10:00' }],
      ['reschedule_appointment', { telefon: victim, datum: '2026-11-25', uhrzeit: '11:00' }],
      ['reschedule_appointment', { datum: '2026-11-25', uhrzeit: '11:00', alter_termin: '2026-11-24', name: 'Eva Krause' }],
    ];
    for (const [name, args] of attempts) {
      const res = await call(name, stranger, args);
      expect(res.status).toBe(200);
      const answer = (await res.json()) as { cancelled?: boolean; rescheduled?: boolean; result: string };
      expect(answer.cancelled ?? answer.rescheduled ?? false).toBe(false);
      expect(answer.result).toBe('Unter dieser Nummer finde ich leider keinen anstehenden Termin.');
    }
    expect(await rows()).toEqual(before);
  });

  it("changes nothing for a call without a number, even with the owner's number in the arguments", async () => {
    const before = await rows();
    const body = JSON.stringify({
      name: 'cancel_appointment',
      call: { call_id: randomUUID(), to_number: salon.definition.phoneNumbers[0], agent_id: 'agent_x', call_type: 'phone_call' },
      args: { telefon: victim },
    });
    const res = await t.app.request('/retell/functions/cancel_appointment', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', 'x-retell-signature': signRetellBody(body, TEST_RETELL_KEY, clock.now().getTime()) },
    });
    expect(await res.json()).toMatchObject({ ok: false, error: 'phone_required' });
    expect(await rows()).toEqual(before);
  });

  it("tells the agent's own LLM to read the appointment back and wait for a yes before a change", async () => {
    const defs = (await (await t.app.request('/retell/functions')).json()) as Array<{ name: string; description: string }>;
    for (const name of ['cancel_appointment', 'reschedule_appointment']) expect(defs.find((d) => d.name === name)?.description).toMatch(/nach einem Ja/);
  });
});
