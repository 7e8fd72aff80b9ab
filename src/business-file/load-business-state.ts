import { and, asc, eq, gt, ne, notExists, or, sql } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import { BusinessAnswers, readJsonColumn, ServiceSegments, WeeklyHours } from '../db/json-columns.js';
import { activityLog, appointments, businesses, closures, services, staff, staffServices, staffTimeOff } from '../db/schema.js';
import type { AbsenceDefinition, BusinessDefinition, ServiceDefinition } from './business-definition.js';
import { canonicalHours } from './week-hours.js';

/** A closure or time off as stored: with its row id. */
export interface StoredAbsence extends AbsenceDefinition {
  id: string;
}

export type StoredBusiness = Omit<BusinessDefinition, 'closures' | 'services' | 'staff'> & { id: string };

export interface StoredService extends ServiceDefinition {
  id: string;
  /** Where the file listed it. */
  position: number;
  active: boolean;
  /** Some appointment (of any status, past or ahead) points at it: it can be archived, not deleted. */
  referenced: boolean;
}

export interface StoredStaff {
  id: string;
  key: string;
  position: number;
  name: string;
  aliases: string[];
  active: boolean;
  referenced: boolean;
  workingHours: WeeklyHours;
  serviceIds: string[];
  timeOff: StoredAbsence[];
}

/** A booked appointment that has not ended yet: what a change must not silently break. */
export interface AheadAppointment {
  id: string;
  serviceId: string;
  staffId: string;
  startsAt: number;
  endsAt: number;
}

/** Everything of a business that a file defines, as stored, plus the booked appointments still ahead. */
export interface BusinessState {
  business: StoredBusiness;
  services: StoredService[];
  staff: StoredStaff[];
  closures: StoredAbsence[];
  ahead: AheadAppointment[];
}

const absence = (r: { id: string; startsAt: Date; endsAt: Date; reason: string | null }): StoredAbsence => ({
  id: r.id,
  startsAt: r.startsAt.getTime(),
  endsAt: r.endsAt.getTime(),
  reason: r.reason,
});

/**
 * A closure or time off entered through the staff API (a sick day, a closure for a burst pipe) is the day's business,
 * not the file's: a file applied later neither removes it nor exports it. The API writes an activity row for each.
 */
function notEnteredByApi(db: Queryable, businessId: string, action: 'time_off.added' | 'closure.added', rowId: ReturnType<typeof sql>) {
  return notExists(
    db
      .select({ one: sql`1` })
      .from(activityLog)
      .where(and(eq(activityLog.businessId, businessId), eq(activityLog.action, action), eq(activityLog.entityId, rowId))),
  );
}

/** The business with `slug` as stored, or null when there is none. */
export async function loadBusinessState(db: Queryable, slug: string, now: Date): Promise<BusinessState | null> {
  const [b] = await db.select().from(businesses).where(eq(businesses.slug, slug)).limit(1);
  if (!b) return null;
  const [serviceRows, staffRows, links, timeOff, closureRows, referenced, ahead] = await Promise.all([
    db.select().from(services).where(eq(services.businessId, b.id)).orderBy(asc(services.position), asc(services.createdAt), asc(services.id)),
    db.select().from(staff).where(eq(staff.businessId, b.id)).orderBy(asc(staff.position), asc(staff.createdAt), asc(staff.id)),
    db
      .select({ staffId: staffServices.staffId, serviceId: staffServices.serviceId })
      .from(staffServices)
      .innerJoin(staff, eq(staff.id, staffServices.staffId))
      .where(eq(staff.businessId, b.id)),
    db
      .select({ id: staffTimeOff.id, staffId: staffTimeOff.staffId, startsAt: staffTimeOff.startsAt, endsAt: staffTimeOff.endsAt, reason: staffTimeOff.reason })
      .from(staffTimeOff)
      .innerJoin(staff, eq(staff.id, staffTimeOff.staffId))
      .where(and(eq(staff.businessId, b.id), notEnteredByApi(db, b.id, 'time_off.added', sql`${staffTimeOff.id}::text`)))
      .orderBy(asc(staffTimeOff.startsAt)),
    db
      .select()
      .from(closures)
      .where(and(eq(closures.businessId, b.id), notEnteredByApi(db, b.id, 'closure.added', sql`${closures.id}::text`)))
      .orderBy(asc(closures.startsAt)),
    db.selectDistinct({ serviceId: appointments.serviceId, staffId: appointments.staffId }).from(appointments).where(eq(appointments.businessId, b.id)),
    db
      .select({
        id: appointments.id,
        serviceId: appointments.serviceId,
        staffId: appointments.staffId,
        startsAt: appointments.startsAt,
        endsAt: appointments.endsAt,
      })
      .from(appointments)
      .where(and(eq(appointments.businessId, b.id), eq(appointments.status, 'booked'), gt(appointments.endsAt, now)))
      .orderBy(asc(appointments.startsAt), asc(appointments.id)),
  ]);
  const usedServices = new Set(referenced.map((r) => r.serviceId));
  const usedStaff = new Set(referenced.map((r) => r.staffId));
  return {
    business: {
      id: b.id,
      slug: b.slug,
      name: b.name,
      kind: b.kind === 'practice' ? 'practice' : 'salon',
      timeZone: b.timeZone,
      holidayRegion: b.holidayRegion,
      phoneNumbers: b.phoneNumbers,
      retellAgentIds: b.retellAgentIds,
      transferNumber: b.transferNumber,
      address: b.address,
      answers: readJsonColumn(BusinessAnswers, b.answers, 'businesses.answers'),
      slotStepMinutes: b.slotStepMinutes,
      minNoticeMinutes: b.minNoticeMinutes,
      horizonDays: b.horizonDays,
      openingHours: canonicalHours(readJsonColumn(WeeklyHours, b.openingHours, 'businesses.opening_hours')),
    },
    services: serviceRows.map((s) => ({
      id: s.id,
      key: s.key,
      name: s.name,
      synonyms: s.synonyms,
      description: s.description,
      durationMinutes: s.durationMinutes,
      priceCents: s.priceCents,
      bufferBeforeMinutes: s.bufferBeforeMinutes,
      bufferAfterMinutes: s.bufferAfterMinutes,
      segments: readJsonColumn(ServiceSegments, s.segments, 'services.segments'),
      grammaticalGender: s.grammaticalGender,
      plural: s.plural,
      position: s.position,
      active: s.active,
      referenced: usedServices.has(s.id),
    })),
    staff: staffRows.map((m) => ({
      id: m.id,
      key: m.key,
      position: m.position,
      name: m.name,
      aliases: m.aliases,
      active: m.active,
      referenced: usedStaff.has(m.id),
      workingHours: canonicalHours(readJsonColumn(WeeklyHours, m.workingHours, 'staff.working_hours')),
      serviceIds: links.filter((l) => l.staffId === m.id).map((l) => l.serviceId),
      timeOff: timeOff.filter((t) => t.staffId === m.id).map(absence),
    })),
    closures: closureRows.map(absence),
    ahead: ahead.map((a) => ({ ...a, startsAt: a.startsAt.getTime(), endsAt: a.endsAt.getTime() })),
  };
}

/** A number or agent id that already routes calls to another business: the same one on two would be ambiguous. */
export interface RoutingClash {
  value: string;
  slug: string;
}

/** The phone numbers and agent ids of `definition` that another business already has. */
export async function findRoutingClashes(db: Queryable, definition: BusinessDefinition): Promise<RoutingClash[]> {
  const { phoneNumbers, retellAgentIds } = definition;
  if (phoneNumbers.length === 0 && retellAgentIds.length === 0) return [];
  const rows = await db
    .select({ slug: businesses.slug, phoneNumbers: businesses.phoneNumbers, retellAgentIds: businesses.retellAgentIds })
    .from(businesses)
    .where(
      and(
        ne(businesses.slug, definition.slug),
        or(
          sql`${businesses.phoneNumbers} && ${`{${phoneNumbers.join(',')}}`}::text[]`,
          sql`${businesses.retellAgentIds} && ${`{${retellAgentIds.map((id) => `"${id.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[]`,
        ),
      ),
    );
  return rows.flatMap((r) =>
    [...r.phoneNumbers, ...r.retellAgentIds].filter((v) => phoneNumbers.includes(v) || retellAgentIds.includes(v)).map((value) => ({ value, slug: r.slug })),
  );
}

/** The ids of a business's staff, for taking their calendars' locks before reading its appointments. */
export async function staffIdsOf(db: Queryable, slug: string): Promise<string[]> {
  const rows = await db.select({ id: staff.id }).from(staff).innerJoin(businesses, eq(businesses.id, staff.businessId)).where(eq(businesses.slug, slug));
  return rows.map((r) => r.id);
}
