import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFixedClock } from '../src/clock.js';
import { appointments, businesses, staffTimeOff } from '../src/db/schema.js';
import { createReception } from '../src/reception/create-reception.js';
import { OfferOutcome } from '../src/reception/outcomes.js';
import { bearer, createTestApp, type TestApp } from './support/app.js';
import { API_NOW, createApiWorld, type ApiWorld } from './support/api-fixture.js';
import { bookingDeps, localTime } from './support/booking.js';

type Json = Record<string, unknown>;
type Added = { timeOff?: Json & { id: string }; closure?: Json & { id: string }; overlapping: Array<Json & { id: string }>; releasedHolds: number };

describe('staff API: time off and closures', () => {
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

  const send = async (method: string, path: string, body?: unknown, token = w.tokens.admin) => {
    const res = await t.app.request(path, {
      method,
      ...(body === undefined ? { headers: bearer(token) } : { body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...bearer(token) } }),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as Json & Added & { items?: Array<Json & { id: string }>; error?: Json } };
  };
  const slotsOf = async (staffId: string, date: string) => {
    const { body } = await send('GET', `/api/availability?service=${w.salon.services.herrenhaarschnitt}&date=${date}&staff=${staffId}`);
    return body as unknown as { slots: Array<{ startsAtLocal: string }>; reason: Json | null };
  };
  const rulesVersion = async () => (await t.database.db.select({ v: businesses.rulesVersion }).from(businesses).where(eq(businesses.id, w.salon.id)))[0]!.v;
  /** A phone reception with its own rules cache, as another instance of the service would have. */
  const otherInstance = (callId = `call_${randomUUID()}`) => {
    const { deps } = bookingDeps(t.database, { now: API_NOW });
    return { deps, reception: createReception(deps, { businessId: w.salon.id, callId, callerNumber: '+4917655501234', source: 'phone' }) };
  };

  describe('time off', () => {
    it('takes a staff member off at once, answering the booked appointments it overlaps and giving back held slots', async () => {
      // Another instance offers Emma's Tuesday (and so caches the rules) and holds a slot for a caller deciding.
      const deciding = otherInstance();
      const offered = OfferOutcome.parse(
        await deciding.reception.offer({
          serviceId: w.salon.services.herrenhaarschnitt,
          staffId: w.salon.staff.emma,
          date: '2030-03-05',
          time: '15:00',
          partOfDay: null,
          earliest: false,
        }),
      );
      expect(offered).toMatchObject({ kind: 'exact' });
      const before = await rulesVersion();
      expect((await slotsOf(w.salon.staff.emma, '2030-03-05')).slots.length).toBeGreaterThan(0);

      const { status, body } = await send('POST', '/api/time-off', { staffId: w.salon.staff.emma, from: '2030-03-05', to: '2030-03-05', reason: 'krank' });
      expect(status).toBe(201);
      expect(body.timeOff).toMatchObject({
        staff: { id: w.salon.staff.emma, name: 'Emma Williams' },
        startsAtLocal: '2030-03-05T00:00:00+01:00',
        endsAtLocal: '2030-03-06T00:00:00+01:00',
        reason: 'krank',
      });
      expect(body.overlapping.map((a) => a.id)).toEqual([w.appointments.emmaTue]);
      expect(body.overlapping[0]).toMatchObject({
        startsAtLocal: '2030-03-05T10:00:00+01:00',
        service: { name: 'Herrenhaarschnitt' },
        customer: { phone: w.phones.regular, name: 'Jürgen Größe' },
      });
      expect(body.releasedHolds).toBe(1);
      expect(await rulesVersion()).toBeGreaterThan(before);

      // The appointment stays; Emma is offered to nobody that day, neither here nor by the other instance.
      const [kept] = await t.database.db.select().from(appointments).where(eq(appointments.id, w.appointments.emmaTue));
      expect(kept?.status).toBe('booked');
      expect(await slotsOf(w.salon.staff.emma, '2030-03-05')).toMatchObject({
        slots: [],
        reason: { code: 'staff_absent', message: 'Not working that day (time off).' },
      });
      const caller = OfferOutcome.parse(
        await deciding.reception.offer({
          serviceId: w.salon.services.herrenhaarschnitt,
          staffId: w.salon.staff.emma,
          date: '2030-03-05',
          time: '16:00',
          partOfDay: null,
          earliest: false,
        }),
      );
      expect(caller).toMatchObject({ kind: 'alternatives', reason: 'staff_absent' });
      if (caller.kind === 'alternatives') expect(caller.slots.every((s) => !localTime(new Date(s.startsAt)).startsWith('2030-03-05'))).toBe(true);
      // The caller who was deciding says yes to the slot they were offered: it is no longer theirs to have.
      if (offered.kind !== 'exact') return;
      const booked = await deciding.reception.book({
        serviceId: w.salon.services.herrenhaarschnitt,
        staffId: w.salon.staff.emma,
        startsAt: offered.slot.startsAt,
        customer: { phone: '+4917655501234', name: 'Ute Sand' },
      });
      expect(booked).toMatchObject({ kind: 'unavailable', reason: 'staff_absent' });
    });

    it('answers the very same stretch again with the one entered before', async () => {
      const request = { staffId: w.salon.staff.fabian, from: '2030-03-12T13:00', to: '2030-03-12T18:00', reason: 'Arzttermin' };
      const first = await send('POST', '/api/time-off', request);
      expect(first.status).toBe(201);
      const again = await send('POST', '/api/time-off', request);
      expect(again.status).toBe(200);
      expect(again.body.timeOff).toEqual(first.body.timeOff);
      const rows = await t.database.db.select().from(staffTimeOff).where(eq(staffTimeOff.staffId, w.salon.staff.fabian));
      expect(rows).toHaveLength(1);
      expect(localTime(rows[0]!.startsAt)).toBe('2030-03-12T13:00');
    });

    it('lets a staff token enter, list and give back its own time off only', async () => {
      const own = await send('POST', '/api/time-off', { from: '2030-03-14', to: '2030-03-15' }, w.tokens.fabian);
      expect(own.status).toBe(201);
      expect(own.body.timeOff).toMatchObject({ staff: { id: w.salon.staff.fabian }, endsAtLocal: '2030-03-16T00:00:00+01:00', reason: null });
      const colleague = await send('POST', '/api/time-off', { staffId: w.salon.staff.emma, from: '2030-03-14', to: '2030-03-15' }, w.tokens.fabian);
      expect(colleague.status).toBe(403);

      const mine = await send('GET', '/api/time-off', undefined, w.tokens.fabian);
      expect(mine.body.items?.every((x) => (x.staff as Json).id === w.salon.staff.fabian)).toBe(true);
      expect((await send('GET', `/api/time-off?staff=${w.salon.staff.emma}`, undefined, w.tokens.fabian)).status).toBe(403);
      const all = await send('GET', '/api/time-off');
      expect(new Set(all.body.items?.map((x) => (x.staff as Json).id))).toEqual(new Set([w.salon.staff.emma, w.salon.staff.fabian]));

      const emmas = all.body.items!.find((x) => (x.staff as Json).id === w.salon.staff.emma)!;
      expect((await send('DELETE', `/api/time-off/${emmas.id}`, undefined, w.tokens.fabian)).status).toBe(404);
      expect((await send('DELETE', `/api/time-off/${own.body.timeOff!.id}`, undefined, w.tokens.otherAdmin)).status).toBe(404);
      expect((await send('DELETE', `/api/time-off/${own.body.timeOff!.id}`, undefined, w.tokens.fabian)).status).toBe(204);
      expect((await send('DELETE', `/api/time-off/${own.body.timeOff!.id}`, undefined, w.tokens.fabian)).status).toBe(404);
    });

    it('offers the staff member again once the time off is given back', async () => {
      const { body } = await send('POST', '/api/time-off', { staffId: w.salon.staff.oliver, from: '2030-03-20', to: '2030-03-20' });
      expect((await slotsOf(w.salon.staff.oliver, '2030-03-20')).slots).toEqual([]);
      expect((await send('DELETE', `/api/time-off/${body.timeOff!.id}`)).status).toBe(204);
      expect((await slotsOf(w.salon.staff.oliver, '2030-03-20')).slots.length).toBeGreaterThan(0);
    });

    it('lists what has not ended yet by default, and what a range overlaps when asked', async () => {
      clock.set('2030-03-13T12:00:00Z');
      const upcoming = await send('GET', '/api/time-off');
      expect(upcoming.body.items?.map((x) => x.startsAtLocal)).not.toContain('2030-03-12T13:00:00+01:00');
      const march12 = await send('GET', `/api/time-off?from=2030-03-12&to=2030-03-12&staff=${w.salon.staff.fabian}`);
      expect(march12.body.items?.map((x) => x.startsAtLocal)).toEqual(['2030-03-12T13:00:00+01:00']);
      expect((await send('GET', '/api/time-off?from=2030-03-01', undefined, w.tokens.otherAdmin)).body.items).toEqual([]);
    });

    it.each([
      ['no staff member (admin)', { from: '2030-03-21', to: '2030-03-21' }, 400, 'staffId: required'],
      ['an end before the start', { staffId: 'emma', from: '2030-03-21T15:00', to: '2030-03-21T14:00' }, 400, 'to: must be after from'],
      ['a bound in words', { staffId: 'emma', from: 'morgen', to: '2030-03-21' }, 400, 'from: must be a date'],
      ['an unknown field', { staffId: 'emma', from: '2030-03-21', to: '2030-03-21', grund: 'krank' }, 400, 'grund: unknown field'],
      ['a staff member of another business', { staffId: 'other', from: '2030-03-21', to: '2030-03-21' }, 422, 'staffId: no such staff member in this business'],
    ])('refuses %s', async (_name, body: Record<string, string>, status, message) => {
      const staffId = body.staffId === 'emma' ? w.salon.staff.emma : body.staffId === 'other' ? w.other.staff.emma : undefined;
      const res = await send('POST', '/api/time-off', { ...body, ...(staffId ? { staffId } : {}) });
      expect(res.status).toBe(status);
      expect(String(res.body.error?.message)).toMatch(new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    });
  });

  describe('closures', () => {
    it('closes the business for everyone, answering every booked appointment it overlaps', async () => {
      expect((await send('POST', '/api/closures', { from: '2030-03-06', to: '2030-03-06', reason: 'Wasserschaden' }, w.tokens.emma)).status).toBe(403);
      const { status, body } = await send('POST', '/api/closures', { from: '2030-03-06', to: '2030-03-06', reason: 'Wasserschaden' });
      expect(status).toBe(201);
      expect(body.closure).toMatchObject({ startsAtLocal: '2030-03-06T00:00:00+01:00', reason: 'Wasserschaden' });
      expect(body.overlapping.map((a) => a.id)).toEqual([w.appointments.emmaWed]);
      for (const staffId of [w.salon.staff.fabian, w.salon.staff.oliver]) {
        expect(await slotsOf(staffId, '2030-03-06')).toMatchObject({
          slots: [],
          reason: { code: 'closed', message: 'Closed: Wasserschaden.', closed: { cause: 'closure', name: 'Wasserschaden' } },
        });
      }
      const listed = await send('GET', '/api/closures', undefined, w.tokens.emma);
      expect(listed.status).toBe(200);
      expect(listed.body.items?.map((x) => x.id)).toEqual([body.closure!.id]);
      expect((await send('GET', '/api/closures', undefined, w.tokens.otherAdmin)).body.items).toEqual([]);

      expect((await send('DELETE', `/api/closures/${body.closure!.id}`, undefined, w.tokens.emma)).status).toBe(403);
      expect((await send('DELETE', `/api/closures/${body.closure!.id}`, undefined, w.tokens.otherAdmin)).status).toBe(404);
      expect((await send('DELETE', `/api/closures/${body.closure!.id}`)).status).toBe(204);
      expect((await send('DELETE', `/api/closures/${body.closure!.id}`)).status).toBe(404);
      expect((await slotsOf(w.salon.staff.fabian, '2030-03-06')).slots.length).toBeGreaterThan(0);
    });

    it('answers the very same closure again with the one entered before', async () => {
      const request = { from: '2030-04-22', to: '2030-04-26', reason: 'Betriebsurlaub' };
      const first = await send('POST', '/api/closures', request);
      const again = await send('POST', '/api/closures', request);
      expect([first.status, again.status]).toEqual([201, 200]);
      expect(again.body.closure).toEqual(first.body.closure);
      expect((await slotsOf(w.salon.staff.emma, '2030-04-26')).reason).toMatchObject({ code: 'closed', message: 'Closed: Betriebsurlaub.' });
      expect((await slotsOf(w.salon.staff.emma, '2030-04-27')).slots.length).toBeGreaterThan(0);
    });
  });
});
