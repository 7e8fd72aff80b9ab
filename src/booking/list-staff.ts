import { and, asc, eq } from 'drizzle-orm';
import { anyUuid } from '../db/any-of.js';
import type { Scope } from '../access/principal.js';
import type { Queryable } from '../db/database.js';
import { staff, staffServices } from '../db/schema.js';
import { readJsonColumn, WeeklyHours } from '../db/json-columns.js';

export interface StaffRecord {
  id: string;
  name: string;
  aliases: string[];
  active: boolean;
  workingHours: WeeklyHours;
  serviceIds: string[];
}

/** The business's staff by name; a staff member's scope holds only their own record. */
export async function listStaff(db: Queryable, scope: Scope): Promise<StaffRecord[]> {
  const rows = await db
    .select({ id: staff.id, name: staff.name, aliases: staff.aliases, active: staff.active, workingHours: staff.workingHours })
    .from(staff)
    .where(and(eq(staff.businessId, scope.businessId), scope.staffId ? eq(staff.id, scope.staffId) : undefined))
    .orderBy(asc(staff.name), asc(staff.id));
  if (rows.length === 0) return [];
  const links = await db
    .select({ staffId: staffServices.staffId, serviceId: staffServices.serviceId })
    .from(staffServices)
    .where(
      anyUuid(
        staffServices.staffId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(staffServices.serviceId));
  return rows.map((r) => ({
    ...r,
    workingHours: readJsonColumn(WeeklyHours, r.workingHours, 'staff.working_hours'),
    serviceIds: links.filter((l) => l.staffId === r.id).map((l) => l.serviceId),
  }));
}
