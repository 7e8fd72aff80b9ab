import { Hono } from 'hono';
import { z } from 'zod';
import { bookingDepsOf, type AppContext } from '../../context.js';
import { routeCall } from '../../calls/route-call.js';
import { normalizePhone } from '../../booking/normalize-phone.js';
import { isToolName } from '../../tools/run-tool.js';
import { runToolOnce } from '../../tools/run-tool-once.js';
import { toolDefinitions } from '../../tools/tool-definitions.js';
import { cleanJson } from '../../text/clean-text.js';
import { errorResponse } from '../errors.js';
import { publicBaseOf } from '../public-url.js';
import { retellAuth, type RetellVariables } from '../middleware/retell-auth.js';

/** The parts of Retell's call object a function call needs; everything else is ignored. */
const CallRef = z.object({
  call_id: z.string().min(1).max(128).optional(),
  from_number: z.string().max(40).nullish(),
  to_number: z.string().max(40).nullish(),
  agent_id: z.string().max(128).nullish(),
});

/** `{name, call, args}` as Retell sends it, or the args alone ("args at root"). */
function envelope(body: unknown): { args: unknown; call: z.infer<typeof CallRef> | null } {
  if (body && typeof body === 'object' && !Array.isArray(body) && 'args' in body && ('call' in body || 'name' in body)) {
    const b = body as { args: unknown; call?: unknown };
    const call = CallRef.safeParse(b.call ?? {});
    return { args: b.args, call: call.success ? call.data : null };
  }
  return { args: body, call: null };
}

/** Retell custom functions: signed POSTs that run the same tools the phone dialogue uses. */
export function retellFunctionRoutes(ctx: AppContext): Hono<{ Variables: RetellVariables }> {
  const app = new Hono<{ Variables: RetellVariables }>();
  const deps = bookingDepsOf(ctx);

  // Public, like any description of an API: it shows no data. The URLs are absolute, so the definitions paste as they are.
  app.get('/retell/functions', (c) => {
    const base = publicBaseOf(c, ctx.config);
    if (!base) return errorResponse(c, 'bad_request', 'The Host header is no host name; set PUBLIC_URL.');
    return c.json(toolDefinitions(base));
  });

  app.post('/retell/functions/:name', retellAuth(ctx), async (c) => {
    const name = c.req.param('name');
    if (!isToolName(name)) return errorResponse(c, 'not_found', `Unknown function '${name}'.`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(c.get('rawBody') || '{}');
    } catch {
      return errorResponse(c, 'bad_request', 'Body is not valid JSON.');
    }
    // What the caller said reaches us as it was heard: a NUL or a broken surrogate is dropped here, not stored.
    const body = cleanJson(parsed);
    if (body === undefined) return errorResponse(c, 'bad_request', 'Body nests too deeply.');
    const { args, call } = envelope(body);
    const routing = await routeCall(ctx.database.db, { toNumber: call?.to_number ?? null, agentId: call?.agent_id ?? null });
    if (!routing) return errorResponse(c, 'unprocessable', 'The call matches no business: register its number (or Retell agent id) with the business.');
    const callerNumber = call?.from_number ? normalizePhone(call.from_number) : null;
    const started = performance.now();
    const { result, repeated } = await runToolOnce(
      { deps, businessId: routing.businessId, callId: call?.call_id ?? null, callerNumber, source: 'function' },
      name,
      args,
    );
    c.get('log').info(
      { function: name, ok: result.ok, error: result.error ?? null, repeated, duration_ms: Math.round(performance.now() - started) },
      'function call',
    );
    return c.json(result);
  });
  return app;
}
