import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../src/access/create-api-token.js';
import { revokeApiToken } from '../src/access/revoke-api-token.js';
import { createFixedClock } from '../src/clock.js';
import { appointments, apiTokens, customers, staff } from '../src/db/schema.js';
import { bearer, createTestApp, type TestApp } from './support/app.js';
import { API_NOW, createApiWorld, type ApiWorld } from './support/api-fixture.js';

describe('staff API access', () => {
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

  const get = (path: string, token?: string) => t.app.request(path, { headers: token ? bearer(token) : {} });
  const post = (path: string, token: string | undefined, body: unknown) =>
    t.app.request(path, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...(token ? bearer(token) : {}) } });
  const json = async (res: Response) =>
    (await res.json()) as { items?: Array<{ id: string }>; error?: { code: string; message: string } } & Record<string, unknown>;
  const ids = async (res: Response) => ((await json(res)).items ?? []).map((i) => i.id).sort();

  const endpoints = (): Array<[string, string, unknown?]> => [
    ['GET', '/api/calls'],
    ['GET', `/api/calls/${w.calls.emmaBooked}`],
    ['GET', '/api/appointments'],
    ['GET', `/api/appointments/${w.appointments.emmaTue}`],
    ['POST', `/api/appointments/${w.appointments.emmaTue}/cancel`, {}],
    ['POST', `/api/appointments/${w.appointments.emmaTue}/reschedule`, { startsAt: '2030-03-07T10:00:00+01:00' }],
    ['GET', '/api/customers'],
    ['GET', `/api/customers/${w.salon.id}`],
    ['GET', '/api/staff'],
    ['GET', '/api/services'],
    ['GET', `/api/availability?service=${w.salon.services.herrenhaarschnitt}&date=2030-03-05`],
  ];
  const call = (method: string, path: string, token: string | undefined, body?: unknown) => (method === 'GET' ? get(path, token) : post(path, token, body));

  describe('authentication', () => {
    it('answers 401 with the envelope on every endpoint without a token, and changes nothing', async () => {
      for (const [method, path, body] of endpoints()) {
        const res = await call(method, path, undefined, body);
        expect(res.status, `${method} ${path}`).toBe(401);
        expect(res.headers.get('www-authenticate')).toBe('Bearer');
        expect(await json(res)).toEqual({ error: { code: 'unauthorized', message: 'A bearer token is required.' } });
      }
      const [a] = await t.database.db.select().from(appointments).where(eq(appointments.id, w.appointments.emmaTue));
      expect(a?.status).toBe('booked');
    });

    it.each([
      ['a malformed token', 'Bearer not-a-token'],
      ['an unknown token', `Bearer ta_${'A'.repeat(43)}`],
      ['another scheme', `Basic ${Buffer.from('admin:admin').toString('base64')}`],
    ])('answers 401 to %s', async (_name, header) => {
      const res = await t.app.request('/api/calls', { headers: { authorization: header } });
      expect(res.status).toBe(401);
      expect((await json(res)).error?.code).toBe('unauthorized');
    });

    it('answers 401 once a token is revoked', async () => {
      const created = await createApiToken(t.database.db, { businessId: w.salon.id, role: 'admin' });
      if (created.kind !== 'created') throw new Error(created.kind);
      expect((await get('/api/staff', created.token)).status).toBe(200);
      await revokeApiToken(t.database.db, created.id, clock.now());
      expect((await get('/api/staff', created.token)).status).toBe(401);
    });

    it('answers 401 to the token of a staff member who left', async () => {
      const created = await createApiToken(t.database.db, { businessId: w.salon.id, role: 'staff', staffId: w.salon.staff.oliver });
      if (created.kind !== 'created') throw new Error(created.kind);
      expect((await get('/api/staff', created.token)).status).toBe(200);
      await t.database.db.update(staff).set({ active: false }).where(eq(staff.id, w.salon.staff.oliver));
      expect((await get('/api/staff', created.token)).status).toBe(401);
      await t.database.db.update(staff).set({ active: true }).where(eq(staff.id, w.salon.staff.oliver));
    });

    it('records last use at most once a minute', async () => {
      const created = await createApiToken(t.database.db, { businessId: w.salon.id, role: 'admin' });
      if (created.kind !== 'created') throw new Error(created.kind);
      const lastUsed = async () => (await t.database.db.select().from(apiTokens).where(eq(apiTokens.id, created.id)))[0]?.lastUsedAt?.toISOString();
      expect(await lastUsed()).toBeUndefined();
      await get('/api/services', created.token);
      const first = await lastUsed();
      expect(first).toBe(clock.now().toISOString());
      clock.advance(30_000);
      await get('/api/services', created.token);
      expect(await lastUsed()).toBe(first);
      clock.advance(31_000);
      await get('/api/services', created.token);
      expect(await lastUsed()).toBe(clock.now().toISOString());
    });
  });

  describe('an admin', () => {
    it('sees every call and appointment of the business, none of the other', async () => {
      expect(await ids(await get('/api/calls', w.tokens.admin))).toEqual([w.calls.emmaBooked, w.calls.fabianBooked, w.calls.abandoned].sort());
      expect(await ids(await get('/api/appointments', w.tokens.admin))).toEqual(
        [w.appointments.emmaTue, w.appointments.fabianTue, w.appointments.emmaWed].sort(),
      );
    });

    it('gets 404 for every id of another business, exactly as for ids that do not exist', async () => {
      const [otherCustomer] = await t.database.db.select().from(customers).where(eq(customers.businessId, w.other.id));
      const foreign: Array<[string, string, unknown?]> = [
        ['GET', `/api/calls/${w.calls.other}`],
        ['GET', `/api/appointments/${w.appointments.other}`],
        ['POST', `/api/appointments/${w.appointments.other}/cancel`, {}],
        ['POST', `/api/appointments/${w.appointments.other}/reschedule`, { startsAt: '2030-03-07T10:00:00+01:00' }],
        ['GET', `/api/customers/${otherCustomer!.id}`],
        ['GET', `/api/availability?service=${w.other.services.herrenhaarschnitt}&date=2030-03-05`],
      ];
      for (const [method, path, body] of foreign) {
        const res = await call(method, path, w.tokens.admin, body);
        expect(res.status, `${method} ${path}`).toBe(404);
        const missing = await call(method, path.replace(/[0-9a-f]{8}-[0-9a-f]{4}/, '00000000-0000'), w.tokens.admin, body);
        expect(missing.status).toBe(404);
        expect((await json(res)).error?.message).toBe((await json(missing)).error?.message);
      }
      const [a] = await t.database.db.select().from(appointments).where(eq(appointments.id, w.appointments.other));
      expect(a?.status).toBe('booked');
    });

    it('finds nothing when filtering by another business’s staff or customer', async () => {
      const [otherCustomer] = await t.database.db.select().from(customers).where(eq(customers.businessId, w.other.id));
      expect(await ids(await get(`/api/appointments?staff=${w.other.staff.emma}`, w.tokens.admin))).toEqual([]);
      expect(await ids(await get(`/api/appointments?customer=${otherCustomer!.id}`, w.tokens.admin))).toEqual([]);
      expect(await ids(await get(`/api/calls?staff=${w.other.staff.emma}`, w.tokens.admin))).toEqual([]);
    });

    it('sees only the customers of the business', async () => {
      const res = await get(`/api/customers?q=${encodeURIComponent(w.phones.regular)}`, w.tokens.admin);
      const items = (await json(res)).items as Array<{ id: string; phone: string }>;
      expect(items).toHaveLength(1);
      const [own] = await t.database.db.select().from(customers).where(eq(customers.businessId, w.salon.id));
      expect(items.every((c) => c.phone === w.phones.regular)).toBe(true);
      expect(own).toBeDefined();
      expect((await json(await get('/api/customers', w.tokens.otherAdmin))).items).toHaveLength(1);
    });
  });

  describe('a staff member', () => {
    it('sees only their own appointments', async () => {
      expect(await ids(await get('/api/appointments', w.tokens.emma))).toEqual([w.appointments.emmaTue, w.appointments.emmaWed].sort());
      expect(await ids(await get('/api/appointments', w.tokens.fabian))).toEqual([w.appointments.fabianTue]);
      expect(await ids(await get(`/api/appointments?staff=${w.salon.staff.fabian}`, w.tokens.emma))).toEqual([]);
    });

    it('sees only the calls that led to their appointments', async () => {
      expect(await ids(await get('/api/calls', w.tokens.emma))).toEqual([w.calls.emmaBooked]);
      expect(await ids(await get('/api/calls', w.tokens.fabian))).toEqual([w.calls.fabianBooked]);
      expect((await get(`/api/calls/${w.calls.emmaBooked}`, w.tokens.emma)).status).toBe(200);
      expect((await get(`/api/calls/${w.calls.fabianBooked}`, w.tokens.emma)).status).toBe(404);
      expect((await get(`/api/calls/${w.calls.abandoned}`, w.tokens.emma)).status).toBe(404);
    });

    it('gets 404 for a colleague’s appointment and cannot cancel or move it', async () => {
      const id = w.appointments.fabianTue;
      expect((await get(`/api/appointments/${id}`, w.tokens.emma)).status).toBe(404);
      expect((await post(`/api/appointments/${id}/cancel`, w.tokens.emma, {})).status).toBe(404);
      expect((await post(`/api/appointments/${id}/reschedule`, w.tokens.emma, { startsAt: '2030-03-07T10:00:00+01:00' })).status).toBe(404);
      const [a] = await t.database.db.select().from(appointments).where(eq(appointments.id, id));
      expect(a).toMatchObject({ status: 'booked', staffId: w.salon.staff.fabian });
    });

    it('may not search or read customers', async () => {
      expect((await get('/api/customers', w.tokens.emma)).status).toBe(403);
      const [own] = await t.database.db.select().from(customers).where(eq(customers.businessId, w.salon.id));
      const res = await get(`/api/customers/${own!.id}`, w.tokens.emma);
      expect(res.status).toBe(403);
      expect((await json(res)).error?.code).toBe('forbidden');
    });

    it('sees their own staff record only, all services and availability', async () => {
      expect(await ids(await get('/api/staff', w.tokens.emma))).toEqual([w.salon.staff.emma]);
      expect(await ids(await get('/api/staff', w.tokens.admin))).toEqual(Object.values(w.salon.staff).sort());
      expect((await json(await get('/api/services', w.tokens.emma))).items).toHaveLength(5);
      expect((await get(`/api/availability?service=${w.salon.services.herrenhaarschnitt}&date=2030-03-05`, w.tokens.emma)).status).toBe(200);
    });

    it('of another business sees nothing of this one', async () => {
      expect(await ids(await get('/api/appointments', w.tokens.otherEmma))).toEqual([w.appointments.other]);
      expect(await ids(await get('/api/calls', w.tokens.otherEmma))).toEqual([w.calls.other]);
      expect((await get(`/api/appointments/${w.appointments.emmaTue}`, w.tokens.otherEmma)).status).toBe(404);
      expect((await get(`/api/calls/${w.calls.emmaBooked}`, w.tokens.otherEmma)).status).toBe(404);
    });
  });
});
