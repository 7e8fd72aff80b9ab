import { isDeepStrictEqual } from 'node:util';
import type { AbsenceDefinition, BusinessDefinition, ServiceDefinition, StaffDefinition } from './business-definition.js';
import { businessEntry, definitionOfState, serviceEntry, staffEntry } from './definition-to-file.js';
import { uncoveredReasons, type AppointmentRules, type UncoveredReason } from './find-uncovered-appointments.js';
import type { AheadAppointment, BusinessState, StoredAbsence, StoredService, StoredStaff } from './load-business-state.js';
import { businessIdFor, rowIdFor } from './stable-ids.js';
import { toWeekHours } from './week-hours.js';

/** One key of the file whose value changes, both values as the file writes them. */
export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

/** A booked appointment still ahead, named the way a salon owner recognises it (no customer data). */
export interface AppointmentRef {
  id: string;
  startsAt: number;
  serviceName: string;
  staffName: string;
}

export type ServiceStep =
  | { kind: 'add'; id: string; service: ServiceDefinition }
  | { kind: 'update'; id: string; service: ServiceDefinition; changes: FieldChange[] }
  /** What its booked appointments occupy changes: the old row is archived with them, a new row takes the key. */
  | { kind: 'replace'; id: string; oldId: string; service: ServiceDefinition; changes: FieldChange[]; appointments: AppointmentRef[] }
  | { kind: 'archive'; id: string; key: string; name: string; appointments: AppointmentRef[] }
  | { kind: 'delete'; id: string; key: string; name: string };

export type StaffStep =
  | { kind: 'add'; id: string; member: StaffDefinition; serviceIds: string[] }
  | {
      kind: 'update';
      id: string;
      member: StaffDefinition;
      /** Name, aliases, hours: the staff row itself. */
      changes: FieldChange[];
      servicesAdded: string[];
      servicesRemoved: string[];
      linksAdded: string[];
      linksRemoved: string[];
      timeOffAdded: AbsenceDefinition[];
      timeOffRemoved: StoredAbsence[];
      /** Appointments of the services they stop performing, kept (forced). */
      appointments: AppointmentRef[];
    }
  | { kind: 'archive'; id: string; key: string; name: string; appointments: AppointmentRef[] }
  | { kind: 'delete'; id: string; key: string; name: string };

/** How a service or staff member the file no longer has leaves: archived (appointments point at it) or deleted. */
type RetireStep = Extract<ServiceStep, { kind: 'archive' | 'delete' }>;

/** A change that would leave booked appointments behind: refused unless the owner forces it. */
export interface Refusal {
  subject: 'service' | 'staff';
  key: string;
  name: string;
  change: 'removed' | 'changed' | 'stops_service';
  /** The fields that changed, or the service a staff member stops performing. */
  detail: string[];
  appointments: AppointmentRef[];
}

export interface UncoveredAppointment extends AppointmentRef {
  reasons: UncoveredReason[];
}

export interface BusinessPlan {
  businessId: string;
  slug: string;
  create: boolean;
  definition: BusinessDefinition;
  /** Business keys and opening hours (by day) that change. */
  business: FieldChange[];
  services: ServiceStep[];
  staff: StaffStep[];
  closures: { added: AbsenceDefinition[]; removed: StoredAbsence[] };
  refusals: Refusal[];
  /** Booked appointments the new hours, closures or time off no longer cover: reported, kept as booked. */
  uncovered: UncoveredAppointment[];
}

export interface PlanOptions {
  now: number;
  forceArchive: boolean;
}

/** Fields whose change alters what a booked appointment occupies. */
const SHAPE = ['duration_minutes', 'segments', 'buffer_before_minutes', 'buffer_after_minutes'];

/**
 * What applying `definition` changes in the stored business (null: it does not exist yet), pure. Services and
 * staff are matched on their keys; a change that would leave booked appointments behind (a service or person
 * removed, a service's length changed, a person no longer performing a booked service) is refused, or with
 * `forceArchive` archived: no longer offered, the appointments stay valid with the archived row.
 */
export function planBusinessChanges(state: BusinessState | null, definition: BusinessDefinition, options: PlanOptions): BusinessPlan {
  const slug = definition.slug;
  const before = state ? definitionOfState(state, options.now) : null;
  const ahead = state?.ahead ?? [];
  const refusals: Refusal[] = [];
  const refOf = (a: AheadAppointment): AppointmentRef => ({
    id: a.id,
    startsAt: a.startsAt,
    serviceName: state?.services.find((s) => s.id === a.serviceId)?.name ?? '?',
    staffName: state?.staff.find((m) => m.id === a.staffId)?.name ?? '?',
  });
  const aheadOf = (test: (a: AheadAppointment) => boolean) => ahead.filter(test).map(refOf);
  const generation = (table: 'service' | 'staff', key: string) =>
    (table === 'service' ? state?.services : state?.staff)?.filter((r) => r.key === key).length ?? 0;

  // ---- Services
  const activeServices = new Map((state?.services ?? []).filter((s) => s.active).map((s) => [s.key, s]));
  const serviceSteps: ServiceStep[] = [];
  const targetId = new Map<string, string>();
  for (const [position, service] of definition.services.entries()) {
    const current = activeServices.get(service.key);
    if (!current) {
      const id = rowIdFor(slug, 'service', service.key, generation('service', service.key));
      targetId.set(service.key, id);
      serviceSteps.push({ kind: 'add', id, service });
      continue;
    }
    targetId.set(service.key, current.id);
    const changes = [...diff(serviceEntry(current), serviceEntry(service)), ...moved(current.position, position)];
    if (changes.length === 0) continue;
    const booked = aheadOf((a) => a.serviceId === current.id);
    const reshaped = changes.filter((c) => SHAPE.includes(c.field));
    if (reshaped.length === 0 || booked.length === 0) serviceSteps.push({ kind: 'update', id: current.id, service, changes });
    else if (!options.forceArchive)
      refusals.push({
        subject: 'service',
        key: service.key,
        name: current.name,
        change: 'changed',
        detail: reshaped.map((c) => c.field),
        appointments: booked,
      });
    else {
      const id = rowIdFor(slug, 'service', service.key, generation('service', service.key));
      targetId.set(service.key, id);
      serviceSteps.push({ kind: 'replace', id, oldId: current.id, service, changes, appointments: booked });
    }
  }
  const removedServices = new Set<string>();
  for (const current of activeServices.values()) {
    if (definition.services.some((s) => s.key === current.key)) continue;
    removedServices.add(current.id);
    serviceSteps.push(
      ...retire(
        'service',
        current,
        aheadOf((a) => a.serviceId === current.id),
        options,
        refusals,
      ),
    );
  }

  // ---- Staff
  const activeStaff = new Map((state?.staff ?? []).filter((m) => m.active).map((m) => [m.key, m]));
  const serviceKeyOf = new Map([...activeServices.values()].map((s) => [s.id, s.key]));
  const staffSteps: StaffStep[] = [];
  for (const [position, member] of definition.staff.entries()) {
    const current = activeStaff.get(member.key);
    const wantedIds = member.serviceKeys.map((k) => targetId.get(k)!);
    if (!current) {
      staffSteps.push({ kind: 'add', id: rowIdFor(slug, 'staff', member.key, generation('staff', member.key)), member, serviceIds: wantedIds });
      continue;
    }
    const step = updateStaff(current, member, wantedIds, serviceKeyOf, removedServices, {
      aheadOf,
      options,
      refusals,
      timeZone: definition.timeZone,
      position,
    });
    if (step) staffSteps.push(step);
  }
  for (const current of activeStaff.values()) {
    if (!definition.staff.some((m) => m.key === current.key))
      staffSteps.push(
        ...retire(
          'staff',
          current,
          aheadOf((a) => a.staffId === current.id),
          options,
          refusals,
        ),
      );
  }

  const plan: BusinessPlan = {
    businessId: state?.business.id ?? businessIdFor(slug),
    slug,
    create: state === null,
    definition,
    business: before ? businessChanges(before, definition) : [],
    services: serviceSteps,
    staff: staffSteps,
    closures: matchAbsences(state?.closures ?? [], definition.closures, options.now),
    refusals,
    uncovered: [],
  };
  if (state) plan.uncovered = findUncovered(state, plan, options.now).map(({ appointment, reasons }) => ({ ...refOf(appointment), reasons }));
  return plan;
}

/** True when applying the plan writes anything. */
export function planChanges(plan: BusinessPlan): boolean {
  return (
    plan.create ||
    plan.business.length > 0 ||
    plan.services.length > 0 ||
    plan.staff.length > 0 ||
    plan.closures.added.length + plan.closures.removed.length > 0
  );
}

interface StaffContext {
  aheadOf: (test: (a: AheadAppointment) => boolean) => AppointmentRef[];
  options: PlanOptions;
  refusals: Refusal[];
  timeZone: string;
  /** Where the file lists the member. */
  position: number;
}

function updateStaff(
  current: StoredStaff,
  member: StaffDefinition,
  wantedIds: string[],
  serviceKeyOf: Map<string, string>,
  removedServices: Set<string>,
  { aheadOf, options, refusals, timeZone, position }: StaffContext,
): StaffStep | null {
  const currentKeys = current.serviceIds.flatMap((id) => serviceKeyOf.get(id) ?? []);
  const servicesAdded = member.serviceKeys.filter((k) => !currentKeys.includes(k));
  const servicesRemoved = currentKeys.filter((k) => !member.serviceKeys.includes(k));
  const dropped = current.serviceIds.filter((id) => servicesRemoved.includes(serviceKeyOf.get(id) ?? ''));
  // A service that goes away altogether is refused (or archived) for itself; its link goes with it.
  const booked = aheadOf((a) => a.staffId === current.id && dropped.includes(a.serviceId) && !removedServices.has(a.serviceId));
  if (booked.length > 0 && !options.forceArchive) {
    const names = [...new Set(booked.map((b) => b.serviceName))];
    refusals.push({ subject: 'staff', key: member.key, name: current.name, change: 'stops_service', detail: names, appointments: booked });
    return null;
  }
  const { id: _id, active: _a, referenced: _r, serviceIds: _s, timeOff: _t, ...row } = current;
  const changes = [
    ...diff(staffEntry({ ...row, serviceKeys: [], timeOff: [] }, timeZone), staffEntry({ ...member, serviceKeys: [], timeOff: [] }, timeZone)),
    ...moved(current.position, position),
  ];
  const timeOff = matchAbsences(current.timeOff, member.timeOff, options.now);
  const linksAdded = wantedIds.filter((id) => !current.serviceIds.includes(id));
  const nothing = changes.length === 0 && servicesAdded.length + servicesRemoved.length + linksAdded.length === 0;
  if (nothing && timeOff.added.length + timeOff.removed.length === 0) return null;
  return {
    kind: 'update',
    id: current.id,
    member,
    changes,
    servicesAdded,
    servicesRemoved,
    linksAdded,
    linksRemoved: dropped,
    timeOffAdded: timeOff.added,
    timeOffRemoved: timeOff.removed,
    appointments: booked,
  };
}

/** A service or staff member the file no longer has: refused with booked appointments ahead, else archived or deleted. */
function retire(
  subject: 'service' | 'staff',
  current: StoredService | StoredStaff,
  booked: AppointmentRef[],
  options: PlanOptions,
  refusals: Refusal[],
): RetireStep[] {
  if (booked.length > 0 && !options.forceArchive) {
    refusals.push({ subject, key: current.key, name: current.name, change: 'removed', detail: [], appointments: booked });
    return [];
  }
  // Appointments (past ones too) point at the row: it stays, archived, so their history keeps its service and person.
  if (current.referenced) return [{ kind: 'archive', id: current.id, key: current.key, name: current.name, appointments: booked }];
  return [{ kind: 'delete', id: current.id, key: current.key, name: current.name }];
}

/** A row the file lists at another place than before (the order export writes, and lists show). */
function moved(stored: number, wanted: number): FieldChange[] {
  return stored === wanted ? [] : [{ field: 'position', from: stored + 1, to: wanted + 1 }];
}

/** The business's keys and its opening hours (day by day) that differ. */
function businessChanges(before: BusinessDefinition, after: BusinessDefinition): FieldChange[] {
  const hours = diff(toWeekHours(before.openingHours), toWeekHours(after.openingHours)).map((c) => ({ ...c, field: `opening_hours.${c.field}` }));
  return [...diff(businessEntry(before), businessEntry(after)), ...hours];
}

/** Key by key, what differs between two entries as a file writes them; hours and answers day by day, topic by topic. */
function diff(a: object, b: object): FieldChange[] {
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])];
  return keys.flatMap((field): FieldChange[] => {
    if (isDeepStrictEqual(left[field], right[field])) return [];
    const nested = (field === 'hours' || field === 'answers') && typeof left[field] === 'object' && typeof right[field] === 'object';
    if (nested) return diff(left[field] as object, right[field] as object).map((c) => ({ ...c, field: `${field}.${c.field}` }));
    return [{ field, from: left[field], to: right[field] }];
  });
}

/**
 * Closures or time off: each stored one the file has (same start, end and reason) stays; stored ones that have not
 * ended and are not in the file go; the file's others are added. Ended ones are history and stay.
 */
function matchAbsences(stored: readonly StoredAbsence[], wanted: readonly AbsenceDefinition[], now: number) {
  const left = [...stored];
  const added: AbsenceDefinition[] = [];
  for (const w of wanted) {
    const i = left.findIndex((s) => s.startsAt === w.startsAt && s.endsAt === w.endsAt && s.reason === w.reason);
    if (i >= 0) left.splice(i, 1);
    else added.push(w);
  }
  return { added, removed: left.filter((s) => s.endsAt > now) };
}

/** Booked appointments that the current rules cover and the planned ones do not (their service and person stay). */
function findUncovered(state: BusinessState, plan: BusinessPlan, now: number) {
  const d = plan.definition;
  const gone = new Set(
    [...plan.services, ...plan.staff].flatMap((s) => (s.kind === 'archive' || s.kind === 'delete' ? [s.id] : s.kind === 'replace' ? [s.oldId] : [])),
  );
  const kept = <T extends { startsAt: number; endsAt: number }>(list: readonly T[]) => list.filter((a) => a.endsAt > now);
  return state.ahead.flatMap((appointment) => {
    const member = state.staff.find((m) => m.id === appointment.staffId);
    const service = state.services.find((s) => s.id === appointment.serviceId);
    const planned = d.staff.find((m) => m.key === member?.key);
    if (!member || !service || !planned || gone.has(member.id) || gone.has(service.id)) return [];
    const rules = (
      b: { timeZone: string; holidayRegion: string | null; openingHours: BusinessDefinition['openingHours'] },
      closures: readonly AbsenceDefinition[],
    ) => ({
      timeZone: b.timeZone,
      holidayRegion: b.holidayRegion,
      openingHours: b.openingHours,
      closures: kept(closures),
    });
    const beforeRules: AppointmentRules = { ...rules(state.business, state.closures), staffHours: member.workingHours, staffTimeOff: kept(member.timeOff) };
    const afterRules: AppointmentRules = { ...rules(d, d.closures), staffHours: planned.workingHours, staffTimeOff: planned.timeOff };
    const reasons = uncoveredReasons(appointment, service, beforeRules, afterRules);
    return reasons.length > 0 ? [{ appointment, reasons }] : [];
  });
}
