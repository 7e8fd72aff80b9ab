import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixedClock } from '../src/clock.js';
import { appointments } from '../src/db/schema.js';
import { bearer, createTestApp, type TestApp } from './support/app.js';
import { API_NOW, createApiWorld, type ApiWorld } from './support/api-fixture.js';
import { berlin } from './support/booking.js';

/** Staff tokens change only their own appointments and never hand one to a colleague; admins may. */
describe('staff API: who may change an appointment', () => {
  let t: TestApp;
  let w: ApiWorld;

  beforeAll(async () => {
    t = await createTestApp({}, { clock: createFixedClock(API_NOW) });
    w = await createApiWorld(t);
  });
  afterAll(async () => {
    await t.close();
  });

  const post = async (path: string, body: unknown, token: string) => {
    const res = await t.app.request(path, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...bearer(token) } });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const row = async (id: string) => (await t.database.db.select().from(appointments).where(eq(appointments.id, id)))[0];
  const activeOf = async (staffId: string) =>
    (await t.database.db.select({ id: appointments.id, status: appointments.status }).from(appointments).where(eq(appointments.staffId, staffId))).filter(
      (a) => a.status === 'booked' || a.status === 'held',
    );

  it('refuses with 403 when a staff token moves its appointment to another staff member, and changes nothing', async () => {
    const before = await row(w.appointments.emmaTue);
    const fabianBefore = await activeOf(w.salon.staff.fabian);
    const res = await post(
      `/api/appointments/${w.appointments.emmaTue}/reschedule`,
      { startsAt: berlin('2030-03-07T10:00').toISOString(), staffId: w.salon.staff.fabian },
      w.tokens.emma,
    );
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ error: { code: 'forbidden', message: expect.stringContaining('staffId') } });
    expect(await row(w.appointments.emmaTue)).toEqual(before);
    expect(await activeOf(w.salon.staff.fabian)).toEqual(fabianBefore);
  });

  it('lets a staff token move its own appointment, naming itself or nobody', async () => {
    const named = await post(
      `/api/appointments/${w.appointments.emmaTue}/reschedule`,
      { startsAt: berlin('2030-03-07T11:00').toISOString(), staffId: w.salon.staff.emma },
      w.tokens.emma,
    );
    expect(named.status).toBe(200);
    expect(named.body).toMatchObject({ status: 'booked', staff: { id: w.salon.staff.emma }, rescheduledFromId: w.appointments.emmaTue });
    const unnamed = await post(
      `/api/appointments/${named.body.id as string}/reschedule`,
      { startsAt: berlin('2030-03-07T14:30').toISOString() },
      w.tokens.emma,
    );
    expect(unnamed.status).toBe(200);
    expect(unnamed.body).toMatchObject({ staff: { id: w.salon.staff.emma } });
  });

  it('answers 404 when a staff token cancels or moves a colleague’s appointment, and changes nothing', async () => {
    const before = await row(w.appointments.fabianTue);
    const cancel = await post(`/api/appointments/${w.appointments.fabianTue}/cancel`, {}, w.tokens.emma);
    expect(cancel).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    const move = await post(
      `/api/appointments/${w.appointments.fabianTue}/reschedule`,
      { startsAt: berlin('2030-03-07T14:00').toISOString(), staffId: w.salon.staff.emma },
      w.tokens.emma,
    );
    expect(move).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect(await row(w.appointments.fabianTue)).toEqual(before);
  });

  it('lets an admin token hand an appointment to another staff member', async () => {
    const res = await post(
      `/api/appointments/${w.appointments.fabianTue}/reschedule`,
      { startsAt: berlin('2030-03-07T15:00').toISOString(), staffId: w.salon.staff.emma },
      w.tokens.admin,
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ staff: { id: w.salon.staff.emma }, rescheduledFromId: w.appointments.fabianTue });
  });
});
