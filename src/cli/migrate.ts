import { loadConfig } from '../config.js';
import { createDatabase } from '../db/create-database.js';
import { ensurePostgresDatabase } from '../db/ensure-postgres-database.js';
import { seedDemo } from '../db/seed/seed-business.js';
import { wantsHelp, type CliIo } from './io.js';

/** `termin-agent migrate`: applies pending migrations to the configured database. */
export async function runMigrate(args: string[], io: CliIo): Promise<number> {
  if (wantsHelp(args)) {
    io.stdout.write(
      'termin-agent migrate\n\nApplies pending SQL migrations to DATABASE_URL (or the embedded database). Safe to repeat.\n' +
        'On Postgres, a database that does not exist yet is created first (or, without the right to, it says how).\n',
    );
    return 0;
  }
  const config = loadConfig(io.env);
  if (config.database.kind === 'postgres') {
    const ensured = await ensurePostgresDatabase(config.database.url);
    if (ensured.created) io.stdout.write(`created database "${ensured.database}"\n`);
  }
  const database = await createDatabase(config);
  try {
    await database.migrate();
    io.stdout.write(`migrations applied (${database.kind})\n`);
    return 0;
  } finally {
    await database.close();
  }
}

/** `termin-agent seed`: inserts the demo businesses; running it twice changes nothing. */
export async function runSeed(args: string[], io: CliIo): Promise<number> {
  if (wantsHelp(args)) {
    io.stdout.write('termin-agent seed\n\nMigrates, then inserts the demo salon and practice (idempotent).\n');
    return 0;
  }
  const database = await createDatabase(loadConfig(io.env));
  try {
    await database.migrate();
    await seedDemo(database.db);
    io.stdout.write('demo businesses seeded: Salon Haarmonie (Berlin), Zahnarztpraxis Dr. Berger\n');
    return 0;
  } finally {
    await database.close();
  }
}
