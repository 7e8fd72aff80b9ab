import { z } from '@hono/zod-openapi';
import type { AppointmentSummary as AppointmentSummaryData } from '../../booking/appointment-summary.js';
import type { Slot as SlotData } from '../../booking/calendar-model.js';
import type { AppointmentDetail as AppointmentDetailData } from '../../booking/find-appointment-detail.js';
import { ACTOR_TYPES, APPOINTMENT_STATUSES, BOOKING_SOURCES, CALL_OUTCOMES } from '../../db/schema.js';
import { LocalInstant, localIso, localIsoOrNull } from './local-time.js';
import { Instant, iso, isoOrNull } from './schemas.js';

export const AppointmentSummary = z
  .object({
    id: z.string(),
    status: z.enum(APPOINTMENT_STATUSES),
    startsAt: Instant,
    startsAtLocal: LocalInstant,
    endsAt: Instant,
    endsAtLocal: LocalInstant,
    service: z.object({ id: z.string(), name: z.string() }),
    staff: z.object({ id: z.string(), name: z.string() }),
    customer: z
      .object({
        id: z.string(),
        name: z.string().nullable(),
        phone: z.string(),
        noShowCount: z.number().int().openapi({ description: 'Appointments of this customer marked no-show' }),
      })
      .nullable(),
    guestName: z.string().nullable().openapi({ description: 'The name of a walk-in entered without a phone number (then `customer` is null)' }),
    source: z.enum(BOOKING_SOURCES).openapi({ description: '`phone` and `function`: a caller; `api`: an admin token; `staff`: a staff token' }),
    callId: z.string().nullable(),
    rescheduledFromId: z.string().nullable(),
    cancelledAt: Instant.nullable(),
    cancelledAtLocal: LocalInstant.nullable(),
    cancelledBy: z
      .object({
        type: z.enum(ACTOR_TYPES),
        id: z.string().nullable().openapi({ description: 'caller: the call’s id; staff: the staff member’s id; admin: the token’s id' }),
      })
      .nullable()
      .openapi({ description: 'Who cancelled the appointment, or moved it (then another appointment has it as `rescheduledFromId`)' }),
    cancelReason: z.string().nullable(),
    createdAt: Instant,
    createdAtLocal: LocalInstant,
  })
  .openapi('AppointmentSummary');

export function appointmentSummaryJson(a: AppointmentSummaryData, timeZone: string): z.infer<typeof AppointmentSummary> {
  return {
    id: a.id,
    status: a.status,
    startsAt: iso(a.startsAt),
    startsAtLocal: localIso(a.startsAt, timeZone),
    endsAt: iso(a.endsAt),
    endsAtLocal: localIso(a.endsAt, timeZone),
    service: a.service,
    staff: a.staff,
    customer: a.customer,
    guestName: a.guestName,
    source: a.source,
    callId: a.callId,
    rescheduledFromId: a.rescheduledFromId,
    cancelledAt: isoOrNull(a.cancelledAt),
    cancelledAtLocal: localIsoOrNull(a.cancelledAt, timeZone),
    cancelledBy: a.cancelledBy,
    cancelReason: a.cancelReason,
    createdAt: iso(a.createdAt),
    createdAtLocal: localIso(a.createdAt, timeZone),
  };
}

export const Slot = z
  .object({ staffId: z.string(), startsAt: Instant, startsAtLocal: LocalInstant, endsAt: Instant, endsAtLocal: LocalInstant })
  .openapi('Slot');

export function slotJson(s: SlotData, timeZone: string): z.infer<typeof Slot> {
  return {
    staffId: s.staffId,
    startsAt: new Date(s.startsAt).toISOString(),
    startsAtLocal: localIso(s.startsAt, timeZone),
    endsAt: new Date(s.endsAt).toISOString(),
    endsAtLocal: localIso(s.endsAt, timeZone),
  };
}

const Segment = z.object({ startsAt: Instant, startsAtLocal: LocalInstant, endsAt: Instant, endsAtLocal: LocalInstant });

export const AppointmentDetail = AppointmentSummary.extend({
  holdExpiresAt: Instant.nullable(),
  holdExpiresAtLocal: LocalInstant.nullable(),
  notes: z.string().nullable(),
  segments: z.array(Segment).openapi({ description: 'Busy intervals: work phases, blocked gaps, buffers' }),
  call: z
    .object({ id: z.string(), outcome: z.enum(CALL_OUTCOMES).nullable(), startedAt: Instant.nullable(), startedAtLocal: LocalInstant.nullable() })
    .nullable(),
}).openapi('AppointmentDetail');

export function appointmentDetailJson(d: AppointmentDetailData, timeZone: string): z.infer<typeof AppointmentDetail> {
  return {
    ...appointmentSummaryJson(d, timeZone),
    holdExpiresAt: isoOrNull(d.holdExpiresAt),
    holdExpiresAtLocal: localIsoOrNull(d.holdExpiresAt, timeZone),
    notes: d.notes,
    segments: d.segments.map((s) => ({
      startsAt: iso(s.startsAt),
      startsAtLocal: localIso(s.startsAt, timeZone),
      endsAt: iso(s.endsAt),
      endsAtLocal: localIso(s.endsAt, timeZone),
    })),
    call: d.call ? { ...d.call, startedAt: isoOrNull(d.call.startedAt), startedAtLocal: localIsoOrNull(d.call.startedAt, timeZone) } : null,
  };
}
