import { Hono } from 'hono';
import { findBusiness } from '../../access/find-business.js';
import type { AppContext } from '../../context.js';
import { findAgentPrompt } from '../../tools/agent-prompt.js';
import { apiAuth, type ApiEnv } from '../api/auth.js';
import { errorResponse } from '../errors.js';
import type { RateLimiter } from '../middleware/rate-limit.js';

/**
 * `GET /retell/prompt[?business=<slug>]`: the German system prompt for an agent on Retell's own LLM, as plain text
 * to paste. Unlike the function definitions it holds the business's own records (staff, the transfer number), so
 * it takes an admin token of that business, like the staff API.
 */
export function retellPromptRoutes(ctx: AppContext, limiter: RateLimiter): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  app.get('/retell/prompt', apiAuth(ctx, limiter), async (c) => {
    const principal = c.get('principal');
    if (principal.role !== 'admin') return errorResponse(c, 'forbidden', 'The prompt is for admin tokens only.');
    const asked = c.req.query('business');
    if (asked !== undefined) {
      const named = await findBusiness(ctx.database.db, asked);
      // Another business's slug is answered as if it did not exist: a token never learns of other tenants.
      if (named.kind === 'not_found' || named.business.id !== principal.businessId) return errorResponse(c, 'not_found', 'No such business.');
    }
    const prompt = await findAgentPrompt(ctx.database.db, principal.businessId);
    if (prompt.kind !== 'prompt') return errorResponse(c, 'not_found', 'No such business.');
    c.header('Cache-Control', 'no-store');
    return c.text(prompt.text);
  });
  return app;
}
