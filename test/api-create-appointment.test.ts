import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { releaseCallHolds } from '../src/booking/call-holds.js';
import { holdSlot } from '../src/booking/hold-slot.js';
import { createFixedClock } from '../src/clock.js';
import { activityLog, appointments } from '../src/db/schema.js';
import { bearer, createTestApp, type TestApp } from './support/app.js';
import { API_NOW, createApiWorld, token, type ApiWorld } from './support/api-fixture.js';
import { berlin, bookingDeps, key, overlappingActiveSegments } from './support/booking.js';
import { createTestSalon } from './support/business.js';

type Body = Record<string, unknown> & {
  id: string;
  status?: string;
  error?: Record<string, unknown> & { code: string; message: string; alternatives?: Array<Record<string, string>> };
};

describe('staff API: create an appointment', () => {
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
  beforeEach(() => clock.set(API_NOW));

  const create = async (body: Record<string, unknown>, options: { token?: string; idempotencyKey?: string } = {}) => {
    const res = await t.app.request('/api/appointments', {
      method: 'POST',
      body: JSON.stringify(body),
      headers: {
        'content-type': 'application/json',
        ...bearer(options.token ?? w.tokens.admin),
        ...(options.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : {}),
      },
    });
    return { status: res.status, body: (await res.json()) as Body, headers: res.headers };
  };
  const haircut = (change: Record<string, unknown> = {}) => ({
    serviceId: w.salon.services.herrenhaarschnitt,
    staffId: w.salon.staff.emma,
    startsAt: '2030-03-07T15:00',
    customer: { name: 'Greta Lind', phone: '0176 5550101' },
    ...change,
  });
  const getJson = async <T>(path: string): Promise<T> => (await (await t.app.request(path, { headers: bearer(w.tokens.admin) })).json()) as T;
  const countAt = async (staffId: string, local: string) =>
    (
      await t.database.db
        .select({ id: appointments.id })
        .from(appointments)
        .where(and(eq(appointments.staffId, staffId), eq(appointments.startsAt, berlin(local)), eq(appointments.status, 'booked')))
    ).length;

  describe('booking', () => {
    it('books a staff member at a local time for a customer by phone, as the phone would', async () => {
      const { status, body, headers } = await create(haircut({ notes: 'Möchte es kurz' }));
      expect(status).toBe(201);
      expect(headers.get('location')).toBe(`/api/appointments/${body.id}`);
      expect(headers.get('idempotent-replayed')).toBeNull();
      expect(body).toMatchObject({
        status: 'booked',
        source: 'api',
        startsAt: berlin('2030-03-07T15:00').toISOString(),
        startsAtLocal: '2030-03-07T15:00:00+01:00',
        endsAtLocal: '2030-03-07T15:30:00+01:00',
        staff: { id: w.salon.staff.emma, name: 'Emma Williams' },
        service: { id: w.salon.services.herrenhaarschnitt },
        customer: { name: 'Greta Lind', phone: '+491765550101', noShowCount: 0 },
        guestName: null,
        notes: 'Möchte es kurz',
        callId: null,
      });
      const entries = await t.database.db
        .select()
        .from(activityLog)
        .where(and(eq(activityLog.entityId, body.id), eq(activityLog.action, 'appointment.booked')));
      expect(entries).toEqual([expect.objectContaining({ actorType: 'admin' })]);
    });

    it('finds a known customer by name and number instead of making a second one', async () => {
      const known = await getJson<{ customer: { id: string } }>(`/api/appointments/${w.appointments.emmaTue}`);
      const { body } = await create(haircut({ startsAt: '2030-03-07T16:00', customer: { name: 'Jürgen Größe', phone: w.phones.regular } }));
      expect(body.customer).toMatchObject({ id: known.customer.id });
    });

    it('books whoever performs the service and is free when an admin names nobody', async () => {
      // Wednesday 10:00: Emma has an appointment, Fabian and Oliver are free.
      const { status, body } = await create(haircut({ staffId: undefined, startsAt: '2030-03-06T10:00' }));
      expect(status).toBe(201);
      expect([w.salon.staff.fabian, w.salon.staff.oliver]).toContain((body.staff as { id: string }).id);
    });

    it('books a walk-in without a phone number under the name alone, starting now', async () => {
      // Tuesday 10:07: the walk-in sat down at ten; the minimum notice is for callers.
      clock.set('2030-03-05T09:07:00Z');
      const { status, body } = await create(haircut({ staffId: w.salon.staff.emma, startsAt: '2030-03-05T10:30', customer: { name: 'Herr Schulz' } }));
      expect(status).toBe(201);
      expect(body).toMatchObject({ customer: null, guestName: 'Herr Schulz' });
      const now = await create(haircut({ staffId: w.salon.staff.fabian, startsAt: '2030-03-05T10:00', customer: { name: 'Laufkundschaft' } }));
      expect(now.status, JSON.stringify(now.body)).toBe(201);
      const listed = await getJson<{ items: Array<{ id: string; guestName: string | null }> }>('/api/appointments?from=2030-03-05&to=2030-03-05');
      expect(listed.items.find((a) => a.id === body.id)?.guestName).toBe('Herr Schulz');
      // More than a slot step back is the past, for staff too.
      const past = await create(haircut({ startsAt: '2030-03-05T09:45', customer: { name: 'Zu spät' } }));
      expect(past.status).toBe(422);
      expect(past.body.error).toMatchObject({ code: 'unprocessable', reason: 'past' });
    });

    it('books beyond the horizon callers are offered', async () => {
      const { status, body } = await create(haircut({ startsAt: '2030-07-02T10:00', customer: { name: 'Greta Lind', phone: '0176 5550101' } }));
      expect(status).toBe(201);
      expect(body.startsAtLocal).toBe('2030-07-02T10:00:00+02:00');
    });
  });

  it('reads and shows local times in the business’s own zone', async () => {
    const lisbon = await createTestSalon(t.database.db, (b) => ({ ...b, timeZone: 'Europe/Lisbon', holidayRegion: 'PT' }));
    const admin = await token(t.database.db, lisbon.id, 'admin');
    const { status, body } = await create(
      { serviceId: lisbon.services.herrenhaarschnitt, staffId: lisbon.staff.emma, startsAt: '2030-04-02T10:00', customer: { name: 'Rui Costa' } },
      { token: admin },
    );
    expect(status).toBe(201);
    // Summer time in Lisbon: UTC+1, an hour behind Berlin.
    expect(body).toMatchObject({ startsAt: '2030-04-02T09:00:00.000Z', startsAtLocal: '2030-04-02T10:00:00+01:00' });
    const winter = await create(
      { serviceId: lisbon.services.herrenhaarschnitt, staffId: lisbon.staff.emma, startsAt: '2030-03-07T10:00:00+01:00', customer: { name: 'Rui Costa' } },
      { token: admin },
    );
    expect(winter.body).toMatchObject({ startsAt: '2030-03-07T09:00:00.000Z', startsAtLocal: '2030-03-07T09:00:00+00:00' });
  });

  describe('what cannot be booked', () => {
    it('answers 409 slot_taken with alternatives in local time when the time is taken', async () => {
      const { status, body } = await create(haircut({ startsAt: '2030-03-05T10:00' }));
      expect(status).toBe(409);
      expect(body.error).toMatchObject({ code: 'conflict', reason: 'slot_taken' });
      const alternatives = body.error?.alternatives ?? [];
      expect(alternatives.length).toBeGreaterThan(0);
      for (const a of alternatives) expect(a.startsAtLocal).toMatch(/^2030-03-\d\dT\d\d:\d\d:00\+01:00$/);
      expect(await countAt(w.salon.staff.emma, '2030-03-05T10:00')).toBe(1);
    });

    it('respects a slot held for a caller who is still deciding', async () => {
      const { deps } = bookingDeps(t.database, { now: API_NOW });
      const callId = `call_${randomUUID()}`;
      const held = await holdSlot(deps, {
        businessId: w.salon.id,
        serviceId: w.salon.services.herrenhaarschnitt,
        staffId: w.salon.staff.emma,
        startsAt: berlin('2030-03-07T11:00'),
        idempotencyKey: key(),
        source: 'phone',
        callId,
        actor: { type: 'caller', id: callId },
      });
      expect(held.kind).toBe('held');
      const refused = await create(haircut({ startsAt: '2030-03-07T11:00' }));
      expect(refused.status).toBe(409);
      expect(refused.body.error?.reason).toBe('slot_taken');
      await releaseCallHolds(deps, callId);
      expect((await create(haircut({ startsAt: '2030-03-07T11:00' }))).status).toBe(201);
    });

    it('answers 422 with the reason and alternatives on a closed day', async () => {
      const { status, body } = await create(haircut({ startsAt: '2030-03-11T10:00' }));
      expect(status).toBe(422);
      expect(body.error).toMatchObject({ code: 'unprocessable', reason: 'closed_day' });
      expect(body.error?.alternatives?.length).toBeGreaterThan(0);
    });

    it.each([
      ['a service of another business', () => ({ serviceId: w.other.services.herrenhaarschnitt }), 'serviceId: no such service in this business'],
      ['a staff member of another business', () => ({ staffId: w.other.staff.emma }), 'staffId: no such staff member in this business'],
    ])('answers 422 for %s', async (_name, change, message) => {
      const { status, body } = await create(haircut(change()));
      expect(status).toBe(422);
      expect(body.error?.message).toBe(message);
    });

    it.each([
      ['no customer name', { customer: { phone: '0176 5550101' } }, 'customer.name: required'],
      ['a blank customer name', { customer: { name: '   ' } }, 'customer.name: required'],
      ['a phone number that is none', { customer: { name: 'Greta Lind', phone: '12ab' } }, 'customer.phone: not a valid phone number'],
      ['a misspelt field', { staff: 'emma' }, 'staff: unknown field'],
      ['a start in words', { startsAt: 'Donnerstag um drei' }, 'startsAt: must be an ISO instant with offset'],
      ['a local time the clocks skip', { startsAt: '2030-03-31T02:30' }, 'startsAt: that local time does not exist in Europe/Berlin'],
      ['a start in year 9999', { startsAt: '9999-03-05T10:00:00Z' }, 'startsAt: out of range'],
    ])('answers 400 naming the field for %s', async (_name, change, message) => {
      const { status, body } = await create(haircut(change));
      expect(status).toBe(400);
      expect(body.error?.message.startsWith(message), body.error?.message).toBe(true);
    });
  });

  describe('rights', () => {
    it('books a staff token for itself, with source staff, and refuses a colleague', async () => {
      const own = await create(haircut({ staffId: undefined, startsAt: '2030-03-07T17:00' }), { token: w.tokens.fabian });
      expect(own.status).toBe(201);
      expect(own.body).toMatchObject({ source: 'staff', staff: { id: w.salon.staff.fabian } });
      const colleague = await create(haircut({ staffId: w.salon.staff.emma, startsAt: '2030-03-07T17:00' }), { token: w.tokens.fabian });
      expect(colleague.status).toBe(403);
      expect(colleague.body.error?.message).toMatch(/^staffId:/);
      expect(await countAt(w.salon.staff.emma, '2030-03-07T17:00')).toBe(0);
    });

    it('never books into another business', async () => {
      const { status } = await create(haircut(), { token: w.tokens.otherAdmin });
      expect(status).toBe(422);
    });
  });

  describe('Idempotency-Key', () => {
    it('answers a retry with the first result, also when the same request is spelt otherwise', async () => {
      const idempotencyKey = randomUUID();
      const request = haircut({ startsAt: '2030-03-09T10:00' });
      const first = await create(request, { idempotencyKey });
      expect(first.status).toBe(201);
      const again = await create(request, { idempotencyKey });
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      const respelt = await create(
        { ...request, startsAt: berlin('2030-03-09T10:00').toISOString(), customer: { name: ' Greta  Lind', phone: '+49 176 5550101' } },
        { idempotencyKey },
      );
      expect(respelt.body.id).toBe(first.body.id);
      expect(await countAt(w.salon.staff.emma, '2030-03-09T10:00')).toBe(1);
    });

    it('refuses the same key with a different request, and books nothing', async () => {
      const idempotencyKey = randomUUID();
      expect((await create(haircut({ startsAt: '2030-03-09T11:00' }), { idempotencyKey })).status).toBe(201);
      const other = await create(haircut({ startsAt: '2030-03-09T11:30' }), { idempotencyKey });
      expect(other.status).toBe(422);
      expect(other.body.error).toMatchObject({ code: 'unprocessable', reason: 'idempotency_key_reused' });
      expect(other.body.error?.message).toMatch(/^Idempotency-Key:/);
      expect(await countAt(w.salon.staff.emma, '2030-03-09T11:30')).toBe(0);
    });

    it('makes one appointment of concurrent retries, all answered alike', async () => {
      const idempotencyKey = randomUUID();
      const answers = await Promise.all(Array.from({ length: 6 }, () => create(haircut({ startsAt: '2030-03-09T12:00' }), { idempotencyKey })));
      expect(answers.map((a) => a.status)).toEqual(Array(6).fill(201));
      expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
      expect(await countAt(w.salon.staff.emma, '2030-03-09T12:00')).toBe(1);
      expect(await overlappingActiveSegments(t.database.db, w.salon.id)).toBe(0);
    });

    it('keeps keys per token: another token’s same key is a request of its own', async () => {
      const idempotencyKey = randomUUID();
      const mine = await create(haircut({ staffId: w.salon.staff.emma, startsAt: '2030-03-09T13:00' }), { idempotencyKey });
      const theirs = await create(haircut({ staffId: undefined, startsAt: '2030-03-09T13:00' }), { idempotencyKey, token: w.tokens.fabian });
      expect(mine.status).toBe(201);
      expect(theirs.status).toBe(201);
      expect(theirs.body.id).not.toBe(mine.body.id);
    });

    it('tries again under the same key when the first request booked nothing', async () => {
      const idempotencyKey = randomUUID();
      const request = haircut({ startsAt: '2030-03-09T10:00' });
      expect((await create(request, { idempotencyKey })).status).toBe(409);
      expect((await create({ ...request, startsAt: '2030-03-09T10:30' }, { idempotencyKey })).status).toBe(201);
    });

    it('refuses a key that is no key', async () => {
      const { status, body } = await create(haircut(), { idempotencyKey: 'zwei Wörter' });
      expect(status).toBe(400);
      expect(body.error?.message).toMatch(/^idempotency-key:/);
    });
  });
});
