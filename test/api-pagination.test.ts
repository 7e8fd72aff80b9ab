import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookAppointment } from '../src/booking/book-appointment.js';
import { createFixedClock } from '../src/clock.js';
import { calls } from '../src/db/schema.js';
import { encodeCursor } from '../src/http/api/cursor.js';
import { bearer, createTestApp, type TestApp } from './support/app.js';
import { API_NOW, token } from './support/api-fixture.js';
import { createTestSalon, type TestBusiness } from './support/business.js';
import { berlin, bookingDeps, key, phone } from './support/booking.js';

type Page = { items: Array<{ id: string }>; nextCursor: string | null; error?: { code: string; message: string } };

describe('staff API pagination', () => {
  let t: TestApp;
  let salon: TestBusiness;
  let admin: string;
  const appointmentIds: string[] = [];
  const callIds: string[] = [];

  beforeAll(async () => {
    t = await createTestApp({ API_PAGE_LIMIT_MAX: '4' }, { clock: createFixedClock(API_NOW) });
    salon = await createTestSalon(t.database.db);
    admin = await token(t.database.db, salon.id, 'admin');
    const { deps } = bookingDeps(t.database, { now: API_NOW });
    for (const local of ['2030-03-05T09:00', '2030-03-05T09:30', '2030-03-05T10:00', '2030-03-05T10:30', '2030-03-05T11:00']) {
      const o = await bookAppointment(deps, {
        businessId: salon.id,
        serviceId: salon.services.herrenhaarschnitt,
        staffId: salon.staff.emma,
        startsAt: berlin(local),
        customer: { phone: phone() },
        idempotencyKey: key(),
        source: 'api',
        actor: { type: 'system', id: null },
      });
      if (o.kind !== 'booked') throw new Error(o.kind);
      appointmentIds.push(o.appointment.id);
    }
    // Seven calls: three share one instant, two lie a microsecond apart (a millisecond cursor would skip one).
    const stamps = [
      '2030-03-01 10:00:00.000000+00',
      '2030-03-01 10:00:00.000000+00',
      '2030-03-01 10:00:00.000000+00',
      '2030-03-01 10:00:00.123456+00',
      '2030-03-01 10:00:00.123457+00',
      '2030-03-01 11:00:00+00',
      '2030-03-01 12:00:00+00',
    ];
    for (const stamp of stamps) {
      const id = `call_${randomUUID()}`;
      callIds.push(id);
      await t.database.db.insert(calls).values({ id, businessId: salon.id, status: 'ended', createdAt: sql`${stamp}::timestamptz` });
    }
  });
  afterAll(async () => {
    await t.close();
  });

  const get = async (path: string) => {
    const res = await t.app.request(path, { headers: bearer(admin) });
    return { status: res.status, body: (await res.json()) as Page };
  };

  async function walk(path: string, limit: number): Promise<string[][]> {
    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const sep = path.includes('?') ? '&' : '?';
      const { status, body }: { status: number; body: Page } = await get(`${path}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(status).toBe(200);
      pages.push(body.items.map((i) => i.id));
      cursor = body.nextCursor;
    } while (cursor && pages.length < 20);
    return pages;
  }

  it('pages through appointments in calendar order, each exactly once', async () => {
    expect(await walk('/api/appointments', 2)).toEqual([appointmentIds.slice(0, 2), appointmentIds.slice(2, 4), appointmentIds.slice(4)]);
  });

  it('ends at an exact page boundary without an empty extra page', async () => {
    const first = await get('/api/appointments?limit=4&from=2030-03-05T08:00:00Z&to=2030-03-05T09:45:00Z');
    expect(first.body.items).toHaveLength(4);
    expect(first.body.nextCursor).toBeNull();
  });

  it('pages through calls with tied and microsecond-apart timestamps without skipping or repeating', async () => {
    const pages = await walk('/api/calls', 2);
    expect(pages.map((p) => p.length)).toEqual([2, 2, 2, 1]);
    const seen = pages.flat();
    expect(new Set(seen).size).toBe(7);
    expect(seen.slice(0, 2)).toEqual([callIds[6], callIds[5]]);
    expect(seen.slice(2, 4)).toEqual([callIds[4], callIds[3]]);
    expect(new Set(seen.slice(4))).toEqual(new Set(callIds.slice(0, 3)));
    // Every page size puts a boundary somewhere else, among them right between the microsecond neighbours.
    for (const limit of [1, 3, 4]) expect((await walk('/api/calls', limit)).flat(), `limit ${limit}`).toEqual(seen);
  });

  it('answers an empty page with no cursor when nothing matches', async () => {
    expect((await get('/api/calls?outcome=transferred')).body).toEqual({ items: [], nextCursor: null });
    expect((await get('/api/appointments?from=2031-01-01')).body).toEqual({ items: [], nextCursor: null });
  });

  it('lowers a limit above the configured maximum to it', async () => {
    const { status, body } = await get('/api/calls?limit=1000');
    expect(status).toBe(200);
    expect(body.items).toHaveLength(4);
    expect(body.nextCursor).not.toBeNull();
  });

  it('uses 50 by default (here capped at 4)', async () => {
    expect((await get('/api/calls')).body.items).toHaveLength(4);
  });

  it.each([
    ['garbage', 'not a cursor!'],
    ['base64 of something else', Buffer.from('{"hello":1}').toString('base64url')],
    ['a cursor of another list', encodeCursor('calls', { sortKey: '2030-03-01T10:00:00.000000Z', id: 'call_x' })],
    ['an impossible date', encodeCursor('appointments', { sortKey: '2030-02-31T10:00:00.000000Z', id: randomUUID() })],
    ['an id that is no uuid', encodeCursor('appointments', { sortKey: '2030-03-01T10:00:00.000000Z', id: 'x' })],
  ])('answers 400 to %s as cursor', async (_name, cursor) => {
    const { status, body } = await get(`/api/appointments?cursor=${encodeURIComponent(cursor)}`);
    expect(status).toBe(400);
    expect(body.error?.code).toBe('bad_request');
    expect(body.error?.message).toMatch(/^cursor:/);
  });
});
