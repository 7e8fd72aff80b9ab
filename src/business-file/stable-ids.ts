import { v5 as uuidV5 } from 'uuid';

/**
 * Ids of the rows a business file creates, derived from what identifies them (the business's slug, a service's or
 * staff member's key) as name-based UUIDs (version 5): the same file applied to any database gives the same ids,
 * so scripts and tests can name a row without reading it first, and no file has to carry a UUID. Apply never
 * matches on ids (only on slug and keys), so rows created otherwise keep theirs.
 */
const NAMESPACE = '7a3c2f0e-5b1d-4c8e-9f6a-2d4b8e1c0a57';

export function businessIdFor(slug: string): string {
  return uuidV5(`business/${slug}`, NAMESPACE);
}

/**
 * The id of a service or staff member. `generation` counts the rows that already had this key in the business
 * (an archived service keeps its row and key for its appointments): the first row is generation 0, a service
 * archived and defined again gets the next one.
 */
export function rowIdFor(slug: string, table: 'service' | 'staff', key: string, generation = 0): string {
  return uuidV5(generation === 0 ? `${table}/${slug}/${key}` : `${table}/${slug}/${key}/${generation}`, NAMESPACE);
}
