import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixedClock } from '../src/clock.js';
import type { Database } from '../src/db/database.js';
import { calls } from '../src/db/schema.js';
import { signRetellBody } from '../src/http/retell-signature.js';
import { TEST_RETELL_KEY, bearer, createTestApp, type TestApp } from './support/app.js';
import { API_NOW, createApiWorld, type ApiWorld } from './support/api-fixture.js';
import { openTestPglite } from './support/databases.js';

// `npm start` runs on the embedded database: the webhook and every API query must work there as well.
describe('HTTP side on the embedded database', () => {
  let database: Database;
  let t: TestApp;
  let w: ApiWorld;
  const clock = createFixedClock(API_NOW);

  beforeAll(async () => {
    database = await openTestPglite();
    t = await createTestApp({}, { clock, database });
    w = await createApiWorld(t);
  });
  afterAll(async () => {
    await t.close();
    await database.close();
  });

  it('answers every staff API endpoint', async () => {
    const [customer] = await database.db.select({ id: calls.customerId }).from(calls).where(eq(calls.id, w.calls.emmaBooked));
    const paths = [
      '/api/calls?limit=1',
      `/api/calls?phone=${encodeURIComponent(w.phones.regular)}&staff=${w.salon.staff.emma}&from=2030-03-01&to=2030-03-31`,
      `/api/calls/${w.calls.emmaBooked}`,
      '/api/appointments?limit=1&status=booked',
      `/api/appointments/${w.appointments.emmaTue}`,
      '/api/customers?q=Gr',
      `/api/customers/${customer!.id!}`,
      '/api/staff',
      '/api/services',
      `/api/availability?service=${w.salon.services.herrenhaarschnitt}&date=2030-03-05`,
    ];
    for (const path of paths) expect((await t.app.request(path, { headers: bearer(w.tokens.admin) })).status, path).toBe(200);
    const first = (await (await t.app.request('/api/calls?limit=2', { headers: bearer(w.tokens.admin) })).json()) as { nextCursor: string };
    const second = await t.app.request(`/api/calls?limit=2&cursor=${first.nextCursor}`, { headers: bearer(w.tokens.admin) });
    expect(((await second.json()) as { items: unknown[] }).items).toHaveLength(1);
  });

  it('cancels and reschedules', async () => {
    const post = (path: string, body: unknown) =>
      t.app.request(path, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...bearer(w.tokens.admin) } });
    expect((await post(`/api/appointments/${w.appointments.emmaWed}/reschedule`, { startsAt: '2030-03-06T15:00:00+01:00' })).status).toBe(200);
    expect((await post(`/api/appointments/${w.appointments.fabianTue}/cancel`, {})).status).toBe(200);
  });

  it('runs the day: creates with an idempotency key, marks, cancels with a reason, enters time off and a closure', async () => {
    const send = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
      const res = await t.app.request(path, {
        method,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        headers: { 'content-type': 'application/json', ...bearer(w.tokens.admin), ...headers },
      });
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : null) as Record<string, unknown> };
    };
    const request = {
      serviceId: w.salon.services.herrenhaarschnitt,
      staffId: w.salon.staff.emma,
      startsAt: '2030-03-07T10:00',
      customer: { name: 'Greta Lind', phone: '0176 5550101' },
    };
    const created = await send('POST', '/api/appointments', request, { 'idempotency-key': 'pglite-1' });
    expect(created.status).toBe(201);
    expect(await send('POST', '/api/appointments', request, { 'idempotency-key': 'pglite-1' })).toEqual(created);
    expect((await send('POST', '/api/appointments', { ...request, startsAt: '2030-03-07T11:00' }, { 'idempotency-key': 'pglite-1' })).status).toBe(422);
    clock.set('2030-03-05T09:10:00Z');
    expect((await send('POST', `/api/appointments/${w.appointments.emmaTue}/no-show`)).body).toMatchObject({ status: 'no_show', customer: { noShowCount: 1 } });
    clock.set(API_NOW);
    const id = created.body.id as string;
    const off = await send('POST', '/api/time-off', { staffId: w.salon.staff.emma, from: '2030-03-07', to: '2030-03-07', reason: 'krank' });
    expect(off.status).toBe(201);
    expect((off.body.overlapping as Array<{ id: string }>).map((a) => a.id)).toEqual([id]);
    expect((await send('POST', `/api/appointments/${id}/cancel`, { reason: 'Emma ist krank' })).body).toMatchObject({ cancelReason: 'Emma ist krank' });
    const availability = await send('GET', `/api/availability?service=${w.salon.services.herrenhaarschnitt}&date=2030-03-07&staff=${w.salon.staff.emma}`);
    expect(availability.body).toMatchObject({ slots: [], reason: { code: 'staff_absent' } });
    expect((await send('POST', '/api/closures', { from: '2030-03-09', to: '2030-03-09', reason: 'Umbau' })).status).toBe(201);
    expect((await send('GET', '/api/closures')).body.items).toHaveLength(1);
    expect((await send('GET', '/api/time-off?bogus=1')).status).toBe(400);
  });

  it('records webhook events once', async () => {
    const id = randomUUID();
    const body = JSON.stringify({
      event: 'call_ended',
      call: {
        call_id: id,
        to_number: w.salon.definition.phoneNumbers[0],
        from_number: '+4917699887766',
        call_status: 'ended',
        disconnection_reason: 'user_hangup',
      },
    });
    const send = () =>
      t.app.request('/retell/webhook', {
        method: 'POST',
        body,
        headers: { 'x-retell-signature': signRetellBody(body, TEST_RETELL_KEY, clock.now().getTime()) },
      });
    expect((await send()).status).toBe(204);
    expect((await send()).status).toBe(204);
    const rows = await database.db.select().from(calls).where(eq(calls.id, id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ businessId: w.salon.id, status: 'ended', outcome: 'abandoned' });
    expect(rows[0]?.customerId).not.toBeNull();
  });
});
