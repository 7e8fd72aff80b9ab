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

  describe('unknown query parameters', () => {
    it('are refused with 400 naming the parameter on every GET route of the document', async () => {
      const doc = (await (await t.app.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
      const getPaths = Object.entries(doc.paths)
        .filter(([, methods]) => 'get' in methods)
        .map(([path]) => path);
      expect(getPaths.length).toBeGreaterThanOrEqual(9);
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
});
