import { runTokenCommand, TokenCommand, TokenCommandResult, type TokenListing } from '../access/token-commands.js';
import { systemClock, type Clock } from '../clock.js';
import { loadConfig } from '../config.js';
import type { Database } from '../db/database.js';
import { CONTROL_PATHS } from '../http/control-channel.js';
import { wantsHelp, type CliIo } from './io.js';
import { onDatabaseOrService } from './running-service.js';

const USAGE = `termin-agent token <create|list|revoke>

  token create --role admin|staff [--staff <staff id>] [--business <id|slug>] [--label <text>]
      Creates a bearer token for the staff API and prints it once (stdout; details on stderr).
      Only its sha256 is stored. --business defaults to the only business (or the first one created);
      the staff role needs --staff, an active staff member of that business.
  token list [--business <id|slug>]
      Lists tokens: id, business, role, staff member, label, created, last used, revoked.
  token revoke <id>
      Revokes a token at once; requests with it are answered 401 from then on.

Works beside a running service: on Postgres it uses the database itself; with the embedded database, which only
one process may open, it asks the running service (over its control channel on loopback) to do it.
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
  const command = commandOf(sub, flags);
  if (typeof command === 'string') {
    io.stderr.write(`${command}\n`);
    return 2;
  }
  const clock = options.clock ?? systemClock;
  const result = options.database
    ? await runTokenCommand(options.database.db, command, clock.now())
    : await onDatabaseOrService(loadConfig(io.env), {
        local: (database) => runTokenCommand(database.db, command, clock.now()),
        remote: (service) => {
          io.stderr.write(`(asking the running service, pid ${service.pid}, which holds the embedded database)\n`);
          return service.ask(CONTROL_PATHS.tokens, command, TokenCommandResult);
        },
      });
  return report(result, io);
}

/** The command the flags ask for, or why they do not make one. */
function commandOf(sub: string, flags: Flags): TokenCommand | string {
  if (sub === 'list') return { op: 'list', business: flags.values.get('business') ?? null };
  if (sub === 'revoke') {
    const [id, ...extra] = flags.positional;
    if (!id || extra.length > 0 || !UUID.test(id)) return 'usage: termin-agent token revoke <token id>';
    return { op: 'revoke', id };
  }
  const role = flags.values.get('role');
  if (role !== 'admin' && role !== 'staff') return '--role must be admin or staff';
  const staffRef = flags.values.get('staff');
  if (role === 'staff' && !staffRef) return 'the staff role needs --staff <staff id>';
  if (role === 'admin' && staffRef) return '--staff only applies to the staff role';
  if (staffRef && !UUID.test(staffRef)) return `--staff must be a staff id (uuid), got '${staffRef}'`;
  return { op: 'create', role, staffId: staffRef ?? null, business: flags.values.get('business') ?? null, label: flags.values.get('label') ?? null };
}

function report(result: TokenCommandResult, io: CliIo): number {
  switch (result.kind) {
    case 'no_business':
      io.stderr.write(result.asked !== null ? `no business '${result.asked}'\n` : 'no business yet; run termin-agent seed first\n');
      return 1;
    case 'staff_required':
      io.stderr.write('the staff role needs --staff <staff id>\n');
      return 2;
    case 'no_staff':
      io.stderr.write(`no active staff member ${result.staffId} in ${result.businessSlug}\n`);
      return 1;
    case 'created': {
      if (result.ambiguous) io.stderr.write(`several businesses; using ${result.businessSlug} (pass --business to choose)\n`);
      const whom = result.staffName ? ` for ${result.staffName}` : '';
      io.stderr.write(`Created ${result.role} token ${result.id}${whom} (${result.businessSlug}). It is shown only this once:\n`);
      io.stdout.write(`${result.token}\n`);
      return 0;
    }
    case 'listed':
      io.stdout.write(table(result.tokens));
      return 0;
    case 'no_token':
      io.stderr.write(`no token ${result.id}\n`);
      return 1;
    case 'already_revoked':
      io.stdout.write(`token ${result.id} was already revoked at ${result.at}\n`);
      return 0;
    case 'revoked':
      io.stdout.write(`token ${result.id} revoked\n`);
      return 0;
  }
}

function table(tokens: TokenListing[]): string {
  if (tokens.length === 0) return 'no tokens\n';
  const at = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '-');
  const rows = [
    ['ID', 'BUSINESS', 'ROLE', 'STAFF', 'LABEL', 'CREATED', 'LAST USED', 'REVOKED'],
    ...tokens.map((t) => [t.id, t.businessSlug, t.role, t.staffName ?? '-', t.label ?? '-', at(t.createdAt), at(t.lastUsedAt), at(t.revokedAt)]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map(
      (r) =>
        `${r
          .map((cell, i) => cell.padEnd(widths[i]!))
          .join('  ')
          .trimEnd()}\n`,
    )
    .join('');
}
