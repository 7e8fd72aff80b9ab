import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOrCreateCustomer } from '../src/booking/find-or-create-customer.js';
import { startCall } from '../src/calls/start-call.js';
import type { Database } from '../src/db/database.js';
import { appointments, customers } from '../src/db/schema.js';
import { createReception } from '../src/reception/create-reception.js';
import { createTestSalon, type TestBusiness } from './support/business.js';
import { berlin, bookingDeps, phone } from './support/booking.js';
import { openTestPglite, openTestPostgres } from './support/databases.js';

const engines = [
  { name: 'postgres', open: async () => openTestPostgres() },
  { name: 'pglite', open: openTestPglite },
] as const;

describe.each(engines)('households: one number, several customers, on $name', ({ open }) => {
  let database: Database;
  let salon: TestBusiness;
  beforeAll(async () => {
    database = await open();
    salon = await createTestSalon(database.db);
  });
  afterAll(async () => database.close());

  const customersOf = (number: string) =>
    database.db
      .select({ id: customers.id, name: customers.name, count: customers.appointmentCount, bookedByOther: customers.bookedByOther })
      .from(customers)
      .where(and(eq(customers.businessId, salon.id), eq(customers.phoneE164, number)));
  const ownerOf = async (appointmentId: string) =>
    (await database.db.select({ customerId: appointments.customerId }).from(appointments).where(eq(appointments.id, appointmentId)))[0]?.customerId;
  const greetingOf = (number: string) =>
    startCall(database.db, {
      callId: `call-${randomUUID()}`,
      businessId: salon.id,
      fromNumber: number,
      toNumber: null,
      agentId: null,
      direction: 'inbound',
      callType: 'phone_call',
      at: new Date('2030-03-04T07:00:00Z'),
    });

  async function book(number: string, name: string, local: string, forSomeoneElse = false) {
    const { deps } = bookingDeps(database);
    const reception = createReception(deps, { businessId: salon.id, callId: `call-${randomUUID()}`, callerNumber: number, source: 'phone' });
    const outcome = await reception.book({
      serviceId: salon.services.herrenhaarschnitt,
      staffId: salon.staff.emma,
      startsAt: berlin(local).toISOString(),
      customer: { name, phone: number },
      ...(forSomeoneElse ? { forSomeoneElse } : {}),
    });
    if (outcome.kind !== 'booked') throw new Error(`not booked: ${outcome.kind}`);
    return outcome.appointment;
  }

  it('stores a mother and her daughter under one number as two customers, each appointment under its person', async () => {
    const number = phone();
    const mine = await book(number, 'Anna Schmidt', '2030-03-05T10:00');
    const hers = await book(number, 'Lena Schmidt', '2030-03-05T11:00', true);
    const rows = await customersOf(number);
    expect(rows.map((r) => r.name).sort()).toEqual(['Anna Schmidt', 'Lena Schmidt']);
    const anna = rows.find((r) => r.name === 'Anna Schmidt')!;
    const lena = rows.find((r) => r.name === 'Lena Schmidt')!;
    expect(await ownerOf(mine.id)).toBe(anna.id);
    expect(await ownerOf(hers.id)).toBe(lena.id);
    expect(lena.bookedByOther).toBe(true);
    expect(anna.bookedByOther).toBe(false);
    // Several people at the number: the next call is greeted by nobody's name.
    expect(await greetingOf(number)).toMatchObject({ kind: 'started', customer: null, household: true });
  });

  it('never duplicates a person: the same name twice, in other spacing or case, or first name and full name, is one customer', async () => {
    const number = phone();
    await book(number, 'Jonas Weber', '2030-03-05T15:00');
    await book(number, '  jonas   weber ', '2030-03-05T16:00');
    await book(number, 'Jonas', '2030-03-05T17:00');
    const rows = await customersOf(number);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: 'Jonas Weber', count: 3 });
    expect(await greetingOf(number)).toMatchObject({ kind: 'started', customer: { name: 'Jonas Weber' }, household: false });
  });

  it('keeps the fuller name when a first name booked before is later given in full', async () => {
    const number = phone();
    await book(number, 'Mia', '2030-03-06T10:00');
    await book(number, 'Mia Keller', '2030-03-06T11:00');
    expect((await customersOf(number)).map((r) => r.name)).toEqual(['Mia Keller']);
  });

  it('greets nobody by name when the number’s only customer was booked by someone else', async () => {
    const number = phone();
    await book(number, 'Paul Brandt', '2030-03-06T14:00', true);
    expect(await greetingOf(number)).toMatchObject({ kind: 'started', customer: null, household: true });
  });

  it('turns the unnamed customer a call created into the first person named, and links a call without a name only to a sole customer', async () => {
    const number = phone();
    const unnamed = await findOrCreateCustomer(database.db, salon.id, number);
    expect(unnamed).toMatchObject({ kind: 'created', name: null });
    const named = await findOrCreateCustomer(database.db, salon.id, number, 'Karla Vogt');
    expect(named).toMatchObject({ customerId: unnamed.kind === 'invalid_phone' ? '' : unnamed.customerId, name: 'Karla Vogt' });
    expect(await findOrCreateCustomer(database.db, salon.id, number)).toMatchObject({ kind: 'found', name: 'Karla Vogt' });
    await findOrCreateCustomer(database.db, salon.id, number, 'Ole Vogt');
    // Two people: a nameless lookup takes neither of them.
    const nameless = await findOrCreateCustomer(database.db, salon.id, number);
    expect(nameless).toMatchObject({ name: null });
    expect(await greetingOf(number)).toMatchObject({ customer: null, household: true });
  });

  it('makes one customer when two bookings for the same new person commit at once', async () => {
    const number = phone();
    await Promise.all([
      book(number, 'Greta Lang', '2030-03-07T10:00'),
      book(number, 'Greta Lang', '2030-03-07T11:00'),
      findOrCreateCustomer(database.db, salon.id, number, 'greta lang'),
    ]);
    const rows = await customersOf(number);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.count).toBe(2);
  });
});
