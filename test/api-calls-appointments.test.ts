import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixedClock } from '../src/clock.js';
import { activityLog, appointments } from '../src/db/schema.js';
import { bearer, createTestApp, type TestApp } from './support/app.js';
import { API_NOW, createApiWorld, type ApiWorld } from './support/api-fixture.js';
import { holdSlot } from '../src/booking/hold-slot.js';
import { berlin, bookingDeps, key, localTime } from './support/booking.js';

type Body = Record<string, unknown> & {
  items?: Array<Record<string, unknown> & { id: string }>;
  error?: Record<string, unknown> & { code: string; message: string };
};

describe('staff API: calls and appointments', () => {
  let t: TestApp;
  let w: ApiWorld;

  beforeAll(async () => {
    t = await createTestApp({}, { clock: createFixedClock(API_NOW) });
    w = await createApiWorld(t);
  });
  afterAll(async () => {
    await t.close();
  });

  const get = async (path: string, token = w.tokens.admin) => {
    const res = await t.app.request(path, { headers: bearer(token) });
    return { status: res.status, body: (await res.json()) as Body };
  };
  const post = async (path: string, body: unknown, token = w.tokens.admin) => {
    const res = await t.app.request(path, {
      method: 'POST',
      body: typeof body === 'string' ? body : JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...bearer(token) },
    });
    return { status: res.status, body: (await res.json()) as Body };
  };
  const ids = (body: Body) => (body.items ?? []).map((i) => i.id);

  describe('GET /api/calls', () => {
    it('lists newest first with customer and appointment links', async () => {
      const { status, body } = await get('/api/calls');
      expect(status).toBe(200);
      expect(ids(body)).toEqual([w.calls.abandoned, w.calls.fabianBooked, w.calls.emmaBooked]);
      expect(body.items?.[1]).toMatchObject({
        outcome: 'booked',
        appointmentId: w.appointments.fabianTue,
        customerName: 'Jürgen Größe',
        startedAt: '2030-03-02T09:00:00.000Z',
        startedAtLocal: '2030-03-02T10:00:00+01:00',
        createdAtLocal: '2030-03-02T10:00:00+01:00',
      });
      expect(body.nextCursor).toBeNull();
    });

    it.each([
      ['outcome=abandoned', () => [w.calls.abandoned]],
      ['status=ended&outcome=booked', () => [w.calls.fabianBooked, w.calls.emmaBooked]],
      ['status=ongoing', () => []],
      ['from=2030-03-02', () => [w.calls.abandoned, w.calls.fabianBooked]],
      ['to=2030-03-02', () => [w.calls.fabianBooked, w.calls.emmaBooked]],
      ['from=2030-03-02T00:00:00Z&to=2030-03-03T00:00:00Z', () => [w.calls.fabianBooked]],
    ])('filters by %s', async (query, expected) => {
      expect(ids((await get(`/api/calls?${query}`)).body)).toEqual(expected());
    });

    it('filters by staff member and by caller number in any spelling', async () => {
      expect(ids((await get(`/api/calls?staff=${w.salon.staff.fabian}`)).body)).toEqual([w.calls.fabianBooked]);
      const national = w.phones.once.replace('+49', '0');
      expect(ids((await get(`/api/calls?phone=${encodeURIComponent(national)}`)).body)).toEqual([w.calls.fabianBooked]);
    });

    it.each([
      ['status=talking', 'status'],
      ['outcome=great', 'outcome'],
      ['phone=12ab', 'phone'],
      ['from=yesterday', 'from'],
      ['to=2030-02-30', 'to'],
      ['staff=emma', 'staff'],
      ['limit=0', 'limit'],
      ['limit=two', 'limit'],
    ])('answers 400 naming the field for %s', async (query, field) => {
      const { status, body } = await get(`/api/calls?${query}`);
      expect(status).toBe(400);
      expect(body.error?.code).toBe('bad_request');
      expect(body.error?.message.startsWith(`${field}:`)).toBe(true);
    });

    it('shows one call with transcript, analysis, customer and appointment', async () => {
      const { status, body } = await get(`/api/calls/${w.calls.emmaBooked}`);
      expect(status).toBe(200);
      expect(body).toMatchObject({
        id: w.calls.emmaBooked,
        outcome: 'booked',
        transcript: [{ role: 'user', content: 'Einen Herrenhaarschnitt bei Emma, bitte.' }],
        transcriptText: 'User: Einen Herrenhaarschnitt bei Emma, bitte.',
        analysis: { call_summary: 'Termin gebucht' },
        customer: { phone: w.phones.regular, name: 'Jürgen Größe', appointmentCount: 2 },
      });
      expect((body.appointments as Array<{ id: string; staff: { name: string } }>).map((a) => [a.id, a.staff.name])).toEqual([
        [w.appointments.emmaTue, 'Emma Williams'],
      ]);
    });

    it('answers 404 for an unknown call', async () => {
      expect(await get('/api/calls/call_nope')).toEqual({ status: 404, body: { error: { code: 'not_found', message: 'No such call.' } } });
    });
  });

  describe('GET /api/appointments', () => {
    it('lists in calendar order with service, staff and customer', async () => {
      const { body } = await get('/api/appointments');
      expect(ids(body)).toEqual([w.appointments.emmaTue, w.appointments.fabianTue, w.appointments.emmaWed]);
      expect(body.items?.[0]).toMatchObject({
        status: 'booked',
        startsAt: berlin('2030-03-05T10:00').toISOString(),
        service: { id: w.salon.services.herrenhaarschnitt, name: 'Herrenhaarschnitt' },
        staff: { id: w.salon.staff.emma, name: 'Emma Williams' },
        customer: { phone: w.phones.regular, name: 'Jürgen Größe' },
        callId: w.calls.emmaBooked,
      });
    });

    it.each([
      ['from=2030-03-06', () => [w.appointments.emmaWed]],
      ['to=2030-03-05', () => [w.appointments.emmaTue, w.appointments.fabianTue]],
      ['status=cancelled', () => []],
    ])('filters by %s', async (query, expected) => {
      expect(ids((await get(`/api/appointments?${query}`)).body)).toEqual(expected());
    });

    it('leaves slots held for a caller out of the list unless held ones are asked for', async () => {
      const { deps } = bookingDeps(t.database, { now: API_NOW });
      const held = await holdSlot(deps, {
        businessId: w.salon.id,
        serviceId: w.salon.services.herrenhaarschnitt,
        staffId: w.salon.staff.oliver,
        startsAt: berlin('2030-03-07T15:00'),
        idempotencyKey: key(),
        source: 'phone',
        callId: 'call-deciding',
        actor: { type: 'caller', id: null },
      });
      if (held.kind !== 'held') throw new Error(`setup: ${held.kind}`);
      const window = 'from=2030-03-07&to=2030-03-08';
      expect(ids((await get(`/api/appointments?${window}`)).body)).toEqual([]);
      expect(ids((await get(`/api/appointments?${window}&status=held`)).body)).toEqual([held.appointment.id]);
    });

    it('filters by staff and customer', async () => {
      expect(ids((await get(`/api/appointments?staff=${w.salon.staff.emma}`)).body)).toEqual([w.appointments.emmaTue, w.appointments.emmaWed]);
      const customerId = ((await get(`/api/appointments/${w.appointments.fabianTue}`)).body.customer as { id: string }).id;
      expect(ids((await get(`/api/appointments?customer=${customerId}`)).body)).toEqual([w.appointments.fabianTue]);
    });

    it('shows one appointment with its busy segments and its call', async () => {
      const { status, body } = await get(`/api/appointments/${w.appointments.emmaTue}`);
      expect(status).toBe(200);
      expect(body).toMatchObject({ id: w.appointments.emmaTue, call: { id: w.calls.emmaBooked, outcome: 'booked' }, cancelledAt: null });
      expect(body.segments).toEqual([
        {
          startsAt: berlin('2030-03-05T10:00').toISOString(),
          startsAtLocal: '2030-03-05T10:00:00+01:00',
          endsAt: berlin('2030-03-05T10:30').toISOString(),
          endsAtLocal: '2030-03-05T10:30:00+01:00',
        },
      ]);
    });

    it('answers 400 for an id that is no uuid', async () => {
      const { status, body } = await get('/api/appointments/42');
      expect(status).toBe(400);
      expect(body.error?.message).toMatch(/^id:/);
    });
  });

  describe('POST /api/appointments/:id/reschedule', () => {
    it('moves an appointment, keeping the staff member, and records who did it', async () => {
      const { status, body } = await post(`/api/appointments/${w.appointments.emmaWed}/reschedule`, { startsAt: '2030-03-06T14:00:00+01:00' });
      expect(status).toBe(200);
      expect(body).toMatchObject({ status: 'booked', staff: { id: w.salon.staff.emma }, rescheduledFromId: w.appointments.emmaWed });
      expect(localTime(new Date(body.startsAt as string))).toBe('2030-03-06T14:00');
      const [old] = await t.database.db.select().from(appointments).where(eq(appointments.id, w.appointments.emmaWed));
      expect(old?.status).toBe('cancelled');
      const entries = await t.database.db
        .select()
        .from(activityLog)
        .where(and(eq(activityLog.entityId, body.id as string), eq(activityLog.action, 'appointment.rescheduled')));
      expect(entries).toEqual([expect.objectContaining({ actorType: 'admin' })]);
    });

    it('answers a repeated move with the move it made, even after that appointment was cancelled', async () => {
      // The move of the first test (sent again here, so this test also stands alone).
      const target = { startsAt: '2030-03-06T14:00:00+01:00' };
      const moved = await post(`/api/appointments/${w.appointments.emmaWed}/reschedule`, target);
      expect(moved.status).toBe(200);
      expect((await post(`/api/appointments/${moved.body.id as string}/cancel`, {})).status).toBe(200);
      const again = await post(`/api/appointments/${w.appointments.emmaWed}/reschedule`, target);
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ id: moved.body.id, status: 'cancelled', rescheduledFromId: w.appointments.emmaWed });
      const made = await t.database.db.select().from(appointments).where(eq(appointments.rescheduledFromId, w.appointments.emmaWed));
      expect(made).toHaveLength(1);
    });

    it('answers 409 slot_taken with alternatives when the time is taken', async () => {
      const { status, body } = await post(`/api/appointments/${w.appointments.fabianTue}/reschedule`, {
        startsAt: berlin('2030-03-05T10:00').toISOString(),
        staffId: w.salon.staff.emma,
      });
      expect(status).toBe(409);
      expect(body.error).toMatchObject({ code: 'conflict', reason: 'slot_taken' });
      const alternatives = body.error?.alternatives as Array<{ staffId: string; startsAt: string }>;
      expect(alternatives.length).toBeGreaterThan(0);
      expect(alternatives.every((a) => typeof a.startsAt === 'string' && a.staffId.length > 0)).toBe(true);
      const [a] = await t.database.db.select().from(appointments).where(eq(appointments.id, w.appointments.fabianTue));
      expect(a).toMatchObject({ status: 'booked', staffId: w.salon.staff.fabian });
    });

    it('answers 422 with the reason when the business is closed then', async () => {
      // Monday: the salon is closed.
      const { status, body } = await post(`/api/appointments/${w.appointments.fabianTue}/reschedule`, { startsAt: berlin('2030-03-11T10:00').toISOString() });
      expect(status).toBe(422);
      expect(body.error).toMatchObject({ code: 'unprocessable', reason: 'closed_day' });
    });

    it('answers 422 for a staff member of another business', async () => {
      const { status, body } = await post(`/api/appointments/${w.appointments.fabianTue}/reschedule`, {
        startsAt: berlin('2030-03-07T10:00').toISOString(),
        staffId: w.other.staff.emma,
      });
      expect(status).toBe(422);
      expect(body.error?.message).toMatch(/^staffId:/);
    });

    it.each([
      ['no start', {}, 'startsAt'],
      ['a start in words', { startsAt: 'Donnerstag um zehn' }, 'startsAt'],
      ['a local time that does not exist', { startsAt: '2030-03-07T25:00' }, 'startsAt'],
      ['a staff id that is no uuid', { startsAt: '2030-03-07T10:00:00+01:00', staffId: 'emma' }, 'staffId'],
    ])('answers 400 to %s', async (_name, body, field) => {
      const res = await post(`/api/appointments/${w.appointments.fabianTue}/reschedule`, body);
      expect(res.status).toBe(400);
      expect(res.body.error?.message.startsWith(`${field}:`)).toBe(true);
    });

    it('answers 400 to a body that is not JSON', async () => {
      const res = await post(`/api/appointments/${w.appointments.fabianTue}/reschedule`, '{"startsAt":');
      expect(res.status).toBe(400);
      expect(res.body.error?.code).toBe('bad_request');
    });
  });

  describe('POST /api/appointments/:id/cancel', () => {
    it('cancels an own appointment of a staff member, and answers the same when repeated', async () => {
      const first = await post(`/api/appointments/${w.appointments.fabianTue}/cancel`, { reason: 'Kunde hat abgesagt' }, w.tokens.fabian);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ id: w.appointments.fabianTue, status: 'cancelled' });
      expect(first.body.cancelledAt).toBe(API_NOW.replace('Z', '.000Z'));
      const again = await post(`/api/appointments/${w.appointments.fabianTue}/cancel`, {}, w.tokens.fabian);
      expect(again).toEqual(first);
      const entries = await t.database.db
        .select()
        .from(activityLog)
        .where(and(eq(activityLog.entityId, w.appointments.fabianTue), eq(activityLog.action, 'appointment.cancelled')));
      expect(entries).toEqual([
        expect.objectContaining({ actorType: 'staff', actorId: w.salon.staff.fabian, details: expect.objectContaining({ reason: 'Kunde hat abgesagt' }) }),
      ]);
    });

    it('cancels without a body', async () => {
      const res = await t.app.request(`/api/appointments/${w.appointments.emmaTue}/cancel`, { method: 'POST', headers: bearer(w.tokens.emma) });
      expect(res.status).toBe(200);
      expect(((await res.json()) as Body).status).toBe('cancelled');
    });

    it('answers 409 for an appointment that can no longer change', async () => {
      await t.database.db.update(appointments).set({ status: 'completed' }).where(eq(appointments.id, w.appointments.other));
      const { status, body } = await post(`/api/appointments/${w.appointments.other}/cancel`, {}, w.tokens.otherAdmin);
      expect(status).toBe(409);
      expect(body.error).toMatchObject({ code: 'conflict', reason: 'not_modifiable', status: 'completed' });
    });
  });
});
