import { loadConfig } from '../config.js';
import type { Database } from '../db/database.js';
import { AgentPromptResult, findAgentPrompt } from '../tools/agent-prompt.js';
import { CONTROL_PATHS } from '../http/control-channel.js';
import { wantsHelp, type CliIo } from './io.js';
import { onDatabaseOrService } from './running-service.js';

const USAGE = `termin-agent prompt [<business id|slug>]

Prints the German system prompt for a Retell agent built on Retell's own LLM (which calls the functions of
GET /retell/functions), from the business's own records: hours, services, staff, answers, transfer number.
Without a business: the only one (or the first created). Works beside a running service, like token.
`;

/** `termin-agent prompt`: the system prompt of a business's Retell-LLM agent, on stdout. */
export async function runPrompt(args: string[], io: CliIo, options: { database?: Database } = {}): Promise<number> {
  if (wantsHelp(args)) {
    io.stdout.write(USAGE);
    return 0;
  }
  if (args.length > 1 || args[0]?.startsWith('-')) {
    io.stderr.write(USAGE);
    return 2;
  }
  const business = args[0] ?? null;
  const result = options.database
    ? await findAgentPrompt(options.database.db, business)
    : await onDatabaseOrService(loadConfig(io.env), {
        local: (database) => findAgentPrompt(database.db, business),
        remote: (service) => service.ask(CONTROL_PATHS.prompt, { business }, AgentPromptResult),
      });
  if (result.kind === 'no_business') {
    io.stderr.write(business !== null ? `no business '${business}'\n` : 'no business yet; run termin-agent seed first\n');
    return 1;
  }
  if (result.ambiguous) io.stderr.write(`several businesses; this is ${result.businessSlug}'s (pass its slug to choose)\n`);
  io.stdout.write(result.text);
  return 0;
}
