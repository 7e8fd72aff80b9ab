import { eq } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import { businesses } from '../db/schema.js';
import type { ReceptionScope } from './reception-scope.js';

/** The business's IANA zone, in which a wish's local date and time are read. Throws for an unknown business. */
export async function businessZone(db: Queryable, scope: ReceptionScope): Promise<string> {
  if (scope.directory) return scope.directory.business.timeZone;
  const [row] = await db.select({ timeZone: businesses.timeZone }).from(businesses).where(eq(businesses.id, scope.businessId)).limit(1);
  if (!row) throw new UnknownBusinessError(scope.businessId);
  return row.timeZone;
}

/** The reception was built for a business that does not exist (the transport routed a call wrongly). */
export class UnknownBusinessError extends Error {
  constructor(readonly businessId: string) {
    super(`no business ${businessId}`);
    this.name = 'UnknownBusinessError';
  }
}
