import { systemClock } from '../clock.js';
import { loadConfig } from '../config.js';
import { createDatabase } from '../db/create-database.js';
import { ensurePostgresDatabase } from '../db/ensure-postgres-database.js';
import { seedDemo } from '../business-file/seed-demo.js';
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

const SEED_OUTCOMES: Record<string, string> = {
  applied: 'seeded from its file',
  unchanged: 'already as its file says',
  refused: 'not changed: its file would leave booked appointments behind (see termin-agent business apply --dry-run)',
};

/** `termin-agent seed`: applies the demo's business files; running it twice changes nothing. */
export async function runSeed(args: string[], io: CliIo): Promise<number> {
  if (wantsHelp(args)) {
    io.stdout.write("termin-agent seed\n\nMigrates, then applies the demo's business files (examples/demo/: the demo salon and practice). Idempotent.\n");
    return 0;
  }
  const database = await createDatabase(loadConfig(io.env));
  try {
    await database.migrate();
    const results = await seedDemo(database.db, systemClock.now());
    for (const { slug, outcome } of results) io.stdout.write(`${slug}: ${SEED_OUTCOMES[outcome] ?? outcome}\n`);
    return results.some((r) => r.outcome === 'refused') ? 1 : 0;
  } finally {
    await database.close();
  }
}
