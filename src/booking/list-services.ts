import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import { services } from '../db/schema.js';
import { readJsonColumn, ServiceSegments, type ServiceSegment } from '../db/json-columns.js';

export interface ServiceRecord {
  id: string;
  name: string;
  synonyms: string[];
  description: string | null;
  durationMinutes: number;
  priceCents: number | null;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  segments: ServiceSegment[];
  active: boolean;
}

/** The business's services by name, inactive ones included (flagged). */
export async function listServices(db: Queryable, businessId: string): Promise<ServiceRecord[]> {
  const rows = await db
    .select({
      id: services.id,
      name: services.name,
      synonyms: services.synonyms,
      description: services.description,
      durationMinutes: services.durationMinutes,
      priceCents: services.priceCents,
      bufferBeforeMinutes: services.bufferBeforeMinutes,
      bufferAfterMinutes: services.bufferAfterMinutes,
      segments: services.segments,
      active: services.active,
    })
    .from(services)
    .where(eq(services.businessId, businessId))
    .orderBy(asc(services.name), asc(services.id));
  return rows.map((r) => ({ ...r, segments: readJsonColumn(ServiceSegments, r.segments, 'services.segments') }));
}
