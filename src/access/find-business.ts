import { asc, eq, or, sql } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import { businesses } from '../db/schema.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type BusinessChoice =
  { kind: 'found'; business: { id: string; slug: string; name: string }; /** Chosen as the first of several. */ ambiguous: boolean } | { kind: 'not_found' };

/** A business by id or slug; without a reference the only one (or the first created, flagged as ambiguous). */
export async function findBusiness(db: Queryable, ref?: string): Promise<BusinessChoice> {
  const columns = { id: businesses.id, slug: businesses.slug, name: businesses.name };
  if (ref !== undefined) {
    const match = UUID.test(ref) ? or(eq(businesses.id, ref), eq(businesses.slug, ref)) : eq(businesses.slug, ref);
    const [row] = await db.select(columns).from(businesses).where(match).limit(1);
    return row ? { kind: 'found', business: row, ambiguous: false } : { kind: 'not_found' };
  }
  const rows = await db
    .select({ ...columns, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(businesses)
    .orderBy(asc(businesses.createdAt), asc(businesses.id))
    .limit(1);
  const first = rows[0];
  if (!first) return { kind: 'not_found' };
  const { total, ...business } = first;
  return { kind: 'found', business, ambiguous: total > 1 };
}
