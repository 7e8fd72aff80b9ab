import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startServerInstance, INSTANCE_RETELL_KEY, type ServerInstance } from '../bench/soak/server-instance.js';
import { publicHolidayDates } from '../src/booking/holidays.js';
import { createPostgresDatabase } from '../src/db/create-postgres.js';
import type { Database } from '../src/db/database.js';
import { appointments, processedEvents } from '../src/db/schema.js';
import { signRetellBody } from '../src/http/retell-signature.js';
import { functionCallKey } from '../src/tools/run-tool-once.js';
import { createTestSalon, type TestBusiness } from './support/business.js';
import { overlappingActiveSegments } from './support/booking.js';
import { createThrowawayDatabase } from './support/postgres.js';

// The namespace of the staff advisory lock every booking takes inside Postgres (see in-staff-transaction.ts).
const STAFF_LOCK_NAMESPACE = 32330;
/** Longest a replay may take before it counts as hanging; a wedged claim used to take 12 s and then fail. */
const REPLAY_BOUND_MS = 10_000;

/** A Wednesday in the next weeks that is no public holiday in Berlin: every demo stylist works then. */
function nextWorkingWednesday(): string {
  let day = DateTime.now().setZone('Europe/Berlin').plus({ days: 8 });
  while (day.weekday !== 3 || publicHolidayDates('DE-BE', day.year).has(day.toISODate()!)) day = day.plus({ days: 1 });
  return day.toISODate()!;
}

/** Waits for `check` to hold, polling; fails after `boundMs` instead of hanging. */
async function until(what: string, check: () => Promise<boolean>, boundMs = 20_000): Promise<void> {
  const deadline = Date.now() + boundMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

// The real service as its own OS process, SIGKILLed while booking function calls are in flight, then started
// again: Retell's replay of each call must get an answer at once, and no booking may exist twice or untold.
describe('function calls replayed after the service was SIGKILLed mid-booking', () => {
  let throwaway: Awaited<ReturnType<typeof createThrowawayDatabase>>;
  let database: Database;
  let salon: TestBusiness;
  const instances: ServerInstance[] = [];

  beforeAll(async () => {
    // A database of its own: the service's hold sweeper reaches every business, and other suites' clocks stand still.
    throwaway = await createThrowawayDatabase(inject('postgresServerUrl'), 'termin_crash');
    database = createPostgresDatabase({ url: throwaway.url, poolMax: 4, statementTimeoutMs: 10_000 });
    await database.migrate();
    salon = await createTestSalon(database.db);
  });
  afterAll(async () => {
    await Promise.all(instances.map((i) => i.stop(5_000)));
    await database?.close();
    await throwaway?.drop();
  });

  it('answers every replay with 200, each booking named exists once, and no claim is left without an answer', async () => {
    const day = nextWorkingWednesday();
    const wishes = [
      { mitarbeiter: 'Oliver', uhrzeit: '10:00' },
      { mitarbeiter: 'Oliver', uhrzeit: '11:00' },
      { mitarbeiter: 'Oliver', uhrzeit: '14:00' },
      { mitarbeiter: 'Emma', uhrzeit: '10:00' },
      { mitarbeiter: 'Emma', uhrzeit: '14:00' },
      { mitarbeiter: 'Fabian', uhrzeit: '15:00' },
    ];
    const requests = wishes.map((w, i) => {
      const callId = `crash_${randomUUID()}`;
      const args = { dienstleistung: 'Herrenhaarschnitt', datum: day, uhrzeit: w.uhrzeit, mitarbeiter: w.mitarbeiter, name: `Kunde ${i}` };
      const call = { call_id: callId, from_number: `+49176200000${i}`, to_number: salon.definition.phoneNumbers[0], agent_id: 'agent_crash' };
      return { callId, key: functionCallKey(callId, 'book_appointment', args), body: JSON.stringify({ name: 'book_appointment', call, args }) };
    });
    const send = (instance: ServerInstance, body: string, signal?: AbortSignal) =>
      fetch(`${instance.url}/retell/functions/book_appointment`, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', 'x-retell-signature': signRetellBody(body, INSTANCE_RETELL_KEY, Date.now()) },
        ...(signal ? { signal } : {}),
      });

    const first = await startServerInstance(0, { databaseUrl: throwaway.url, redisUrls: [] });
    instances.push(first);
    // Oliver's calendar is locked inside Postgres, the way a slow transaction would: his three bookings claim
    // their keys and then stand still mid-booking, so the kill lands between claim and answer for certain.
    const blocker = postgres(throwaway.url, { max: 1, onnotice: () => {} });
    try {
      await blocker`select pg_advisory_lock(${STAFF_LOCK_NAMESPACE}, hashtext(${salon.staff.oliver}))`;
      const inFlight = requests.map((r) =>
        send(first, r.body).then(
          (res) => res.status,
          () => 'lost' as const,
        ),
      );
      const oliverKeys = requests.slice(0, 3).map((r) => r.key);
      await until(
        'the locked bookings to claim their keys',
        async () => (await database.db.select().from(processedEvents).where(inArray(processedEvents.key, oliverKeys))).length === 3,
      );
      await until('a booking to wait for the staff lock', async () => {
        const [row] = await blocker<Array<{ n: number }>>`select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted`;
        return (row?.n ?? 0) > 0;
      });
      first.kill();
      const firstAnswers = await Promise.all(inFlight);
      expect(firstAnswers.slice(0, 3)).toEqual(['lost', 'lost', 'lost']);
    } finally {
      // The dead process's backend may still finish its booking once the lock is gone: the replay must see it.
      await blocker.end({ timeout: 2 });
    }

    const second = await startServerInstance(1, { databaseUrl: throwaway.url, redisUrls: [] });
    instances.push(second);
    const replays = await Promise.all(
      requests.map(async (r) => {
        const res = await send(second, r.body, AbortSignal.timeout(REPLAY_BOUND_MS));
        return { ...r, status: res.status, answer: (await res.json()) as { booked?: boolean; appointment_id?: string; result: string } };
      }),
    );
    expect(replays.map((r) => r.status)).toEqual(requests.map(() => 200));
    expect(replays.map((r) => r.answer.booked)).toEqual(requests.map(() => true));

    const booked = await database.db
      .select()
      .from(appointments)
      .where(and(eq(appointments.businessId, salon.id), eq(appointments.status, 'booked')));
    // Each answer names an appointment that is in the database, booked for that call; nothing is booked twice.
    for (const r of replays) expect(booked.find((a) => a.id === r.answer.appointment_id)?.callId).toBe(r.callId);
    expect(booked).toHaveLength(requests.length);
    expect(await overlappingActiveSegments(database.db, salon.id)).toBe(0);

    const claims = await database.db
      .select({ key: processedEvents.key, answered: sql<boolean>`${processedEvents.result} is not null`, attempts: processedEvents.attempts })
      .from(processedEvents)
      .where(
        inArray(
          processedEvents.key,
          requests.map((r) => r.key),
        ),
      );
    expect(claims.filter((c) => c.answered)).toHaveLength(requests.length);
    // The three bookings the kill interrupted were taken over by their replays.
    expect(claims.filter((c) => c.attempts > 1).length).toBeGreaterThanOrEqual(3);
  }, 120_000);
});
