import { DateTime } from 'luxon';
import { findUpcomingAppointments, type UpcomingAppointment } from '../booking/find-upcoming-appointments.js';
import type { Directory } from '../booking/load-directory.js';
import { resolveWhen } from './resolve-when.js';
import { speakInstant, speakList, speakStaff } from '../german/speak/speak.js';
import type { ToolContext, ToolResult } from './tool-context.js';

export type CallersAppointment = { kind: 'found'; appointment: UpcomingAppointment } | { kind: 'answer'; result: ToolResult };

/** "Herrenhaarschnitt am Dienstag, dem 24. November, um halb drei bei Emma". */
export function speakAppointment(a: UpcomingAppointment, directory: Directory, now: Date): string {
  return `${a.serviceName} ${speakInstant(a.startsAt, directory.business.timeZone, now)} bei ${speakStaff({ name: a.staffName, aliases: a.staffAliases })}`;
}

/**
 * The caller's appointment that a cancel or move is about: found by the phone number it was booked under,
 * narrowed by the day/time the caller named. Several candidates → the agent asks which one.
 */
export async function findCallersAppointment(ctx: ToolContext, directory: Directory, phone: string | null, datum?: string, uhrzeit?: string): Promise<CallersAppointment> {
  const now = ctx.deps.clock.now();
  if (!phone) return { kind: 'answer', result: { ok: false, error: 'phone_required', result: 'Unter welcher Telefonnummer haben Sie den Termin gebucht?' } };
  let candidates = await findUpcomingAppointments(ctx.deps.db, ctx.businessId, phone, now);
  if (candidates.length === 0) {
    return { kind: 'answer', result: { ok: true, error: 'no_appointment', result: 'Unter dieser Nummer finde ich leider keinen anstehenden Termin.' } };
  }
  if (datum || uhrzeit) {
    const when = resolveWhen(datum, uhrzeit, now, directory.business.timeZone);
    if (when.kind === 'invalid') return { kind: 'answer', result: { ok: false, error: 'invalid_date', result: when.message } };
    const zone = directory.business.timeZone;
    candidates = candidates.filter((a) => {
      const local = DateTime.fromJSDate(a.startsAt, { zone });
      return (!when.when.date || local.toFormat('yyyy-MM-dd') === when.when.date) && (!when.when.time || local.toFormat('HH:mm') === when.when.time);
    });
    if (candidates.length === 0) return { kind: 'answer', result: { ok: true, error: 'no_appointment', result: 'Zu diesem Zeitpunkt finde ich keinen Termin von Ihnen.' } };
  }
  const [first] = candidates;
  if (candidates.length === 1 && first) return { kind: 'found', appointment: first };
  return {
    kind: 'answer',
    result: {
      ok: true,
      error: 'several_appointments',
      result: `Ich finde mehrere Termine: ${speakList(candidates.slice(0, 3).map((a) => speakAppointment(a, directory, now)), 'und')}. Welchen meinen Sie?`,
      appointments: candidates.map((a) => ({ id: a.id, start: a.startsAt.toISOString(), service: a.serviceName, service_id: a.serviceId, staff: a.staffName, staff_id: a.staffId })),
    },
  };
}
