import { and, asc, eq } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import { businesses, services, staff, staffServices, type GrammaticalGender } from '../db/schema.js';
import { BusinessAnswers, readJsonColumn, ServiceSegments, WeeklyHours, type ServiceSegment } from '../db/json-columns.js';

/** What a business offers, as callers name it: services with synonyms, staff with aliases. */
export interface Directory {
  business: {
    id: string;
    name: string;
    kind: string;
    timeZone: string;
    transferNumber: string | null;
    openingHours: WeeklyHours;
    address: string | null;
    answers: BusinessAnswers;
  };
  services: Array<{
    id: string;
    name: string;
    synonyms: string[];
    description: string | null;
    durationMinutes: number;
    priceCents: number | null;
    segments: ServiceSegment[];
    /** The name's grammar, for articles and verbs (`src/german/speak`); absent or null: no article. */
    grammaticalGender?: GrammaticalGender | null;
    plural?: boolean;
  }>;
  staff: Array<{ id: string; name: string; aliases: string[]; serviceIds: string[] }>;
}

/** Reads a business's directory; null when the business does not exist. */
export async function loadDirectory(db: Queryable, businessId: string): Promise<Directory | null> {
  const [businessRows, serviceRows, staffRows, links] = await Promise.all([
    db.select().from(businesses).where(eq(businesses.id, businessId)).limit(1),
    db
      .select()
      .from(services)
      .where(and(eq(services.businessId, businessId), eq(services.active, true)))
      .orderBy(asc(services.name)),
    db
      .select()
      .from(staff)
      .where(and(eq(staff.businessId, businessId), eq(staff.active, true)))
      .orderBy(asc(staff.name)),
    db
      .select({ staffId: staffServices.staffId, serviceId: staffServices.serviceId })
      .from(staffServices)
      .innerJoin(staff, eq(staff.id, staffServices.staffId))
      .where(eq(staff.businessId, businessId)),
  ]);
  const b = businessRows[0];
  if (!b) return null;
  return {
    business: {
      id: b.id,
      name: b.name,
      kind: b.kind,
      timeZone: b.timeZone,
      transferNumber: b.transferNumber,
      openingHours: readJsonColumn(WeeklyHours, b.openingHours, 'businesses.opening_hours'),
      address: b.address,
      answers: readJsonColumn(BusinessAnswers, b.answers, 'businesses.answers'),
    },
    services: serviceRows.map((s) => ({
      id: s.id,
      name: s.name,
      synonyms: s.synonyms,
      description: s.description,
      durationMinutes: s.durationMinutes,
      priceCents: s.priceCents,
      segments: readJsonColumn(ServiceSegments, s.segments, 'services.segments'),
      grammaticalGender: s.grammaticalGender,
      plural: s.plural,
    })),
    staff: staffRows.map((m) => ({ id: m.id, name: m.name, aliases: m.aliases, serviceIds: links.filter((l) => l.staffId === m.id).map((l) => l.serviceId) })),
  };
}
