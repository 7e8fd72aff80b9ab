import { createHash, timingSafeEqual } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { runTokenCommand, TokenCommand } from '../access/token-commands.js';
import type { AppContext } from '../context.js';
import { generateControlSecret, writeControlFile } from '../db/control-file.js';
import { findAgentPrompt } from '../tools/agent-prompt.js';
import { errorResponse } from './errors.js';
import { listen } from './listen.js';
import { limitBody } from './middleware/limit-body.js';

/** What a control request may carry: a token command or a business's slug, well under a kilobyte. */
const CONTROL_MAX_BODY_BYTES = 16 * 1024;

export interface ControlChannel {
  port: number;
  close(): Promise<void>;
}

/** The control routes, shared with the CLI that calls them. */
export const CONTROL_PATHS = { tokens: '/control/tokens', prompt: '/control/prompt' } as const;

const PromptRequest = z.object({ business: z.string().min(1).max(200).nullable() });

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Only the holder of the control secret, and only from this machine. The listener is bound to loopback; checking
 * the socket's peer (never a forwarded header) keeps that true should the binding ever change. A web page in a
 * browser on the machine cannot send the Authorization header without a preflight, which is never answered.
 * Digests make the comparison constant-time whatever the length of what was sent.
 */
function controlAuth(secret: string): MiddlewareHandler {
  const expected = digest(secret);
  return async (c, next) => {
    let remote: string | undefined;
    try {
      remote = getConnInfo(c).remote.address;
    } catch {
      remote = undefined;
    }
    if (remote !== '127.0.0.1' && remote !== '::1' && remote !== '::ffff:127.0.0.1')
      return errorResponse(c, 'forbidden', 'Control requests come from this machine only.');
    const sent = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (!sent || !timingSafeEqual(digest(sent), expected)) return errorResponse(c, 'unauthorized', 'Wrong or missing control secret.');
    await next();
  };
}

async function parsedBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S> | null> {
  const parsed = schema.safeParse(await c.req.json().catch(() => undefined));
  return parsed.success ? parsed.data : null;
}

/**
 * The embedded database's own channel for the operator's commands. PGlite lives in this process and no other may
 * open its files, so `termin-agent token …` beside a running service sends its command here (see
 * `cli/running-service.ts`) instead of being turned away. A listener of its own, on loopback and a port the OS
 * picks, so it is never reachable through the public port or a proxy in front of it; its port and a fresh secret
 * go into the 0600 control file in the data folder.
 */
export async function startControlChannel(ctx: AppContext, dataDir: string): Promise<ControlChannel> {
  const secret = generateControlSecret();
  const app = new Hono();
  app.use('*', controlAuth(secret));
  app.use('*', limitBody(CONTROL_MAX_BODY_BYTES));
  app.post(CONTROL_PATHS.tokens, async (c) => {
    const command = await parsedBody(c, TokenCommand);
    if (!command) return errorResponse(c, 'bad_request', 'Not a token command.');
    const result = await runTokenCommand(ctx.database.db, command, ctx.clock.now());
    ctx.logger.info({ op: command.op, outcome: result.kind }, 'control: token command');
    return c.json(result);
  });
  app.post(CONTROL_PATHS.prompt, async (c) => {
    const asked = await parsedBody(c, PromptRequest);
    if (!asked) return errorResponse(c, 'bad_request', 'Not a prompt request.');
    return c.json(await findAgentPrompt(ctx.database.db, asked.business));
  });
  app.notFound((c) => errorResponse(c, 'not_found', 'No such control route.'));
  app.onError((error, c) => {
    ctx.logger.error({ err: error }, 'control request failed');
    return errorResponse(c, 'internal', 'Internal error.');
  });

  const listening = await listen(app, 0, '127.0.0.1');
  let file: { remove(): void };
  try {
    file = writeControlFile(dataDir, { pid: process.pid, port: listening.port, secret });
  } catch (error) {
    await listening.close(0);
    throw error;
  }
  return {
    port: listening.port,
    async close() {
      file.remove();
      await listening.close(1_000);
    },
  };
}
