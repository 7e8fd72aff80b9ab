import { DateTime } from 'luxon';
import { normalizePhone } from '../booking/normalize-phone.js';
import { phraseBooking } from '../german/speak/phrase-booking.js';
import { ASK_PHONE_FOR_BOOKING, BOOKING_NEEDS_DAY_AND_TIME, NO_SUCH_INSTANT, PHONE_NOT_UNDERSTOOD } from '../german/speak/refusals.js';
import { speakStaff } from '../german/speak/speak.js';
import { isRefusal, resolveRequest } from './resolve-request.js';
import type { BookAppointmentResult } from './results.js';
import type { BookAppointmentArgs } from './schemas.js';
import { slotJson } from './slot-json.js';
import { receptionOf, type ToolContext } from './tool-context.js';

/**
 * Books the appointment the caller agreed to (the reception confirms the call's hold on it or books directly).
 * Says "gebucht" only for a committed booking; a lost race answers with alternatives. Repeating the same call
 * (Retell retry, barge-in) returns the first booking and books nothing new.
 */
export async function bookAppointmentTool(ctx: ToolContext, args: BookAppointmentArgs): Promise<BookAppointmentResult> {
  const now = ctx.deps.clock.now();
  const request = await resolveRequest(ctx, args);
  if (isRefusal(request)) return request;
  const { directory, member, service } = request;
  const { date, time } = request.when;
  if (!date || !time) return { ok: false, error: 'incomplete_time', result: BOOKING_NEEDS_DAY_AND_TIME };
  const startsAt = DateTime.fromISO(`${date}T${time}`, { zone: directory.business.timeZone });
  if (!startsAt.isValid) return { ok: false, error: 'invalid_date', result: NO_SUCH_INSTANT };
  const phone = args.telefon ?? ctx.callerNumber;
  if (!phone) return { ok: false, error: 'phone_required', result: ASK_PHONE_FOR_BOOKING };
  if (!normalizePhone(phone)) return { ok: false, error: 'invalid_phone', result: PHONE_NOT_UNDERSTOOD };

  const outcome = await receptionOf(ctx, directory).book({
    serviceId: service.id,
    staffId: member?.id ?? null,
    startsAt: startsAt.toUTC().toISO()!,
    customer: { name: args.name, phone },
  });
  const result = phraseBooking(outcome, { directory, now, service, staffName: outcome.kind === 'booked' || !member ? undefined : speakStaff(member) });
  switch (outcome.kind) {
    case 'booked': {
      const a = outcome.appointment;
      return { ok: true, booked: true, appointment_id: a.id, start: a.startsAt, staff_id: a.staffId, result };
    }
    case 'slot_taken':
      return { ok: true, booked: false, error: 'slot_taken', result, alternatives: outcome.alternatives.map((s) => slotJson(s, directory, now)) };
    case 'unavailable':
      return { ok: true, booked: false, error: outcome.reason, result, alternatives: outcome.alternatives.map((s) => slotJson(s, directory, now)) };
    case 'invalid_phone':
    case 'unknown_service':
    case 'unknown_staff':
    case 'cancelled':
    case 'not_modifiable':
      return { ok: false, booked: false, error: outcome.kind, result };
  }
}
