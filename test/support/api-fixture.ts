import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { createApiToken } from '../../src/access/create-api-token.js';
import { bookAppointment } from '../../src/booking/book-appointment.js';
import type { Db } from '../../src/db/database.js';
import { calls } from '../../src/db/schema.js';
import type { TestApp } from './app.js';
import { createTestSalon, type TestBusiness } from './business.js';
import { berlin, bookingDeps, key, phone } from './booking.js';

/** The instant the API tests live at: Monday 2030-03-04, 08:00 in Berlin. */
export const API_NOW = '2030-03-04T07:00:00Z';

export async function token(db: Db, businessId: string, role: 'admin' | 'staff', staffId?: string): Promise<string> {
  const created = await createApiToken(db, { businessId, role, staffId: staffId ?? null });
  if (created.kind !== 'created') throw new Error(`token not created: ${created.kind}`);
  return created.token;
}

export interface ApiWorld {
  salon: TestBusiness;
  other: TestBusiness;
  tokens: { admin: string; emma: string; fabian: string; otherAdmin: string; otherEmma: string };
  phones: { regular: string; once: string };
  appointments: { emmaTue: string; fabianTue: string; emmaWed: string; other: string };
  calls: { emmaBooked: string; fabianBooked: string; abandoned: string; other: string };
}

/**
 * Two salons. In the first: Emma has two appointments (one booked during a call, linked from the appointment),
 * Fabian one (booked during a call linked both ways), and one call led to nothing. The second salon has one of
 * each, so every endpoint can be asked for the other salon's ids.
 */
export async function createApiWorld(t: TestApp): Promise<ApiWorld> {
  const db = t.database.db;
  const [salon, other] = await Promise.all([createTestSalon(db), createTestSalon(db)]);
  const { deps } = bookingDeps(t.database, { now: API_NOW });
  const phones = { regular: phone(), once: phone() };
  const callIds = {
    emmaBooked: `call_${randomUUID()}`,
    fabianBooked: `call_${randomUUID()}`,
    abandoned: `call_${randomUUID()}`,
    other: `call_${randomUUID()}`,
  };

  const book = async (business: TestBusiness, staffId: string, local: string, customerPhone: string, callId: string | null) => {
    const outcome = await bookAppointment(deps, {
      businessId: business.id,
      serviceId: business.services.herrenhaarschnitt,
      staffId,
      startsAt: berlin(local),
      customer: { phone: customerPhone, name: 'Jürgen Größe' },
      idempotencyKey: key(),
      source: 'phone',
      callId,
      actor: { type: 'caller', id: null },
    });
    if (outcome.kind !== 'booked') throw new Error(`fixture booking failed: ${outcome.kind}`);
    return outcome.appointment;
  };

  // Calls first (as in life), then the appointments booked during them.
  const call = (id: string, businessId: string, startedAt: string, extra: Partial<typeof calls.$inferInsert> = {}) =>
    db.insert(calls).values({
      id,
      businessId,
      status: 'ended',
      direction: 'inbound',
      callType: 'phone_call',
      fromNumber: phones.regular,
      startedAt: new Date(startedAt),
      createdAt: new Date(startedAt),
      ...extra,
    });
  await call(callIds.emmaBooked, salon.id, '2030-03-01T09:00:00Z', {
    outcome: 'booked',
    transcript: [{ role: 'user', content: 'Einen Herrenhaarschnitt bei Emma, bitte.' }],
    transcriptText: 'User: Einen Herrenhaarschnitt bei Emma, bitte.',
    analysis: { call_summary: 'Termin gebucht' },
  });
  await call(callIds.fabianBooked, salon.id, '2030-03-02T09:00:00Z', { outcome: 'booked', fromNumber: phones.once });
  await call(callIds.abandoned, salon.id, '2030-03-03T09:00:00Z', { outcome: 'abandoned' });
  await call(callIds.other, other.id, '2030-03-01T09:00:00Z', { outcome: 'booked' });

  const emmaTue = await book(salon, salon.staff.emma, '2030-03-05T10:00', phones.regular, callIds.emmaBooked);
  const fabianTue = await book(salon, salon.staff.fabian, '2030-03-05T11:00', phones.once, callIds.fabianBooked);
  const emmaWed = await book(salon, salon.staff.emma, '2030-03-06T10:00', phones.regular, null);
  const otherAppointment = await book(other, other.staff.emma, '2030-03-05T10:00', phones.regular, callIds.other);
  // Linked from the call side too, as the webhook does for a booked call.
  await db.update(calls).set({ appointmentId: fabianTue.id, customerId: fabianTue.customerId }).where(eq(calls.id, callIds.fabianBooked));
  await db.update(calls).set({ customerId: emmaTue.customerId }).where(eq(calls.id, callIds.emmaBooked));

  return {
    salon,
    other,
    tokens: {
      admin: await token(db, salon.id, 'admin'),
      emma: await token(db, salon.id, 'staff', salon.staff.emma),
      fabian: await token(db, salon.id, 'staff', salon.staff.fabian),
      otherAdmin: await token(db, other.id, 'admin'),
      otherEmma: await token(db, other.id, 'staff', other.staff.emma),
    },
    phones,
    appointments: { emmaTue: emmaTue.id, fabianTue: fabianTue.id, emmaWed: emmaWed.id, other: otherAppointment.id },
    calls: callIds,
  };
}
