import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../src/access/create-api-token.js';
import { holdSlot } from '../src/booking/hold-slot.js';
import { createFixedClock } from '../src/clock.js';
import { activityLog } from '../src/db/schema.js';
import { createReception } from '../src/reception/create-reception.js';
import { bearer, createTestApp, type TestApp } from './support/app.js';
import { API_NOW, createApiWorld, type ApiWorld } from './support/api-fixture.js';
import { berlin, bookingDeps, key } from './support/booking.js';

type Body = Record<string, unknown> & {
  id?: string;
  status?: string;
  items?: Array<Record<string, unknown> & { id: string }>;
  error?: Record<string, unknown> & { code: string; message: string };
};

describe('staff API: cancel with a reason, mark completed or no-show', () => {
  let t: TestApp;
  let w: ApiWorld;
  const clock = createFixedClock(API_NOW);
  let adminTokenId: string;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp({}, { clock });
    w = await createApiWorld(t);
    const created = await createApiToken(t.database.db, { businessId: w.salon.id, role: 'admin', label: 'Empfang' });
    if (created.kind !== 'created') throw new Error('setup: token');
    adminTokenId = created.id;
    admin = created.token;
  });
  afterAll(async () => {
    await t.close();
  });

  const get = async (path: string, token = admin) => {
    const res = await t.app.request(path, { headers: bearer(token) });
    return { status: res.status, body: (await res.json()) as Body };
  };
  const post = async (path: string, body?: unknown, token = admin) => {
    const res = await t.app.request(path, {
      method: 'POST',
      ...(body === undefined ? { headers: bearer(token) } : { body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...bearer(token) } }),
    });
    return { status: res.status, body: (await res.json()) as Body };
  };
  /** A fresh booking of Oliver's (the fixture's appointments are shared by the tests of this file). */
  const bookOliver = async (local: string, phone = '+4917655500011', name = 'Nora Vogt') => {
    const { deps } = bookingDeps(t.database, { now: clock.now().toISOString() });
    const outcome = await createReception(deps, { businessId: w.salon.id, callId: `call_${randomUUID()}`, callerNumber: phone, source: 'phone' }).book({
      serviceId: w.salon.services.herrenhaarschnitt,
      staffId: w.salon.staff.oliver,
      startsAt: berlin(local).toISOString(),
      customer: { phone, name },
      forSomeoneElse: false,
    });
    if (outcome.kind !== 'booked') throw new Error(`setup: ${outcome.kind}`);
    return outcome.appointment.id;
  };

  describe('cancel', () => {
    it('keeps who cancelled and why on the appointment, in its detail and in the list', async () => {
      clock.set(API_NOW);
      const id = await bookOliver('2030-03-07T10:00');
      const { status, body } = await post(`/api/appointments/${id}/cancel`, { reason: '  Kundin ist krank  ' });
      expect(status).toBe(200);
      expect(body).toMatchObject({
        status: 'cancelled',
        cancelledAt: '2030-03-04T07:00:00.000Z',
        cancelledAtLocal: '2030-03-04T08:00:00+01:00',
        cancelledBy: { type: 'admin', id: adminTokenId },
        cancelReason: 'Kundin ist krank',
      });
      const listed = (await get('/api/appointments?status=cancelled&from=2030-03-07&to=2030-03-07')).body.items?.find((a) => a.id === id);
      expect(listed).toMatchObject({ cancelledBy: { type: 'admin', id: adminTokenId }, cancelReason: 'Kundin ist krank' });
    });

    it('names the staff member who cancelled their own appointment, and no reason when none was given', async () => {
      const id = await bookOliver('2030-03-07T11:00');
      const oliver = (await createApiToken(t.database.db, { businessId: w.salon.id, role: 'staff', staffId: w.salon.staff.oliver })) as { token: string };
      const { body } = await post(`/api/appointments/${id}/cancel`, undefined, oliver.token);
      expect(body).toMatchObject({ status: 'cancelled', cancelledBy: { type: 'staff', id: w.salon.staff.oliver }, cancelReason: null });
    });

    it('names the call when the caller cancelled on the phone', async () => {
      const phone = '+4917655500022';
      const id = await bookOliver('2030-03-07T14:00', phone);
      const callId = `call_${randomUUID()}`;
      const { deps } = bookingDeps(t.database, { now: API_NOW });
      const outcome = await createReception(deps, { businessId: w.salon.id, callId, callerNumber: phone, source: 'phone' }).cancel({ appointmentId: id });
      expect(outcome.kind).toBe('cancelled');
      expect((await get(`/api/appointments/${id}`)).body).toMatchObject({ cancelledBy: { type: 'caller', id: callId }, cancelReason: null });
    });

    it('names who moved an appointment on the one it was moved from', async () => {
      const id = await bookOliver('2030-03-07T15:00');
      const moved = await post(`/api/appointments/${id}/reschedule`, { startsAt: '2030-03-07T16:00' });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ startsAtLocal: '2030-03-07T16:00:00+01:00', rescheduledFromId: id });
      expect((await get(`/api/appointments/${id}`)).body).toMatchObject({ status: 'cancelled', cancelledBy: { type: 'admin', id: adminTokenId } });
    });
  });

  describe('marks', () => {
    it('refuses to mark an appointment before it has started, saying when it starts', async () => {
      clock.set(API_NOW);
      const id = await bookOliver('2030-03-06T15:00', '+4917655500033', 'Paul Roth');
      for (const mark of ['complete', 'no-show']) {
        const { status, body } = await post(`/api/appointments/${id}/${mark}`);
        expect(status).toBe(409);
        expect(body.error).toMatchObject({ code: 'conflict', reason: 'not_started', startsAtLocal: '2030-03-06T15:00:00+01:00' });
      }
      expect((await get(`/api/appointments/${id}`)).body.status).toBe('booked');
    });

    it('marks a no-show once it has started, counts it on the customer, and answers a repeat the same', async () => {
      const phone = '+4917655500044';
      const id = await bookOliver('2030-03-06T16:00', phone, 'Ida Kern');
      clock.set('2030-03-06T15:10:00Z');
      const first = await post(`/api/appointments/${id}/no-show`);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ id, status: 'no_show', customer: { phone, noShowCount: 1 } });
      expect(await post(`/api/appointments/${id}/no-show`)).toEqual(first);

      const found = (await get(`/api/customers?q=${encodeURIComponent(phone)}`)).body.items;
      expect(found).toEqual([expect.objectContaining({ phone, noShowCount: 1 })]);
      const customer = await get(`/api/customers/${found![0]!.id}`);
      expect(customer.body).toMatchObject({ noShowCount: 1, appointmentCount: 1 });
      const entries = await t.database.db
        .select()
        .from(activityLog)
        .where(and(eq(activityLog.entityId, id), eq(activityLog.action, 'appointment.no_show')));
      expect(entries).toEqual([expect.objectContaining({ actorType: 'admin', actorId: adminTokenId, details: { previousStatus: 'booked' } })]);
    });

    it('corrects a no-show to completed when the customer came late after all', async () => {
      clock.set(API_NOW);
      const phone = '+4917655500055';
      const id = await bookOliver('2030-03-06T17:00', phone, 'Jan Ohm');
      clock.set('2030-03-06T16:20:00Z');
      expect((await post(`/api/appointments/${id}/no-show`)).body).toMatchObject({ customer: { noShowCount: 1 } });
      const corrected = await post(`/api/appointments/${id}/complete`);
      expect(corrected.status).toBe(200);
      expect(corrected.body).toMatchObject({ status: 'completed', customer: { noShowCount: 0 } });
      // Over is over: a completed appointment cannot be cancelled.
      expect((await post(`/api/appointments/${id}/cancel`, {})).body.error).toMatchObject({ reason: 'not_modifiable', status: 'completed' });
    });

    it('refuses to mark what was never a visit: cancelled appointments and held slots', async () => {
      clock.set(API_NOW);
      const id = await bookOliver('2030-03-06T09:00', '+4917655500066');
      expect((await post(`/api/appointments/${id}/cancel`, {})).status).toBe(200);
      const { deps } = bookingDeps(t.database, { now: API_NOW });
      const held = await holdSlot(deps, {
        businessId: w.salon.id,
        serviceId: w.salon.services.herrenhaarschnitt,
        staffId: w.salon.staff.oliver,
        startsAt: berlin('2030-03-06T09:30'),
        idempotencyKey: key(),
        source: 'phone',
        callId: `call_${randomUUID()}`,
        actor: { type: 'caller', id: null },
      });
      if (held.kind !== 'held') throw new Error(`setup: ${held.kind}`);
      clock.set('2030-03-06T08:45:00Z');
      expect((await post(`/api/appointments/${id}/complete`)).body.error).toMatchObject({ code: 'conflict', reason: 'not_markable', status: 'cancelled' });
      expect((await post(`/api/appointments/${held.appointment.id}/no-show`)).body.error).toMatchObject({ reason: 'not_markable', status: 'held' });
    });

    it('lets a staff token mark its own appointments only', async () => {
      clock.set('2030-03-05T10:00:00Z');
      expect((await post(`/api/appointments/${w.appointments.fabianTue}/complete`, undefined, w.tokens.emma)).status).toBe(404);
      expect((await post(`/api/appointments/${w.appointments.emmaTue}/complete`, undefined, w.tokens.otherAdmin)).status).toBe(404);
      const own = await post(`/api/appointments/${w.appointments.fabianTue}/complete`, undefined, w.tokens.fabian);
      expect(own.status).toBe(200);
      expect(own.body.status).toBe('completed');
    });
  });
});
