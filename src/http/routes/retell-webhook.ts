import { Hono } from 'hono';
import { recordCallEvent } from '../../calls/record-call-event.js';
import { releaseCallHolds } from '../../booking/call-holds.js';
import { isTerminalStatus } from '../../calls/call-event.js';
import { bookingDepsOf, type AppContext } from '../../context.js';
import { retellAuth, type RetellVariables } from '../middleware/retell-auth.js';
import { parseRetellWebhook } from '../retell-webhook-payload.js';

/**
 * `POST /retell/webhook`: call lifecycle events. Everything with a valid signature gets a 204, even a payload
 * we cannot use: Retell retries anything else, and a retry of a bad payload is just as bad.
 */
export function retellWebhookRoutes(ctx: AppContext): Hono<{ Variables: RetellVariables }> {
  const app = new Hono<{ Variables: RetellVariables }>();
  app.post('/retell/webhook', retellAuth(ctx), async (c) => {
    const log = c.get('log') ?? ctx.logger;
    const parsed = parseRetellWebhook(c.get('rawBody'));
    switch (parsed.kind) {
      case 'ignored':
        log.debug({ event: parsed.event }, 'retell webhook event ignored');
        break;
      case 'invalid':
        log.warn({ event: parsed.event, call_id: parsed.callId, problem: parsed.problem }, 'retell webhook payload invalid, ignored');
        break;
      case 'event': {
        const fields = { event: parsed.event.kind, call_id: parsed.event.callId };
        // The rest of the event is applied: a call must still end when one of its fields is unusable.
        if (parsed.dropped.length > 0) log.warn({ ...fields, dropped: parsed.dropped }, 'retell webhook fields unusable, dropped');
        const outcome = await recordCallEvent(ctx.database.db, parsed.event);
        if (outcome.kind === 'duplicate') log.info(fields, 'retell webhook repeated, already applied');
        else log.info({ ...fields, business_id: outcome.businessId, status: outcome.status, outcome: outcome.outcome }, 'retell webhook applied');
        // A call that is over holds no slots: function-call agents have no socket whose close would release them.
        if (outcome.kind !== 'duplicate' && isTerminalStatus(outcome.status)) await releaseCallHolds(bookingDepsOf(ctx), parsed.event.callId);
        break;
      }
    }
    return c.body(null, 204);
  });
  return app;
}
