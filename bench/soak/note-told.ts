import type { CallRecord } from './call-record.js';
import type { CallGoal } from './caller-plan.js';
import type { PersonaBook } from './persona-book.js';
import type { ToolOutcome } from './phone-line.js';

/**
 * Notes what a tool result told the caller (booked, cancelled, moved) in the call record and the caller's own
 * book; the database is later checked against exactly these notes. Returns the goal the result fulfils, if any.
 */
export function noteTold(tool: ToolOutcome, record: CallRecord, book: PersonaBook): CallGoal['kind'] | null {
  const r = tool.result;
  if (!r) return null;
  if (tool.name === 'book_appointment' && r.booked === true && typeof r.appointment_id === 'string' && typeof r.start === 'string') {
    const staffId = typeof r.staff_id === 'string' ? r.staff_id : '';
    record.told.push({ kind: 'booked', appointmentId: r.appointment_id, start: r.start, staffId });
    book.booked({ appointmentId: r.appointment_id, start: r.start, staffId });
    return 'book';
  }
  if (tool.name === 'cancel_appointment' && r.cancelled === true && typeof r.appointment_id === 'string') {
    record.told.push({ kind: 'cancelled', appointmentId: r.appointment_id });
    book.cancelled(r.appointment_id);
    return 'cancel';
  }
  if (
    tool.name === 'reschedule_appointment' &&
    r.rescheduled === true &&
    typeof r.appointment_id === 'string' &&
    typeof r.previous_appointment_id === 'string' &&
    typeof r.start === 'string'
  ) {
    // The result names no staff member; a move keeps the old one unless the caller named another (ours never do).
    const staffId = typeof r.staff_id === 'string' ? r.staff_id : (book.find(r.previous_appointment_id)?.staffId ?? null);
    record.told.push({ kind: 'rescheduled', appointmentId: r.appointment_id, previousAppointmentId: r.previous_appointment_id, start: r.start, staffId });
    book.moved(r.previous_appointment_id, { appointmentId: r.appointment_id, start: r.start, staffId });
    return 'move';
  }
  return null;
}
