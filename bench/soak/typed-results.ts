/**
 * The phone conversation's tool results are the reception's typed outcomes (`kind`, ids, instants). The soak's
 * caller and checks read the fields a tool result carries (`booked`, `appointment_id`, `start`, `alternatives`,
 * `error`), so each outcome is read into those once, here. A result without `kind` is taken as it is.
 */
export function readToolResult(name: string, outcome: Record<string, unknown>): Record<string, unknown> {
  const kind = outcome.kind;
  if (typeof kind !== 'string') return outcome;
  const slots = (value: unknown) => (Array.isArray(value) ? value.map(slotOf) : []);
  const appointment = (value: unknown) => (isObject(value) ? { appointment_id: value.id, start: value.startsAt, staff_id: value.staffId } : {});
  switch (name) {
    case 'check_availability':
      if (kind === 'exact') return { available: true, slot: slotOf(outcome.slot), alternatives: [] };
      if (kind === 'alternatives') return { available: false, reason: outcome.reason, alternatives: slots(outcome.slots) };
      return { available: false, reason: outcome.reason ?? kind, alternatives: [] };
    case 'book_appointment':
      if (kind === 'booked') return { booked: true, ...appointment(outcome.appointment) };
      return { booked: false, error: kind === 'unavailable' ? outcome.reason : kind, alternatives: slots(outcome.alternatives) };
    case 'cancel_appointment':
      return kind === 'cancelled' ? { cancelled: true, ...appointment(outcome.appointment) } : { cancelled: false, error: kind };
    case 'reschedule_appointment':
      if (kind === 'rescheduled') return { rescheduled: true, ...appointment(outcome.appointment), previous_appointment_id: outcome.previousId };
      return { rescheduled: false, error: kind === 'unavailable' ? outcome.reason : kind, alternatives: slots(outcome.alternatives) };
    case 'find_appointments': {
      const found = Array.isArray(outcome.appointments) ? outcome.appointments.length : 0;
      if (kind === 'found') return found > 1 ? { error: 'several_appointments', found } : { found };
      return { error: kind === 'none' ? 'no_appointment' : kind, found: 0 };
    }
    default:
      return outcome;
  }
}

function slotOf(value: unknown): Record<string, unknown> | null {
  return isObject(value) ? { start: value.startsAt, staff_id: value.staffId } : null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
