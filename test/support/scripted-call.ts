import { expect } from 'vitest';
import type { Directory } from '../../src/booking/load-directory.js';
import { createLogger } from '../../src/logger.js';
import type { Reception } from '../../src/reception/reception.js';
import type { SayOptions, TurnIo, Utterance } from '../../src/voice/conversation.js';
import { decide } from '../../src/voice/dialogue/decide.js';
import type { ReceptionAnswer, ReceptionCall } from '../../src/voice/dialogue/events.js';
import { readSnapshot } from '../../src/voice/dialogue/snapshot.js';
import { initialState, type DialogueState } from '../../src/voice/dialogue/state.js';
import { takeTurn } from '../../src/voice/dialogue/take-turn.js';
import { SALON } from './demo-directory.js';

/**
 * Whole calls against the real decision and the real German reading, without a database: a script of caller
 * lines and what the reception answers, checked against what the agent says and asks the reception to do.
 */

// Thursday 2026-11-19 09:00 in Berlin.
export const NOW = new Date('2026-11-19T08:00:00Z');
export const CALLER = '+4917612345678';

export type Expected = string | RegExp;

export interface TurnScript {
  /** What the caller says; absent for a reminder (the caller was silent). */
  say?: string;
  /** What the reception answers, in the order the conversation asks. */
  world?: ReceptionAnswer[];
  /** What the agent says in the turn (whitespace collapsed). */
  hear: Expected;
  /** The reception calls of the turn, each matched as a subset (`request` too). */
  ops?: Array<{ operation: ReceptionCall['operation']; request?: unknown }>;
  /** How the turn ends the call. */
  end?: 'hang_up' | { transfer: string };
  /** Retell asks for a newer response: before the turn runs, or the moment its first operation starts. */
  superseded?: 'before' | 'at_first_operation';
  /** Retell asks again for the same words (the last response was discarded): the transcript is not extended. */
  again?: true;
  /**
   * The caller talked over the agent's last reply after all of it was sent: Retell's transcript holds only this much
   * of it, what was spoken before the caller cut in.
   */
  heard?: string;
}

export type ScriptStep = TurnScript | { resume: 'snapshot' | 'unreadable' };

export interface CallScript {
  name: string;
  directory?: Directory;
  /** The calling number (null: withheld) and the name of a returning customer. */
  caller?: { number?: string | null; knownName?: string | null; household?: boolean };
  greeting?: Expected;
  steps: ScriptStep[];
  /** Checks on the state the call ends in. */
  finally?: (state: DialogueState) => void;
}

interface TurnRecord {
  text: string;
  endCall: boolean;
  transferNumber: string | null;
  tools: Array<{ id: string; name: string; args: Record<string, unknown>; result?: string }>;
}

/** A reception that answers from the script and records what it was asked. */
class ScriptedReception implements Reception {
  readonly asked: ReceptionCall[] = [];
  private answers: ReceptionAnswer[] = [];

  expect(answers: ReceptionAnswer[]): void {
    this.answers = [...answers];
  }

  leftOver(): ReceptionAnswer[] {
    return this.answers;
  }

  private next(call: ReceptionCall): ReceptionAnswer['outcome'] {
    this.asked.push(call);
    const answer = this.answers.shift();
    if (!answer) throw new Error(`the script has no answer for ${call.operation} ${JSON.stringify(call.request)}`);
    if (answer.operation !== call.operation) throw new Error(`the conversation asked ${call.operation}, the script answers ${answer.operation}`);
    return answer.outcome;
  }

  offer = async (request: Extract<ReceptionCall, { operation: 'offer' }>['request']) => this.next({ operation: 'offer', request }) as never;
  book = async (request: Extract<ReceptionCall, { operation: 'book' }>['request']) => this.next({ operation: 'book', request }) as never;
  findAppointments = async (request: Extract<ReceptionCall, { operation: 'findAppointments' }>['request']) =>
    this.next({ operation: 'findAppointments', request }) as never;
  cancel = async (request: Extract<ReceptionCall, { operation: 'cancel' }>['request']) => this.next({ operation: 'cancel', request }) as never;
  reschedule = async (request: Extract<ReceptionCall, { operation: 'reschedule' }>['request']) => this.next({ operation: 'reschedule', request }) as never;
  recordOutcome = async (request: Extract<ReceptionCall, { operation: 'recordOutcome' }>['request']) => {
    this.next({ operation: 'recordOutcome', request });
  };
  releaseHolds = async () => undefined;
}

const logger = createLogger('silent');

/** Plays a whole call; every expectation failure names the step it happened in. */
export async function playCall(script: CallScript): Promise<{ state: DialogueState; turns: TurnRecord[]; saved: DialogueState[] }> {
  const directory = script.directory ?? SALON;
  const reception = new ScriptedReception();
  const number = script.caller?.number === undefined ? CALLER : script.caller.number;
  const saved: DialogueState[] = [];
  const opened = decide(
    initialState(),
    { kind: 'opened', caller: { number, knownName: script.caller?.knownName ?? null, ...(script.caller?.household ? { household: true } : {}) }, now: NOW },
    directory,
  );
  let state = opened.state;
  const greeting = opened.effects.flatMap((e) => (e.kind === 'say' ? [e.text] : [])).join(' ');
  if (script.greeting) match(greeting, script.greeting, 'greeting');
  const transcript: Utterance[] = [{ role: 'agent', content: greeting }];
  const turns: TurnRecord[] = [];
  let responseId = 0;

  for (const [index, step] of script.steps.entries()) {
    const where = `step ${index + 1}`;
    if ('resume' in step) {
      // Another instance takes the call over from what this one saved (through JSON, as the database stores it).
      const stored: unknown = JSON.parse(
        JSON.stringify(
          step.resume === 'snapshot'
            ? { version: 1, owner: 'a', businessId: directory.business.id, keepTranscript: true, state }
            : { version: 0, owner: 'a', businessId: directory.business.id, phase: 'offered', offers: 'garbage' },
        ),
      );
      const read = readSnapshot(stored);
      state = read.kind === 'readable' ? read.snapshot.state : initialState();
      continue;
    }
    // A re-request carries the transcript of the request before: the answer to it was discarded, never spoken.
    if (step.again && transcript.at(-1)?.role === 'agent') transcript.pop();
    if (step.heard !== undefined && transcript.at(-1)?.role === 'agent') transcript[transcript.length - 1] = { role: 'agent', content: step.heard };
    if (step.say !== undefined && !step.again) transcript.push({ role: 'user', content: step.say });
    reception.expect(step.world ?? []);
    const askedBefore = reception.asked.length;
    const record: TurnRecord = { text: '', endCall: false, transferNumber: null, tools: [] };
    let stale = step.superseded === 'before';
    const io: TurnIo = {
      signal: new AbortController().signal,
      isStale: () => stale,
      say(content: string, options?: SayOptions) {
        if (stale) return;
        record.text += content;
        if (options?.endCall) record.endCall = true;
        if (options?.transferNumber) record.transferNumber = options.transferNumber;
      },
      toolCallInvocation(id, name, args) {
        if (step.superseded === 'at_first_operation') stale = true;
        record.tools.push({ id, name, args });
      },
      toolCallResult(id, content) {
        const tool = record.tools.find((t) => t.id === id);
        if (tool) tool.result = content;
      },
    };
    const kind = step.say === undefined ? 'reminder_required' : 'response_required';
    state = await takeTurn({ reception, io, directory, callId: 'call-1', now: NOW, logger, save: (s) => saved.push(s) }, state, {
      kind,
      responseId: ++responseId,
      transcript: [...transcript],
    });
    record.text = record.text.replace(/\s+/g, ' ').trim();
    turns.push(record);
    match(record.text, step.hear, `${where} (${step.say ?? 'silence'})`);
    expect(reception.leftOver(), `${where}: answers the conversation never asked for`).toEqual([]);
    if (step.ops) expect(reception.asked.slice(askedBefore), `${where}: reception calls`).toMatchObject(step.ops);
    expect(record.endCall, `${where}: hangs up`).toBe(step.end === 'hang_up');
    expect(record.transferNumber, `${where}: transfers`).toBe(typeof step.end === 'object' ? step.end.transfer : null);
    if (record.text) transcript.push({ role: 'agent', content: record.text });
  }
  script.finally?.(state);
  return { state, turns, saved };
}

function match(actual: string, expected: Expected, where: string): void {
  if (typeof expected === 'string') expect(actual, where).toBe(expected);
  else expect(actual, where).toMatch(expected);
}
