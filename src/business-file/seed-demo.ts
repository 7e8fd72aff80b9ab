import { count } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { businesses } from '../db/schema.js';
import { applyBusinessDefinition } from './apply-business-file.js';
import { demoPractice, demoSalon } from './demo-businesses.js';

/**
 * Applies the demo's files: the demo salon and practice as their files define them; running it twice changes
 * nothing. A demo database someone changed is set back to the files, except where booked appointments would be
 * left behind: then that business is left as it is and the refusal is returned.
 */
export async function seedDemo(db: Db, now: Date): Promise<Array<{ slug: string; outcome: string }>> {
  const results = [];
  for (const demo of [demoSalon, demoPractice]) results.push({ slug: demo.slug, outcome: (await applyBusinessDefinition(db, demo, { now })).kind });
  return results;
}

/** True when no business exists yet (a fresh database). */
export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(businesses);
  return (row?.n ?? 0) === 0;
}
