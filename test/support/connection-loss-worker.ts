// A process of its own whose database transaction loses its connection while it waits on a lock: the backend is
// terminated from another connection. Run apart from the test runner, so that an exception the driver throws
// outside any promise ends this process (and shows in its exit code) instead of the runner's.
// Input: one JSON argument; output: one JSON line with how the call ended and what the next query returned.
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { createPostgresDatabase } from '../../src/db/create-postgres.js';
import { rowsOf } from '../../src/db/rows.js';
import { customers } from '../../src/db/schema.js';

interface Job {
  url: string;
  preparedStatements: boolean;
}

export interface ConnectionLossResult {
  call: { kind: 'resolved' } | { kind: 'rejected'; message: string };
  /** What a query sent right after the failure, on the same pool, returned. */
  next: { kind: 'resolved'; value: unknown } | { kind: 'rejected'; message: string };
  /** A second transaction on the pool once the lock is gone. */
  after: { kind: 'resolved'; value: unknown } | { kind: 'rejected'; message: string };
}

const job = JSON.parse(process.argv[2] ?? '{}') as Job;
const database = createPostgresDatabase({ url: job.url, poolMax: 2, statementTimeoutMs: 10_000, preparedStatements: job.preparedStatements });
const admin = postgres(job.url, { max: 2, onnotice: () => {} });

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

// Another session holds the table, so the call below waits on it with its backend idle in a lock wait.
let release!: () => void;
const released = new Promise<void>((resolve) => (release = resolve));
let held!: () => void;
const locked = new Promise<void>((resolve) => (held = resolve));
const holder = admin.begin(async (tx) => {
  await tx`lock table customers in access exclusive mode`;
  held();
  await released;
});
await locked;

const call = database.db.transaction(async (tx) => tx.select({ id: customers.id }).from(customers).limit(1));
// The next query goes out in the same turn the failure arrives, as a request handler's next step would.
const outcome = call.then(
  () => ({ call: { kind: 'resolved' as const }, next: null }),
  (error: unknown) => ({
    call: { kind: 'rejected' as const, message: messageOf(error) },
    next: database.db.execute(sql`select 1 as one`),
  }),
);

const waiting = await backendWaitingOnLock();
await admin`select pg_terminate_backend(${waiting})`;

const settled = await outcome;
const next = settled.next
  ? await settled.next.then(
      (result) => ({ kind: 'resolved' as const, value: rowsOf(result) }),
      (error: unknown) => ({ kind: 'rejected' as const, message: messageOf(error) }),
    )
  : { kind: 'rejected' as const, message: 'the call did not fail, so no next query was sent' };

release();
await holder;
const after = await database.db
  .transaction(async (tx) => tx.select({ id: customers.id }).from(customers).limit(1))
  .then(
    (rows) => ({ kind: 'resolved' as const, value: rows }),
    (error: unknown) => ({ kind: 'rejected' as const, message: messageOf(error) }),
  );

const result: ConnectionLossResult = { call: settled.call, next, after };
process.stdout.write(`${JSON.stringify(result)}\n`);
await database.close();
await admin.end({ timeout: 2 });

/** The pid of our pool's backend once it waits on the lock (bounded: the lock is held until we release it). */
async function backendWaitingOnLock(): Promise<number> {
  for (let attempt = 0; attempt < 500; attempt++) {
    const [row] = await admin<{ pid: number }[]>`
      select pid from pg_stat_activity
      where datname = current_database() and application_name = 'termin-agent' and wait_event_type = 'Lock'`;
    if (row) return row.pid;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the call never waited on the lock');
}
