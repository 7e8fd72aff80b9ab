import type { Directory } from '../../booking/load-directory.js';
import type { Logger } from '../../logger.js';
import type { Reception } from '../../reception/reception.js';
import type { TurnIo } from '../conversation.js';
import { decide } from './decide.js';
import type { Decision } from './effects.js';
import { WRITES, type ReceptionAnswer, type ReceptionCall } from './events.js';
import type { DialogueState } from './state.js';
import { toolCallOf } from './tool-frames.js';

export interface RunContext {
  reception: Reception;
  io: TurnIo;
  directory: Directory;
  /** Retell's call id: tool call ids are unique per call. */
  callId: string;
  /** The turn's moment, for what is said about the answers. */
  now: Date;
  logger: Logger;
  save(state: DialogueState): void;
}

/**
 * Carries out a decision: speaks its lines, runs its reception operations (each answer goes back into `decide`,
 * and what that decides runs next), saves. Returns the state the turn ends in.
 *
 * A superseded turn starts no operation: the caller said more, the next turn decides, and this turn counts as never
 * having happened (`before`), so a re-request of the same words acts on them then. A write that started finishes
 * whatever happens to the turn; its answer is decided `late` and told in the next turn. A fault propagates.
 */
export async function runEffects(ctx: RunContext, before: DialogueState, decision: Decision): Promise<DialogueState> {
  const { io } = ctx;
  let state = decision.state;
  const queue = [...decision.effects];
  let wrote = false;
  for (let effect = queue.shift(); effect; effect = queue.shift()) {
    switch (effect.kind) {
      case 'say':
        // A trailing space keeps streamed sentences apart when Retell joins the chunks.
        io.say(`${effect.text} `);
        break;
      case 'hang_up':
        io.say(effect.text, { endCall: true, noInterruptionAllowed: true });
        break;
      case 'transfer':
        io.say(effect.text, { transferNumber: effect.number, noInterruptionAllowed: true });
        break;
      case 'save':
        ctx.save(state);
        break;
      case 'run': {
        if (io.isStale() || io.signal.aborted) return wrote ? state : before;
        if (effect.filler) io.say(`${effect.filler} `);
        const answer = await perform(ctx, effect.call, effect.seq);
        wrote ||= WRITES.has(effect.call.operation);
        // Superseded, or cut off by the transport's deadline: the caller never hears this answer now.
        const late = io.isStale() || io.signal.aborted;
        const next = decide(state, { kind: 'answered', answer, late, now: ctx.now }, ctx.directory);
        state = next.state;
        queue.unshift(...next.effects);
        break;
      }
    }
  }
  return state;
}

/** Runs one operation against the reception, with its tool call in Retell's transcript and one log line. */
async function perform(ctx: RunContext, call: ReceptionCall, seq: number): Promise<ReceptionAnswer> {
  const tool = toolCallOf(call, ctx.directory);
  const toolCallId = `${ctx.callId}-${seq}`;
  if (tool) ctx.io.toolCallInvocation(toolCallId, tool.name, tool.args);
  const started = performance.now();
  try {
    const answer = await ask(ctx.reception, call);
    if (tool) ctx.io.toolCallResult(toolCallId, JSON.stringify(answer.outcome), true);
    ctx.logger.info(
      { operation: call.operation, outcome: answer.outcome?.kind ?? null, duration_ms: Math.round(performance.now() - started) },
      'reception call',
    );
    return answer;
  } catch (error) {
    if (tool) ctx.io.toolCallResult(toolCallId, JSON.stringify({ error: 'failed' }), false);
    throw error;
  }
}

async function ask(reception: Reception, call: ReceptionCall): Promise<ReceptionAnswer> {
  switch (call.operation) {
    case 'offer':
      return { operation: call.operation, outcome: await reception.offer(call.request) };
    case 'book':
      return { operation: call.operation, outcome: await reception.book(call.request) };
    case 'findAppointments':
      return { operation: call.operation, outcome: await reception.findAppointments(call.request) };
    case 'cancel':
      return { operation: call.operation, outcome: await reception.cancel(call.request) };
    case 'reschedule':
      return { operation: call.operation, outcome: await reception.reschedule(call.request) };
    case 'recordOutcome':
      await reception.recordOutcome(call.request);
      return { operation: call.operation, outcome: null };
  }
}
