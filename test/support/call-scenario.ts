import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../src/db/database.js';
import { appointments, calls, customers } from '../../src/db/schema.js';
import { createTestSalon, type TestBusiness } from './business.js';
import { bookingDeps, localTime } from './booking.js';
import { DialogueDriver } from './dialogue-driver.js';

// Thursday 2026-11-19 09:00 in Berlin.
export const NOW = '2026-11-19T08:00:00Z';
export const CALLER = '+4917612345678';

/** A fresh salon, its booking dependencies, and helpers to place calls and read back what they left behind. */
export async function scenario(database: Database) {
  const salon: TestBusiness = await createTestSalon(database.db);
  const { deps, clock } = bookingDeps(database, { now: NOW });
  const call = async (from: string | null = CALLER) => {
    const driver = new DialogueDriver(deps, randomUUID());
    const greeting = await driver.start({ toNumber: salon.definition.phoneNumbers[0]!, fromNumber: from });
    return { driver, greeting };
  };
  const booked = async () =>
    (
      await database.db
        .select()
        .from(appointments)
        .where(and(eq(appointments.businessId, salon.id), eq(appointments.status, 'booked')))
    ).map((a) => ({
      id: a.id,
      at: localTime(a.startsAt),
      staffId: a.staffId,
      serviceId: a.serviceId,
      customerId: a.customerId,
      callId: a.callId,
    }));
  const held = async () =>
    database.db
      .select()
      .from(appointments)
      .where(and(eq(appointments.businessId, salon.id), inArray(appointments.status, ['held'])));
  const callRow = async (id: string) => (await database.db.select().from(calls).where(eq(calls.id, id)))[0];
  const customer = async (phone = CALLER) =>
    (
      await database.db
        .select()
        .from(customers)
        .where(and(eq(customers.businessId, salon.id), eq(customers.phoneE164, phone)))
    )[0];
  return { salon, deps, clock, call, booked, held, callRow, customer };
}
