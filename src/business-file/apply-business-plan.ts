import { and, eq, sql } from 'drizzle-orm';
import { anyUuid } from '../db/any-of.js';
import type { Tx } from '../db/database.js';
import { businesses, closures, services, staff, staffServices, staffTimeOff } from '../db/schema.js';
import type { AbsenceDefinition, BusinessDefinition, ServiceDefinition, StaffDefinition } from './business-definition.js';
import { planChanges, type BusinessPlan } from './plan-business-changes.js';

/**
 * Writes a plan inside the caller's transaction; rows the plan does not name are not touched, so an unchanged
 * service keeps its `updated_at` and the rules version moves only when something changed. Archived rows go first,
 * so that a key they free is taken by the new row without a moment of two active rows with one key.
 */
export async function applyBusinessPlan(tx: Tx, plan: BusinessPlan, now: Date): Promise<void> {
  if (!planChanges(plan)) return;
  const d = plan.definition;
  if (plan.create) await tx.insert(businesses).values({ id: plan.businessId, ...businessRow(d), createdAt: now, updatedAt: now });
  else if (plan.business.length > 0)
    await tx
      .update(businesses)
      .set({ ...businessRow(d), updatedAt: now })
      .where(eq(businesses.id, plan.businessId));

  const archived = [...plan.services.flatMap((s) => (s.kind === 'archive' ? [s.id] : s.kind === 'replace' ? [s.oldId] : []))];
  if (archived.length > 0) await tx.update(services).set({ active: false, updatedAt: now }).where(anyUuid(services.id, archived));
  const archivedStaff = plan.staff.flatMap((m) => (m.kind === 'archive' ? [m.id] : []));
  if (archivedStaff.length > 0) await tx.update(staff).set({ active: false, updatedAt: now }).where(anyUuid(staff.id, archivedStaff));

  const servicePosition = (key: string) => d.services.findIndex((s) => s.key === key);
  const staffPosition = (key: string) => d.staff.findIndex((m) => m.key === key);
  for (const step of plan.services) {
    if (step.kind === 'add' || step.kind === 'replace')
      await tx
        .insert(services)
        .values({ id: step.id, businessId: plan.businessId, ...serviceRow(step.service, servicePosition(step.service.key)), createdAt: now, updatedAt: now });
    else if (step.kind === 'update')
      await tx
        .update(services)
        .set({ ...serviceRow(step.service, servicePosition(step.service.key)), updatedAt: now })
        .where(eq(services.id, step.id));
  }
  for (const step of plan.staff) {
    if (step.kind === 'add') {
      await tx
        .insert(staff)
        .values({ id: step.id, businessId: plan.businessId, ...staffRow(step.member, staffPosition(step.member.key)), createdAt: now, updatedAt: now });
      await link(tx, step.id, step.serviceIds);
      await addTimeOff(tx, step.id, step.member.timeOff);
    } else if (step.kind === 'update') {
      if (step.changes.length > 0)
        await tx
          .update(staff)
          .set({ ...staffRow(step.member, staffPosition(step.member.key)), updatedAt: now })
          .where(eq(staff.id, step.id));
      if (step.linksRemoved.length > 0)
        await tx.delete(staffServices).where(and(eq(staffServices.staffId, step.id), anyUuid(staffServices.serviceId, step.linksRemoved)));
      await link(tx, step.id, step.linksAdded);
      const gone = step.timeOffRemoved.map((t) => t.id);
      if (gone.length > 0) await tx.delete(staffTimeOff).where(anyUuid(staffTimeOff.id, gone));
      await addTimeOff(tx, step.id, step.timeOffAdded);
    }
  }
  // Deleted last: nothing points at these rows (apply deletes only rows no appointment names).
  const deleted = plan.staff.flatMap((m) => (m.kind === 'delete' ? [m.id] : []));
  if (deleted.length > 0) await tx.delete(staff).where(anyUuid(staff.id, deleted));
  const deletedServices = plan.services.flatMap((s) => (s.kind === 'delete' ? [s.id] : []));
  if (deletedServices.length > 0) await tx.delete(services).where(anyUuid(services.id, deletedServices));

  const closed = plan.closures.removed.map((c) => c.id);
  if (closed.length > 0) await tx.delete(closures).where(anyUuid(closures.id, closed));
  if (plan.closures.added.length > 0) await tx.insert(closures).values(plan.closures.added.map((c) => ({ businessId: plan.businessId, ...absenceRow(c) })));

  // The triggers renew the version for what availability reads; a new name, number or answer is a change of the
  // business too, and every instance should see the file's whole state from the same version on.
  await tx.execute(sql`update businesses set rules_version = nextval('rules_version_seq') where id = ${plan.businessId}`);
}

function businessRow(d: BusinessDefinition) {
  return {
    slug: d.slug,
    name: d.name,
    kind: d.kind,
    timeZone: d.timeZone,
    holidayRegion: d.holidayRegion,
    phoneNumbers: d.phoneNumbers,
    retellAgentIds: d.retellAgentIds,
    transferNumber: d.transferNumber,
    address: d.address,
    answers: d.answers,
    openingHours: d.openingHours,
    slotStepMinutes: d.slotStepMinutes,
    minNoticeMinutes: d.minNoticeMinutes,
    horizonDays: d.horizonDays,
  };
}

function serviceRow(s: ServiceDefinition, position: number) {
  return {
    key: s.key,
    position,
    name: s.name,
    synonyms: s.synonyms,
    description: s.description,
    durationMinutes: s.durationMinutes,
    priceCents: s.priceCents,
    bufferBeforeMinutes: s.bufferBeforeMinutes,
    bufferAfterMinutes: s.bufferAfterMinutes,
    segments: s.segments,
    grammaticalGender: s.grammaticalGender,
    plural: s.plural,
    active: true,
  };
}

function staffRow(m: StaffDefinition, position: number) {
  return { key: m.key, position, name: m.name, aliases: m.aliases, workingHours: m.workingHours, active: true };
}

const absenceRow = (a: AbsenceDefinition) => ({ startsAt: new Date(a.startsAt), endsAt: new Date(a.endsAt), reason: a.reason });

async function link(tx: Tx, staffId: string, serviceIds: readonly string[]): Promise<void> {
  if (serviceIds.length > 0) await tx.insert(staffServices).values(serviceIds.map((serviceId) => ({ staffId, serviceId })));
}

async function addTimeOff(tx: Tx, staffId: string, timeOff: readonly AbsenceDefinition[]): Promise<void> {
  if (timeOff.length > 0) await tx.insert(staffTimeOff).values(timeOff.map((t) => ({ staffId, ...absenceRow(t) })));
}
