import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import { staff } from '../db/schema.js';

export interface StaffMemberRef {
  id: string;
  name: string;
  active: boolean;
}

/** A staff member of the business by id, or null (also for another business's). */
export async function findStaffMember(db: Queryable, businessId: string, id: string): Promise<StaffMemberRef | null> {
  const [row] = await db
    .select({ id: staff.id, name: staff.name, active: staff.active })
    .from(staff)
    .where(and(eq(staff.id, id), eq(staff.businessId, businessId)))
    .limit(1);
  return row ?? null;
}
