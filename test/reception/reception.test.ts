import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { appointments, calls, customers } from '../../src/db/schema.js';
import { MAX_CALL_HOLDS } from '../../src/booking/call-holds.js';
import { createReception } from '../../src/reception/create-reception.js';
import { BookOutcome, CancelOutcome, FindAppointmentsOutcome, OfferOutcome, RescheduleOutcome, type OfferRequest } from '../../src/reception/outcomes.js';
import { bookingDeps, localTime } from '../support/booking.js';
import { createTestSalon, type TestBusiness } from '../support/business.js';
import { engines } from '../support/databases.js';

// Thursday 2026-11-19 09:00 in Berlin; the salon is open Tuesday to Saturday.
const NOW = '2026-11-19T08:00:00Z';
const at = (local: string) => DateTime.fromISO(local, { zone: 'Europe/Berlin' }).toUTC().toISO()!;

describe.each(engines)('the reception on $name', ({ open }) => {
  let database: Database;
  let salon: TestBusiness;
  let deps: ReturnType<typeof bookingDeps>['deps'];

  beforeAll(async () => {
    database = await open();
  });
  afterAll(async () => {
    await database.close();
  });

  const fresh = async () => {
    salon = await createTestSalon(database.db);
    deps = bookingDeps(database, { now: NOW }).deps;
  };
  const receptionFor = (callId: string | null, callerNumber = '+4917612345678') =>
    createReception(deps, { businessId: salon.id, callId, callerNumber, source: 'function' });
  const wish = (change: Partial<OfferRequest> = {}): OfferRequest => ({
    serviceId: salon.services.herrenhaarschnitt,
    staffId: salon.staff.emma,
    date: '2026-11-24',
    time: '14:30',
    partOfDay: null,
    earliest: false,
    ...change,
  });
  const heldBy = async (callId: string) =>
    (
      await database.db
        .select()
        .from(appointments)
        .where(and(eq(appointments.callId, callId), eq(appointments.status, 'held')))
    ).map((a) => [a.staffId, localTime(a.startsAt)]);
  const callRow = async (callId: string) => (await database.db.select().from(calls).where(eq(calls.id, callId)))[0];

  it('offers the wished slot in ids and instants and holds it for the call', async () => {
    await fresh();
    const callId = randomUUID();
    const outcome = OfferOutcome.parse(await receptionFor(callId).offer(wish()));
    expect(outcome).toEqual({ kind: 'exact', slot: { staffId: salon.staff.emma, startsAt: at('2026-11-24T14:30'), endsAt: at('2026-11-24T15:00') } });
    expect(await heldBy(callId)).toEqual([[salon.staff.emma, '2026-11-24T14:30']]);
  });

  it('offers held alternatives when another call holds the slot, and a new offer replaces the last', async () => {
    await fresh();
    await receptionFor(randomUUID()).offer(wish());
    const callId = randomUUID();
    const reception = receptionFor(callId);
    const outcome = OfferOutcome.parse(await reception.offer(wish()));
    expect(outcome).toMatchObject({ kind: 'alternatives', reason: 'taken' });
    if (outcome.kind !== 'alternatives') return;
    expect((await heldBy(callId)).map(([, local]) => local).sort()).toEqual(outcome.slots.map((s) => localTime(new Date(s.startsAt))).sort());
    expect(outcome.slots.every((s) => s.staffId === salon.staff.emma && s.startsAt !== at('2026-11-24T14:30'))).toBe(true);
    OfferOutcome.parse(await reception.offer(wish({ date: '2026-11-25', time: '10:00' })));
    expect(await heldBy(callId)).toEqual([[salon.staff.emma, '2026-11-25T10:00']]);
  });

  it('never lets one call hold more than a few slots, however often it asks', async () => {
    await fresh();
    const callId = randomUUID();
    const reception = receptionFor(callId);
    const asks: Array<Partial<OfferRequest>> = [
      { time: null },
      { date: '2026-11-25', time: null, staffId: null },
      { serviceId: salon.services.damenhaarschnitt, staffId: null, time: null, earliest: true },
    ];
    for (const ask of [...asks, ...asks]) {
      OfferOutcome.parse(await reception.offer(wish(ask)));
      expect((await heldBy(callId)).length).toBeLessThanOrEqual(MAX_CALL_HOLDS);
    }
    expect((await heldBy(callId)).length).toBeGreaterThan(0);
  });

  it('says why a time cannot be had: a closed day, too soon, staff who do not offer the service', async () => {
    await fresh();
    const reception = receptionFor(null);
    expect(OfferOutcome.parse(await reception.offer(wish({ date: '2026-11-23', time: '10:00' })))).toMatchObject({
      kind: 'alternatives',
      reason: 'closed_day',
    });
    expect(OfferOutcome.parse(await reception.offer(wish({ date: '2026-11-19', time: '09:15' })))).toMatchObject({ kind: 'alternatives', reason: 'too_soon' });
    expect(OfferOutcome.parse(await reception.offer(wish({ serviceId: randomUUID() })))).toEqual({ kind: 'unknown_service' });
    expect(OfferOutcome.parse(await reception.offer(wish({ staffId: randomUUID() })))).toEqual({ kind: 'unknown_staff' });
    expect(OfferOutcome.parse(await reception.offer(wish({ date: '2026-02-30' })))).toEqual({ kind: 'invalid_wish' });
    // Years far outside any horizon are refused before any arithmetic with them.
    expect(OfferOutcome.parse(await reception.offer(wish({ date: '9999-12-31' })))).toEqual({ kind: 'none', reason: 'beyond_horizon' });
    expect(OfferOutcome.parse(await reception.offer(wish({ date: '0000-01-01' })))).toEqual({ kind: 'none', reason: 'past' });
    const far = { serviceId: salon.services.herrenhaarschnitt, staffId: null, customer: { name: 'X', phone: '+4917612345678' } };
    expect(BookOutcome.parse(await reception.book({ ...far, startsAt: '9999-12-31T10:00:00.000Z' }))).toEqual({
      kind: 'unavailable',
      reason: 'beyond_horizon',
      alternatives: [],
    });
    expect(BookOutcome.parse(await reception.book({ ...far, startsAt: '0001-01-01T10:00:00.000Z' }))).toEqual({
      kind: 'unavailable',
      reason: 'past',
      alternatives: [],
    });
    // Without a call nothing is held.
    expect(await database.db.select().from(appointments).where(eq(appointments.businessId, salon.id))).toHaveLength(0);
  });

  it('books the held slot, links call, customer and appointment, releases the rest, and answers a repeat with it', async () => {
    await fresh();
    const callId = randomUUID();
    const reception = receptionFor(callId);
    await reception.offer(wish({ time: null, partOfDay: 'nachmittags' }));
    const offered = await heldBy(callId);
    expect(offered.length).toBeGreaterThan(1);
    const request = {
      serviceId: salon.services.herrenhaarschnitt,
      staffId: salon.staff.emma,
      startsAt: at(`${offered[0]![1]}`),
      customer: { name: 'Maria Schmidt', phone: '0176 12345678' },
    };
    const booked = BookOutcome.parse(await reception.book(request));
    expect(booked).toMatchObject({ kind: 'booked', repeated: false, appointment: { staffId: salon.staff.emma, startsAt: request.startsAt } });
    if (booked.kind !== 'booked') return;
    expect(await heldBy(callId)).toEqual([]);
    expect(await callRow(callId)).toMatchObject({ outcome: 'booked', appointmentId: booked.appointment.id, customerId: booked.appointment.customerId });
    const [customer] = await database.db.select().from(customers).where(eq(customers.id, booked.appointment.customerId!));
    expect(customer).toMatchObject({ name: 'Maria Schmidt', phoneE164: '+4917612345678', appointmentCount: 1 });
    expect(BookOutcome.parse(await reception.book(request))).toEqual({ ...booked, repeated: true });
    expect(
      await database.db
        .select()
        .from(appointments)
        .where(and(eq(appointments.businessId, salon.id), eq(appointments.status, 'booked'))),
    ).toHaveLength(1);
  });

  it('answers slot_taken to the loser of a race, holds its alternatives and marks the call booking_conflict', async () => {
    await fresh();
    const request = {
      serviceId: salon.services.herrenhaarschnitt,
      staffId: salon.staff.fabian,
      startsAt: at('2026-11-26T11:00'),
      customer: { name: 'A', phone: '+4917611111111' },
    };
    expect((await receptionFor(randomUUID()).book(request)).kind).toBe('booked');
    const loser = randomUUID();
    const lost = BookOutcome.parse(await receptionFor(loser).book({ ...request, customer: { name: 'B', phone: '+4917622222222' } }));
    expect(lost.kind).toBe('slot_taken');
    if (lost.kind !== 'slot_taken') return;
    expect(lost.alternatives.length).toBeGreaterThan(0);
    expect((await heldBy(loser)).map(([, local]) => local).sort()).toEqual(lost.alternatives.map((s) => localTime(new Date(s.startsAt))).sort());
    expect((await callRow(loser))?.outcome).toBe('booking_conflict');
  });

  it('refuses an unusable number and a time the rules forbid, booking nothing', async () => {
    await fresh();
    const reception = receptionFor(randomUUID());
    const request = {
      serviceId: salon.services.herrenhaarschnitt,
      staffId: null,
      startsAt: at('2026-11-23T10:00'),
      customer: { name: 'X', phone: '+4917612345678' },
    };
    expect(BookOutcome.parse(await reception.book({ ...request, customer: { name: 'X', phone: '12' } }))).toEqual({ kind: 'invalid_phone' });
    expect(BookOutcome.parse(await reception.book(request))).toMatchObject({ kind: 'unavailable', reason: 'closed_day' });
    expect(
      await database.db
        .select()
        .from(appointments)
        .where(and(eq(appointments.businessId, salon.id), eq(appointments.status, 'booked'))),
    ).toHaveLength(0);
  });

  it("finds, moves and cancels the caller's appointments, recording each on the call", async () => {
    await fresh();
    const book = (local: string) =>
      receptionFor(randomUUID()).book({
        serviceId: salon.services.herrenhaarschnitt,
        staffId: salon.staff.fabian,
        startsAt: at(local),
        customer: { name: 'Jonas Weber', phone: '+4917612345678' },
      });
    await book('2026-11-24T11:00');
    await book('2026-11-25T11:00');
    const callId = randomUUID();
    const reception = receptionFor(callId);
    const all = FindAppointmentsOutcome.parse(await reception.findAppointments({ phone: '+4917612345678', date: null, time: null }));
    expect(all.kind === 'found' && all.appointments.map((a) => a.startsAt)).toEqual([at('2026-11-24T11:00'), at('2026-11-25T11:00')]);
    const tuesday = FindAppointmentsOutcome.parse(await reception.findAppointments({ phone: '0176 12345678', date: '2026-11-24', time: null }));
    expect(tuesday.kind === 'found' && tuesday.appointments).toHaveLength(1);
    expect(FindAppointmentsOutcome.parse(await reception.findAppointments({ phone: '+4917612345678', date: '2026-11-26', time: null }))).toEqual({
      kind: 'none',
      narrowed: true,
    });
    expect(FindAppointmentsOutcome.parse(await reception.findAppointments({ phone: '+4917699999999', date: null, time: null }))).toEqual({
      kind: 'none',
      narrowed: false,
    });
    if (tuesday.kind !== 'found') return;
    const old = tuesday.appointments[0]!;

    const moved = RescheduleOutcome.parse(await reception.reschedule({ appointmentId: old.id, startsAt: at('2026-11-27T14:30'), staffId: null }));
    expect(moved).toMatchObject({
      kind: 'rescheduled',
      previousId: old.id,
      repeated: false,
      appointment: { staffId: salon.staff.fabian, startsAt: at('2026-11-27T14:30') },
    });
    if (moved.kind !== 'rescheduled') return;
    expect(RescheduleOutcome.parse(await reception.reschedule({ appointmentId: old.id, startsAt: at('2026-11-27T14:30'), staffId: null }))).toEqual({
      ...moved,
      repeated: true,
    });
    expect((await database.db.select().from(appointments).where(eq(appointments.id, old.id)))[0]?.status).toBe('cancelled');
    expect(await callRow(callId)).toMatchObject({ outcome: 'rescheduled_appointment', appointmentId: moved.appointment.id });
    expect(
      RescheduleOutcome.parse(await reception.reschedule({ appointmentId: moved.appointment.id, startsAt: at('2026-11-23T10:00'), staffId: null })),
    ).toMatchObject({ kind: 'unavailable', reason: 'closed_day' });

    const cancelled = CancelOutcome.parse(await reception.cancel({ appointmentId: moved.appointment.id }));
    expect(cancelled).toMatchObject({ kind: 'cancelled', repeated: false, appointment: { id: moved.appointment.id } });
    expect(CancelOutcome.parse(await reception.cancel({ appointmentId: moved.appointment.id }))).toMatchObject({ kind: 'cancelled', repeated: true });
    expect(CancelOutcome.parse(await reception.cancel({ appointmentId: randomUUID() }))).toEqual({ kind: 'not_found' });
    expect((await callRow(callId))?.outcome).toBe('cancelled_appointment');
  });

  it('gives back what a call holds and records what it achieved without a write', async () => {
    await fresh();
    const callId = randomUUID();
    const reception = receptionFor(callId);
    await reception.offer(wish({ time: null }));
    expect((await heldBy(callId)).length).toBeGreaterThan(0);
    await reception.releaseHolds();
    expect(await heldBy(callId)).toEqual([]);
    await reception.recordOutcome('transferred');
    expect(await callRow(callId)).toMatchObject({ outcome: 'transferred', businessId: salon.id });
  });
});
