import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import postgres from 'postgres';

const run = promisify(execFile);

/** The server tests use: TEST_DATABASE_URL, DATABASE_URL, or the local default. */
export function serverUrl(): string {
  return process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

async function reachable(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

/** Finds the Postgres server, starting the local one if it is installed but down. */
export async function ensurePostgres(): Promise<string> {
  const url = serverUrl();
  if (await reachable(url)) return url;
  const script = fileURLToPath(new URL('../../scripts/ensure-services.sh', import.meta.url));
  await run('bash', [script]).catch(() => undefined);
  if (await reachable(url)) return url;
  throw new Error(`Postgres is not reachable at ${url.replace(/\/\/[^@]*@/, '//')}; set TEST_DATABASE_URL to a server the tests may create databases on.`);
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Creates an empty database with a random name on the server; `drop()` removes it. */
export async function createThrowawayDatabase(server: string, prefix = 'termin_test'): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end({ timeout: 2 });
  }
  return {
    name,
    url: withDatabase(server, name),
    async drop() {
      const a = postgres(server, { max: 1, onnotice: () => {} });
      try {
        await a.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await a.end({ timeout: 2 });
      }
    },
  };
}
