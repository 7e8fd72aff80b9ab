import { speakStaff } from '../german/speak/speak.js';
import { phraseOffer } from '../german/speak/phrase-offer.js';
import { isRefusal, resolveRequest } from './resolve-request.js';
import type { CheckAvailabilityResult } from './results.js';
import type { CheckAvailabilityArgs } from './schemas.js';
import { slotJson } from './slot-json.js';
import { receptionOf, type ToolContext } from './tool-context.js';

/**
 * Answers "is this free?": the exact slot, or the nearest alternatives with the reason. The reception holds the
 * offered slots for the call while the caller decides, so nobody else takes them between offer and yes.
 */
export async function checkAvailability(ctx: ToolContext, args: CheckAvailabilityArgs): Promise<CheckAvailabilityResult> {
  const now = ctx.deps.clock.now();
  const request = await resolveRequest(ctx, args);
  if (isRefusal(request)) return request;
  const { directory, member, service, when } = request;
  const outcome = await receptionOf(ctx, directory).offer({ serviceId: service.id, staffId: member?.id ?? null, ...when });
  const result = phraseOffer(outcome, { directory, now, service, staffName: member ? speakStaff(member) : undefined });
  const held = (count: number) => (ctx.callId ? count : 0);
  switch (outcome.kind) {
    case 'exact':
      return { ok: true, available: true, result, slot: slotJson(outcome.slot, directory, now), alternatives: [], held: held(1) };
    case 'alternatives':
      return {
        ok: true,
        available: false,
        reason: outcome.reason,
        result,
        alternatives: outcome.slots.map((s) => slotJson(s, directory, now)),
        held: held(outcome.slots.length),
      };
    case 'none':
      return { ok: true, available: false, reason: outcome.reason, result, alternatives: [] };
    case 'unknown_service':
    case 'unknown_staff':
      return { ok: false, error: outcome.kind, result };
    case 'invalid_wish':
      return { ok: false, error: 'invalid_date', result };
  }
}
