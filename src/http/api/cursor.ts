import { z } from 'zod';
import type { PageKey } from '../../db/page.js';
import { ApiError } from '../errors.js';

const SORT_KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const CursorBody = z.object({ l: z.string(), k: z.string().regex(SORT_KEY), i: z.string().min(1).max(200) });

export type CursorList = 'calls' | 'appointments' | 'customers' | 'time_off' | 'closures';

/** An opaque continuation token: which list, and the (sort key, id) of the last row shown. */
export function encodeCursor(list: CursorList, key: PageKey): string {
  return Buffer.from(JSON.stringify({ l: list, k: key.sortKey, i: key.id })).toString('base64url');
}

/** The page key inside a cursor of `list`; a cursor that is damaged or belongs to another list is a 400. */
export function decodeCursor(list: CursorList, cursor: string | undefined): PageKey | null {
  if (cursor === undefined) return null;
  const invalid = new ApiError('bad_request', 'cursor: not a cursor of this list (pass nextCursor unchanged).');
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid;
  }
  const parsed = CursorBody.safeParse(json);
  if (!parsed.success || parsed.data.l !== list || !isRealInstant(parsed.data.k)) throw invalid;
  if (list !== 'calls' && !UUID.test(parsed.data.i)) throw invalid;
  return { sortKey: parsed.data.k, id: parsed.data.i };
}

/** Rejects 2030-02-31 and 25:00, which a lenient parser would roll over and Postgres would refuse. */
function isRealInstant(key: string): boolean {
  const ms = Date.parse(key);
  return !Number.isNaN(ms) && ms >= 0 && new Date(ms).toISOString().slice(0, 19) === key.slice(0, 19);
}
