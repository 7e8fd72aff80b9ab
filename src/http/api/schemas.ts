import { z } from '@hono/zod-openapi';
import { isRecordInstant } from '../../date-window.js';
import { localDayOf } from '../../booking/local-days.js';
import { ApiError } from '../errors.js';

/** `{ error: { code, message } }`, the one error envelope (some errors add fields such as `alternatives`). */
const ErrorBody = z
  .object({ error: z.object({ code: z.string().openapi({ example: 'not_found' }), message: z.string() }).catchall(z.unknown()) })
  .openapi('Error');

const ERROR_DESCRIPTIONS = {
  400: 'Invalid input; the message names the field',
  401: 'Missing, invalid or revoked token',
  403: 'The token’s role may not use this endpoint',
  404: 'No such resource in this business (or not visible to this token)',
  409: 'Conflict; see `reason` and `alternatives`',
  422: 'Not possible as asked; see `reason` and `alternatives`',
  429: 'Rate limited; see Retry-After',
} as const;

/** OpenAPI responses for the given error statuses (401 and 429 are added to every route). */
export function errorResponses<S extends keyof typeof ERROR_DESCRIPTIONS>(...statuses: S[]) {
  const all = [...new Set<keyof typeof ERROR_DESCRIPTIONS>([...statuses, 401, 429])];
  return Object.fromEntries(all.map((s) => [s, { description: ERROR_DESCRIPTIONS[s], content: { 'application/json': { schema: ErrorBody } } }])) as Record<
    S | 401 | 429,
    { description: string; content: { 'application/json': { schema: typeof ErrorBody } } }
  >;
}

/** A message per problem: a missing value is not a malformed one. */
const say = (malformed: string) => (issue: { input?: unknown }) => (issue.input === undefined ? 'required' : malformed);

export const Id = z.guid({ error: say('must be an id (uuid)') });

/** A local day, "YYYY-MM-DD"; a day the calendar does not have (2026-02-30) is told apart from a malformed one. */
export const LocalDate = z
  .string({ error: say('must be a date (YYYY-MM-DD)') })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date (YYYY-MM-DD)', abort: true })
  .refine(isCalendarDay, { error: 'no such date' });

function isCalendarDay(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}
export const Instant = z.string().openapi({ format: 'date-time', example: '2030-03-05T09:00:00.000Z' });
export const iso = (d: Date) => d.toISOString();
export const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

/** A plain date (the business's local day) or an instant with offset, between 1970 and the end of 9999. */
export const DateBound = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })], { error: 'must be a date (YYYY-MM-DD) or an ISO instant with offset' })
  .refine((value) => isRecordInstant(Date.parse(value.length === 10 ? `${value}T12:00:00Z` : value)), { error: 'out of range (1970 to 9999)' })
  .openapi({ example: '2030-03-05' });

/** `from`: a date means that local day's midnight; `to`: a date includes the whole day. */
function boundToInstant(value: string | undefined, timeZone: string, edge: 'from' | 'to'): Date | undefined {
  if (value === undefined) return undefined;
  if (value.length > 10) return new Date(value);
  const day = localDayOf(timeZone, value);
  if (!day) throw new ApiError('bad_request', `${edge}: no such date`);
  return new Date(edge === 'from' ? day.startsAt : day.endsAt);
}

/**
 * The `from`/`to` filter of a list as instants. A range that ends before it starts would answer an empty page that
 * looks like "nothing there"; it is refused instead.
 */
export function rangeOf(query: { from?: string | undefined; to?: string | undefined }, timeZone: string): { from?: Date; to?: Date } {
  const from = boundToInstant(query.from, timeZone, 'from');
  const to = boundToInstant(query.to, timeZone, 'to');
  if (from && to && to.getTime() <= from.getTime()) throw new ApiError('bad_request', 'to: must be after from');
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

const unknownKey = (what: string) => (issue: { code?: string }) => (issue.code === 'unrecognized_keys' ? `unknown ${what}` : undefined);

/**
 * A route's query parameters. Any other parameter is refused with 400 naming it: a misspelt filter (`stafff=`) would
 * otherwise be dropped and the answer would hold more than was asked for. Every GET route declares its query with
 * this, also when it takes none.
 */
export function queryOf<T extends z.ZodRawShape>(shape: T) {
  return z.strictObject(shape, { error: unknownKey('query parameter') });
}

/** A JSON body. An unknown field is refused: a misspelt `staffid` must not book with whoever is free instead. */
export function bodyOf<T extends z.ZodRawShape>(shape: T) {
  return z.strictObject(shape, { error: unknownKey('field') });
}

export const pageQuery = {
  limit: z.coerce
    .number({ error: 'must be a number' })
    .int({ error: 'must be a whole number' })
    .min(1, { error: 'must be at least 1' })
    .optional()
    .openapi({ description: 'Page size; default 50, values above the configured maximum are lowered to it.', example: 50 }),
  cursor: z.string().max(1_000).optional().openapi({ description: 'The `nextCursor` of the previous page, unchanged.' }),
};

const DEFAULT_PAGE_LIMIT = 50;

/** The page size asked for, lowered to the configured maximum. */
export function pageLimit(asked: number | undefined, max: number): number {
  return Math.min(asked ?? DEFAULT_PAGE_LIMIT, max);
}

export const bearerSecurity = [{ bearerAuth: [] }];

/** A client's parameter name is said back only when it looks like one (a name, not a sentence or someone's number). */
const SAYABLE_NAME = /^[A-Za-z_][\w.[\]-]{0,63}$/;

/** "limit: must be at least 1; status: Invalid option…" — field names first, values never echoed. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .flatMap((issue) => {
      const path = issue.path.map(String);
      if (issue.code !== 'unrecognized_keys') return [`${path.join('.') || 'body'}: ${issue.message}`];
      return issue.keys.map((key) => `${[...path, SAYABLE_NAME.test(key) ? key : '(unreadable name)'].join('.')}: ${issue.message}`);
    })
    .slice(0, 5)
    .join('; ');
}
