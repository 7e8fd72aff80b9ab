import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixedClock } from '../src/clock.js';
import { bearer, createTestApp, type TestApp } from './support/app.js';
import { API_NOW, createApiWorld, type ApiWorld } from './support/api-fixture.js';

type Body = Record<string, unknown> & { items?: unknown[]; error?: Record<string, unknown> & { code: string; message: string } };

/** An answer that is empty says why, and a question that cannot be answered as asked is refused, never an empty 200. */
describe('staff API: empty answers explain themselves', () => {
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

  const get = async (path: string, token = w.tokens.admin) => {
    const res = await t.app.request(path, { headers: bearer(token) });
    return { status: res.status, body: (await res.json()) as Body };
  };

  describe('unknown query parameters', () => {
    it('are refused with 400 naming the parameter on every GET route of the document', async () => {
      const doc = (await (await t.app.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
      const getPaths = Object.entries(doc.paths)
        .filter(([, methods]) => 'get' in methods)
        .map(([path]) => path);
      expect(getPaths.length).toBeGreaterThanOrEqual(11);
      for (const path of getPaths) {
        const { status, body } = await get(`${path.replace(/\{[^}]+\}/g, randomUUID())}?stafff=${w.salon.staff.emma}`);
        expect(status, path).toBe(400);
        expect(body.error?.message, path).toContain('stafff: unknown query parameter');
      }
    });

    it('are refused beside valid ones, and every unknown one is named', async () => {
      const { status, body } = await get('/api/appointments?from=2030-03-05&sort=asc&page=2');
      expect(status).toBe(400);
      expect(body.error?.message).toBe('sort: unknown query parameter; page: unknown query parameter');
    });

    it('never say back a name that is no parameter name', async () => {
      const { status, body } = await get(`/api/staff?${encodeURIComponent('Frau Müller +49 176')}=1`);
      expect(status).toBe(400);
      expect(body.error?.message).toBe('(unreadable name): unknown query parameter');
    });
  });

  it('refuses an unknown field in a body instead of ignoring it', async () => {
    const res = await t.app.request(`/api/appointments/${w.appointments.fabianTue}/reschedule`, {
      method: 'POST',
      body: JSON.stringify({ startsAt: '2030-03-07T10:00:00+01:00', staffid: w.salon.staff.emma }),
      headers: { 'content-type': 'application/json', ...bearer(w.tokens.admin) },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Body).error?.message).toBe('staffid: unknown field');
  });

  describe('ranges', () => {
    it.each(['/api/appointments', '/api/calls'])('refuses %s with from after to', async (path) => {
      for (const query of ['from=2030-03-06&to=2030-03-05', 'from=2030-03-05T12:00:00Z&to=2030-03-05T12:00:00Z']) {
        const { status, body } = await get(`${path}?${query}`);
        expect(status, query).toBe(400);
        expect(body.error?.message).toBe('to: must be after from');
      }
    });

    it('takes a single local day as from and to', async () => {
      const { status, body } = await get('/api/appointments?from=2030-03-05&to=2030-03-05');
      expect(status).toBe(200);
      expect(body.items).toHaveLength(2);
    });
  });

  describe('ids in filters', () => {
    it.each(['/api/appointments', '/api/calls'])('answers %s?staff= of another business with 404 naming the parameter', async (path) => {
      const { status, body } = await get(`${path}?staff=${w.other.staff.emma}`);
      expect(status).toBe(404);
      expect(body.error?.message).toBe('staff: no such staff member in this business.');
    });

    it.each(['/api/appointments', '/api/calls'])('answers %s?staff= of a colleague to a staff token with 403', async (path) => {
      expect((await get(`${path}?staff=${w.salon.staff.fabian}`, w.tokens.emma)).status).toBe(403);
      expect((await get(`${path}?staff=${w.salon.staff.emma}`, w.tokens.emma)).status).toBe(200);
    });

    it('answers a customer filter naming nobody of this business with 404', async () => {
      const { status, body } = await get(`/api/appointments?customer=${randomUUID()}`);
      expect(status).toBe(404);
      expect(body.error?.message).toBe('customer: no such customer in this business.');
    });
  });

  describe('availability on a day without slots', () => {
    const day = async (date: string, change: { service?: string; staff?: string } = {}) => {
      const staff = change.staff ? `&staff=${change.staff}` : '';
      const { status, body } = await get(`/api/availability?service=${change.service ?? w.salon.services.herrenhaarschnitt}&date=${date}${staff}`);
      expect(status).toBe(200);
      expect(body.slots).toEqual([]);
      return body.reason;
    };

    it('says the weekday it never opens, the public holiday by name, and a closure by its reason', async () => {
      expect(await day('2030-03-11')).toEqual({ code: 'closed', message: 'Closed on Mondays.', closed: { cause: 'weekday', name: null } });
      expect(await day('2030-03-10')).toMatchObject({ code: 'closed', message: 'Closed on Sundays.' });
      expect(await day('2030-03-08')).toEqual({
        code: 'closed',
        message: 'Closed: public holiday (Internationaler Frauentag).',
        closed: { cause: 'holiday', name: 'Internationaler Frauentag' },
      });
      const closure = await t.app.request('/api/closures', {
        method: 'POST',
        body: JSON.stringify({ from: '2030-03-13', to: '2030-03-13', reason: 'Fortbildung' }),
        headers: { 'content-type': 'application/json', ...bearer(w.tokens.admin) },
      });
      expect(closure.status).toBe(201);
      expect(await day('2030-03-13')).toMatchObject({ code: 'closed', message: 'Closed: Fortbildung.', closed: { cause: 'closure', name: 'Fortbildung' } });
    });

    it('says a day has passed, or lies beyond the horizon, naming the last day callers can book', async () => {
      expect(await day('2030-03-01')).toEqual({ code: 'past', message: 'That day has passed.' });
      expect(await day('2030-06-04')).toEqual({
        code: 'beyond_horizon',
        message: 'Beyond the booking horizon: callers can book up to 2030-05-02.',
        lastDate: '2030-05-02',
      });
    });

    it('says when the staff member asked for does not work that day, or does not perform the service', async () => {
      expect(await day('2030-03-05', { staff: w.salon.staff.oliver })).toEqual({ code: 'staff_absent', message: 'Not working that day.' });
      expect(await day('2030-03-06', { staff: w.salon.staff.oliver, service: w.salon.services.straehnchen })).toMatchObject({
        code: 'staff_does_not_offer_service',
      });
    });

    it('says when what is left of today lies within the minimum notice', async () => {
      clock.set('2030-03-05T16:15:00Z');
      try {
        expect(await day('2030-03-05')).toMatchObject({ code: 'too_soon' });
      } finally {
        clock.set(API_NOW);
      }
    });

    it('has no reason on a day with slots', async () => {
      const { body } = await get(`/api/availability?service=${w.salon.services.herrenhaarschnitt}&date=2030-03-05`);
      expect((body.slots as unknown[]).length).toBeGreaterThan(0);
      expect(body.reason).toBeNull();
    });

    it('answers 404 naming the parameter for a staff member or service of another business', async () => {
      const staff = await get(`/api/availability?service=${w.salon.services.herrenhaarschnitt}&date=2030-03-05&staff=${w.other.staff.emma}`);
      expect(staff).toEqual({ status: 404, body: { error: { code: 'not_found', message: 'staff: no such staff member in this business.' } } });
      const service = await get(`/api/availability?service=${w.other.services.herrenhaarschnitt}&date=2030-03-05`);
      expect(service.body.error?.message).toBe('service: no such service in this business.');
    });
  });
});
