import { DateTime } from 'luxon';
import type { Directory } from '../../booking/load-directory.js';
import type { ReceptionCall } from './events.js';

/** How an operation appears in Retell's transcript; the names of the matching Retell functions where there is one. */
const TOOL_NAMES: Record<Exclude<ReceptionCall['operation'], 'recordOutcome'>, string> = {
  offer: 'check_availability',
  book: 'book_appointment',
  findAppointments: 'find_appointments',
  cancel: 'cancel_appointment',
  reschedule: 'reschedule_appointment',
};

/** The tool call Retell's transcript shows for an operation, or null for bookkeeping the caller need not see. */
export function toolCallOf(call: ReceptionCall, directory: Directory): { name: string; args: Record<string, unknown> } | null {
  if (call.operation === 'recordOutcome') return null;
  return { name: TOOL_NAMES[call.operation], args: readableArgs(call, directory) };
}

/** The typed request with the names of what its ids stand for and local times beside its instants, for a human reader. */
function readableArgs(call: Exclude<ReceptionCall, { operation: 'recordOutcome' }>, directory: Directory): Record<string, unknown> {
  const zone = directory.business.timeZone;
  const service = (id: string) => directory.services.find((s) => s.id === id)?.name ?? null;
  const staff = (id: string | null) => (id ? (directory.staff.find((m) => m.id === id)?.name ?? null) : null);
  const local = (instant: string) => DateTime.fromISO(instant, { zone }).toFormat('yyyy-MM-dd HH:mm');
  switch (call.operation) {
    case 'offer':
      return { ...call.request, service: service(call.request.serviceId), staff: staff(call.request.staffId) };
    case 'book':
      return { ...call.request, service: service(call.request.serviceId), staff: staff(call.request.staffId), local: local(call.request.startsAt) };
    case 'reschedule':
      return { ...call.request, staff: staff(call.request.staffId), local: local(call.request.startsAt) };
    case 'findAppointments':
    case 'cancel':
      return { ...call.request };
  }
}
