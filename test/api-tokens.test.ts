import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixedClock } from '../src/clock.js';
import type { Database } from '../src/db/database.js';
import { activityLog, apiTokens } from '../src/db/schema.js';
import { bearer, createTestApp, type TestApp } from './support/app.js';
import { createTestSalon, type TestBusiness } from './support/business.js';
import { API_NOW, token } from './support/api-fixture.js';
import { engines } from './support/databases.js';

interface TokenJson {
  id: string;
  role: string;
  staff: { id: string; name: string } | null;
  label: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  token?: string;
}

describe.each(engines)('token management through the staff API on $name', ({ open }) => {
  let database: Database;
  let t: TestApp;
  let salon: TestBusiness;
  let other: TestBusiness;
  let admin: string;
  let emma: string;
  let otherAdmin: string;
  const clock = createFixedClock(API_NOW);

  beforeAll(async () => {
    database = await open();
    t = await createTestApp({}, { clock, database });
    [salon, other] = await Promise.all([createTestSalon(database.db), createTestSalon(database.db)]);
    admin = await token(database.db, salon.id, 'admin');
    emma = await token(database.db, salon.id, 'staff', salon.staff.emma);
    otherAdmin = await token(database.db, other.id, 'admin');
  });
  afterAll(async () => {
    await t.close();
    await database.close();
  });

  const request = (method: string, path: string, as: string | undefined, body?: unknown) =>
    t.app.request(path, {
      method,
      headers: { 'content-type': 'application/json', ...(as ? bearer(as) : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const create = async (as: string, body: unknown) => {
    const res = await request('POST', '/api/tokens', as, body);
    return { res, json: (await res.json()) as TokenJson & { error?: { code: string; message: string } } };
  };

  it('creates an admin token shown once, which works at once and is listed without its secret', async () => {
    const { res, json } = await create(admin, { role: 'admin', label: 'Rezeption iPad' });
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(json).toMatchObject({ role: 'admin', staff: null, label: 'Rezeption iPad' });
    expect(Number.isNaN(Date.parse(json.createdAt))).toBe(false);
    expect(json.token).toMatch(/^ta_[A-Za-z0-9_-]{43}$/);
    expect((await request('GET', '/api/staff', json.token)).status).toBe(200);

    const listed = await request('GET', '/api/tokens', admin);
    expect(listed.status).toBe(200);
    const text = await listed.text();
    expect(text).not.toContain(json.token);
    const items = (JSON.parse(text) as { items: TokenJson[] }).items;
    expect(items.find((i) => i.id === json.id)).toMatchObject({ role: 'admin', label: 'Rezeption iPad', revokedAt: null });
    const [row] = await database.db.select().from(apiTokens).where(eq(apiTokens.id, json.id));
    expect(text).not.toContain(row!.tokenHash);
    // Only this business's tokens.
    const theirs = (await (await request('GET', '/api/tokens', otherAdmin)).json()) as { items: TokenJson[] };
    expect(theirs.items.map((i) => i.id)).not.toContain(json.id);
    const [logged] = await database.db
      .select()
      .from(activityLog)
      .where(and(eq(activityLog.entityType, 'api_token'), eq(activityLog.entityId, json.id)));
    expect(logged).toMatchObject({ action: 'token_created', actorType: 'admin', businessId: salon.id });
  });

  it('creates a staff token for a staff member of the business, which sees only that member', async () => {
    const { res, json } = await create(admin, { role: 'staff', staffId: salon.staff.fabian });
    expect(res.status).toBe(201);
    expect(json.staff).toEqual({ id: salon.staff.fabian, name: 'Fabian Spitzer' });
    const staff = (await (await request('GET', '/api/staff', json.token!)).json()) as { items: Array<{ id: string }> };
    expect(staff.items.map((m) => m.id)).toEqual([salon.staff.fabian]);
  });

  it.each([
    ['the staff role without staffId', { role: 'staff' }, 400, 'staffId: required for the staff role'],
    ['staffId for an admin', { role: 'admin', staffId: '8e0b7c1e-1111-4111-8111-111111111111' }, 400, 'staffId: only for the staff role'],
    ['an unknown role', { role: 'owner' }, 400, 'role'],
    ['a staffId that is no id', { role: 'staff', staffId: 'Emma' }, 400, 'staffId'],
  ])('refuses %s with 400, creating nothing', async (_name, body, status, message) => {
    const before = await database.db.select().from(apiTokens).where(eq(apiTokens.businessId, salon.id));
    const { res, json } = await create(admin, body);
    expect(res.status).toBe(status);
    expect(json.error?.message).toContain(message);
    expect(await database.db.select().from(apiTokens).where(eq(apiTokens.businessId, salon.id))).toHaveLength(before.length);
  });

  it('refuses a staff member of another business with 422', async () => {
    const { res, json } = await create(admin, { role: 'staff', staffId: other.staff.emma });
    expect(res.status).toBe(422);
    expect(json.error).toEqual({ code: 'unprocessable', message: 'staffId: no such active staff member in this business' });
  });

  it('answers 403 to a staff token on every token route, and 401 without a token', async () => {
    const some = await create(admin, { role: 'admin' });
    for (const [method, path, body] of [
      ['GET', '/api/tokens', undefined],
      ['POST', '/api/tokens', { role: 'admin' }],
      ['DELETE', `/api/tokens/${some.json.id}`, undefined],
    ] as const) {
      const res = await request(method, path, emma, body);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect((await request(method, path, undefined, body)).status).toBe(401);
    }
    expect((await request('GET', '/api/staff', some.json.token)).status).toBe(200);
  });

  it('revokes a token so that its next request is refused; a repeat answers the same, another business’s token is not found', async () => {
    const { json: created } = await create(admin, { role: 'staff', staffId: salon.staff.emma, label: 'Emma Handy' });
    expect((await request('GET', '/api/appointments', created.token)).status).toBe(200);
    const res = await request('DELETE', `/api/tokens/${created.id}`, admin);
    expect(res.status).toBe(200);
    const revoked = (await res.json()) as TokenJson;
    expect(revoked).toMatchObject({ id: created.id, revokedAt: clock.now().toISOString(), staff: { id: salon.staff.emma, name: 'Emma Williams' } });
    expect((await request('GET', '/api/appointments', created.token)).status).toBe(401);
    const again = await request('DELETE', `/api/tokens/${created.id}`, admin);
    expect(again.status).toBe(200);
    expect(((await again.json()) as TokenJson).revokedAt).toBe(revoked.revokedAt);

    const theirs = await create(otherAdmin, { role: 'admin' });
    const foreign = await request('DELETE', `/api/tokens/${theirs.json.id}`, admin);
    expect(foreign.status).toBe(404);
    expect((await request('GET', '/api/staff', theirs.json.token)).status).toBe(200);
    expect((await request('DELETE', '/api/tokens/8e0b7c1e-1111-4111-8111-111111111111', admin)).status).toBe(404);
  });

  it('lets an admin revoke the token it asks with', async () => {
    const { json: own } = await create(admin, { role: 'admin' });
    expect((await request('DELETE', `/api/tokens/${own.id}`, own.token)).status).toBe(200);
    expect((await request('GET', '/api/tokens', own.token)).status).toBe(401);
  });

  it('describes the token routes in the OpenAPI document', async () => {
    const doc = (await (await t.app.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths['/api/tokens'] ?? {}).sort()).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/api/tokens/{id}'] ?? {})).toEqual(['delete']);
  });
});

describe('a token revoked on one instance', () => {
  it('is refused by another instance with its next request (no instance caches tokens)', async () => {
    const clock = createFixedClock(API_NOW);
    const [a, b] = [await createTestApp({}, { clock }), await createTestApp({}, { clock })];
    try {
      const salon = await createTestSalon(a.database.db);
      const admin = await token(a.database.db, salon.id, 'admin');
      const staffToken = await token(a.database.db, salon.id, 'staff', salon.staff.oliver);
      const [row] = await a.database.db.select({ id: apiTokens.id }).from(apiTokens).where(eq(apiTokens.staffId, salon.staff.oliver));
      expect((await b.app.request('/api/staff', { headers: bearer(staffToken) })).status).toBe(200);
      expect((await a.app.request(`/api/tokens/${row!.id}`, { method: 'DELETE', headers: bearer(admin) })).status).toBe(200);
      expect((await b.app.request('/api/staff', { headers: bearer(staffToken) })).status).toBe(401);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
