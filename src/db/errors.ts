/** SQLSTATE codes the code reacts to. */
export const SqlState = {
  exclusionViolation: '23P01',
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
  checkViolation: '23514',
  deadlockDetected: '40P01',
  serializationFailure: '40001',
  /** Raised by `insert_appointment` when the business rules changed since the slot was checked. */
  rulesChanged: 'TA001',
} as const;

interface PgErrorFields {
  code?: unknown;
  constraint_name?: unknown;
  constraint?: unknown;
  cause?: unknown;
}

/**
 * The SQLSTATE and constraint of a database error, wherever it sits: drizzle wraps driver errors
 * (DrizzleQueryError) and puts the driver's error in `cause`; postgres.js names the constraint
 * `constraint_name`, PGlite `constraint`.
 */
export function pgErrorOf(error: unknown): { code: string; constraint: string | null } | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const e = current as PgErrorFields;
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) {
      const constraint = typeof e.constraint_name === 'string' ? e.constraint_name : typeof e.constraint === 'string' ? e.constraint : null;
      return { code: e.code, constraint };
    }
    current = e.cause;
  }
  return null;
}

/** True when the error is the given SQLSTATE (optionally on the given constraint). */
export function isPgError(error: unknown, code: string, constraint?: string): boolean {
  const pg = pgErrorOf(error);
  return pg !== null && pg.code === code && (constraint === undefined || pg.constraint === constraint);
}
