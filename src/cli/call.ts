/**
 * `termin-agent call`: talk to the agent from a terminal. The command plays Retell's part of the custom-LLM
 * protocol against a running server — answers `config` with `call_details`, sends each typed line as a
 * `response_required` with the transcript so far, echoes keepalives — and prints what the agent says.
 */
import { randomBytes } from 'node:crypto';
import { LlmWebSocketSecret } from '../config.js';
import type { CliIo } from './io.js';
import { LineQueue } from './line-queue.js';
import { RetellCaller } from './retell-caller.js';

export interface CallCommandOptions {
  /** How long to wait for the greeting (default 5 s). */
  greetingTimeoutMs?: number;
  /** How long to wait for a response to complete before warning and reading on (default 20 s). */
  responseTimeoutMs?: number;
}

type CallIo = Pick<CliIo, 'stdin' | 'stdout' | 'stderr'> & Partial<Pick<CliIo, 'env'>>;

const HELP = `termin-agent call [--url <ws-url>] [--secret <secret>] [--from <number>] [--to <number>] [--call-id <id>]

Talk to the agent from the terminal over the real Retell WebSocket protocol. The command acts as Retell:
it answers the server's config with call_details, sends every line you type as a response_required with
the transcript so far, and prints the agent's lines and tool calls.

  --url      base URL of the LLM WebSocket (default ws://localhost:$PORT/llm-websocket, PORT as for npm start,
             8080 when unset); the secret (if any) and the call id are appended
  --secret   the service's LLM_WEBSOCKET_SECRET (default: LLM_WEBSOCKET_SECRET from the environment, as for npm start)
  --from     the caller's number in call_details (default +4917612345678)
  --to       the called number (default +493012345670)
  --call-id  the call id (default: a random one)
  --help     this text

One line per caller turn. The call ends when the agent hangs up or transfers, or when input ends (Ctrl-D).
`;

interface Args {
  help: boolean;
  url: string;
  secret: string | null;
  from: string;
  to: string;
  callId: string;
}

const CALL_ID = /^[A-Za-z0-9_-]{1,128}$/;

function parseArgs(args: string[], port: string, secret: string | null): Args | string {
  const out: Args = {
    help: false,
    url: `ws://localhost:${port}/llm-websocket`,
    secret,
    from: '+4917612345678',
    to: '+493012345670',
    callId: `call_${randomBytes(8).toString('hex')}`,
  };
  const flags = { '--url': 'url', '--secret': 'secret', '--from': 'from', '--to': 'to', '--call-id': 'callId' } as const;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--help' || arg === '-h') {
      out.help = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (!(flag in flags)) return `unknown argument ${arg}`;
    const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
    if (value === undefined || value === '') return `${flag} needs a value`;
    out[flags[flag as keyof typeof flags]] = value;
  }
  if (!CALL_ID.test(out.callId)) return '--call-id may contain only letters, digits, _ and - (at most 128)';
  if (out.secret !== null && !LlmWebSocketSecret.safeParse(out.secret).success)
    return '--secret (or LLM_WEBSOCKET_SECRET) must be 16-256 letters, digits or . _ ~ -';
  try {
    const url = new URL(out.url.replace(/^http/, 'ws'));
    if (url.protocol !== 'ws:' && url.protocol !== 'wss:') return '--url must be a ws:// or wss:// URL';
    out.url = url.toString().replace(/\/+$/, '');
  } catch {
    return `--url is not a URL: ${out.url}`;
  }
  return out;
}

/** Runs one call from the terminal; 0 when the call ended normally, 1 when the connection failed, 2 on bad usage. */
export async function runCallCommand(args: string[], io: CallIo, options: CallCommandOptions = {}): Promise<number> {
  // The same PORT and secret the service was started with, so `PORT=9000 npm start` and `PORT=9000 termin-agent call` meet.
  const parsed = parseArgs(args, io.env?.PORT?.trim() || '8080', io.env?.LLM_WEBSOCKET_SECRET?.trim() || null);
  if (typeof parsed === 'string') {
    io.stderr.write(`${parsed}\n\n${HELP}`);
    return 2;
  }
  if (parsed.help) {
    io.stdout.write(HELP);
    return 0;
  }
  const target = parsed.secret ? `${parsed.url}/${parsed.secret}/${parsed.callId}` : `${parsed.url}/${parsed.callId}`;
  // The secret is a credential: it is sent, never printed.
  const shown = parsed.secret ? `${parsed.url}/<secret>/${parsed.callId}` : target;
  const call = new RetellCaller(target, parsed, io);
  try {
    await call.opened;
  } catch (error) {
    const status = (error as { statusCode?: unknown }).statusCode;
    const hint =
      status === 401
        ? parsed.secret
          ? ' (wrong --secret / LLM_WEBSOCKET_SECRET?)'
          : ' (the service has LLM_WEBSOCKET_SECRET set: pass it with --secret)'
        : '';
    io.stderr.write(`Could not connect to ${shown}: ${error instanceof Error ? error.message : String(error)}${hint}\n`);
    return 1;
  }
  io.stderr.write(`Connected to ${shown} (call from ${parsed.from} to ${parsed.to}). Type what the caller says; Ctrl-D hangs up.\n`);
  const echoCaller = (io.stdin as { isTTY?: boolean }).isTTY !== true;
  const lines = new LineQueue(io.stdin);
  try {
    await call.awaitResponse(0, options.greetingTimeoutMs ?? 5_000, 'greeting');
    while (!call.ended) {
      const line = await Promise.race([lines.next(), call.endedPromise.then(() => null)]);
      if (line === null) break;
      const text = line.trim();
      if (text === '') continue;
      if (echoCaller) io.stdout.write(`Caller: ${text}\n`);
      const id = call.say(text);
      await call.awaitResponse(id, options.responseTimeoutMs ?? 20_000, `response ${id}`);
    }
  } finally {
    lines.close();
  }
  return call.hangUp();
}
