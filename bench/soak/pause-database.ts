import postgres from 'postgres';

/**
 * Stalls every booking write for `ms`: a separate connection takes an ACCESS EXCLUSIVE lock on
 * appointment_segments and holds it, so every query touching busy time queues behind it, as it would behind a
 * long migration or a stuck transaction. Unlike a server-side sleep, nothing outside this database is affected.
 */
export async function pauseDatabase(databaseUrl: string, ms: number): Promise<void> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.begin(async (tx) => {
      await tx`lock table appointment_segments in access exclusive mode`;
      await tx`select pg_sleep(${ms / 1000})`;
    });
  } finally {
    await sql.end({ timeout: 2 });
  }
}
