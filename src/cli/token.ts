import { createApiToken } from '../access/create-api-token.js';
import { findBusiness } from '../access/find-business.js';
import { listApiTokens } from '../access/list-api-tokens.js';
import { revokeApiToken } from '../access/revoke-api-token.js';
import { systemClock, type Clock } from '../clock.js';
import { loadConfig } from '../config.js';
import { createDatabase } from '../db/create-database.js';
import type { Database } from '../db/database.js';
import { wantsHelp, type CliIo } from './io.js';

const USAGE = `termin-agent token <create|list|revoke>

  token create --role admin|staff [--staff <staff id>] [--business <id|slug>] [--label <text>]
      Creates a bearer token for the staff API and prints it once (stdout; details on stderr).
      Only its sha256 is stored. --business defaults to the only business (or the first one created);
      the staff role needs --staff, a staff member of that business.
  token list [--business <id|slug>]
      Lists tokens: id, business, role, staff member, label, created, last used, revoked.
  token revoke <id>
      Revokes a token at once; requests with it are answered 401 from then on.
`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface TokenCommandOptions {
  /** An already open, migrated database (tests); otherwise the configured one is opened and migrated. */
  database?: Database;
  clock?: Clock;
}

type Flags = { values: Map<string, string>; positional: string[] };

function parseFlags(args: string[], known: string[]): Flags | string {
  const values = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const flag = eq > 0 ? a.slice(2, eq) : a.slice(2);
    if (!known.includes(flag)) return `unknown option --${flag}`;
    const value = eq > 0 ? a.slice(eq + 1) : args[++i];
    if (value === undefined || value === '') return `--${flag} needs a value`;
    values.set(flag, value);
  }
  return { values, positional };
}

/** `termin-agent token`: create, list and revoke staff API tokens. */
export async function runToken(args: string[], io: CliIo, options: TokenCommandOptions = {}): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === undefined || wantsHelp(args)) {
    io.stdout.write(USAGE);
    return sub === undefined ? 2 : 0;
  }
  const known: Record<string, string[]> = { create: ['role', 'staff', 'business', 'label'], list: ['business'], revoke: [] };
  const flagNames = known[sub];
  if (!flagNames) {
    io.stderr.write(`Unknown token command '${sub}'.\n\n${USAGE}`);
    return 2;
  }
  const flags = parseFlags(rest, flagNames);
  if (typeof flags === 'string') {
    io.stderr.write(`${flags}\n\n${USAGE}`);
    return 2;
  }
  const database = options.database ?? (await openDatabase(io));
  try {
    const clock = options.clock ?? systemClock;
    if (sub === 'create') return await create(database, flags, io);
    if (sub === 'list') return await list(database, flags, io);
    return await revoke(database, flags, io, clock);
  } finally {
    if (!options.database) await database.close();
  }
}

async function openDatabase(io: CliIo): Promise<Database> {
  const database = await createDatabase(loadConfig(io.env));
  try {
    await database.migrate();
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}

async function create(database: Database, flags: Flags, io: CliIo): Promise<number> {
  const role = flags.values.get('role');
  if (role !== 'admin' && role !== 'staff') {
    io.stderr.write('--role must be admin or staff\n');
    return 2;
  }
  const staffRef = flags.values.get('staff');
  if (role === 'staff' && !staffRef) {
    io.stderr.write('the staff role needs --staff <staff id>\n');
    return 2;
  }
  if (role === 'admin' && staffRef) {
    io.stderr.write('--staff only applies to the staff role\n');
    return 2;
  }
  if (staffRef && !UUID.test(staffRef)) {
    io.stderr.write(`--staff must be a staff id (uuid), got '${staffRef}'\n`);
    return 2;
  }
  const choice = await findBusiness(database.db, flags.values.get('business'));
  if (choice.kind === 'not_found') {
    io.stderr.write(flags.values.has('business') ? `no business '${flags.values.get('business')}'\n` : 'no business yet; run termin-agent seed first\n');
    return 1;
  }
  const { business } = choice;
  if (choice.ambiguous) io.stderr.write(`several businesses; using ${business.slug} (pass --business to choose)\n`);
  const outcome = await createApiToken(database.db, { businessId: business.id, role, staffId: staffRef ?? null, label: flags.values.get('label') ?? null });
  switch (outcome.kind) {
    case 'staff_required':
      io.stderr.write('the staff role needs --staff <staff id>\n');
      return 2;
    case 'not_found':
      io.stderr.write(`no active staff member ${staffRef} in ${business.slug}\n`);
      return 1;
    case 'created': {
      const whom = outcome.staffName ? ` for ${outcome.staffName}` : '';
      io.stderr.write(`Created ${role} token ${outcome.id}${whom} (${business.slug}). It is shown only this once:\n`);
      io.stdout.write(`${outcome.token}\n`);
      return 0;
    }
  }
}

async function list(database: Database, flags: Flags, io: CliIo): Promise<number> {
  let businessId: string | undefined;
  const ref = flags.values.get('business');
  if (ref !== undefined) {
    const choice = await findBusiness(database.db, ref);
    if (choice.kind === 'not_found') {
      io.stderr.write(`no business '${ref}'\n`);
      return 1;
    }
    businessId = choice.business.id;
  }
  const tokens = await listApiTokens(database.db, { businessId });
  if (tokens.length === 0) {
    io.stdout.write('no tokens\n');
    return 0;
  }
  const at = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace('T', ' ') : '-');
  const rows = [
    ['ID', 'BUSINESS', 'ROLE', 'STAFF', 'LABEL', 'CREATED', 'LAST USED', 'REVOKED'],
    ...tokens.map((t) => [t.id, t.businessSlug, t.role, t.staffName ?? '-', t.label ?? '-', at(t.createdAt), at(t.lastUsedAt), at(t.revokedAt)]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows)
    io.stdout.write(
      `${r
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join('  ')
        .trimEnd()}\n`,
    );
  return 0;
}

async function revoke(database: Database, flags: Flags, io: CliIo, clock: Clock): Promise<number> {
  const [id, ...extra] = flags.positional;
  if (!id || extra.length > 0 || !UUID.test(id)) {
    io.stderr.write('usage: termin-agent token revoke <token id>\n');
    return 2;
  }
  const outcome = await revokeApiToken(database.db, id, clock.now());
  switch (outcome.kind) {
    case 'not_found':
      io.stderr.write(`no token ${id}\n`);
      return 1;
    case 'already_revoked':
      io.stdout.write(`token ${id} was already revoked at ${outcome.at.toISOString()}\n`);
      return 0;
    case 'revoked':
      io.stdout.write(`token ${id} revoked\n`);
      return 0;
  }
}
