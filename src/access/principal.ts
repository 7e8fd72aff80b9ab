import type { ApiRole } from './api-token.js';

/** Who a verified API token speaks for. */
export interface Principal {
  tokenId: string;
  businessId: string;
  /** The business's IANA zone, for reading plain dates in queries. */
  timeZone: string;
  role: ApiRole;
  /** Set for the staff role: the staff member the token belongs to. */
  staffId: string | null;
}

/**
 * What a reader may see: one business, and within it everything (admin, `staffId` null) or only what concerns
 * one staff member. Every read takes a scope, so no query can forget the tenant.
 */
export interface Scope {
  businessId: string;
  staffId: string | null;
}

export function scopeOf(principal: Principal): Scope {
  return { businessId: principal.businessId, staffId: principal.role === 'staff' ? principal.staffId : null };
}
