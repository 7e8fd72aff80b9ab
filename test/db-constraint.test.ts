import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.js';
import { insertAppointment, type NewAppointment } from '../src/db/repositories/insert-appointment.js';
import { appointments, appointmentSegments } from '../src/db/schema.js';
import { createTestSalon, type TestBusiness } from './support/business.js';
import { engines } from './support/databases.js';

const at = (iso: string) => new Date(iso);

describe.each(engines)('the no-double-booking constraint on $name', ({ open }) => {
  let database: Database;
  let salon: TestBusiness;

  beforeAll(async () => {
    database = await open();
    salon = await createTestSalon(database.db);
  });
  afterAll(async () => {
    await database.close();
  });

  const appointment = (staffId: string, startsAt: string, endsAt: string, status: 'held' | 'booked' = 'booked'): NewAppointment => ({
    businessId: salon.id,
    customerId: null,
    serviceId: salon.services.herrenhaarschnitt,
    staffId,
    startsAt: at(startsAt),
    endsAt: at(endsAt),
    status,
    holdExpiresAt: status === 'held' ? at('2030-01-01T00:00:00Z') : null,
    idempotencyKey: randomUUID(),
    source: 'api',
    callId: null,
  });

  /** Inserts in its own transaction, as the booking code does; a refused insert rolls back. */
  const insertOutcome = async (a: NewAppointment, segments = [{ startsAt: a.startsAt, endsAt: a.endsAt }]) => {
    let outcome: Awaited<ReturnType<typeof insertAppointment>> | undefined;
    await database.db
      .transaction(async (tx) => {
        outcome = await insertAppointment(tx, a, segments);
        if (outcome.kind !== 'inserted') tx.rollback();
      })
      .catch(() => undefined);
    return outcome;
  };

  it('rejects an overlapping booking of the same staff member as overlap, leaving nothing behind', async () => {
    const emma = salon.staff.emma;
    expect(await insertOutcome(appointment(emma, '2030-03-05T09:00:00Z', '2030-03-05T09:30:00Z'))).toMatchObject({ kind: 'inserted' });
    const loser = appointment(emma, '2030-03-05T09:15:00Z', '2030-03-05T09:45:00Z');
    expect(await insertOutcome(loser)).toEqual({ kind: 'overlap' });
    const rows = await database.db.select().from(appointments).where(eq(appointments.idempotencyKey, loser.idempotencyKey));
    expect(rows).toHaveLength(0);
  });

  it('accepts back-to-back bookings of one staff member', async () => {
    const emma = salon.staff.emma;
    expect(await insertOutcome(appointment(emma, '2030-03-06T09:00:00Z', '2030-03-06T09:30:00Z'))).toMatchObject({ kind: 'inserted' });
    expect(await insertOutcome(appointment(emma, '2030-03-06T09:30:00Z', '2030-03-06T10:00:00Z'))).toMatchObject({ kind: 'inserted' });
  });

  it('lets held appointments block like booked ones', async () => {
    const fabian = salon.staff.fabian;
    expect(await insertOutcome(appointment(fabian, '2030-03-07T09:00:00Z', '2030-03-07T09:30:00Z', 'held'))).toMatchObject({ kind: 'inserted' });
    expect(await insertOutcome(appointment(fabian, '2030-03-07T09:10:00Z', '2030-03-07T09:20:00Z'))).toEqual({ kind: 'overlap' });
  });

  it('does not let cancelled appointments block', async () => {
    const oliver = salon.staff.oliver;
    const first = await insertOutcome(appointment(oliver, '2030-03-08T09:00:00Z', '2030-03-08T09:30:00Z'));
    if (first?.kind !== 'inserted') throw new Error('setup failed');
    await database.db.update(appointmentSegments).set({ status: 'cancelled' }).where(eq(appointmentSegments.appointmentId, first.id));
    await database.db.update(appointments).set({ status: 'cancelled' }).where(eq(appointments.id, first.id));
    expect(await insertOutcome(appointment(oliver, '2030-03-08T09:00:00Z', '2030-03-08T09:30:00Z'))).toMatchObject({ kind: 'inserted' });
  });

  it('does not affect other staff members at the same time', async () => {
    expect(await insertOutcome(appointment(salon.staff.emma, '2030-03-09T11:00:00Z', '2030-03-09T11:30:00Z'))).toMatchObject({ kind: 'inserted' });
    expect(await insertOutcome(appointment(salon.staff.fabian, '2030-03-09T11:00:00Z', '2030-03-09T11:30:00Z'))).toMatchObject({ kind: 'inserted' });
  });

  it('blocks only the work phases of a composite appointment, so a haircut fits into the colour gap', async () => {
    const emma = salon.staff.emma;
    // Ansatzfärbung 09:00–11:00: colour 09:00–09:30, gap until 10:15, wash and cut 10:15–11:00.
    const colour = { ...appointment(emma, '2030-03-10T09:00:00Z', '2030-03-10T11:00:00Z'), serviceId: salon.services.ansatzfaerbung };
    const segments = [
      { startsAt: at('2030-03-10T09:00:00Z'), endsAt: at('2030-03-10T09:30:00Z') },
      { startsAt: at('2030-03-10T10:15:00Z'), endsAt: at('2030-03-10T11:00:00Z') },
    ];
    expect(await insertOutcome(colour, segments)).toMatchObject({ kind: 'inserted' });
    expect(await insertOutcome(appointment(emma, '2030-03-10T09:30:00Z', '2030-03-10T10:00:00Z'))).toMatchObject({ kind: 'inserted' });
    expect(await insertOutcome(appointment(emma, '2030-03-10T10:00:00Z', '2030-03-10T10:30:00Z'))).toEqual({ kind: 'overlap' });
  });

  it('refuses a segment that ends before it starts', async () => {
    const a = appointment(salon.staff.emma, '2030-03-11T09:00:00Z', '2030-03-11T09:30:00Z');
    await expect(
      database.db.transaction((tx) => insertAppointment(tx, a, [{ startsAt: at('2030-03-11T09:30:00Z'), endsAt: at('2030-03-11T09:00:00Z') }])),
    ).rejects.toThrow();
    const rows = await database.db
      .select()
      .from(appointments)
      .where(and(eq(appointments.businessId, salon.id), eq(appointments.idempotencyKey, a.idempotencyKey)));
    expect(rows).toHaveLength(0);
  });

  it('answers duplicate_key for a repeated idempotency key', async () => {
    const a = appointment(salon.staff.fabian, '2030-03-12T09:00:00Z', '2030-03-12T09:30:00Z');
    expect(await insertOutcome(a)).toMatchObject({ kind: 'inserted' });
    expect(await insertOutcome({ ...a, staffId: salon.staff.oliver })).toEqual({ kind: 'duplicate_key' });
  });
});
