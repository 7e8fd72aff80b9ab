/**
 * What a log line may say about an error: its class, its code (SQLSTATE, errno), the schema object it names and
 * a fixed message per class. Never the error's own message: drivers put the failed query, its parameters and the
 * offending row into it (`Failed query: … params: +49…, Anna …`, `Failing row contains (…)`, `Key (phone)=(…)`).
 */
export interface SafeError {
  type: string;
  message: string;
  code?: string;
  severity?: string;
  /** The statement that failed, as verb and table (`update calls`), never its text. */
  statement?: string;
  constraint?: string;
  table?: string;
  column?: string;
  schema?: string;
  routine?: string;
  syscall?: string;
  /** Zod: how many issues, and their codes (paths and messages can quote the input). */
  issues?: number;
  issue_codes?: string[];
  /** Stack frames only: the first line of a stack repeats the message. */
  stack?: string;
  cause?: SafeError;
  errors?: SafeError[];
}

const WITHHELD = 'message withheld from the log';
const MAX_DEPTH = 4;
const MAX_FRAMES = 30;
const MAX_AGGREGATE = 5;

const IDENTIFIER = /^[A-Za-z_$][\w$]{0,62}$/;
const SQLSTATE = /^[0-9A-Z]{5}$/;
/** ECONNRESET, CONNECTION_CLOSED, ERR_SOCKET_CLOSED: upper case, starting with a letter, so never a phone number. */
const SYMBOLIC_CODE = /^[A-Z][A-Z0-9_]{1,39}$/;
/** Our own codes (`lock_busy`, `not_found`): snake case with at least one underscore, so never a lone word. */
const SNAKE_CODE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/;
const SEVERITIES = new Set(['ERROR', 'FATAL', 'PANIC', 'WARNING', 'NOTICE', 'DEBUG', 'INFO', 'LOG']);
/** One V8 stack frame: `    at fn (location:line:col)` or `    at location:line:col`, locations without spaces. */
const FRAME =
  /^ {4}at (?:(?:async |new )?[^\s()]{1,200}(?: \[as [^\s\]]{1,100}\])? \()?(?:(?:file:\/\/|node:|wasm:\/\/|\/|[A-Za-z]:\\)[^\s()]{0,500}|<anonymous>|native|index \d{1,4})\)?$/;

/** Postgres condition names of the SQLSTATEs worth naming; the class names the rest. */
const CONDITIONS: Record<string, string> = {
  '23502': 'not_null_violation',
  '23503': 'foreign_key_violation',
  '23505': 'unique_violation',
  '23514': 'check_violation',
  '23P01': 'exclusion_violation',
  '25P02': 'in_failed_sql_transaction',
  '40001': 'serialization_failure',
  '40P01': 'deadlock_detected',
  '53300': 'too_many_connections',
  '55P03': 'lock_not_available',
  '57014': 'query_canceled',
  '57P01': 'admin_shutdown',
  '57P02': 'crash_shutdown',
  '57P03': 'cannot_connect_now',
  TA001: 'rules_changed',
};
const CONDITION_CLASSES: Record<string, string> = {
  '08': 'connection_exception',
  '22': 'data_exception',
  '23': 'integrity_constraint_violation',
  '25': 'invalid_transaction_state',
  '40': 'transaction_rollback',
  '42': 'syntax_error_or_access_rule_violation',
  '53': 'insufficient_resources',
  '54': 'program_limit_exceeded',
  '55': 'object_not_in_prerequisite_state',
  '57': 'operator_intervention',
  '58': 'system_error',
  P0: 'plpgsql_error',
  XX: 'internal_error',
};

/** Fixed messages by class, for errors whose class says what happened. */
const CLASS_MESSAGES: Record<string, string> = {
  DrizzleQueryError: 'database query failed',
  TransactionRollbackError: 'transaction rolled back',
  ZodError: 'validation failed',
  AbortError: 'operation aborted',
  TimeoutError: 'operation timed out',
  ExecutionError: 'lock operation did not reach a quorum',
  ResourceLockedError: 'lock held by another holder',
  ReplyError: 'redis replied with an error',
  MaxRetriesPerRequestError: 'redis request retries exhausted',
  ClusterAllFailedError: 'every redis node failed',
  LockBusyError: 'lock busy past the retry budget',
  LockLostError: 'lock lost while held',
  LockServiceClosedError: 'lock service closed',
};

/** Codes of a connection that failed or went away (node's errno codes and postgres.js's own). */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
]);

type Fields = Record<string, unknown>;

const identifier = (value: unknown): string | undefined => (typeof value === 'string' && IDENTIFIER.test(value) ? value : undefined);

/**
 * Reduces anything thrown to its safe form. Only fields the reduction builds itself reach the log: no message,
 * detail, hint, where, parameters, query text, or any other property of the error.
 */
export function serializeError(value: unknown, depth = 0): SafeError {
  if (!(value instanceof Error) && (typeof value !== 'object' || value === null)) {
    return { type: value === null ? 'null' : typeof value, message: 'a non-error value was thrown' };
  }
  const e = value as Fields;
  const code = codeOf(e.code);
  const pgShaped = code !== undefined && SQLSTATE.test(code) && typeof e.severity === 'string';
  const type = typeOf(value, pgShaped);
  const safe: SafeError = { type, message: messageOf(type, code) };
  if (code) safe.code = code;
  if (pgShaped) Object.assign(safe, databaseFields(e));
  const statement = statementOf(e.query);
  if (statement) safe.statement = statement;
  const syscall = identifier(e.syscall);
  if (syscall) safe.syscall = syscall;
  if (Array.isArray(e.issues)) Object.assign(safe, zodFields(e.issues));
  const stack = value instanceof Error ? framesOf(value) : undefined;
  if (stack) safe.stack = stack;
  if (depth < MAX_DEPTH) {
    if (e.cause !== undefined && e.cause !== value) {
      safe.cause = serializeError(e.cause, depth + 1);
      // A wrapper (drizzle's DrizzleQueryError) says what the driver's error beneath it says: lift its code.
      if (!safe.code && safe.cause.code) safe.code = safe.cause.code;
      if (!safe.constraint && safe.cause.constraint) safe.constraint = safe.cause.constraint;
    }
    if (Array.isArray(e.errors) && e.errors.length > 0) safe.errors = e.errors.slice(0, MAX_AGGREGATE).map((inner) => serializeError(inner, depth + 1));
  }
  return safe;
}

function codeOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  return SQLSTATE.test(value) || SYMBOLIC_CODE.test(value) || SNAKE_CODE.test(value) ? value : undefined;
}

function typeOf(value: object, pgShaped: boolean): string {
  const ctor = identifier((value as { constructor?: { name?: unknown } }).constructor?.name);
  const name = identifier((value as { name?: unknown }).name);
  // PGlite's (pg-protocol's) DatabaseError arrives minified, named 'error'; postgres.js names its own.
  if (pgShaped && ctor !== 'PostgresError') return 'DatabaseError';
  // DOMException carries its kind in the name (AbortError, TimeoutError).
  if (ctor && ctor !== 'Error' && ctor !== 'DOMException') return ctor;
  return name ?? ctor ?? 'Error';
}

function messageOf(type: string, code: string | undefined): string {
  if (code && SQLSTATE.test(code)) return `database error: ${CONDITIONS[code] ?? CONDITION_CLASSES[code.slice(0, 2)] ?? 'other'}`;
  const byClass = CLASS_MESSAGES[type];
  if (byClass) return byClass;
  if (code && CONNECTION_CODES.has(code)) return 'connection failed';
  return WITHHELD;
}

/** The schema objects a database error names (identifiers, never values); `detail` and `where` quote rows. */
function databaseFields(e: Fields): Partial<SafeError> {
  const out: Partial<SafeError> = {};
  if (typeof e.severity === 'string' && SEVERITIES.has(e.severity)) out.severity = e.severity;
  const constraint = identifier(e.constraint_name) ?? identifier(e.constraint);
  if (constraint) out.constraint = constraint;
  const table = identifier(e.table_name) ?? identifier(e.table);
  if (table) out.table = table;
  const column = identifier(e.column_name) ?? identifier(e.column);
  if (column) out.column = column;
  const schema = identifier(e.schema_name) ?? identifier(e.schema);
  if (schema) out.schema = schema;
  const routine = identifier(e.routine);
  if (routine) out.routine = routine;
  return out;
}

function zodFields(issues: unknown[]): Partial<SafeError> {
  const codes = new Set<string>();
  for (const issue of issues.slice(0, 50)) {
    const c = (issue as { code?: unknown } | null)?.code;
    if (typeof c === 'string' && /^[a-z_]{1,40}$/.test(c)) codes.add(c);
  }
  return { issues: issues.length, issue_codes: [...codes].slice(0, 10) };
}

const VERB = /^\s*(select|insert\s+into|update|delete\s+from|with|call|lock\s+table|begin|commit|rollback|savepoint|release)\b/i;
const QUOTED_TABLE = /^\s*"([a-z_][a-z0-9_]{0,62})"/;
const FROM_TABLE = /\bfrom\s+"([a-z_][a-z0-9_]{0,62})"/i;
const FUNCTION_CALL = /^\s*select\s+(?:[a-z_][a-z0-9_, ]{0,200}\s+from\s+)?([a-z_][a-z0-9_]{0,62})\s*\(/i;

/**
 * The statement a failed query ran, as its verb and table (`insert customers`, `select insert_appointment`).
 * Drizzle sends values as parameters, but query text can still hold literals; only the leading verb and a
 * quoted identifier right after it (or after the first `from`) are read out of it.
 */
function statementOf(query: unknown): string | undefined {
  if (typeof query !== 'string') return undefined;
  const head = query.slice(0, 2_000);
  const verb = VERB.exec(head);
  if (!verb) return undefined;
  const word = verb[1]!.toLowerCase().split(/\s+/)[0]!;
  const rest = head.slice(verb[0].length);
  if (word === 'insert' || word === 'update' || word === 'delete' || word === 'lock') {
    const table = QUOTED_TABLE.exec(rest)?.[1] ?? /^\s*([a-z_][a-z0-9_]{0,62})\b/.exec(rest)?.[1];
    return table ? `${word} ${table}` : word;
  }
  if (word === 'select') {
    const fn = FUNCTION_CALL.exec(head)?.[1];
    if (fn && fn.toLowerCase() !== 'from') return `select ${fn}`;
    const table = FROM_TABLE.exec(head)?.[1];
    return table ? `select ${table}` : word;
  }
  return word;
}

/**
 * The stack's frames without its first line (`Type: message`, where the message may span many lines and quote
 * anything). The header is cut at the message as it stands; every remaining line must look like a frame.
 */
function framesOf(error: Error): string | undefined {
  const stack = typeof error.stack === 'string' ? error.stack : '';
  if (!stack) return undefined;
  const message = typeof error.message === 'string' ? error.message : '';
  const at = message ? stack.indexOf(message) : -1;
  const rest = at >= 0 ? stack.slice(at + message.length) : stack;
  const frames: string[] = [];
  for (const line of rest.split('\n', 200)) {
    if (frames.length >= MAX_FRAMES) break;
    if (line.length <= 600 && FRAME.test(line)) frames.push(line);
  }
  return frames.length > 0 ? frames.join('\n') : undefined;
}
