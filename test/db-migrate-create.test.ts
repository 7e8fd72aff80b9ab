import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from '../src/cli.js';
import { withDatabase } from '../src/db/postgres-target.js';
import { memoryIo } from './support/cli-io.js';
import { findFreePort } from './support/free-port.js';

/** `termin-agent migrate` on a server with no database of that name yet: created, or one line saying how. */
describe('migrate on a Postgres server from nothing', () => {
  const server = inject('postgresServerUrl');
  const suffix = `${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  // A capital and a hyphen: created only if the name is quoted as an identifier.
  const name = `Termin-Neu_${suffix}`;
  const role = `termin_nocreate_${suffix}`;
  let admin: ReturnType<typeof postgres>;

  beforeAll(() => {
    admin = postgres(server, { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.unsafe(`drop database if exists "${role}_db" with (force)`);
    await admin.unsafe(`drop role if exists "${role}"`);
    await admin.end({ timeout: 2 });
  });

  const exists = async (database: string) => (await admin`select 1 from pg_database where datname = ${database}`).length === 1;
  const migrate = async (url: string, command = 'migrate') => {
    const io = memoryIo({ DATABASE_URL: url });
    const code = await runCli([command], io.streams);
    return { code, out: io.out(), err: io.err() };
  };

  it('creates the database, migrates it, and changes nothing the second time', async () => {
    const url = withDatabase(server, name);
    const first = await migrate(url);
    expect(first).toMatchObject({ code: 0, err: '' });
    expect(first.out).toBe(`created database "${name}"\nmigrations applied (postgres)\n`);
    expect(await exists(name)).toBe(true);
    const created = postgres(url, { max: 1, onnotice: () => {} });
    try {
      expect(await created`select count(*)::int as n from businesses`).toEqual([{ n: 0 }]);
    } finally {
      await created.end({ timeout: 2 });
    }
    expect(await migrate(url)).toEqual({ code: 0, out: 'migrations applied (postgres)\n', err: '' });
  });

  it('says in one line how to create the database when its user may not, and creates nothing', async () => {
    await admin.unsafe(`create role "${role}" login nocreatedb`);
    const url = new URL(withDatabase(server, `${role}_db`));
    url.username = role;
    url.password = 'not-shown';
    const r = await migrate(url.toString());
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    expect(r.err).toContain(`Database "${role}_db" does not exist`);
    expect(r.err).toContain(`user "${role}" may not create it`);
    expect(r.err).toContain(`CREATE DATABASE "${role}_db" OWNER "${role}";`);
    expect(r.err).not.toContain('not-shown');
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(await exists(`${role}_db`)).toBe(false);
  });

  it('says in one line that a server is down, for migrate and for every command that needs the database', async () => {
    const down = `postgres://postgres:secret-pw@127.0.0.1:${await findFreePort()}/termin`;
    for (const command of ['migrate', 'seed']) {
      const r = await migrate(down, command);
      expect(r.code, command).toBe(1);
      expect(r.err, command).toMatch(
        /^Cannot reach Postgres at 127\.0\.0\.1:\d+ \(connection refused\): is the server running, and is DATABASE_URL right\?\n$/,
      );
      expect(r.err).not.toContain('secret-pw');
    }
  });

  it('points a command other than migrate on a missing database to migrate, in one line', async () => {
    const missing = withDatabase(server, `termin_missing_${suffix}`);
    const r = await migrate(missing, 'seed');
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      `Database "termin_missing_${suffix}" does not exist on ${new URL(server).hostname}:${new URL(server).port || '5432'}: run termin-agent migrate, which creates it.\n`,
    );
    expect(await exists(`termin_missing_${suffix}`)).toBe(false);
  });
});
