import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../db/database.js';
import { appointments, appointmentSegments, customers, type AppointmentStatus } from '../db/schema.js';
import type { Actor } from './booking-deps.js';

/** Moves an appointment and its busy segments to a new status together (the constraint reads the segments). */
export async function setAppointmentStatus(
  tx: Tx,
  id: string,
  status: AppointmentStatus,
  now: Date,
  extra: { customerId?: string | null; cancelledBy?: Actor; cancelReason?: string | null } = {},
): Promise<void> {
  await tx
    .update(appointments)
    .set({
      status,
      updatedAt: now,
      ...(status === 'cancelled'
        ? {
            cancelledAt: now,
            cancelledByType: extra.cancelledBy?.type ?? null,
            cancelledById: extra.cancelledBy?.id ?? null,
            cancelReason: extra.cancelReason ?? null,
          }
        : {}),
      ...(extra.customerId !== undefined ? { customerId: extra.customerId } : {}),
    })
    .where(eq(appointments.id, id));
  await tx.update(appointmentSegments).set({ status }).where(eq(appointmentSegments.appointmentId, id));
}

/** Keeps a customer's count of booked appointments current. */
export async function adjustAppointmentCount(tx: Tx, customerId: string | null, delta: 1 | -1): Promise<void> {
  if (!customerId) return;
  await tx
    .update(customers)
    .set({ appointmentCount: sql`greatest(0, ${customers.appointmentCount} + ${delta})`, updatedAt: sql`now()` })
    .where(eq(customers.id, customerId));
}
