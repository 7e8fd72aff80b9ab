import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookAppointment } from '../src/booking/book-appointment.js';
import { holdSlot } from '../src/booking/hold-slot.js';
import { loadCalendar, loadRules } from '../src/booking/load-calendar.js';
import type { Database } from '../src/db/database.js';
import { appointments, businesses, closures, customers, services, staff, staffServices, staffTimeOff } from '../src/db/schema.js';
import { createTestSalon, type TestBusiness } from './support/business.js';
import { activeAppointments, berlin, bookingDeps, caller, key, localTime, phone } from './support/booking.js';
import { engines } from './support/databases.js';

/**
 * Bookings of a named staff member skip the calendar read when the business's rules are cached: these prove
 * the rules version catches every change to the rules, and that such a booking is still refused by every rule
 * and every busy segment, as a read would have refused it.
 */
describe.each(engines)('cached rules and one-statement bookings on $name', ({ open }) => {
  let database: Database;
  let salon: TestBusiness;

  beforeAll(async () => {
    database = await open();
  });
  afterAll(async () => {
    await database.close();
  });

  const fresh = async () => {
    salon = await createTestSalon(database.db);
    return bookingDeps(database);
  };
  const version = async () => (await database.db.select({ v: businesses.rulesVersion }).from(businesses).where(eq(businesses.id, salon.id)))[0]!.v;
  const book = (deps: ReturnType<typeof bookingDeps>['deps'], startsAt: string, staffId: string, extra: { phone?: string; serviceId?: string } = {}) =>
    bookAppointment(deps, {
      businessId: salon.id,
      serviceId: extra.serviceId ?? salon.services.herrenhaarschnitt,
      staffId,
      startsAt: berlin(startsAt),
      customer: { phone: extra.phone ?? phone(), name: 'Maria Schmidt' },
      idempotencyKey: key(),
      source: 'api',
      actor: caller,
    });
  /** Books once so the rules are cached, and returns the version they were cached at. */
  const warm = async (deps: ReturnType<typeof bookingDeps>['deps']) => {
    expect((await book(deps, '2030-03-05T09:00', salon.staff.emma)).kind).toBe('booked');
    const cached = deps.rules?.get(salon.id);
    expect(cached?.version).toBe(await version());
    return cached!.version;
  };

  it('raises the rules version on every change availability reads, and not on others', async () => {
    await fresh();
    const changes: Array<[string, () => Promise<unknown>, boolean]> = [
      [
        'staff time off',
        () => database.db.insert(staffTimeOff).values({ staffId: salon.staff.emma, startsAt: berlin('2030-03-05T12:00'), endsAt: berlin('2030-03-05T13:00') }),
        true,
      ],
      [
        'a closure',
        () => database.db.insert(closures).values({ businessId: salon.id, startsAt: berlin('2030-03-20T00:00'), endsAt: berlin('2030-03-21T00:00') }),
        true,
      ],
      [
        'working hours',
        () =>
          database.db
            .update(staff)
            .set({ workingHours: { '2': [{ start: '10:00', end: '16:00' }] } })
            .where(eq(staff.id, salon.staff.fabian)),
        true,
      ],
      [
        'who performs a service',
        () =>
          database.db
            .delete(staffServices)
            .where(and(eq(staffServices.staffId, salon.staff.oliver), eq(staffServices.serviceId, salon.services.damenhaarschnitt))),
        true,
      ],
      ['a service duration', () => database.db.update(services).set({ durationMinutes: 45 }).where(eq(services.id, salon.services.damenhaarschnitt)), true],
      [
        'opening hours',
        () =>
          database.db
            .update(businesses)
            .set({ openingHours: { '2': [{ start: '08:00', end: '20:00' }] } })
            .where(eq(businesses.id, salon.id)),
        true,
      ],
      ['time off deleted', () => database.db.delete(staffTimeOff).where(eq(staffTimeOff.staffId, salon.staff.emma)), true],
      ['a closure deleted', () => database.db.delete(closures).where(eq(closures.businessId, salon.id)), true],
      ['a staff member deactivated', () => database.db.update(staff).set({ active: false }).where(eq(staff.id, salon.staff.oliver)), true],
      ['the business name', () => database.db.update(businesses).set({ name: 'Salon Neu' }).where(eq(businesses.id, salon.id)), false],
      ['a customer', () => database.db.insert(customers).values({ businessId: salon.id, phoneE164: phone() }), false],
    ];
    for (const [what, change, raises] of changes) {
      const before = await version();
      await change();
      expect({ what, raised: (await version()) > before }).toEqual({ what, raised: raises });
    }
  });

  it('raises the version of both businesses when a row moves from one to the other', async () => {
    await fresh();
    const first = salon;
    await fresh();
    const second = salon;
    const versionOf = async (id: string) => (await database.db.select({ v: businesses.rulesVersion }).from(businesses).where(eq(businesses.id, id)))[0]!.v;
    const [timeOff] = await database.db
      .insert(staffTimeOff)
      .values({ staffId: first.staff.emma, startsAt: berlin('2030-03-05T12:00'), endsAt: berlin('2030-03-05T13:00') })
      .returning();
    const before = [await versionOf(first.id), await versionOf(second.id)];
    await database.db.update(staffTimeOff).set({ staffId: second.staff.emma }).where(eq(staffTimeOff.id, timeOff!.id));
    expect(await versionOf(first.id)).toBeGreaterThan(before[0]!);
    expect(await versionOf(second.id)).toBeGreaterThan(before[1]!);
  });

  it('refuses a start that time off added after the rules were cached now covers', async () => {
    const { deps } = await fresh();
    const cachedAt = await warm(deps);
    await database.db.insert(staffTimeOff).values({ staffId: salon.staff.emma, startsAt: berlin('2030-03-05T14:00'), endsAt: berlin('2030-03-05T18:00') });
    const outcome = await book(deps, '2030-03-05T15:00', salon.staff.emma);
    expect(outcome).toMatchObject({ kind: 'unavailable', reason: 'staff_absent' });
    expect((await activeAppointments(database.db, salon.id)).map((a) => localTime(a.startsAt))).toEqual(['2030-03-05T09:00']);
    expect(deps.rules?.get(salon.id)?.version).toBeGreaterThan(cachedAt);
  });

  it('refuses a start a closure added after the rules were cached now covers, for every staff member', async () => {
    const { deps } = await fresh();
    await warm(deps);
    await database.db
      .insert(closures)
      .values({ businessId: salon.id, startsAt: berlin('2030-03-06T00:00'), endsAt: berlin('2030-03-07T00:00'), reason: 'Fortbildung' });
    for (const member of [salon.staff.emma, salon.staff.fabian]) {
      expect((await book(deps, '2030-03-06T10:00', member)).kind).toBe('unavailable');
    }
    expect(await activeAppointments(database.db, salon.id)).toHaveLength(1);
  });

  it('books a start that shorter working hours had closed once the hours are widened again', async () => {
    const { deps } = await fresh();
    await warm(deps);
    const [emma] = await database.db.select().from(staff).where(eq(staff.id, salon.staff.emma));
    await database.db
      .update(staff)
      .set({ workingHours: { '2': [{ start: '09:00', end: '12:00' }] } })
      .where(eq(staff.id, salon.staff.emma));
    expect((await book(deps, '2030-03-05T15:00', salon.staff.emma)).kind).toBe('unavailable');
    await database.db.update(staff).set({ workingHours: emma!.workingHours }).where(eq(staff.id, salon.staff.emma));
    const again = await book(deps, '2030-03-05T15:00', salon.staff.emma);
    expect(again.kind).toBe('booked');
  });

  it('answers slot_taken with alternatives when a cached-rules booking meets a busy segment, writing nothing', async () => {
    const { deps } = await fresh();
    await warm(deps);
    const other = bookingDeps(database).deps;
    expect((await book(other, '2030-03-05T11:00', salon.staff.emma)).kind).toBe('booked');
    const number = phone();
    const lost = await book(deps, '2030-03-05T11:00', salon.staff.emma, { phone: number });
    expect(lost.kind).toBe('slot_taken');
    if (lost.kind === 'slot_taken') {
      expect(lost.alternatives.length).toBeGreaterThan(0);
      expect(lost.alternatives.map((a) => localTime(a.startsAt))).not.toContain('2030-03-05T11:00');
    }
    // The statement that lost wrote nothing: no customer for the number, no appointment.
    expect(
      await database.db
        .select()
        .from(customers)
        .where(and(eq(customers.businessId, salon.id), eq(customers.phoneE164, number))),
    ).toHaveLength(0);
    expect(await activeAppointments(database.db, salon.id)).toHaveLength(2);
  });

  it('takes the time of an expired hold in the same statement, and marks the hold expired', async () => {
    const { deps, clock } = await fresh();
    await warm(deps);
    const held = await holdSlot(deps, {
      businessId: salon.id,
      serviceId: salon.services.herrenhaarschnitt,
      staffId: salon.staff.fabian,
      startsAt: berlin('2030-03-05T16:00'),
      idempotencyKey: key(),
      source: 'phone',
      actor: caller,
    });
    expect(held.kind).toBe('held');
    clock.advance(301_000);
    expect((await book(deps, '2030-03-05T16:00', salon.staff.fabian)).kind).toBe('booked');
    if (held.kind !== 'held') return;
    const [row] = await database.db.select().from(appointments).where(eq(appointments.id, held.appointment.id));
    expect(row?.status).toBe('expired');
  });

  it('counts each booking on the customer, one customer per number', async () => {
    const { deps } = await fresh();
    await warm(deps);
    const number = phone();
    expect((await book(deps, '2030-03-05T10:00', salon.staff.emma, { phone: number })).kind).toBe('booked');
    expect((await book(deps, '2030-03-05T11:00', salon.staff.fabian, { phone: number })).kind).toBe('booked');
    const rows = await database.db
      .select()
      .from(customers)
      .where(and(eq(customers.businessId, salon.id), eq(customers.phoneE164, number)));
    expect(rows.map((c) => c.appointmentCount)).toEqual([2]);
  });

  it('keeps closures and time off that ended weeks ago out of the rules, and every later one in', async () => {
    const { deps } = await fresh();
    await database.db.insert(closures).values([
      { businessId: salon.id, startsAt: berlin('2030-01-07T00:00'), endsAt: berlin('2030-01-08T00:00') },
      { businessId: salon.id, startsAt: berlin('2030-03-01T00:00'), endsAt: berlin('2030-03-02T00:00') },
      { businessId: salon.id, startsAt: berlin('2030-06-03T00:00'), endsAt: berlin('2030-06-04T00:00') },
    ]);
    await database.db.insert(staffTimeOff).values({ staffId: salon.staff.emma, startsAt: berlin('2030-02-01T00:00'), endsAt: berlin('2030-02-02T00:00') });
    const rules = await loadRules(database.db, salon.id, deps.clock.now().getTime());
    expect(rules?.business.closures.map((c) => localTime(c.startsAt))).toEqual(['2030-03-01T00:00', '2030-06-03T00:00']);
    expect(rules?.staff.find((m) => m.id === salon.staff.emma)?.timeOff).toEqual([]);
  });

  it('reads a calendar with the changed rules even when they were cached before the change', async () => {
    const { deps } = await fresh();
    const window = { from: berlin('2030-03-05T00:00').getTime(), to: berlin('2030-03-06T00:00').getTime(), now: deps.clock.now().getTime() };
    const before = await loadCalendar(deps, salon.id, window);
    expect(before?.services.find((s) => s.id === salon.services.damenhaarschnitt)?.durationMinutes).not.toBe(50);
    await database.db.update(services).set({ durationMinutes: 50 }).where(eq(services.id, salon.services.damenhaarschnitt));
    const after = await loadCalendar(deps, salon.id, window);
    expect(after?.services.find((s) => s.id === salon.services.damenhaarschnitt)?.durationMinutes).toBe(50);
  });
});
