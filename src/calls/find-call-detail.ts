import { and, asc, eq, or } from 'drizzle-orm';
import type { Scope } from '../access/principal.js';
import { appointmentsVisibleTo, selectAppointmentSummaries, toAppointmentSummary, type AppointmentSummary } from '../booking/appointment-summary.js';
import { noShowCount } from '../booking/no-show-count.js';
import type { Queryable } from '../db/database.js';
import { JsonObject, readJsonColumn, StoredTranscript } from '../db/json-columns.js';
import { appointments, calls, customers, type CallOutcome } from '../db/schema.js';
import type { CallState } from './merge-call-event.js';
import { callsVisibleTo } from './call-visibility.js';

export interface CallDetail extends CallState {
  id: string;
  outcome: CallOutcome | null;
  customer: { id: string; name: string | null; phone: string; appointmentCount: number; noShowCount: number } | null;
  /** The appointment the call is linked to and any booked during it (a staff member sees only their own). */
  appointments: AppointmentSummary[];
  createdAt: Date;
  updatedAt: Date;
}

/** One call the scope may see, with transcript, analysis, customer and appointments; null otherwise. */
export async function findCallDetail(db: Queryable, scope: Scope, id: string): Promise<CallDetail | null> {
  const [row] = await db
    .select({
      call: calls,
      customer: {
        id: customers.id,
        name: customers.name,
        phone: customers.phoneE164,
        appointmentCount: customers.appointmentCount,
        noShowCount: noShowCount(),
      },
    })
    .from(calls)
    .leftJoin(customers, eq(customers.id, calls.customerId))
    .where(and(eq(calls.id, id), callsVisibleTo(scope)))
    .limit(1);
  if (!row) return null;
  const c = row.call;
  const linked = await selectAppointmentSummaries(db)
    .where(
      and(
        appointmentsVisibleTo(scope),
        c.appointmentId ? or(eq(appointments.id, c.appointmentId), eq(appointments.callId, c.id)) : eq(appointments.callId, c.id),
      ),
    )
    .orderBy(asc(appointments.createdAt), asc(appointments.id));
  return {
    id: c.id,
    status: c.status,
    outcome: c.outcome,
    agentId: c.agentId,
    callType: c.callType,
    direction: c.direction,
    fromNumber: c.fromNumber,
    toNumber: c.toNumber,
    startedAt: c.startedAt,
    endedAt: c.endedAt,
    durationMs: c.durationMs,
    disconnectionReason: c.disconnectionReason,
    transcript: c.transcript === null ? null : readJsonColumn(StoredTranscript, c.transcript, 'calls.transcript'),
    transcriptText: c.transcriptText,
    recordingUrl: c.recordingUrl,
    analysis: c.analysis === null ? null : readJsonColumn(JsonObject, c.analysis, 'calls.analysis'),
    latency: c.latency === null ? null : readJsonColumn(JsonObject, c.latency, 'calls.latency'),
    customer:
      row.customer?.id && row.customer.phone
        ? {
            id: row.customer.id,
            name: row.customer.name,
            phone: row.customer.phone,
            appointmentCount: row.customer.appointmentCount ?? 0,
            noShowCount: Number(row.customer.noShowCount ?? 0),
          }
        : null,
    appointments: linked.map(toAppointmentSummary),
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}
