import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixedClock } from '../src/clock.js';
import { bearer, createTestApp, type TestApp } from './support/app.js';
import { API_NOW, createApiWorld, token, type ApiWorld } from './support/api-fixture.js';
import { berlin } from './support/booking.js';

type Body = Record<string, unknown> & { items?: Array<Record<string, unknown> & { id: string }>; error?: { code: string; message: string } };

describe('staff API: customers, staff, services, availability, documentation', () => {
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

  const get = async (path: string, tok = w.tokens.admin) => {
    const res = await t.app.request(path, { headers: bearer(tok) });
    return { status: res.status, body: (await res.json()) as Body };
  };

  describe('customers', () => {
    it('finds a customer by phone number in any spelling, and by part of the name', async () => {
      const national = w.phones.regular.replace('+49', '0').replace(/^(\d{4})/, '$1 ');
      for (const q of [w.phones.regular, national, w.phones.regular.slice(-6)]) {
        const { body } = await get(`/api/customers?q=${encodeURIComponent(q)}`);
        expect(
          body.items?.map((c) => c.phone),
          q,
        ).toEqual([w.phones.regular]);
      }
      const { body } = await get(`/api/customers?q=${encodeURIComponent('größe')}`);
      expect(body.items?.map((c) => c.phone).sort()).toEqual([w.phones.regular, w.phones.once].sort());
      expect((await get('/api/customers?q=Nobody')).body.items).toEqual([]);
    });

    it('treats LIKE wildcards in the query as text', async () => {
      expect((await get(`/api/customers?q=${encodeURIComponent('%')}`)).body.items).toEqual([]);
      expect((await get(`/api/customers?q=${encodeURIComponent('J_rgen')}`)).body.items).toEqual([]);
    });

    it('shows a customer with appointment and call history', async () => {
      const found = (await get(`/api/customers?q=${encodeURIComponent(w.phones.regular)}`)).body.items?.[0];
      const { status, body } = await get(`/api/customers/${found!.id}`);
      expect(status).toBe(200);
      expect(body).toMatchObject({ phone: w.phones.regular, name: 'Jürgen Größe', appointmentCount: 2 });
      expect((body.appointments as Array<{ id: string }>).map((a) => a.id)).toEqual([w.appointments.emmaWed, w.appointments.emmaTue]);
      expect((body.calls as Array<{ id: string }>).map((c) => c.id)).toEqual([w.calls.emmaBooked]);
    });
  });

  it('lists staff with working hours and services', async () => {
    const { body } = await get('/api/staff');
    const emma = body.items?.find((m) => m.id === w.salon.staff.emma);
    expect(emma).toMatchObject({ name: 'Emma Williams', aliases: ['Emma', 'Frau Williams'], active: true });
    expect((emma?.workingHours as Record<string, unknown>)['2']).toEqual([
      { start: '09:00', end: '12:00' },
      { start: '13:00', end: '18:00' },
    ]);
    expect(emma?.serviceIds).toHaveLength(5);
  });

  it('lists services with their phases', async () => {
    const { body } = await get('/api/services');
    expect(body.items?.map((s) => s.name)).toEqual(['Ansatzfärbung', 'Damenhaarschnitt', 'Herrenhaarschnitt', 'Strähnchen', 'Waschen/Föhnen']);
    expect(body.items?.[0]).toMatchObject({
      durationMinutes: 120,
      segments: [
        { kind: 'work', minutes: 30 },
        { kind: 'gap', minutes: 45, policy: 'free' },
        { kind: 'work', minutes: 15 },
        { kind: 'work', minutes: 30 },
      ],
    });
  });

  describe('availability', () => {
    it('answers the open slots of a local day, leaving out booked time', async () => {
      const { status, body } = await get(`/api/availability?service=${w.salon.services.herrenhaarschnitt}&date=2030-03-05&staff=${w.salon.staff.emma}`);
      expect(status).toBe(200);
      expect(body).toMatchObject({ date: '2030-03-05', timeZone: 'Europe/Berlin', serviceId: w.salon.services.herrenhaarschnitt });
      const starts = (body.slots as Array<{ startsAt: string; staffId: string }>).map((s) => s.startsAt);
      expect(starts[0]).toBe(berlin('2030-03-05T09:00').toISOString());
      expect(starts).not.toContain(berlin('2030-03-05T10:00').toISOString());
      expect(starts).not.toContain(berlin('2030-03-05T12:00').toISOString());
      expect(starts[starts.length - 1]).toBe(berlin('2030-03-05T17:30').toISOString());
    });

    it('answers no slots on a closed day', async () => {
      expect((await get(`/api/availability?service=${w.salon.services.herrenhaarschnitt}&date=2030-03-04`)).body.slots).toEqual([]);
    });

    it.each([
      ['an impossible date', (service: string) => `service=${service}&date=2030-02-30`, 'date: no such date'],
      ['words for a date', (service: string) => `service=${service}&date=tomorrow`, 'date: must be a date (YYYY-MM-DD)'],
      ['no service', () => 'date=2030-03-05', 'service: required'],
      ['a service name instead of its id', () => 'service=Herrenhaarschnitt&date=2030-03-05', 'service: must be an id (uuid)'],
    ])('answers 400 naming the field and the problem for %s', async (_name, query, message) => {
      const res = await get(`/api/availability?${query(w.salon.services.herrenhaarschnitt)}`);
      expect(res.status).toBe(400);
      expect(res.body.error?.message).toBe(message);
    });

    it('answers 404 for an unknown staff member', async () => {
      const res = await get(`/api/availability?service=${w.salon.services.herrenhaarschnitt}&date=2030-03-05&staff=${w.other.staff.emma}`);
      expect(res.status).toBe(404);
    });
  });

  describe('documentation', () => {
    it('serves an OpenAPI document of every endpoint without a token', async () => {
      const res = await t.app.request('/api/openapi.json');
      expect(res.status).toBe(200);
      const doc = (await res.json()) as {
        openapi: string;
        paths: Record<string, Record<string, { security?: unknown; parameters?: Array<{ name: string }> }>>;
        components: { securitySchemes: unknown };
      };
      expect(doc.openapi).toBe('3.0.3');
      expect(Object.keys(doc.paths).sort()).toEqual(
        [
          '/api/appointments',
          '/api/appointments/{id}',
          '/api/appointments/{id}/cancel',
          '/api/appointments/{id}/complete',
          '/api/appointments/{id}/no-show',
          '/api/appointments/{id}/reschedule',
          '/api/availability',
          '/api/calls',
          '/api/calls/{id}',
          '/api/closures',
          '/api/closures/{id}',
          '/api/customers',
          '/api/customers/{id}',
          '/api/services',
          '/api/staff',
          '/api/time-off',
          '/api/time-off/{id}',
          '/api/tokens',
          '/api/tokens/{id}',
        ].sort(),
      );
      expect(doc.paths['/api/calls']?.get?.parameters?.map((p) => p.name)).toEqual(['from', 'to', 'status', 'outcome', 'staff', 'phone', 'limit', 'cursor']);
      expect(doc.paths['/api/calls']?.get?.security).toEqual([{ bearerAuth: [] }]);
      expect(doc.components.securitySchemes).toMatchObject({ bearerAuth: { type: 'http', scheme: 'bearer' } });
    });

    it('serves a readable page of the endpoints without scripts or external assets', async () => {
      const res = await t.app.request('/api/docs');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      const html = await res.text();
      expect(html).toContain('/api/appointments/{id}/reschedule');
      expect(html).toContain('Open slots of a service on one local day');
      expect(html).not.toMatch(/<script|https?:\/\/(?!recordings)/);
    });
  });

  describe('errors', () => {
    it('answers unknown API routes with the envelope', async () => {
      expect(await get('/api/nothing-here')).toEqual({ status: 404, body: { error: { code: 'not_found', message: 'No such route.' } } });
    });

    it('answers a fault with a fixed message and logs the details', async () => {
      const broken = await createTestApp({}, { clock });
      const admin = await token(broken.database.db, w.salon.id, 'admin');
      // Ask for the calls, then pull the database away under the request.
      const closing = broken.database.close();
      const res = await broken.app.request('/api/staff', { headers: bearer(admin) });
      await closing;
      expect(res.status).toBe(500);
      expect(await res.json()).toEqual({ error: { code: 'internal', message: 'Internal error.' } });
      expect(broken.logs().some((l) => l.msg === 'unhandled error')).toBe(true);
      await broken.ctx.locks.close();
    });
  });

  describe('rate limit', () => {
    it('limits each token to its own window and answers 429 with Retry-After', async () => {
      const limited = await createTestApp({ RATE_LIMIT_PER_MINUTE: '3' }, { clock: createFixedClock('2030-03-04T07:00:10Z'), database: t.database });
      const a = await token(t.database.db, w.salon.id, 'admin');
      const b = await token(t.database.db, w.salon.id, 'admin');
      const as = [];
      for (let i = 0; i < 4; i++) as.push(await limited.app.request('/api/services', { headers: bearer(a) }));
      expect(as.map((r) => r.status)).toEqual([200, 200, 200, 429]);
      expect(as[0]!.headers.get('ratelimit-remaining')).toBe('2');
      expect(as[3]!.headers.get('retry-after')).toBe('50');
      expect(await as[3]!.json()).toMatchObject({ error: { code: 'rate_limited' } });
      expect((await limited.app.request('/api/services', { headers: bearer(b) })).status).toBe(200);
      await limited.close();
    });

    it('limits requests without a valid token per address, before asking the database', async () => {
      const limited = await createTestApp({ RATE_LIMIT_PER_MINUTE: '2', TRUST_PROXY: 'true' }, { clock, database: t.database });
      const from = (ip: string, tok = `ta_${'B'.repeat(43)}`) => limited.app.request('/api/calls', { headers: { ...bearer(tok), 'x-forwarded-for': ip } });
      expect((await from('192.0.2.1')).status).toBe(401);
      expect((await from('192.0.2.1')).status).toBe(401);
      expect((await from('192.0.2.1')).status).toBe(429);
      // A valid token from the same address is limited on its own account.
      expect((await from('192.0.2.1', w.tokens.admin)).status).toBe(429);
      expect((await from('192.0.2.2', w.tokens.admin)).status).toBe(200);
      await limited.close();
    });
  });
});
