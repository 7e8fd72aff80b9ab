import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import { appointments, customers, services, staff } from '../db/schema.js';
import { normalizePhone } from './normalize-phone.js';

export interface UpcomingAppointment {
  id: string;
  startsAt: Date;
  endsAt: Date;
  serviceId: string;
  serviceName: string;
  staffId: string;
  staffName: string;
  staffAliases: string[];
  customerId: string | null;
}

/** The columns of an `UpcomingAppointment`; the query must join `services` and `staff`. */
export const APPOINTMENT_COLUMNS = {
  id: appointments.id,
  startsAt: appointments.startsAt,
  endsAt: appointments.endsAt,
  serviceId: appointments.serviceId,
  serviceName: services.name,
  staffId: appointments.staffId,
  staffName: staff.name,
  staffAliases: staff.aliases,
  customerId: appointments.customerId,
};

/** A customer's booked appointments that have not started yet, soonest first; empty for an unknown number. */
export async function findUpcomingAppointments(db: Queryable, businessId: string, phone: string, now: Date): Promise<UpcomingAppointment[]> {
  const e164 = normalizePhone(phone);
  if (!e164) return [];
  return db
    .select(APPOINTMENT_COLUMNS)
    .from(appointments)
    .innerJoin(customers, eq(customers.id, appointments.customerId))
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .innerJoin(staff, eq(staff.id, appointments.staffId))
    .where(
      and(eq(appointments.businessId, businessId), eq(customers.phoneE164, e164), inArray(appointments.status, ['booked']), gt(appointments.startsAt, now)),
    )
    .orderBy(asc(appointments.startsAt))
    .limit(20);
}
