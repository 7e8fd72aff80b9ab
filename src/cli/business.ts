import { readFile, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { applyBusinessFile, type ApplyOutcome } from '../business-file/apply-business-file.js';
import { BUSINESS_SCHEMA_FILE, businessJsonSchema } from '../business-file/business-json-schema.js';
import { describePlan, describeRefusal } from '../business-file/describe-plan.js';
import { exportBusiness } from '../business-file/export-business.js';
import { formatIssue } from '../business-file/parse-business-file.js';
import { systemClock, type Clock } from '../clock.js';
import { loadConfig } from '../config.js';
import { createDatabase } from '../db/create-database.js';
import type { Database } from '../db/database.js';
import { wantsHelp, type CliIo } from './io.js';

const USAGE = `termin-agent business <apply|export|schema>

  business apply <file> [--dry-run] [--force-archive]
      Creates or updates the business a YAML or JSON file defines (matched on business.slug; services and staff
      on their keys), all or nothing. Applying the same file again changes nothing. An invalid file is refused
      with every problem and its line. --dry-run prints what would change and writes nothing. Removing or
      changing a service or staff member with booked appointments ahead is refused with those appointments;
      --force-archive archives it instead (no longer offered, the appointments stay booked).
  business export <slug> [--out <file>]
      Writes the business as a file (to stdout, or to <file>: JSON when it ends in .json, else YAML).
      Applying it changes nothing.
  business schema
      Prints the file's JSON Schema (the one in schema/business.schema.json).
`;

export interface BusinessCommandOptions {
  /** An already open, migrated database (tests); otherwise the configured one is opened and migrated. */
  database?: Database;
  clock?: Clock;
}

/** `termin-agent business`: apply a business file, export one, print the file's schema. */
export async function runBusiness(args: string[], io: CliIo, options: BusinessCommandOptions = {}): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === undefined || wantsHelp(args)) {
    io.stdout.write(USAGE);
    return sub === undefined ? 2 : 0;
  }
  const parsed = parseArgs(rest, sub === 'apply' ? ['dry-run', 'force-archive'] : [], sub === 'export' ? ['out'] : []);
  const expected = sub === 'schema' ? 0 : 1;
  if (!['apply', 'export', 'schema'].includes(sub) || typeof parsed === 'string' || parsed.positional.length !== expected) {
    io.stderr.write(`${typeof parsed === 'string' ? parsed : `usage: termin-agent business ${sub} …`}\n\n${USAGE}`);
    return 2;
  }
  if (sub === 'schema') {
    io.stdout.write(`${JSON.stringify(businessJsonSchema(), null, 2)}\n`);
    return 0;
  }
  const target = parsed.positional[0]!;
  let text = '';
  if (sub === 'apply') {
    try {
      text = await readFile(target, 'utf8');
    } catch (error) {
      io.stderr.write(`cannot read ${target}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error)}\n`);
      return 1;
    }
  }
  const database = options.database ?? (await openDatabase(io));
  const now = (options.clock ?? systemClock).now();
  try {
    if (sub === 'apply') {
      const flags = { dryRun: parsed.flags.has('dry-run'), forceArchive: parsed.flags.has('force-archive') };
      return report(target, await applyBusinessFile(database.db, text, { now, ...flags }), io);
    }
    const out = parsed.values.get('out');
    const from = out === undefined ? process.cwd() : dirname(resolve(out));
    const rendered = await exportBusiness(database.db, target, now, {
      format: out?.endsWith('.json') ? 'json' : 'yaml',
      schemaRef: relative(from, BUSINESS_SCHEMA_FILE),
    });
    if (rendered === null) {
      io.stderr.write(`no business '${target}'\n`);
      return 1;
    }
    if (out === undefined) io.stdout.write(rendered);
    else {
      await writeFile(out, rendered);
      io.stderr.write(`${target} written to ${out}\n`);
    }
    return 0;
  } finally {
    if (!options.database) await database.close();
  }
}

function report(file: string, outcome: ApplyOutcome, io: CliIo): number {
  if (outcome.kind === 'invalid') {
    for (const e of outcome.errors) io.stderr.write(`${formatIssue(file, e)}\n`);
    io.stderr.write(`${file}: ${outcome.errors.length} problem${outcome.errors.length === 1 ? '' : 's'}; nothing changed\n`);
    return 1;
  }
  for (const n of outcome.notes) io.stderr.write(`${formatIssue(file, n, 'note')}\n`);
  switch (outcome.kind) {
    case 'refused':
      io.stderr.write(`${describeRefusal(outcome.plan).join('\n')}\n`);
      return 1;
    case 'unchanged':
      io.stdout.write(`${outcome.plan.slug}: unchanged, the database already holds what ${file} says\n`);
      return 0;
    case 'planned':
      io.stdout.write(`${describePlan(outcome.plan, false).join('\n')}\ndry run: nothing written\n`);
      return 0;
    case 'applied':
      io.stdout.write(`${describePlan(outcome.plan, true).join('\n')}\n`);
      return 0;
  }
}

type Args = { positional: string[]; flags: Set<string>; values: Map<string, string> };

function parseArgs(args: string[], booleans: string[], valued: string[]): Args | string {
  const result: Args = { positional: [], flags: new Set(), values: new Map() };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      result.positional.push(arg);
      continue;
    }
    const [name = '', inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (booleans.includes(name) && inline === undefined) result.flags.add(name);
    else if (valued.includes(name)) {
      const value = inline ?? args[++i];
      if (!value) return `--${name} needs a value`;
      result.values.set(name, value);
    } else return `unknown option --${name}`;
  }
  return result;
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
