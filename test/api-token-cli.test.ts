import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyApiToken } from '../src/access/verify-api-token.js';
import { runCli } from '../src/cli.js';
import { runToken } from '../src/cli/token.js';
import { createFixedClock } from '../src/clock.js';
import type { Database } from '../src/db/database.js';
import { apiTokens } from '../src/db/schema.js';
import { createTestSalon, type TestBusiness } from './support/business.js';
import { memoryIo } from './support/cli-io.js';
import { openTestPglite, openTestPostgres } from './support/databases.js';

const io = () => memoryIo();

describe('termin-agent token', () => {
  let database: Database;
  let salon: TestBusiness;
  const clock = createFixedClock('2030-03-04T07:00:00Z');

  beforeAll(async () => {
    database = openTestPostgres(2);
    salon = await createTestSalon(database.db);
  });
  afterAll(async () => {
    await database.close();
  });

  const run = async (args: string[]) => {
    const t = io();
    const code = await runToken(args, t.streams, { database, clock });
    return { code, out: t.out(), err: t.err() };
  };

  it('creates an admin token, prints it once and stores only its sha256', async () => {
    const { code, out, err } = await run(['create', '--role', 'admin', '--business', salon.definition.slug, '--label', 'Rezeption iPad']);
    expect(code).toBe(0);
    const token = out.trim();
    expect(token).toMatch(/^ta_[A-Za-z0-9_-]{43}$/);
    expect(err).toContain(`admin token`);
    expect(err).toContain(salon.definition.slug);
    expect(err).not.toContain(token);
    const [row] = await database.db
      .select()
      .from(apiTokens)
      .where(eq(apiTokens.tokenHash, createHash('sha256').update(token).digest('hex')));
    expect(row).toMatchObject({ businessId: salon.id, role: 'admin', staffId: null, label: 'Rezeption iPad', revokedAt: null });
    expect(JSON.stringify(row)).not.toContain(token);
    expect(await verifyApiToken(database.db, token, clock.now())).toMatchObject({ businessId: salon.id, role: 'admin', staffId: null });
  });

  it('creates a staff token for a staff member of the business (by id, business by id)', async () => {
    const { code, out, err } = await run(['create', '--role=staff', `--staff=${salon.staff.fabian}`, `--business=${salon.id}`]);
    expect(code).toBe(0);
    expect(err).toContain('Fabian Spitzer');
    expect(await verifyApiToken(database.db, out.trim(), clock.now())).toMatchObject({ role: 'staff', staffId: salon.staff.fabian });
  });

  it.each([
    ['no role', ['create', '--business', 'x'], 2, '--role'],
    ['an unknown role', ['create', '--role', 'owner'], 2, '--role'],
    ['the staff role without --staff', ['create', '--role', 'staff'], 2, '--staff'],
    ['--staff for an admin', ['create', '--role', 'admin', '--staff', '8e0b7c1e-1111-4111-8111-111111111111'], 2, 'staff role'],
    ['a staff reference that is no id', ['create', '--role', 'staff', '--staff', 'Emma'], 2, 'uuid'],
    ['an unknown option', ['create', '--role', 'admin', '--admin-of', 'all'], 2, 'unknown option'],
    ['a flag without value', ['create', '--role'], 2, 'needs a value'],
  ])('refuses %s', async (_name, args, code, message) => {
    const r = await run(args);
    expect(r.code).toBe(code);
    expect(r.err).toContain(message);
    expect(r.out).not.toMatch(/ta_/);
  });

  it('refuses a staff member of another business and an unknown business', async () => {
    const other = await createTestSalon(database.db);
    const wrongStaff = await run(['create', '--role', 'staff', '--staff', other.staff.emma, '--business', salon.definition.slug]);
    expect(wrongStaff.code).toBe(1);
    expect(wrongStaff.err).toContain('no active staff member');
    const noBusiness = await run(['create', '--role', 'admin', '--business', 'no-such-salon']);
    expect(noBusiness.code).toBe(1);
    expect(noBusiness.err).toContain("no business 'no-such-salon'");
  });

  it('lists tokens without their secrets, and revokes one', async () => {
    const created = await run(['create', '--role', 'staff', '--staff', salon.staff.emma, '--business', salon.definition.slug, '--label', 'Emma Handy']);
    const token = created.out.trim();
    // Other test files write tokens with this label into the same database: this business's is the one.
    const [row] = await database.db
      .select()
      .from(apiTokens)
      .where(and(eq(apiTokens.label, 'Emma Handy'), eq(apiTokens.businessId, salon.id)));
    const listed = await run(['list', '--business', salon.definition.slug]);
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(/^ID\s+BUSINESS\s+ROLE\s+STAFF\s+LABEL\s+CREATED\s+LAST USED\s+REVOKED/);
    expect(listed.out).toContain(row!.id);
    expect(listed.out).toContain('Emma Williams');
    expect(listed.out).not.toContain(token);
    expect(listed.out).not.toContain(row!.tokenHash);

    const revoked = await run(['revoke', row!.id]);
    expect(revoked).toMatchObject({ code: 0, out: `token ${row!.id} revoked\n` });
    expect(await verifyApiToken(database.db, token, clock.now())).toBeNull();
    expect((await run(['list', '--business', salon.definition.slug])).out).toMatch(new RegExp(`${row!.id}.*2030-03-04 07:00\\s*$`, 'm'));
    const again = await run(['revoke', row!.id]);
    expect(again.code).toBe(0);
    expect(again.out).toContain('already revoked');
  });

  it.each([
    ['an unknown id', ['revoke', '8e0b7c1e-1111-4111-8111-111111111111'], 1, 'no token'],
    ['an id that is no uuid', ['revoke', '42'], 2, 'usage'],
    ['no id', ['revoke'], 2, 'usage'],
  ])('refuses to revoke %s', async (_name, args, code, message) => {
    const r = await run(args);
    expect(r.code).toBe(code);
    expect(r.err).toContain(message);
  });

  it('explains itself and rejects unknown subcommands', async () => {
    expect((await run(['--help'])).out).toContain('token create --role admin|staff');
    expect((await run(['rotate'])).code).toBe(2);
    const t = io();
    expect(await runCli(['--help'], t.streams)).toBe(0);
    expect(t.out()).toContain('token');
  });

  it('defaults to the only business of a deployment', async () => {
    const single = await openTestPglite();
    try {
      const only = await createTestSalon(single.db);
      const t = io();
      expect(await runToken(['create', '--role', 'admin'], t.streams, { database: single, clock })).toBe(0);
      expect(t.err()).toContain(only.definition.slug);
      expect(t.err()).not.toContain('several businesses');
      await createTestSalon(single.db);
      const u = io();
      expect(await runToken(['create', '--role', 'admin'], u.streams, { database: single, clock })).toBe(0);
      expect(u.err()).toContain(`several businesses; using ${only.definition.slug}`);
      const empty = await openTestPglite();
      const v = io();
      expect(await runToken(['list'], v.streams, { database: empty, clock })).toBe(0);
      expect(v.out()).toBe('no tokens\n');
      expect(await runToken(['create', '--role', 'admin'], v.streams, { database: empty, clock })).toBe(1);
      expect(v.err()).toContain('run termin-agent seed first');
      await empty.close();
    } finally {
      await single.close();
    }
    // Two embedded databases open and migrate here, which takes long on a loaded machine.
  }, 180_000);
});
