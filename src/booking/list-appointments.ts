import { and, asc, eq, gte, lt, notInArray, type SQL } from 'drizzle-orm';
import type { Scope } from '../access/principal.js';
import type { Queryable } from '../db/database.js';
import { afterKey, pageOf, sortKeyText, type Page, type PageKey } from '../db/page.js';
import { appointments, type AppointmentStatus } from '../db/schema.js';
import { appointmentsVisibleTo, selectAppointmentSummaries, toAppointmentSummary, type AppointmentSummary } from './appointment-summary.js';

export interface ListAppointmentsQuery {
  /** Appointments starting in [from, to). */
  from?: Date;
  to?: Date;
  /** Omitted: every appointment, but not the slots held for a caller's decision nor the holds that lapsed. */
  status?: AppointmentStatus;
  staffId?: string;
  customerId?: string;
  after?: PageKey | null;
  limit: number;
}

/** A page of the appointments a scope may see, in calendar order. */
export async function listAppointments(db: Queryable, scope: Scope, query: ListAppointmentsQuery): Promise<Page<AppointmentSummary>> {
  const conditions: Array<SQL | undefined> = [
    appointmentsVisibleTo(scope),
    query.from ? gte(appointments.startsAt, query.from) : undefined,
    query.to ? lt(appointments.startsAt, query.to) : undefined,
    // Holds are offers in flight, not appointments: staff reading the list would take them for bookings.
    query.status ? eq(appointments.status, query.status) : notInArray(appointments.status, ['held', 'expired']),
    query.staffId ? eq(appointments.staffId, query.staffId) : undefined,
    query.customerId ? eq(appointments.customerId, query.customerId) : undefined,
    query.after ? afterKey(appointments.startsAt, appointments.id, query.after, 'asc', 'uuid') : undefined,
  ];
  const rows = await selectAppointmentSummaries(db, { sortKey: sortKeyText(appointments.startsAt) })
    .where(and(...conditions))
    .orderBy(asc(appointments.startsAt), asc(appointments.id))
    .limit(query.limit + 1);
  const page = pageOf(rows, query.limit);
  return { items: page.items.map(toAppointmentSummary), next: page.next };
}
