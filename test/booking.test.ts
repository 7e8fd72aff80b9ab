import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookAppointment } from '../src/booking/book-appointment.js';
import { cancelAppointment } from '../src/booking/cancel-appointment.js';
import { confirmHold } from '../src/booking/confirm-hold.js';
import { expireHolds } from '../src/booking/expire-holds.js';
import { findOrCreateCustomer } from '../src/booking/find-or-create-customer.js';
import { holdSlot } from '../src/booking/hold-slot.js';
import { rescheduleAppointment } from '../src/booking/reschedule-appointment.js';
import type { Database } from '../src/db/database.js';
import { activityLog, appointments, customers, services, staffServices } from '../src/db/schema.js';
import { createTestSalon, type TestBusiness } from './support/business.js';
import { activeAppointments, berlin, bookingDeps, caller, key, localTime, overlappingActiveSegments, phone, segmentsOf } from './support/booking.js';
import { openOwnPostgres, openTestPglite } from './support/databases.js';

// Its own Postgres database: the sweeper test expires the holds of every business, other files' calls included.
const engines = [
  { name: 'postgres', open: openOwnPostgres },
  { name: 'pglite', open: openTestPglite },
] as const;

describe.each(engines)('booking on $name', ({ open }) => {
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
  const book = (
    deps: ReturnType<typeof bookingDeps>['deps'],
    startsAt: string,
    extra: { staffId?: string; serviceId?: string; phone?: string; name?: string; idempotencyKey?: string } = {},
  ) =>
    bookAppointment(deps, {
      businessId: salon.id,
      serviceId: extra.serviceId ?? salon.services.herrenhaarschnitt,
      ...(extra.staffId ? { staffId: extra.staffId } : {}),
      startsAt: berlin(startsAt),
      customer: { phone: extra.phone ?? phone(), name: extra.name ?? 'Maria Schmidt' },
      idempotencyKey: extra.idempotencyKey ?? key(),
      source: 'phone',
      callId: 'call-1',
      actor: caller,
    });

  it('books a free slot, creates the customer and logs the activity', async () => {
    const { deps } = await fresh();
    const outcome = await book(deps, '2030-03-05T10:00', { staffId: salon.staff.emma, phone: '0176 1234 5678', name: 'Maria Schmidt' });
    expect(outcome.kind).toBe('booked');
    if (outcome.kind !== 'booked') return;
    expect(localTime(outcome.appointment.startsAt)).toBe('2030-03-05T10:00');
    expect(localTime(outcome.appointment.endsAt)).toBe('2030-03-05T10:30');
    expect(await segmentsOf(database.db, outcome.appointment.id)).toEqual([{ from: '2030-03-05T10:00', to: '2030-03-05T10:30', status: 'booked' }]);
    const [customer] = await database.db.select().from(customers).where(eq(customers.businessId, salon.id));
    expect(customer).toMatchObject({ phoneE164: '+4917612345678', name: 'Maria Schmidt', appointmentCount: 1 });
    const log = await database.db.select().from(activityLog).where(eq(activityLog.entityId, outcome.appointment.id));
    expect(log.map((l) => [l.action, l.actorType])).toEqual([['appointment.booked', 'caller']]);
  });

  it('answers a repeated booking with the first result and writes nothing new', async () => {
    const { deps } = await fresh();
    const idempotencyKey = key();
    const number = phone();
    const first = await book(deps, '2030-03-05T11:00', { staffId: salon.staff.emma, idempotencyKey, phone: number });
    // The repeat runs on the rules the first booking cached: its customer upsert is undone with the refused insert.
    const again = await book(deps, '2030-03-05T11:00', { staffId: salon.staff.emma, idempotencyKey, phone: number });
    expect(first.kind).toBe('booked');
    expect(again).toMatchObject({ kind: 'booked', repeated: true });
    if (first.kind === 'booked' && again.kind === 'booked') expect(again.appointment.id).toBe(first.appointment.id);
    expect(await activeAppointments(database.db, salon.id)).toHaveLength(1);
    const [customer] = await database.db.select().from(customers).where(eq(customers.businessId, salon.id));
    expect(customer?.appointmentCount).toBe(1);
  });

  it('answers slot_taken with the nearest alternatives of the same staff member', async () => {
    const { deps } = await fresh();
    expect((await book(deps, '2030-03-05T14:00', { staffId: salon.staff.emma })).kind).toBe('booked');
    const lost = await book(deps, '2030-03-05T14:00', { staffId: salon.staff.emma });
    expect(lost.kind).toBe('slot_taken');
    if (lost.kind !== 'slot_taken') return;
    expect(lost.alternatives.length).toBeGreaterThanOrEqual(2);
    for (const alt of lost.alternatives) {
      expect(alt.staffId).toBe(salon.staff.emma);
      expect(alt.startsAt >= berlin('2030-03-05T14:30').getTime() || alt.endsAt <= berlin('2030-03-05T14:00').getTime()).toBe(true);
    }
    expect(localTime(lost.alternatives[0]!.startsAt)).toMatch(/^2030-03-05T1[34]:[0-5][05]$/);
  });

  it('answers unavailable (closed_day) on a closed day, with alternatives on open days', async () => {
    const { deps } = await fresh();
    // Monday: the salon is closed.
    const outcome = await book(deps, '2030-03-11T10:00', { staffId: salon.staff.emma });
    expect(outcome).toMatchObject({ kind: 'unavailable', reason: 'closed_day' });
    if (outcome.kind === 'unavailable') expect(outcome.alternatives.length).toBeGreaterThan(0);
    expect(await activeAppointments(database.db, salon.id)).toHaveLength(0);
  });

  it('offers the next open days after a Saturday afternoon, when the salon is closed until Tuesday', async () => {
    const { deps } = await fresh();
    const outcome = await book(deps, '2030-03-09T15:00', { staffId: salon.staff.emma });
    expect(outcome).toMatchObject({ kind: 'unavailable', reason: 'outside_opening_hours' });
    if (outcome.kind !== 'unavailable') return;
    expect(outcome.alternatives.length).toBeGreaterThan(0);
    for (const alt of outcome.alternatives) expect(alt.staffId).toBe(salon.staff.emma);
  });

  it('does not offer a haircut that would run past Saturday closing at 14:00', async () => {
    const { deps } = await fresh();
    expect((await book(deps, '2030-03-09T13:45', { serviceId: salon.services.damenhaarschnitt })).kind).toBe('unavailable');
    expect((await book(deps, '2030-03-09T13:15', { serviceId: salon.services.damenhaarschnitt })).kind).toBe('booked');
  });

  it('answers not_found for an unknown service or staff member, and invalid_phone for a bad number, writing nothing', async () => {
    const { deps } = await fresh();
    expect(await book(deps, '2030-03-05T10:00', { serviceId: randomUUID() })).toEqual({ kind: 'not_found', what: 'service' });
    expect(await book(deps, '2030-03-05T10:00', { staffId: randomUUID() })).toEqual({ kind: 'not_found', what: 'staff' });
    expect(await book(deps, '2030-03-05T10:00', { phone: '12' })).toEqual({ kind: 'invalid_phone' });
    expect(await activeAppointments(database.db, salon.id)).toHaveLength(0);
    expect(await database.db.select().from(customers).where(eq(customers.businessId, salon.id))).toHaveLength(0);
  });

  it('spreads "egal" bookings over every free staff member, then answers slot_taken', async () => {
    const { deps } = await fresh();
    // Wednesday 10:00: Emma, Fabian and Oliver all work.
    const outcomes = [];
    for (let i = 0; i < 4; i++) outcomes.push(await book(deps, '2030-03-06T10:00'));
    const staffIds = outcomes.flatMap((o) => (o.kind === 'booked' ? [o.appointment.staffId] : []));
    expect(new Set(staffIds)).toEqual(new Set([salon.staff.emma, salon.staff.fabian, salon.staff.oliver]));
    expect(outcomes[3]!.kind).toBe('slot_taken');
  });

  it('books a haircut into the colour gap of an Ansatzfärbung, but not over a work phase', async () => {
    const { deps } = await fresh();
    const colour = await book(deps, '2030-03-05T09:00', { staffId: salon.staff.emma, serviceId: salon.services.ansatzfaerbung });
    expect(colour.kind).toBe('booked');
    if (colour.kind !== 'booked') return;
    expect(localTime(colour.appointment.endsAt)).toBe('2030-03-05T11:00');
    expect(await segmentsOf(database.db, colour.appointment.id)).toEqual([
      { from: '2030-03-05T09:00', to: '2030-03-05T09:30', status: 'booked' },
      { from: '2030-03-05T10:15', to: '2030-03-05T11:00', status: 'booked' },
    ]);
    expect((await book(deps, '2030-03-05T09:30', { staffId: salon.staff.emma })).kind).toBe('booked');
    expect((await book(deps, '2030-03-05T10:00', { staffId: salon.staff.emma })).kind).toBe('slot_taken');
    expect(await overlappingActiveSegments(database.db, salon.id)).toBe(0);
  });

  it("interleaves two composite services in each other's gaps", async () => {
    const { deps } = await fresh();
    // Dauerwelle: 30 min work, 60 min free gap, 30 min work.
    const [perm] = await database.db
      .insert(services)
      .values({
        businessId: salon.id,
        key: 'dauerwelle',
        name: 'Dauerwelle',
        durationMinutes: 120,
        segments: [
          { kind: 'work', minutes: 30 },
          { kind: 'gap', minutes: 60, policy: 'free' },
          { kind: 'work', minutes: 30 },
        ],
      })
      .returning();
    await database.db.insert(staffServices).values({ staffId: salon.staff.emma, serviceId: perm!.id });
    expect((await book(deps, '2030-03-09T09:00', { staffId: salon.staff.emma, serviceId: perm!.id })).kind).toBe('booked');
    expect((await book(deps, '2030-03-09T09:30', { staffId: salon.staff.emma, serviceId: perm!.id })).kind).toBe('booked');
    expect((await book(deps, '2030-03-09T09:45', { staffId: salon.staff.emma, serviceId: perm!.id })).kind).toBe('slot_taken');
    expect(await overlappingActiveSegments(database.db, salon.id)).toBe(0);
  });

  it('holds a slot against a second caller, then confirms it', async () => {
    const { deps } = await fresh();
    const input = {
      businessId: salon.id,
      serviceId: salon.services.herrenhaarschnitt,
      staffId: salon.staff.fabian,
      startsAt: berlin('2030-03-05T15:00'),
      source: 'phone' as const,
      actor: caller,
    };
    const held = await holdSlot(deps, { ...input, idempotencyKey: key() });
    expect(held.kind).toBe('held');
    expect((await holdSlot(deps, { ...input, idempotencyKey: key() })).kind).toBe('slot_taken');
    if (held.kind !== 'held') return;
    const confirmed = await confirmHold(deps, { appointmentId: held.appointment.id, customer: { phone: '030 1234567', name: 'Jonas Weber' }, actor: caller });
    expect(confirmed).toMatchObject({ kind: 'booked', repeated: false });
    expect(await confirmHold(deps, { appointmentId: held.appointment.id, customer: { phone: '030 1234567' }, actor: caller })).toMatchObject({
      kind: 'booked',
      repeated: true,
    });
    const [row] = await database.db.select().from(appointments).where(eq(appointments.id, held.appointment.id));
    expect(row?.status).toBe('booked');
    const [customer] = await database.db.select().from(customers).where(eq(customers.id, row!.customerId!));
    expect(customer).toMatchObject({ name: 'Jonas Weber', appointmentCount: 1 });
  });

  it('lets someone else book an expired hold, and answers hold_expired with alternatives when it is confirmed', async () => {
    const { deps, clock } = await fresh();
    const input = {
      businessId: salon.id,
      serviceId: salon.services.herrenhaarschnitt,
      staffId: salon.staff.fabian,
      startsAt: berlin('2030-03-05T16:00'),
      source: 'phone' as const,
      actor: caller,
    };
    const held = await holdSlot(deps, { ...input, idempotencyKey: key() });
    expect(held.kind).toBe('held');
    clock.advance(301_000);
    expect((await book(deps, '2030-03-05T16:00', { staffId: salon.staff.fabian })).kind).toBe('booked');
    if (held.kind !== 'held') return;
    const late = await confirmHold(deps, { appointmentId: held.appointment.id, customer: { phone: phone() }, actor: caller });
    expect(late.kind).toBe('hold_expired');
    if (late.kind === 'hold_expired') expect(late.alternatives.length).toBeGreaterThan(0);
    const [row] = await database.db.select().from(appointments).where(eq(appointments.id, held.appointment.id));
    expect(row?.status).toBe('expired');
  });

  it('still books an expired hold whose time nobody took', async () => {
    const { deps, clock } = await fresh();
    const held = await holdSlot(deps, {
      businessId: salon.id,
      serviceId: salon.services.herrenhaarschnitt,
      staffId: salon.staff.oliver,
      startsAt: berlin('2030-03-06T16:00'),
      idempotencyKey: key(),
      source: 'phone',
      actor: caller,
    });
    clock.advance(600_000);
    expect(await expireHolds(database.db, clock.now())).toBeGreaterThanOrEqual(1);
    if (held.kind !== 'held') throw new Error('no hold');
    expect(await confirmHold(deps, { appointmentId: held.appointment.id, customer: { phone: phone() }, actor: caller })).toMatchObject({ kind: 'booked' });
  });

  it('cancels once, frees the time, and answers a second cancel with the first result', async () => {
    const { deps } = await fresh();
    const number = phone();
    const booked = await book(deps, '2030-03-05T10:30', { staffId: salon.staff.emma, phone: number });
    if (booked.kind !== 'booked') throw new Error('setup');
    expect(await cancelAppointment(deps, { appointmentId: booked.appointment.id, actor: caller })).toMatchObject({ kind: 'cancelled', repeated: false });
    expect(await cancelAppointment(deps, { appointmentId: booked.appointment.id, actor: caller })).toMatchObject({ kind: 'cancelled', repeated: true });
    expect(await cancelAppointment(deps, { appointmentId: booked.appointment.id, businessId: randomUUID(), actor: caller })).toEqual({
      kind: 'not_found',
      what: 'appointment',
    });
    expect((await book(deps, '2030-03-05T10:30', { staffId: salon.staff.emma })).kind).toBe('booked');
    const customer = await findOrCreateCustomer(database.db, salon.id, number);
    expect(customer).toMatchObject({ kind: 'found', appointmentCount: 0 });
  });

  it('reschedules atomically and keeps the staff member; a taken target leaves the old appointment booked', async () => {
    const { deps } = await fresh();
    const mine = await book(deps, '2030-03-05T10:00', { staffId: salon.staff.emma });
    const other = await book(deps, '2030-03-05T15:00', { staffId: salon.staff.emma });
    if (mine.kind !== 'booked' || other.kind !== 'booked') throw new Error('setup');
    const moved = await rescheduleAppointment(deps, {
      appointmentId: mine.appointment.id,
      startsAt: berlin('2030-03-05T10:15'),
      source: 'phone',
      actor: caller,
    });
    expect(moved.kind).toBe('rescheduled');
    if (moved.kind !== 'rescheduled') return;
    expect(moved.previousId).toBe(mine.appointment.id);
    expect(moved.appointment).toMatchObject({ staffId: salon.staff.emma, rescheduledFromId: mine.appointment.id });
    expect(localTime(moved.appointment.startsAt)).toBe('2030-03-05T10:15');
    const blocked = await rescheduleAppointment(deps, {
      appointmentId: moved.appointment.id,
      startsAt: berlin('2030-03-05T15:00'),
      source: 'phone',
      actor: caller,
    });
    expect(blocked.kind).toBe('slot_taken');
    const active = await activeAppointments(database.db, salon.id);
    expect(active.map((a) => localTime(a.startsAt)).sort()).toEqual(['2030-03-05T10:15', '2030-03-05T15:00']);
  });

  it('never duplicates a customer when one number books twice at once', async () => {
    const { deps } = await fresh();
    const number = phone();
    const outcomes = await Promise.all([
      book(deps, '2030-03-05T10:00', { staffId: salon.staff.emma, phone: number }),
      book(deps, '2030-03-05T10:00', { staffId: salon.staff.fabian, phone: number }),
      book(deps, '2030-03-06T10:00', { staffId: salon.staff.oliver, phone: number }),
    ]);
    expect(outcomes.map((o) => o.kind)).toEqual(['booked', 'booked', 'booked']);
    const rows = await database.db.select().from(customers).where(eq(customers.businessId, salon.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.appointmentCount).toBe(3);
  });
});
