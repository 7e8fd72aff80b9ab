import type { z } from 'zod';
import type { Config } from '../config.js';
import { readControlFile, type ControlFile } from '../db/control-file.js';
import { createDatabase } from '../db/create-database.js';
import type { Database } from '../db/database.js';
import { DataDirInUseError } from '../db/data-dir-lock.js';
import { CliError } from './io.js';

/** The service that holds the embedded database, reached over its loopback control channel. */
export interface RunningService {
  pid: number;
  /** POSTs `body` to a control route and parses the answer with `schema`. */
  ask<S extends z.ZodType>(path: string, body: unknown, schema: S): Promise<z.infer<S>>;
}

/**
 * Runs a command on the configured database, or, when a running service holds the embedded one (which only one
 * process may open), hands the command to that service instead: creating or revoking a token never needs the
 * service stopped. On Postgres every process opens the database itself.
 */
export async function onDatabaseOrService<T>(
  config: Config,
  work: { local(database: Database): Promise<T>; remote(service: RunningService): Promise<T> },
): Promise<T> {
  let database: Database;
  try {
    database = await createDatabase(config);
  } catch (error) {
    if (!(error instanceof DataDirInUseError) || config.database.kind !== 'pglite') throw error;
    return work.remote(serviceHolding(config.database.dataDir, error.pid));
  }
  try {
    await database.migrate();
    return await work.local(database);
  } finally {
    await database.close();
  }
}

function serviceHolding(dataDir: string, pid: number): RunningService {
  const file = readControlFile(dataDir);
  // A file of another process is a leftover of a crashed run: its port may now belong to anyone.
  if (!file || file.pid !== pid) {
    throw new CliError(
      `The embedded database in ${dataDir} is open in another process (pid ${pid}) that offers no control channel ` +
        '(it is still starting, or is no termin-agent service of this version). Try again once it is up, or stop it first.',
    );
  }
  return { pid, ask: (path, body, schema) => ask(file, path, body, schema) };
}

async function ask<S extends z.ZodType>(file: ControlFile, path: string, body: unknown, schema: S): Promise<z.infer<S>> {
  let response: Response;
  try {
    response = await fetch(`http://127.0.0.1:${file.port}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${file.secret}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
  } catch {
    throw new CliError(`The running service (pid ${file.pid}) does not answer on its control port ${file.port}; is it still starting or stopping?`);
  }
  const answer: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message = (answer as { error?: { message?: unknown } } | null)?.error?.message;
    throw new CliError(`The running service (pid ${file.pid}) refused the request (${response.status}${typeof message === 'string' ? `: ${message}` : ''}).`);
  }
  const parsed = schema.safeParse(answer);
  if (!parsed.success) throw new CliError(`The running service (pid ${file.pid}) answered in a form this command does not know; is it another version?`);
  return parsed.data;
}
