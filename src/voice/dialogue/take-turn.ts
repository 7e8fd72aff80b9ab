import { readUtterance } from '../../german/understand/index.js';
import type { TurnRequest, Utterance } from '../conversation.js';
import { decide } from './decide.js';
import { runEffects, type RunContext } from './run-effects.js';
import type { DialogueState } from './state.js';

/** The caller's words since the agent last spoke (Retell may split one turn into several utterances). */
function lastCallerText(transcript: readonly Utterance[]): string {
  const words: string[] = [];
  for (let i = transcript.length - 1; i >= 0; i--) {
    const u = transcript[i]!;
    if (u.role === 'agent') break;
    words.unshift(u.content);
  }
  return words.join(' ').trim();
}

/**
 * The agent's last words before the caller's (the run of agent lines Retell may have split them into): what the
 * caller heard of them before speaking.
 */
function lastAgentText(transcript: readonly Utterance[]): string | null {
  let i = transcript.length - 1;
  while (i >= 0 && transcript[i]!.role !== 'agent') i--;
  const lines: string[] = [];
  for (; i >= 0 && transcript[i]!.role === 'agent'; i--) lines.unshift(transcript[i]!.content);
  return lines.length > 0 ? lines.join(' ') : null;
}

/** One turn of a call: what Retell asks for, read and decided, its effects run. Returns the state after it. */
export async function takeTurn(ctx: RunContext, state: DialogueState, request: TurnRequest): Promise<DialogueState> {
  if (request.kind === 'reminder_required') return runEffects(ctx, state, decide(state, { kind: 'reminder', now: ctx.now }, ctx.directory));
  const facts = readUtterance(lastCallerText(request.transcript), ctx.directory, ctx.now);
  const callerUtterances = request.transcript.filter((u) => u.role !== 'agent').length;
  const agentHeard = lastAgentText(request.transcript);
  return runEffects(ctx, state, decide(state, { kind: 'heard', facts, callerUtterances, now: ctx.now, agentHeard }, ctx.directory));
}
