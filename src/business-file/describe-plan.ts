import { DateTime } from 'luxon';
import { toAbsenceEntry } from './absences.js';
import type { AbsenceDefinition } from './business-definition.js';
import type { UncoveredReason } from './find-uncovered-appointments.js';
import type { AppointmentRef, BusinessPlan, FieldChange, Refusal, ServiceStep, StaffStep } from './plan-business-changes.js';

/**
 * A plan as an owner reads it, one change a line: `+` added, `~` changed, `-` removed or archived, with the booked
 * appointments a change touches by time, service, staff member and id (no customer names or numbers: this goes to
 * a terminal and into logs of scripts).
 */
export function describePlan(plan: BusinessPlan, done: boolean): string[] {
  const zone = plan.definition.timeZone;
  const title = `${plan.slug} (${plan.definition.name})`;
  if (plan.create) return [`${title}: ${done ? 'created' : 'would be created'}`, ...summaryOfNew(plan)];
  const lines = [`${title}: ${done ? 'changed' : 'would change'}`];
  for (const c of plan.business) lines.push(`  ~ ${c.field.startsWith('opening_hours') ? '' : 'business.'}${change(c)}`);
  for (const step of plan.services) lines.push(...serviceLines(step, zone));
  for (const step of plan.staff) lines.push(...staffLines(step, zone));
  for (const c of plan.closures.added) lines.push(`  + closure ${absence(c, zone)}`);
  for (const c of plan.closures.removed) lines.push(`  - closure ${absence(c, zone)}`);
  return [...lines, ...uncoveredLines(plan, zone)];
}

/** Why nothing was written, with the appointments in the way and what the owner can do. */
export function describeRefusal(plan: BusinessPlan): string[] {
  const zone = plan.definition.timeZone;
  return [
    `${plan.slug}: refused, nothing changed. These changes would leave booked appointments behind:`,
    ...plan.refusals.flatMap((r) => [`  ${refusal(r)}:`, ...r.appointments.map((a) => `    ${appointment(a, zone)}`)]),
    'Move or cancel those appointments first, or apply with --force-archive: what is removed is then no longer offered,',
    'and the appointments stay booked as they are.',
  ];
}

function summaryOfNew(plan: BusinessPlan): string[] {
  const d = plan.definition;
  return [
    `  ${d.services.length} service${d.services.length === 1 ? '' : 's'}: ${d.services.map((s) => s.key).join(', ')}`,
    `  ${d.staff.length} staff: ${d.staff.map((m) => m.key).join(', ')}`,
    ...(d.closures.length > 0 ? [`  ${d.closures.length} closure${d.closures.length === 1 ? '' : 's'}`] : []),
    `  calls to ${d.phoneNumbers.length > 0 ? d.phoneNumbers.join(', ') : '(no number yet)'}${d.retellAgentIds.length > 0 ? ` and agents ${d.retellAgentIds.join(', ')}` : ''}`,
  ];
}

function serviceLines(step: ServiceStep, zone: string): string[] {
  switch (step.kind) {
    case 'add':
      return [
        `  + service ${step.service.key}: ${step.service.name}, ${step.service.durationMinutes} min${step.service.priceCents === null ? '' : `, ${euros(step.service.priceCents)}`}`,
      ];
    case 'update':
      return [`  ~ service ${step.service.key}: ${step.changes.map(change).join('; ')}`];
    case 'replace':
      return [
        `  ~ service ${step.service.key}: ${step.changes.map(change).join('; ')}`,
        `    the old version is archived with its ${count(step.appointments.length, 'booked appointment')}, as booked:`,
        ...step.appointments.map((a) => `      ${appointment(a, zone)}`),
      ];
    case 'archive':
      return archived('service', step, zone);
    case 'delete':
      return [`  - service ${step.key} (${step.name}) deleted`];
  }
}

function staffLines(step: StaffStep, zone: string): string[] {
  switch (step.kind) {
    case 'add':
      return [`  + staff ${step.member.key}: ${step.member.name} (${step.member.serviceKeys.join(', ')})`];
    case 'update': {
      const parts = [
        ...step.changes.map(change),
        ...(step.servicesAdded.length > 0 ? [`performs ${step.servicesAdded.join(', ')} too`] : []),
        ...(step.servicesRemoved.length > 0 ? [`no longer performs ${step.servicesRemoved.join(', ')}`] : []),
        ...step.timeOffAdded.map((t) => `+ time off ${absence(t, zone)}`),
        ...step.timeOffRemoved.map((t) => `- time off ${absence(t, zone)}`),
      ];
      // A service replaced under the same key moves its staff links without a change worth a line.
      if (parts.length === 0) return [];
      return [`  ~ staff ${step.member.key}: ${parts.join('; ')}`, ...step.appointments.map((a) => `      kept: ${appointment(a, zone)}`)];
    }
    case 'archive':
      return archived('staff', step, zone);
    case 'delete':
      return [`  - staff ${step.key} (${step.name}) deleted`];
  }
}

function archived(subject: string, step: { key: string; name: string; appointments: AppointmentRef[] }, zone: string): string[] {
  const n = step.appointments.length;
  const why = n > 0 ? `, its ${count(n, 'booked appointment')} ${n === 1 ? 'stays' : 'stay'}` : ', kept for its past appointments';
  return [`  - ${subject} ${step.key} (${step.name}) archived: no longer offered${why}`, ...step.appointments.map((a) => `      ${appointment(a, zone)}`)];
}

const REASONS: Record<UncoveredReason, string> = {
  opening_hours: 'outside the opening hours',
  closure: 'in a closure',
  public_holiday: 'on a public holiday',
  staff_hours: "outside the staff member's hours",
  time_off: "in the staff member's time off",
};

function uncoveredLines(plan: BusinessPlan, zone: string): string[] {
  if (plan.uncovered.length === 0) return [];
  return [
    'Booked appointments the new rules no longer cover (they stay booked; move them or call the customers):',
    ...plan.uncovered.map((u) => `  ${appointment(u, zone)}: ${u.reasons.map((r) => REASONS[r]).join(', ')}`),
  ];
}

function refusal(r: Refusal): string {
  const what = `${r.subject} ${r.key} (${r.name})`;
  const ahead = count(r.appointments.length, 'booked appointment');
  if (r.change === 'removed') return `${what} is removed, but has ${ahead} ahead`;
  if (r.change === 'changed') return `${what} changes ${r.detail.join(', ')}, but has ${ahead} ahead`;
  return `${what} would no longer perform ${r.detail.join(', ')}, but has ${ahead} for it`;
}

/** "Tue 2027-03-02 14:30  Herrenhaarschnitt  Jan Petersen  appointment 4d10ada9-…", in the business's zone. */
function appointment(a: AppointmentRef, zone: string): string {
  const local = DateTime.fromMillis(a.startsAt, { zone }).toFormat('ccc yyyy-MM-dd HH:mm', { locale: 'en' });
  return `${local}  ${a.serviceName}  ${a.staffName}  appointment ${a.id}`;
}

function change(c: FieldChange): string {
  return `${c.field}: ${value(c.from)} → ${value(c.to)}`;
}

function value(v: unknown): string {
  if (v === undefined || v === null) return '(none)';
  if (Array.isArray(v)) {
    if (v.length === 0) return '(none)';
    return v.map((item) => (typeof item === 'object' && item !== null ? phase(item as Record<string, unknown>) : String(item))).join(', ');
  }
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

const phase = (p: Record<string, unknown>) =>
  p.work !== undefined ? `work ${String(p.work)}` : p.gap !== undefined ? `gap ${String(p.gap)} ${String(p.policy)}` : JSON.stringify(p);

function absence(a: AbsenceDefinition, zone: string): string {
  const entry = toAbsenceEntry(a, zone);
  return `${entry.from === entry.to ? entry.from : `${entry.from} – ${entry.to}`}${entry.reason ? ` (${entry.reason})` : ''}`;
}

const euros = (cents: number) => `${(cents / 100).toFixed(2)} €`;
const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
