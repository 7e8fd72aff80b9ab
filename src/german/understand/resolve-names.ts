import type { Directory } from '../../booking/load-directory.js';
import { matchServices, SERVICE_MATCH_THRESHOLD } from './match-services.js';
import { matchStaff } from './match-staff.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type ServiceResolution =
  { kind: 'found'; service: Directory['services'][number] } | { kind: 'ambiguous'; options: Directory['services'] } | { kind: 'unknown' };

/** The service a caller named (by name, synonym, a misheard form, or an id). */
export function resolveService(text: string, directory: Directory): ServiceResolution {
  const byId = UUID.test(text.trim()) ? directory.services.find((s) => s.id === text.trim()) : undefined;
  if (byId) return { kind: 'found', service: byId };
  const matches = matchServices(text, directory.services).filter((m) => m.confidence >= SERVICE_MATCH_THRESHOLD);
  const best = matches[0];
  if (!best) return { kind: 'unknown' };
  const tied = matches.filter((m) => m.confidence === best.confidence);
  const options = tied.flatMap((m) => directory.services.filter((s) => s.id === m.serviceId));
  if (options.length > 1) return { kind: 'ambiguous', options };
  return options[0] ? { kind: 'found', service: options[0] } : { kind: 'unknown' };
}

export type StaffResolution = { kind: 'any' } | { kind: 'found'; member: Directory['staff'][number] } | { kind: 'unknown' };

/** The staff member a caller asked for; "egal", empty or absent means anyone. */
export function resolveStaff(text: string | undefined, directory: Directory): StaffResolution {
  const t = text?.trim();
  if (!t) return { kind: 'any' };
  const byId = UUID.test(t) ? directory.staff.find((m) => m.id === t) : undefined;
  if (byId) return { kind: 'found', member: byId };
  const match = matchStaff(t, directory.staff);
  if (!match) return { kind: 'unknown' };
  if (match.kind === 'any') return { kind: 'any' };
  const member = directory.staff.find((m) => m.id === match.staffIds[0]);
  return member ? { kind: 'found', member } : { kind: 'unknown' };
}
