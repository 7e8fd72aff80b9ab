import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CALL_HOLDS, findCallHolds } from '../src/booking/call-holds.js';
import type { Slot } from '../src/booking/calendar-model.js';
import { findOpenSlots } from '../src/booking/find-open-slots.js';
import { holdOffered } from '../src/booking/hold-offered.js';
import { loadCalendar } from '../src/booking/load-calendar.js';
import type { Database } from '../src/db/database.js';
import { berlin, bookingDeps, caller } from './support/booking.js';
import { createTestSalon, type TestBusiness } from './support/business.js';
import { openTestPostgres } from './support/databases.js';

const NOW = '2026-11-19T08:00:00Z';

/** A call can never sit on more than a few slots of the calendar, whatever asks the domain to hold them. */
describe('holds per call', () => {
  let database: Database;
  let salon: TestBusiness;
  let deps: ReturnType<typeof bookingDeps>['deps'];

  beforeAll(async () => {
    database = openTestPostgres(4);
    salon = await createTestSalon(database.db);
    deps = bookingDeps(database, { now: NOW }).deps;
  });
  afterAll(async () => {
    await database.close();
  });

  /** Nine hour-apart starts on one day across the three stylists: plenty for several full offers. */
  async function slotsOn(day: string): Promise<Slot[]> {
    const from = berlin(`${day}T09:00`).getTime();
    const window = { from, to: from + 10 * 3_600_000, now: new Date(NOW).getTime() };
    const calendar = await loadCalendar(deps, salon.id, window);
    const slots = findOpenSlots(calendar!, { serviceId: salon.services.herrenhaarschnitt, ...window })
      .filter((s) => (s.startsAt - from) % 3_600_000 === 0)
      .slice(0, 9);
    expect(slots).toHaveLength(9);
    return slots;
  }

  const input = (callId: string) => ({ businessId: salon.id, serviceId: salon.services.herrenhaarschnitt, callId, source: 'phone' as const, actor: caller });
  const live = async (callId: string) => (await findCallHolds(deps.db, callId, deps.clock.now())).length;

  it('holds at most MAX_CALL_HOLDS slots, however many one offer names and however often it asks', async () => {
    const callId = randomUUID();
    const slots = await slotsOn('2026-11-24');
    expect(await holdOffered(deps, input(callId), slots.slice(0, 6))).toHaveLength(MAX_CALL_HOLDS);
    expect(await holdOffered(deps, input(callId), slots.slice(6, 8))).toEqual([]);
    expect(await live(callId)).toBe(MAX_CALL_HOLDS);
  });

  it('stays within the cap when several offers for one call run at once', async () => {
    // Several rounds, one day each: how the three offers interleave differs from round to round.
    for (const day of ['2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-12-01']) {
      const callId = randomUUID();
      const slots = await slotsOn(day);
      await Promise.all([0, 1, 2].map((i) => holdOffered(deps, input(callId), slots.slice(3 * i, 3 * i + 3))));
      expect(await live(callId)).toBeLessThanOrEqual(MAX_CALL_HOLDS);
    }
  });
});
