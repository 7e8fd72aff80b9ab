import { eq } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import { appointments } from '../db/schema.js';
import type { AppointmentView } from './outcomes.js';

type Row = typeof appointments.$inferSelect;

export function toView(row: Row): AppointmentView {
  return {
    id: row.id,
    businessId: row.businessId,
    serviceId: row.serviceId,
    staffId: row.staffId,
    customerId: row.customerId,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    status: row.status,
    holdExpiresAt: row.holdExpiresAt,
    rescheduledFromId: row.rescheduledFromId,
  };
}

export async function findAppointmentByKey(db: Queryable, idempotencyKey: string): Promise<AppointmentView | null> {
  const [row] = await db.select().from(appointments).where(eq(appointments.idempotencyKey, idempotencyKey)).limit(1);
  return row ? toView(row) : null;
}

export async function findAppointment(db: Queryable, id: string, options: { forUpdate?: boolean } = {}): Promise<AppointmentView | null> {
  const query = db.select().from(appointments).where(eq(appointments.id, id)).limit(1);
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ? toView(row) : null;
}
