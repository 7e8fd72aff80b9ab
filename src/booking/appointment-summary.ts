import { eq, sql, type SQL } from 'drizzle-orm';
import type { Scope } from '../access/principal.js';
import type { Queryable } from '../db/database.js';
import { appointments, customers, services, staff, type ActorType, type AppointmentStatus, type BookingSource } from '../db/schema.js';
import { noShowCount } from './no-show-count.js';

/** An appointment as staff read it: with service, staff member and customer by name. */
export interface AppointmentSummary {
  id: string;
  status: AppointmentStatus;
  startsAt: Date;
  endsAt: Date;
  service: { id: string; name: string };
  staff: { id: string; name: string };
  customer: { id: string; name: string | null; phone: string; noShowCount: number } | null;
  /** The name of a walk-in entered without a phone number (then `customer` is null). */
  guestName: string | null;
  source: BookingSource;
  callId: string | null;
  rescheduledFromId: string | null;
  cancelledAt: Date | null;
  /** Who cancelled or moved it (a caller: the call's id; staff: their id; an admin: the token's id). */
  cancelledBy: { type: ActorType; id: string | null } | null;
  cancelReason: string | null;
  createdAt: Date;
}

/** The appointments a scope may see: its business's; for a staff member only their own. */
export function appointmentsVisibleTo(scope: Scope): SQL {
  const own = sql`${appointments.businessId} = ${scope.businessId}::uuid`;
  return scope.staffId ? sql`${own} and ${appointments.staffId} = ${scope.staffId}::uuid` : own;
}

/** The select behind every appointment summary; add where, order and limit. */
export function selectAppointmentSummaries<K extends Record<string, SQL>>(db: Queryable, extra: K = {} as K) {
  return db
    .select({
      id: appointments.id,
      status: appointments.status,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      serviceId: services.id,
      serviceName: services.name,
      staffId: staff.id,
      staffName: staff.name,
      customerId: customers.id,
      customerName: customers.name,
      customerPhone: customers.phoneE164,
      customerNoShows: noShowCount(),
      guestName: appointments.guestName,
      source: appointments.source,
      callId: appointments.callId,
      rescheduledFromId: appointments.rescheduledFromId,
      cancelledAt: appointments.cancelledAt,
      cancelledByType: appointments.cancelledByType,
      cancelledById: appointments.cancelledById,
      cancelReason: appointments.cancelReason,
      createdAt: appointments.createdAt,
      ...extra,
    })
    .from(appointments)
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .innerJoin(staff, eq(staff.id, appointments.staffId))
    .leftJoin(customers, eq(customers.id, appointments.customerId));
}

type SummaryRow = Awaited<ReturnType<typeof selectAppointmentSummaries>>[number];

export function toAppointmentSummary(row: SummaryRow): AppointmentSummary {
  return {
    id: row.id,
    status: row.status,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    service: { id: row.serviceId, name: row.serviceName },
    staff: { id: row.staffId, name: row.staffName },
    customer:
      row.customerId && row.customerPhone
        ? { id: row.customerId, name: row.customerName, phone: row.customerPhone, noShowCount: Number(row.customerNoShows) }
        : null,
    guestName: row.guestName,
    source: row.source,
    callId: row.callId,
    rescheduledFromId: row.rescheduledFromId,
    cancelledAt: row.cancelledAt,
    cancelledBy: row.cancelledByType ? { type: row.cancelledByType, id: row.cancelledById } : null,
    cancelReason: row.cancelReason,
    createdAt: row.createdAt,
  };
}
