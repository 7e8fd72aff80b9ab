import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixedClock } from '../src/clock.js';
import type { Database } from '../src/db/database.js';
import { appointments } from '../src/db/schema.js';
import { createReception } from '../src/reception/create-reception.js';
import { BookOutcome } from '../src/reception/outcomes.js';
import { bearer, createTestApp, type TestApp } from './support/app.js';
import { API_NOW, token } from './support/api-fixture.js';
import { bookingDeps, overlappingActiveSegments } from './support/booking.js';
import { createTestSalon, type TestBusiness } from './support/business.js';
import { openTestPglite, openTestPostgres } from './support/databases.js';

/**
 * A caller books on the phone while the receptionist enters a booking for the same staff member and time. The two
 * run as two instances would: each with its own connection pool, rules cache and in-process locks, so nothing but
 * Postgres stands between them. Exactly one wins; the other gets the slot taken with alternatives.
 */
const ENGINES = [
  { name: 'postgres', rounds: 40, open: async () => ({ api: openTestPostgres(4), phone: openTestPostgres(4), shared: false }) },
  // PGlite is one connection in one process: the two sides still interleave at every await.
  {
    name: 'pglite',
    rounds: 10,
    open: async () => {
      const db = await openTestPglite();
      return { api: db, phone: db, shared: true };
    },
  },
] as const;

describe.each(ENGINES)('the race between a phone booking and a staff-created appointment on $name', ({ rounds, open }) => {
  let t: TestApp;
  let api: Database;
  let phone: Database;
  let shared: boolean;
  let salon: TestBusiness;
  let admin: string;

  beforeAll(async () => {
    ({ api, phone, shared } = await open());
    t = await createTestApp({}, { clock: createFixedClock(API_NOW), database: api });
    salon = await createTestSalon(api.db);
    admin = await token(api.db, salon.id, 'admin');
  });
  afterAll(async () => {
    await t.close();
    await api.close();
    if (!shared) await phone.close();
  });

  /** Emma's open Herrenhaarschnitt starts, day by day from Tuesday, as the API lists them. */
  async function openStarts(count: number): Promise<string[]> {
    const starts: string[] = [];
    for (let day = 1; starts.length < count && day < 50; day++) {
      const date = new Date(Date.parse(API_NOW) + day * 86_400_000).toISOString().slice(0, 10);
      const res = await t.app.request(`/api/availability?service=${salon.services.herrenhaarschnitt}&date=${date}&staff=${salon.staff.emma}`, {
        headers: bearer(admin),
      });
      const body = (await res.json()) as { slots: Array<{ startsAt: string }> };
      // Every other slot, so one round's winner never touches the next round's time.
      starts.push(...body.slots.filter((_, i) => i % 2 === 0).map((s) => s.startsAt));
    }
    return starts.slice(0, count);
  }

  it('lets exactly one side win every round; the loser hears slot taken with alternatives', async () => {
    const starts = await openStarts(rounds);
    expect(starts).toHaveLength(rounds);
    const wins = { phone: 0, api: 0 };
    for (const [round, startsAt] of starts.entries()) {
      const { deps } = bookingDeps(phone, { now: API_NOW });
      const callId = `call_${randomUUID()}`;
      const callerNumber = `+4917688${String(100_000 + round)}`;
      const reception = createReception(deps, { businessId: salon.id, callId, callerNumber, source: 'phone' });
      const bookByPhone = () =>
        reception.book({
          serviceId: salon.services.herrenhaarschnitt,
          staffId: salon.staff.emma,
          startsAt,
          customer: { phone: callerNumber, name: 'Anruferin Eins' },
        });
      const bookByApi = () =>
        t.app.request('/api/appointments', {
          method: 'POST',
          body: JSON.stringify({
            serviceId: salon.services.herrenhaarschnitt,
            staffId: salon.staff.emma,
            startsAt,
            customer: { name: 'Am Tresen', phone: `+4917699${String(100_000 + round)}` },
          }),
          headers: { 'content-type': 'application/json', 'idempotency-key': `race-${round}`, ...bearer(admin) },
        });
      // The API side sets off a round-dependent number of event-loop turns later (never a timer): on the single
      // connection of PGlite the order of arrival is decided by these turns, and every round tries another one.
      const staggered = async () => {
        for (let turn = 0; turn < (round % 10) * 2; turn++) await new Promise<void>((resolve) => setImmediate(resolve));
        return bookByApi();
      };
      const [byPhone, byApi] = await Promise.all([bookByPhone(), staggered()]);
      const phoneOutcome = BookOutcome.parse(byPhone);
      const apiBody = (await byApi.json()) as { id?: string; error?: { code: string; reason: string; alternatives: unknown[] } };

      const booked = await api.db
        .select({ id: appointments.id, source: appointments.source })
        .from(appointments)
        .where(and(eq(appointments.staffId, salon.staff.emma), eq(appointments.startsAt, new Date(startsAt)), eq(appointments.status, 'booked')));
      expect(booked, `round ${round}`).toHaveLength(1);
      if (phoneOutcome.kind === 'booked') {
        wins.phone++;
        expect(booked[0]).toEqual({ id: phoneOutcome.appointment.id, source: 'phone' });
        expect(byApi.status, `round ${round}`).toBe(409);
        expect(apiBody.error).toMatchObject({ code: 'conflict', reason: 'slot_taken' });
        expect(apiBody.error?.alternatives.length).toBeGreaterThan(0);
      } else {
        wins.api++;
        expect(byApi.status, `round ${round}`).toBe(201);
        expect(booked[0]).toEqual({ id: apiBody.id, source: 'api' });
        expect(phoneOutcome.kind, `round ${round}`).toBe('slot_taken');
        if (phoneOutcome.kind === 'slot_taken') expect(phoneOutcome.alternatives.length).toBeGreaterThan(0);
        // The caller's alternatives are held for the call, and none of them is the time just lost.
        await reception.releaseHolds();
      }
    }
    console.log('WINS', JSON.stringify(wins));
    expect(wins.phone + wins.api).toBe(rounds);
    expect(await overlappingActiveSegments(api.db, salon.id)).toBe(0);
  });
});
