import type { Principal } from '../../access/principal.js';
import { findStaffMember } from '../../booking/find-staff-member.js';
import type { AppContext } from '../../context.js';
import { customerExists } from '../../customers/customer-exists.js';
import { ApiError } from '../errors.js';

/**
 * A list filtered by an id that names nothing would answer an empty page, which reads as "none"; a misspelt or
 * stale id is said instead. These checks run before the list is read.
 */

/** `staff=`: a staff member of this business; a staff token may name only itself. */
export async function checkStaffFilter(ctx: Pick<AppContext, 'database'>, principal: Principal, staffId: string | undefined): Promise<void> {
  if (staffId === undefined) return;
  if (principal.role === 'staff') {
    if (staffId !== principal.staffId) throw new ApiError('forbidden', 'staff: a staff token sees only its own staff member.');
    return;
  }
  if (!(await findStaffMember(ctx.database.db, principal.businessId, staffId)))
    throw new ApiError('not_found', 'staff: no such staff member in this business.');
}

/** `customer=`: a customer of this business. */
export async function checkCustomerFilter(ctx: Pick<AppContext, 'database'>, principal: Principal, customerId: string | undefined): Promise<void> {
  if (customerId === undefined) return;
  if (!(await customerExists(ctx.database.db, principal.businessId, customerId)))
    throw new ApiError('not_found', 'customer: no such customer in this business.');
}
