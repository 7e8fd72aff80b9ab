import { DataDirInUseError } from './db/data-dir-lock.js';
import { ConfigError, loadConfig } from './config.js';
import { describeDatabaseFault } from './db/describe-database-fault.js';
import { CliError, processIo, type CliIo } from './cli/io.js';
import { runBusiness } from './cli/business.js';
import { runMigrate, runSeed } from './cli/migrate.js';
import { runCallCommand } from './cli/call.js';
import { runParseCommand } from './cli/parse.js';
import { runPrompt } from './cli/prompt.js';
import { runServe } from './cli/serve.js';
import { runToken } from './cli/token.js';

type Command = (args: string[], io: CliIo) => Promise<number>;

const commands: Record<string, { run: Command; summary: string }> = {
  serve: { run: runServe, summary: 'start the server (default)' },
  migrate: { run: runMigrate, summary: 'apply database migrations' },
  seed: { run: runSeed, summary: "apply the demo salon's and practice's files (idempotent)" },
  business: { run: (args, io) => runBusiness(args, io), summary: 'apply a business file (YAML or JSON), export one, print its schema' },
  call: { run: (args, io) => runCallCommand(args, io), summary: 'talk to the agent from the terminal over the Retell WebSocket protocol' },
  parse: { run: (args, io) => runParseCommand(args, io), summary: 'show what the agent understands in a German sentence' },
  token: { run: (args, io) => runToken(args, io), summary: 'create, list and revoke staff API tokens' },
  prompt: { run: (args, io) => runPrompt(args, io), summary: "print the German system prompt of a business's agent on Retell's own LLM" },
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)}${c.summary}`);
  return `Usage: termin-agent <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun 'termin-agent <command> --help' for a command's options.\n`;
}

/** Dispatches argv to a command and returns the process exit code. */
export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === '--help' || first === '-h' || first === 'help') {
    io.stdout.write(usage());
    return 0;
  }
  const name = first === undefined || first.startsWith('-') ? 'serve' : first;
  const args = first === undefined || first.startsWith('-') ? argv : rest;
  const command = commands[name];
  if (!command) {
    io.stderr.write(`Unknown command '${name}'.\n\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DataDirInUseError || error instanceof CliError) {
      io.stderr.write(`${error.message}\n`);
      return 1;
    }
    // A server that is down or a database that is missing is the operator's to fix: one line, no stack trace.
    const database = loadConfig(io.env).database;
    const fault = database.kind === 'postgres' ? describeDatabaseFault(error, database.url) : null;
    if (fault) {
      io.stderr.write(`${fault}\n`);
      return 1;
    }
    throw error;
  }
}

const invokedDirectly = process.argv[1] !== undefined && /cli\.(ts|js)$|termin-agent(\.js)?$/.test(process.argv[1]);
if (invokedDirectly) {
  runCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`termin-agent: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
